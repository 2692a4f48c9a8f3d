"""JSON Schema violations in plain words, for people rather than for Python.

``jsonschema`` words its errors with Python reprs (``'30 days' is not of type
'integer'``, ``'event' is a required property``). Marketers read these, so each kind of
violation is said here in the words of the body they wrote: "`ttl` must be an integer;
got a string ("30 days")", "missing required `event`". Values are shown as JSON.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Sequence, Union

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

SHOWN_WIDTH = 40
_REQUIRED = re.compile(r"^(.*) is a required property$", re.S)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "object": "an object",
    "array": "an array",
    "null": "null",
}


def member(path: Sequence[Union[str, int]]) -> str:
    """A body member as people name it: `` `properties.price` ``, `` `tags[0]` ``, the body."""
    if not path:
        return "the body"
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _NAME.fullmatch(part):
            text += f".{part}" if text else part
        else:
            text += f"[{json.dumps(part, ensure_ascii=False)}]"
    return f"`{text}`"


def plain_message(error: ValidationError) -> str:
    """One violation, in words: what the member must be, and what it is."""
    where = member(tuple(error.absolute_path))
    kind = str(error.validator)
    wanted: Any = error.validator_value
    value: Any = error.instance
    if kind == "type":
        types = [wanted] if isinstance(wanted, str) else list(wanted)
        expected = " or ".join(_TYPE_NAMES.get(t, t) for t in types)
        return f"{where} must be {expected}; got {describe(value)}"
    if kind == "required":
        missing = _required_name(error.message) or [
            name for name in wanted if isinstance(value, dict) and name not in value
        ]
        names = ", ".join(f"`{name}`" for name in missing) or "a member"
        inside = "" if not error.absolute_path else f" in {where}"
        return f"missing required {names}{inside}"
    if kind == "enum":
        return f"{where} must be one of {_choices(wanted)}; got {show(value)}"
    if kind == "const":
        return f"{where} must be {show(wanted)}; got {show(value)}"
    if kind in ("minLength", "maxLength"):
        if kind == "minLength" and wanted == 1:
            return f"{where} must not be empty"
        bound = "at least" if kind == "minLength" else "at most"
        return f"{where} must be {bound} {wanted} characters long; got {len(value)}"
    if kind == "pattern":
        return f"{where} does not have the expected form (pattern {wanted}); got {show(value)}"
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = {
            "minimum": "at least",
            "maximum": "at most",
            "exclusiveMinimum": "more than",
            "exclusiveMaximum": "less than",
        }[kind]
        return f"{where} must be {bound} {show(wanted)}; got {show(value)}"
    if kind in ("minItems", "maxItems"):
        bound = "at least" if kind == "minItems" else "at most"
        noun = "item" if wanted == 1 else "items"
        return f"{where} must have {bound} {wanted} {noun}; got {len(value)}"
    if kind == "uniqueItems":
        return f"{where} must not repeat an item"
    if kind in ("additionalProperties", "unevaluatedProperties"):
        extra = unexpected_members(error)
        names = ", ".join(f"`{name}`" for name in extra) or "a member"
        place = "the body" if not error.absolute_path else where
        return f"{names} {'is' if len(extra) == 1 else 'are'} not allowed in {place}"
    if kind in ("minProperties", "maxProperties"):
        bound = "at least" if kind == "minProperties" else "at most"
        return f"{where} must have {bound} {wanted} members"
    if kind in ("anyOf", "oneOf"):
        return f"{where} matches none of the shapes the schema allows; got {describe(value)}"
    if kind == "not":
        return f"{where} has a form the schema forbids; got {show(value)}"
    if kind == "dependentRequired" and isinstance(value, dict) and isinstance(wanted, dict):
        for present, needed in wanted.items():
            missing = [name for name in needed if present in value and name not in value]
            if missing:
                names = ", ".join(f"`{name}`" for name in missing)
                return f"{where} has `{present}`, which needs {names} too"
        return f"{where} is missing a member that another member requires"
    if kind == "format":
        return f"{where} must be a valid {wanted}; got {show(value)}"
    return f"{where} breaks the schema's `{kind}` rule; got {show(value)}"


def describe(value: Any) -> str:
    """The JSON type of ``value``, with the value itself when it is short."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({show(value)})"
    if isinstance(value, str):
        return f"a string ({show(value)})" if value else "an empty string"
    if isinstance(value, int):
        return f"an integer ({show(value)})"
    if isinstance(value, float):
        return f"a number ({show(value)})"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def show(value: Any) -> str:
    """``value`` as JSON, shortened."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= SHOWN_WIDTH else text[: SHOWN_WIDTH - 1] + "…"


def _required_name(message: str) -> list[str]:
    """The one missing member a ``required`` error is about (jsonschema raises one error
    per missing member, naming it only in its message)."""
    import ast

    found = _REQUIRED.match(message)
    if found is None:
        return []
    try:
        name = ast.literal_eval(found.group(1))
    except (ValueError, SyntaxError):
        return []
    return [name] if isinstance(name, str) else []


def _choices(values: Any) -> str:
    return ", ".join(show(v) for v in values)


def unexpected_members(error: ValidationError) -> list[str]:
    """The members an ``additionalProperties`` failure is about."""
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = set(schema.get("properties", {}))
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    if not isinstance(value, dict):
        return []
    return [
        name for name in value if name not in known and not any(p.search(name) for p in patterns)
    ]


def expected_types(error: ValidationError) -> set[str]:
    """The JSON types a ``type`` error wanted (none for other errors)."""
    wanted: Any = error.validator_value if error.validator == "type" else ()
    return {wanted} if isinstance(wanted, str) else {str(w) for w in wanted or ()}
