"""Which parts of a profile a template can read, so profiles that agree on them share a render.

A render depends on the profile only through the top-level Liquid variables the template
names (``first_name`` for ``${first_name}``, ``custom_attribute`` for
``custom_attribute.${tier}``) and, for a namespace named only as ``namespace.${key}``,
the keys it names. Liquid cannot reach a variable without writing its name, so scanning
the text (the template's and, when it includes any, every Content Block's) is
conservative: a name that appears anywhere counts as read, and a namespace used in any
other way (``custom_attribute[name]``, passed whole to a filter) counts as read whole.

Two profiles whose values agree on everything read render the same output, requests and
problems, so the template is rendered once for both. A name that appears only in a
comment or as a local variable costs a shared render, never a missed one.
"""

from __future__ import annotations

import json
import re
from typing import Any, Mapping, Optional

from brazelint.profiles import NAMESPACES, STANDARD_ATTRIBUTES

_NAMES = re.compile(r"[A-Za-z_][\w-]*")
_BRACED = re.compile(r"\$\{\s*([^{}]*?)\s*\}")
_KEY_AFTER = re.compile(r"\s*\.\s*(?:\$\{\s*([^{}]*?)\s*\}|([A-Za-z_][\w-]*))")
_NAMESPACE_ROOTS = frozenset(NAMESPACES.values()) | {"context", "campaign", "canvas"}

PROFILE_VARIABLES = frozenset(STANDARD_ATTRIBUTES) | _NAMESPACE_ROOTS
"""Top-level names whose values come from a profile (the rest are locals and answers)."""

Projection = str
"""A profile's values for what a template reads, as canonical text (equal text: equal render)."""


class ProfileReads:
    """The variables a template reads: a root name maps to the keys read under it, or to
    ``None`` when it is read whole."""

    __slots__ = ("roots",)

    def __init__(self, roots: Mapping[str, Optional[frozenset[str]]]) -> None:
        self.roots = dict(roots)

    @classmethod
    def scan(cls, texts: list[str]) -> ProfileReads:
        """What ``texts`` (a template and the Content Blocks it may include) read."""
        roots: dict[str, Optional[frozenset[str]]] = {}
        for text in texts:
            names = set(_NAMES.findall(text))
            names.update(_BRACED.findall(text))
            for name in names:
                if name in _NAMESPACE_ROOTS:
                    keys = _keys_under(text, name)
                    if name in roots and (roots[name] is None or keys is None):
                        roots[name] = None
                    else:
                        roots[name] = (roots.get(name) or frozenset()) | (keys or frozenset())
                else:
                    roots[name] = None
        return cls(roots)

    def project(self, data: Mapping[str, Any]) -> Projection:
        """``data`` (a profile's Liquid variables) cut down to what is read, as text."""
        kept: dict[str, Any] = {}
        for name, keys in self.roots.items():
            if name not in data:
                continue
            value = data[name]
            if keys is not None and isinstance(value, Mapping):
                value = {key: value[key] for key in keys if key in value}
            kept[name] = value
        return json.dumps(kept, sort_keys=True, default=_typed_text, ensure_ascii=False)


def _keys_under(text: str, name: str) -> Optional[frozenset[str]]:
    """The keys ``text`` reads under namespace ``name``; ``None`` when any use of it is
    not ``name.key`` or ``name.${key}``."""
    keys = set()
    for found in re.finditer(rf"(?<![\w.$-]){re.escape(name)}(?![\w-])", text):
        after = _KEY_AFTER.match(text, found.end())
        if after is None:
            if _is_key_of_something(text, found.start()):
                continue  # ``event_properties.${context}``: a key, not the namespace
            return None
        keys.add(after.group(1) if after.group(1) is not None else after.group(2))
    return frozenset(keys)


def _is_key_of_something(text: str, start: int) -> bool:
    """Whether the name at ``start`` is written as ``${name}`` after a dot."""
    before = text[max(0, start - 8) : start]
    return bool(re.search(r"\.\s*\$\{\s*$", before))


def _typed_text(value: object) -> str:
    """Values JSON cannot write (dates, times), kept apart by type as well as text."""
    return f"{type(value).__name__}:{value!r}"
