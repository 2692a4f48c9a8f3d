"""JSON filters: ``json_escape``, ``json_parse``, ``as_json_string`` and ``property_accessor``.

Webhook bodies are JSON assembled from template text, so escaping must match what Ruby's
JSON generator writes: ``"`` and ``\\`` escaped, control characters as ``\\n``, ``\\t``
... or ``\\u00XX``, while ``/`` and non-ASCII text are left alone. Numbers and times use
Ruby's ``to_s`` (``1.0e+20``, ``2021-06-03 17:13:41 UTC``) as ``to_json`` does.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any, Mapping

from liquid.exceptions import FilterArgumentError

from brazelint.engine.filters.common import MISSING, is_nil
from brazelint.engine.stringify import ruby_float, ruby_time, ruby_to_s


def _string_literal(text: str) -> str:
    """A JSON string literal, quotes included, as Ruby's generator writes it.

    This is what ``json.dumps(text, ensure_ascii=False)`` returns, from json's C string
    encoder directly: ``dumps`` would build a new encoder for every string.
    """
    return encode_basestring(text)


def json_escape(value: object) -> str:
    """The inside of a JSON string literal for ``value`` (no surrounding quotes)."""
    if is_nil(value):
        return ""
    return _string_literal(ruby_to_s(value))[1:-1]


def to_json(value: object) -> str:
    """Compact JSON, like Ruby's ``to_json``: no spaces, key order kept, keys stringified."""
    if is_nil(value):
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (float, Decimal)):
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            raise FilterArgumentError(
                f"as_json_string cannot write {ruby_float(number)}: JSON has no such number; "
                "check the arithmetic that produced it",
                token=None,
            )
        if isinstance(value, Decimal) and value == value.to_integral_value():
            return str(int(value))
        return ruby_float(number)
    if isinstance(value, str):
        return _string_literal(value)
    if isinstance(value, Mapping):
        items = (f"{_string_literal(ruby_to_s(k))}:{to_json(v)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(to_json(item) for item in value) + "]"
    if isinstance(value, datetime):
        return _string_literal(ruby_time(value))
    if isinstance(value, date):
        return _string_literal(value.isoformat())
    return _string_literal(ruby_to_s(value))


def as_json_string(value: object) -> str:
    """Serialise an object or array (or any value) as compact JSON text."""
    try:
        return to_json(value)
    except RecursionError as err:
        raise FilterArgumentError(
            "as_json_string: the value is nested too deeply (or contains itself)", token=None
        ) from err


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def json_parse(value: object) -> object:
    """Parse JSON text into a hash, array or scalar.

    An already-parsed hash or array is returned as is, and nil gives nil, so a template
    that parses a value twice or reads an absent attribute does not stop the render.
    """
    if is_nil(value):
        return None
    if isinstance(value, (Mapping, list, tuple)):
        return value
    text = ruby_to_s(value)
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as err:
        raise FilterArgumentError(
            f"json_parse could not read its input as JSON: {err.msg} at line {err.lineno}, "
            f"column {err.colno}; check the quotes (JSON needs double quotes), commas and "
            "brackets",
            token=None,
        ) from err
    except ValueError as err:
        raise FilterArgumentError(
            f"json_parse could not read its input as JSON: {err} is not allowed in JSON; "
            "use null or a number",
            token=None,
        ) from err
    except RecursionError as err:
        raise FilterArgumentError(
            "json_parse could not read its input as JSON: it is nested too deeply", token=None
        ) from err


def property_accessor(value: object, key: object = MISSING) -> object:
    """``hash | property_accessor: key``: the value at ``key``, or nil when there is none.

    Braze templates cannot index with a computed key inside ``[]`` in every context, so
    this filter is the documented way to read a hash with a key held in a variable.
    """
    if key is MISSING:
        raise FilterArgumentError(
            "property_accessor needs a key argument, like {{ hash | property_accessor: 'name' }}",
            token=None,
        )
    if isinstance(value, Mapping):
        try:
            if key in value:
                return value[key]
        except TypeError:  # an unhashable key
            return None
        return value.get(ruby_to_s(key))
    if isinstance(value, (list, tuple)) and isinstance(key, int) and not isinstance(key, bool):
        try:
            return value[key]
        except IndexError:
            return None
    return None
