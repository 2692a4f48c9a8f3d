"""What the cursor is on (for hover and definition) and what it is typing (for completion).

Both read the raw text around an offset with small patterns rather than the parser: the
buffer being edited is usually broken, and the answer only needs the word at hand.
Offsets are in code points into the whole text.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple, Optional

from brazelint.profiles import NAMESPACES

LIQUID_NAMESPACES = frozenset(NAMESPACES.values())
"""``custom_attribute``, ``event_properties``, ...: the names before ``.${``."""

_REFERENCE = re.compile(r"(?:(?P<namespace>[A-Za-z_][\w]*)\.)?\$\{(?P<name>[^}\n]*)\}")
_FILTER = re.compile(r"\|\s*(?P<name>[A-Za-z_]\w*)")
_RULE_CODE = re.compile(r"\bBL\d{3}\b", re.IGNORECASE)
_SUPPRESSION = re.compile(r"brazelint:\s*(?:disable|enable)", re.IGNORECASE)

TargetKind = Literal["attribute", "content_block", "filter", "rule"]


class Target(NamedTuple):
    """A word the cursor is on. ``namespace`` is ``""`` for a standard attribute."""

    kind: TargetKind
    name: str
    start: int
    end: int
    namespace: str = ""


def target_at(text: str, offset: int) -> Optional[Target]:
    """The reference, filter or rule code under ``offset``, if any."""
    start, end = _line_bounds(text, offset)
    line = text[start:end]
    column = offset - start
    for found in _REFERENCE.finditer(line):
        if found.start() <= column <= found.end():
            namespace = found.group("namespace") or ""
            name = found.group("name").strip()
            span = (start + found.start(), start + found.end())
            if namespace == "content_blocks":
                return Target("content_block", name, *span)
            if namespace and namespace not in LIQUID_NAMESPACES:
                return None
            return Target("attribute", name, *span, namespace=namespace)
    if _SUPPRESSION.search(line):
        for found in _RULE_CODE.finditer(line):
            if found.start() <= column <= found.end():
                return Target(
                    "rule", found.group().upper(), start + found.start(), start + found.end()
                )
    if _inside_markup(text, offset):
        for found in _FILTER.finditer(line):
            if found.start("name") <= column <= found.end("name"):
                return Target(
                    "filter",
                    found.group("name"),
                    start + found.start("name"),
                    start + found.end("name"),
                )
    return None


CompletionKind = Literal[
    "attribute", "namespace_key", "content_block", "filter", "tag", "connected_content_option"
]


class Typing(NamedTuple):
    """What is being typed at the cursor: ``prefix`` is the part already written, which a
    completion replaces; ``namespace`` says whose keys to offer for ``namespace_key``."""

    kind: CompletionKind
    prefix: str
    namespace: str = ""


_OPEN_REFERENCE = re.compile(r"(?:(?P<namespace>[A-Za-z_]\w*)\.)?\$\{(?P<prefix>[^}\n]*)$")
_OPEN_FILTER = re.compile(r"\|\s*(?P<prefix>\w*)$")
_OPEN_TAG = re.compile(r"\{%-?\s*(?P<prefix>\w*)$")
_OPEN_OPTION = re.compile(r"(?:^|\s):(?P<prefix>\w*)$")


def typing_at(text: str, offset: int) -> Optional[Typing]:
    """What a completion at ``offset`` should offer, if anything."""
    before = text[max(0, offset - 400) : offset]
    line_before = before[before.rfind("\n") + 1 :]
    found = _OPEN_REFERENCE.search(line_before)
    if found:
        namespace = found.group("namespace") or ""
        prefix = found.group("prefix")
        if namespace == "content_blocks":
            return Typing("content_block", prefix)
        if namespace in LIQUID_NAMESPACES:
            return Typing("namespace_key", prefix, namespace)
        if not namespace:
            return Typing("attribute", prefix)
        return None
    found = _OPEN_TAG.search(before)
    if found:
        return Typing("tag", found.group("prefix"))
    if not _inside_markup(text, offset):
        return None
    found = _OPEN_FILTER.search(line_before)
    if found:
        return Typing("filter", found.group("prefix"))
    found = _OPEN_OPTION.search(before)
    if found and _inside_connected_content(text, offset):
        return Typing("connected_content_option", found.group("prefix"))
    return None


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


_DELIMITER = re.compile(r"\{\{|\{%|\}\}|%\}")


def _open_markup(text: str, offset: int) -> list[tuple[str, int]]:
    """The ``{{`` and ``{%`` still open at ``offset``, innermost last, with their offsets.

    Braze nests output in tags (``{% assign a = {{${email_address}}} | md5 %}``), so the
    delimiters are matched as a stack rather than by the nearest one.
    """
    stack: list[tuple[str, int]] = []
    for found in _DELIMITER.finditer(text, 0, offset):
        mark = found.group()
        if mark in ("{{", "{%"):
            stack.append((mark, found.start()))
        elif stack and stack[-1][0] == ("{{" if mark == "}}" else "{%"):
            stack.pop()
    return stack


def _inside_markup(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside a ``{{ }}`` or ``{% %}``."""
    return bool(_open_markup(text, offset))


def _inside_connected_content(text: str, offset: int) -> bool:
    tags = [start for mark, start in _open_markup(text, offset) if mark == "{%"]
    if not tags:
        return False
    return re.match(r"\{%-?\s*connected_content\b", text[tags[-1] : tags[-1] + 40]) is not None
