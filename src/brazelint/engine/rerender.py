"""``:rerender``: Liquid found in a Connected Content answer or a catalog cell, run once.

Braze's rules (user_profile_fields_connected_content.md, using_catalogs.md):

- Braze fetches only the profile fields the message mentions, so the re-rendered text
  sees a standard attribute or a ``namespace.${field}`` only when the template names it
  before the tag or inside it; any other field renders empty there.
- It is one level deep: a ``connected_content`` or catalog tag inside the re-rendered
  text is not run; it stays in the text as written.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, Mapping

from brazelint.engine.context import scope_of
from brazelint.engine.regions import render_nodes
from brazelint.profiles import NAMESPACES, STANDARD_ATTRIBUTES

if TYPE_CHECKING:
    from liquid import RenderContext

_NESTED_CALL = re.compile(
    r"\{%-?\s*(?:connected_content|catalog_items|catalog_selection_items)\b.*?%\}", re.S
)
_REFERENCE = re.compile(r"(?:(\w+)\s*\.\s*)?\$\{\s*([^}]*?)\s*\}")
_PROFILE_ROOTS = frozenset(NAMESPACES.values())

Fields = frozenset[tuple[str, str]]
"""(namespace or "", field name) pairs the template names."""


def referenced_fields(text: str) -> Fields:
    """The profile fields ``text`` names with ``${…}``: ``("", "first_name")``,
    ``("custom_attribute", "tier")``."""
    found = set()
    for match in _REFERENCE.finditer(text):
        name = re.split(r"[.\[]", match.group(2), maxsplit=1)[0].strip()
        found.add((match.group(1) or "", name))
    return frozenset(found)


def rerender_text(text: str, context: RenderContext, fields: Fields) -> str:
    """Render the Liquid in ``text`` once, seeing only ``fields`` of the profile."""
    if "{{" not in text and "{%" not in text:
        return text
    guarded = _NESTED_CALL.sub(lambda m: "{% raw %}" + m.group() + "{% endraw %}", text)
    nodes = context.env.from_string(guarded).nodes
    with _profile_limited_to(context, fields):
        return render_nodes(nodes, context)


@contextmanager
def _profile_limited_to(context: RenderContext, fields: Fields) -> Iterator[None]:
    """Swap the profile namespace for one holding only ``fields``, for the duration."""
    full = context.globals
    limited = _limited(full, fields)
    maps = scope_of(context).namespaces
    slots = [index for index, namespace in enumerate(maps) if namespace is full]
    for index in slots:
        maps[index] = limited
    context.globals = limited
    try:
        yield
    finally:
        context.globals = full
        for index in slots:
            maps[index] = full


def _limited(data: Mapping[str, object], fields: Fields) -> dict[str, object]:
    limited: dict[str, object] = {}
    for key, value in data.items():
        if key in STANDARD_ATTRIBUTES:
            if ("", key) in fields:
                limited[key] = value
        elif key in _PROFILE_ROOTS and isinstance(value, Mapping):
            limited[key] = {k: v for k, v in value.items() if (key, k) in fields}
        else:
            limited[key] = value
    return limited
