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
from typing import Any, Iterator, Mapping, Optional

from brazelint.profiles import NAMESPACES, STANDARD_ATTRIBUTES

_NAMES = re.compile(r"[A-Za-z_][\w-]*")
_BRACED = re.compile(r"\$\{\s*([^{}]*?)\s*\}")
_NAMESPACE_ROOTS = frozenset(NAMESPACES.values()) | {"context", "campaign", "canvas"}
_NAMESPACE_USE = re.compile(
    "("
    + "|".join(sorted(map(re.escape, _NAMESPACE_ROOTS), key=len, reverse=True))
    + r")(?![\w-])(?:\s*\.\s*(?:\$\{\s*([^{}]*?)\s*\}|([A-Za-z_][\w-]*)))?"
)
"""A namespace and the key written after it (``custom_attribute.${tier}``), if any; it
counts only where no name character, dot or ``$`` comes before it (``_namespace_uses``)."""
_PART_OF_NAME = re.compile(r"[\w.$-]")

PROFILE_VARIABLES = frozenset(STANDARD_ATTRIBUTES) | _NAMESPACE_ROOTS
"""Top-level names whose values come from a profile (the rest are locals and answers)."""

Projection = str
"""A profile's values for what a template reads, as canonical text (equal text: equal render)."""


class ProfileReads:
    """The variables a template reads: a root name maps to the keys read under it, or to
    ``None`` when it is read whole."""

    __slots__ = ("_slots", "everything", "roots")

    def __init__(
        self, roots: Mapping[str, Optional[frozenset[str]]], *, everything: bool = False
    ) -> None:
        self.roots = dict(roots)
        self.everything = everything
        """Whether any value may be read (Liquid from a Connected Content answer or a
        catalog, ``:rerender``, names values the template does not): no two profiles
        are then known to render alike."""
        self._slots: dict[frozenset[str], list[tuple[str, Optional[str]]]] = {}
        """The names read that a profile's data has -> ``(root, key)`` of each value read
        under them, in a fixed order (made at first use)."""

    @classmethod
    def all_values(cls) -> ProfileReads:
        return cls({}, everything=True)

    def merged(self, other: ProfileReads) -> ProfileReads:
        """What this template and ``other`` (its Content Blocks) read together."""
        if self.everything or other.everything:
            return ProfileReads.all_values()
        small, large = sorted((self.roots, other.roots), key=len)
        roots = dict(large)  # the union is symmetric: copy the larger, add the smaller
        for name, keys in small.items():
            if name not in roots:
                roots[name] = keys
            else:
                mine = roots[name]
                roots[name] = None if mine is None or keys is None else mine | keys
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
        for use in _namespace_uses(text):
            name, key = use.group(1), use.group(2) or use.group(3)
            if key is not None:
                keys.setdefault(name, set()).add(key)
            elif not _is_key_of_something(text, use.start()):
                whole.add(name)
        for name in _NAMESPACE_ROOTS & roots.keys():
            roots[name] = None if name in whole else frozenset(keys.get(name, ()))
        return cls(roots)

    def project(self, data: Mapping[str, Any], memo: Optional[ValueTexts] = None) -> Projection:
        """``data`` (a profile's Liquid variables) cut down to what is read, as text.

        Equal text means equal values (profile data is text, numbers, booleans, times,
        lists and mappings, whose ``repr`` shows every value); the same values listed in
        another order only miss a chance to share. ``memo`` keeps the text of each value
        of ``data`` once made: a run's profiles are projected for every template, and
        most templates read the same few values.
        """
        if memo is None:
            memo = {}
        if self.everything:
            text = memo.get(_EVERYTHING)
            if text is None:
                text = memo[_EVERYTHING] = repr(data)
            return text
        present = frozenset(self.roots.keys() & data.keys())  # most names are not the user's
        slots = self._slots.get(present)
        if slots is None:
            slots = self._slots[present] = [
                (name, key) for name in sorted(present) for key in _keys_of(self.roots[name])
            ]
        texts = []
        for slot in slots:
            text = memo.get(slot)
            if text is None:
                text = memo[slot] = _value_text(data, *slot)
            texts.append(text)
        return "\n".join(texts)


def differing_names(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[str, ...]:
    """What two profiles' data (Liquid variables) differ in, as names a template would
    write to read it: a top-level name, or a namespace's key (``loyalty_tier`` for
    ``custom_attribute.${loyalty_tier}``).

    A template whose markup mentions one of them may render the two profiles apart, so
    they are rendered apart without finding what the template reads: the common case with
    real users, who differ in the values every template reads. Mentioning none proves
    nothing (a namespace read whole, a Content Block), and ``ProfileReads`` decides.
    """
    names: list[str] = []
    for name in a.keys() | b.keys():
        mine, theirs = a.get(name, _ABSENT), b.get(name, _ABSENT)
        if name in _NAMESPACE_ROOTS and isinstance(mine, Mapping) and isinstance(theirs, Mapping):
            names.extend(
                key
                for key in mine.keys() | theirs.keys()
                if mine.get(key, _ABSENT) != theirs.get(key, _ABSENT)
            )
        elif mine != theirs:
            names.append(name)
    return tuple(sorted(names))


_ABSENT = object()


def _keys_of(keys: Optional[frozenset[str]]) -> list[Optional[str]]:
    if keys is None:
        return [None]
    return list(sorted(keys))


ValueTexts = dict[tuple[Optional[str], Optional[str]], str]
"""One profile's values as text, by ``(root name, key)`` (``None``: the whole root)."""
_EVERYTHING: tuple[Optional[str], Optional[str]] = (None, None)


def _value_text(data: Mapping[str, Any], name: str, key: Optional[str]) -> str:
    """``name.key = value`` as text, the value as ``repr`` shows it (or absent)."""
    value = data[name]
    if key is None or not isinstance(value, Mapping):
        return f"{name} = {value!r}"
    return f"{name}.{key!r} = {value[key]!r}" if key in value else f"{name}.{key!r} absent"


def _namespace_uses(text: str) -> Iterator[re.Match[str]]:
    """``_NAMESPACE_USE``'s matches that start a name, as a lookbehind would keep them.

    A pattern that opens with its alternatives lets the regex engine skip to their first
    letters; one that opens with a lookbehind tries every position, twice the time. After
    a match inside a longer name, the search goes on from the next character, as it would
    with the lookbehind.
    """
    search, part_of_name = _NAMESPACE_USE.search, _PART_OF_NAME.match
    position = 0
    while True:
        use = search(text, position)
        if use is None:
            return
        start = use.start()
        if start and part_of_name(text, start - 1):
            position = start + 1
            continue
        yield use
        position = use.end()


def _is_key_of_something(text: str, start: int) -> bool:
    """Whether the name at ``start`` is written as ``${name}`` after a dot."""
    before = text[max(0, start - 8) : start]
    return bool(re.search(r"\.\s*\$\{\s*$", before))
