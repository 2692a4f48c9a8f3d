"""Which parts of a profile a template can read, so profiles that agree on them share a render.

A render depends on the profile only through the top-level Liquid variables the template
names (``first_name`` for ``${first_name}``, ``custom_attribute`` for
``custom_attribute.${tier}``) and, for a namespace named only as ``namespace.${key}``,
the keys it names. Liquid cannot reach a variable without writing its name, so scanning
the markup (the template's tags and output statements and, when it includes any, every
Content Block's text) is conservative: a name that appears anywhere there counts as read,
and a namespace used in any other way (``custom_attribute[name]``, passed whole to a
filter) counts as read whole. Liquid that arrives at render time (``:rerender`` on a
Connected Content answer or a catalog) may read anything, so no profiles share then.

Two profiles whose values agree on everything read render the same output, requests and
problems, so the template is rendered once for both. A name that appears only in a
comment or as a local variable costs a shared render, never a missed one.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Optional

from brazelint.profiles import NAMESPACES, STANDARD_ATTRIBUTES

_NAMES = re.compile(r"[A-Za-z_][\w-]*")
_BRACED = re.compile(r"\$\{\s*([^{}]*?)\s*\}")
_NAMESPACE_ROOTS = frozenset(NAMESPACES.values()) | {"context", "campaign", "canvas"}
_NAMESPACE_USE = re.compile(
    r"(?<![\w.$-])("
    + "|".join(sorted(map(re.escape, _NAMESPACE_ROOTS), key=len, reverse=True))
    + r")(?![\w-])(?:\s*\.\s*(?:\$\{\s*([^{}]*?)\s*\}|([A-Za-z_][\w-]*)))?"
)
"""A namespace and the key written after it (``custom_attribute.${tier}``), if any."""

PROFILE_VARIABLES = frozenset(STANDARD_ATTRIBUTES) | _NAMESPACE_ROOTS
"""Top-level names whose values come from a profile (the rest are locals and answers)."""

Projection = str
"""A profile's values for what a template reads, as canonical text (equal text: equal render)."""


class ProfileReads:
    """The variables a template reads: a root name maps to the keys read under it, or to
    ``None`` when it is read whole."""

    __slots__ = ("everything", "roots")

    def __init__(
        self, roots: Mapping[str, Optional[frozenset[str]]], *, everything: bool = False
    ) -> None:
        self.roots = dict(roots)
        self.everything = everything
        """Whether any value may be read (Liquid from a Connected Content answer or a
        catalog, ``:rerender``, names values the template does not): no two profiles
        are then known to render alike."""

    @classmethod
    def all_values(cls) -> ProfileReads:
        return cls({}, everything=True)

    def merged(self, other: ProfileReads) -> ProfileReads:
        """What this template and ``other`` (its Content Blocks) read together."""
        if self.everything or other.everything:
            return ProfileReads.all_values()
        roots = dict(self.roots)
        for name, keys in other.roots.items():
            if name in roots and (roots[name] is None or keys is None):
                roots[name] = None
            else:
                mine = roots.get(name)
                roots[name] = (mine or frozenset()) | (keys or frozenset())
        return ProfileReads(roots)

    @classmethod
    def scan(cls, texts: list[str]) -> ProfileReads:
        """What ``texts`` read: a template's markup (its tags and output statements; text
        outside them reads nothing) and the Content Blocks it may include."""
        text = "\n".join(texts)
        roots: dict[str, Optional[frozenset[str]]] = dict.fromkeys(_NAMES.findall(text))
        roots.update(dict.fromkeys(_BRACED.findall(text)))
        keys: dict[str, set[str]] = {}
        whole: set[str] = set()
        for use in _NAMESPACE_USE.finditer(text):
            name, key = use.group(1), use.group(2) or use.group(3)
            if key is not None:
                keys.setdefault(name, set()).add(key)
            elif not _is_key_of_something(text, use.start()):
                whole.add(name)
        for name in _NAMESPACE_ROOTS & roots.keys():
            roots[name] = None if name in whole else frozenset(keys.get(name, ()))
        return cls(roots)

    def project(self, data: Mapping[str, Any]) -> Projection:
        """``data`` (a profile's Liquid variables) cut down to what is read, as text.

        Equal text means equal values (profile data is text, numbers, booleans, times,
        lists and mappings, whose ``repr`` shows every value); the same values listed in
        another order only miss a chance to share.
        """
        if self.everything:
            return repr(data)
        kept = []
        for name, keys in self.roots.items():
            if name not in data:
                continue
            value = data[name]
            if keys is not None and isinstance(value, Mapping):
                value = [(key, value[key]) for key in sorted(keys) if key in value]
            kept.append((name, value))
        return repr(kept)


def _is_key_of_something(text: str, start: int) -> bool:
    """Whether the name at ``start`` is written as ``${name}`` after a dot."""
    before = text[max(0, start - 8) : start]
    return bool(re.search(r"\.\s*\$\{\s*$", before))
