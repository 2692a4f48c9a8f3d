"""Number formatting: ``number_with_delimiter`` and Braze's ``money``.

``number_with_delimiter`` carries the name of the Rails helper (ActiveSupport's
``number_to_delimited``) and behaves like it: commas every three digits of the integer
part, the fraction untouched, and input that is not a number handed back unchanged.

``money`` in Braze is documented only by its differences from Shopify's: the number is
not cents (``145`` gives ``145.00``) and there is no currency symbol. What is not
documented was chosen to stay consistent with the Rails-style helpers Braze exposes,
i.e. ``number_to_currency`` without a unit:

- two decimals, rounding half away from zero on the number's shortest decimal form
  (``17.805`` gives ``17.81``);
- comma thousands separators (``350000.25`` gives ``350,000.25``), as Shopify's default
  ``{{amount}}`` money format also prints;
- numbers and numeric strings are formatted; any other input (``"1,234"``, ``"abc"``,
  ``true``) comes back unchanged, which is why Braze tells users to strip commas and
  add ``| plus: 0`` first.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import Optional

from brazelint.engine.filters.common import is_nil
from brazelint.engine.stringify import ruby_to_s

_NUMBER_TEXT = re.compile(r"\s*[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*")
_GROUPS = re.compile(r"(\d)(?=(?:\d{3})+(?!\d))")
_CENT = Decimal("0.01")


def _delimit(text: str) -> str:
    """Insert commas into the integer part of a number's text."""
    whole, point, fraction = text.partition(".")
    return _GROUPS.sub(r"\1,", whole) + point + fraction


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _to_decimal(value: object) -> Optional[Decimal]:
    """The exact decimal a number (or numeric string) shows, or ``None`` if not a number."""
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return Decimal(repr(value))
    if _is_number(value):
        assert isinstance(value, (int, Decimal))
        return Decimal(value)
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value):
        try:
            return Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid text
            return None
    return None


def number_with_delimiter(value: object) -> object:
    """``1234567.891`` -> ``1,234,567.891``; ``"-1234"`` -> ``-1,234``."""
    if is_nil(value):
        return None
    if _is_number(value):
        return _delimit(ruby_to_s(value))
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value):
        return _delimit(value)
    return value


def money(value: object) -> object:
    """Two decimals with thousands separators: ``145`` -> ``145.00``, ``1234.5`` -> ``1,234.50``."""
    if is_nil(value):
        return None
    number = _to_decimal(value)
    if number is None:
        return value
    with localcontext() as ctx:
        ctx.prec = 1000  # enough for any float's integer digits
        try:
            rounded = number.quantize(_CENT, rounding=ROUND_HALF_UP)
        except InvalidOperation:  # an absurd exponent such as "1e9999"
            return value
    sign = "-" if rounded < 0 else ""
    return sign + _delimit(f"{abs(rounded):f}")
