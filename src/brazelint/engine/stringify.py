"""Turn values into text the way Braze (Ruby Liquid 5) prints them.

- nil prints nothing; booleans print ``true``/``false``;
- floats use Ruby's ``Float#to_s`` (``1.0``, ``1.0e+20``, ``1.0e-05``);
- hashes print like Liquid's ``Utils.hash_inspect``: ``{"a"=>1, "b"=>nil}``;
- arrays are flattened and each item printed in turn, as Shopify Liquid's output does
  (Braze documents nothing else; see README "Output of values");
- times print like Ruby's ``Time#to_s``: ``2021-06-03 17:13:41 UTC`` or ``... -0500``.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any, Mapping

from liquid.undefined import Undefined


def to_liquid_string(value: Any) -> str:
    """Text for ``{{ value }}``."""
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, Undefined):
        return ""
    if isinstance(value, (list, tuple)):
        return "".join(to_liquid_string(item) for item in value)
    return ruby_to_s(value)


def ruby_to_s(value: Any) -> str:
    """Ruby's ``to_s`` for one value (arrays use ``inspect``, as Ruby's ``Array#to_s``)."""
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, Undefined):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return ruby_float(value)
    if isinstance(value, Decimal):
        return ruby_float(float(value)) if value != value.to_integral_value() else str(value)
    if isinstance(value, datetime):
        return ruby_time(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return ruby_inspect(value)
    if isinstance(value, (list, tuple)):
        return ruby_inspect(value)
    if isinstance(value, range):
        return f"{value.start}..{value.stop - 1}"
    return str(value)


def ruby_float(value: float) -> str:
    """Ruby ``Float#to_s``: shortest round-trip digits, exponent form outside 1e-4..1e16."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    sign, digit_tuple, exponent = Decimal(repr(value)).as_tuple()
    digits = "".join(map(str, digit_tuple)).rstrip("0") or "0"
    assert isinstance(exponent, int)
    # position of the decimal point relative to the start of ``digits``
    decpt = len(digit_tuple) + exponent
    prefix = "-" if sign else ""
    if -4 < decpt <= 16:
        if decpt <= 0:
            return f"{prefix}0.{'0' * -decpt}{digits}"
        if decpt >= len(digits):
            return f"{prefix}{digits}{'0' * (decpt - len(digits))}.0"
        return f"{prefix}{digits[:decpt]}.{digits[decpt:]}"
    mantissa = digits[0] + "." + (digits[1:] or "0")
    exp = decpt - 1
    return f"{prefix}{mantissa}e{'+' if exp >= 0 else '-'}{abs(exp):02d}"


def ruby_time(value: datetime) -> str:
    """Ruby ``Time#to_s``; naive datetimes are UTC, as in Braze."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    offset = value.utcoffset()
    stamp = value.strftime("%Y-%m-%d %H:%M:%S")
    if offset is not None and not offset and value.tzname() in ("UTC", "GMT", None):
        return f"{stamp} UTC"
    return f"{stamp} {value.strftime('%z')}"


_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\f": "\\f",
    "\v": "\\v",
    "\b": "\\b",
    "\a": "\\a",
    "\x1b": "\\e",
}


def _inspect_string(text: str) -> str:
    out = ['"']
    for index, char in enumerate(text):
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char == "#" and text[index + 1 : index + 2] in ("{", "$", "@"):
            out.append("\\#")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\x{ord(char):02X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def ruby_inspect(value: Any) -> str:
    """Ruby ``inspect`` as Liquid prints nested values: ``{"a"=>[1, nil]}``."""
    if value is None or isinstance(value, Undefined):
        return "nil"
    if isinstance(value, str):
        return _inspect_string(value)
    if isinstance(value, Mapping):
        inner = ", ".join(f"{ruby_inspect(k)}=>{ruby_inspect(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(ruby_inspect(item) for item in value) + "]"
    return ruby_to_s(value)
