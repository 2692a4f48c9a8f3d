"""The regex keywords of JSON Schema, matched in bounded time (see ``bounded_regex``).

``jsonschema`` calls ``re.search`` for ``pattern``, ``patternProperties`` and the
``additionalProperties`` that depends on them; a user's catastrophic pattern would hang
the lint there. These replacements keep jsonschema's messages and semantics.
"""

from __future__ import annotations

from typing import Any, Iterator

from jsonschema.exceptions import ValidationError

from brazelint.bounded_regex import search


def pattern(validator: Any, patrn: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not search(patrn, instance):
        yield ValidationError(f"{instance!r} does not match {patrn!r}")


def pattern_properties(
    validator: Any, patterns: dict[str, Any], instance: Any, schema: Any
) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    for patrn, subschema in patterns.items():
        for key, value in instance.items():
            if search(patrn, key):
                yield from validator.descend(value, subschema, path=key, schema_path=patrn)


def additional_properties(
    validator: Any, allowed: Any, instance: Any, schema: Any
) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    properties = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    extras = [
        key
        for key in instance
        if key not in properties and not any(search(p, key) for p in patterns)
    ]
    if validator.is_type(allowed, "object"):
        for extra in extras:
            yield from validator.descend(instance[extra], allowed, path=extra)
    elif not allowed and extras:
        if patterns:
            verb = "does" if len(extras) == 1 else "do"
            joined = ", ".join(repr(each) for each in sorted(extras))
            listed = ", ".join(repr(each) for each in sorted(patterns))
            yield ValidationError(f"{joined} {verb} not match any of the regexes: {listed}")
        else:
            names = sorted(extras, key=str)
            was = "was" if len(names) == 1 else "were"
            shown = ", ".join(repr(name) for name in names)
            yield ValidationError(
                f"Additional properties are not allowed ({shown} {was} unexpected)"
            )
