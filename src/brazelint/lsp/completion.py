"""Completion candidates for what is being typed: attributes, profile keys, Content Blocks,
filters, tags and Connected Content options."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple, Optional, Sequence

from brazelint.lsp.cursor import Typing
from brazelint.lsp.filter_docs import FILTER_DOCS, filter_markdown
from brazelint.lsp.vocabulary import CONNECTED_CONTENT_OPTIONS, TAGS

if TYPE_CHECKING:
    from brazelint.profiles import Profile

SuggestionKind = Literal["variable", "field", "module", "function", "keyword", "property"]


class Suggestion(NamedTuple):
    label: str
    kind: SuggestionKind
    detail: str = ""
    documentation: str = ""


def suggestions(
    typing: Typing, profiles: Sequence[Profile], blocks: Optional[Path]
) -> list[Suggestion]:
    """Candidates that start with what is typed, in the order to show them."""
    found = _candidates(typing, profiles, blocks)
    prefix = typing.prefix.lower()
    return [s for s in found if s.label.lower().startswith(prefix)]


def _candidates(
    typing: Typing, profiles: Sequence[Profile], blocks: Optional[Path]
) -> list[Suggestion]:
    if typing.kind == "attribute":
        from brazelint.profiles import STANDARD_ATTRIBUTES

        return [
            Suggestion(name, "variable", "standard attribute", _values(profiles, "", name))
            for name in sorted(STANDARD_ATTRIBUTES)
        ]
    if typing.kind == "namespace_key":
        keys = sorted({key for p in profiles for key in p.namespaces.get(typing.namespace, {})})
        return [
            Suggestion(
                key,
                "field",
                f"{typing.namespace} (profiles)",
                _values(profiles, typing.namespace, key),
            )
            for key in keys
        ]
    if typing.kind == "content_block":
        if blocks is None:
            return []
        return [
            Suggestion(path.stem, "module", "Content Block", str(path))
            for path in sorted(blocks.glob("*.liquid"))
        ]
    if typing.kind == "filter":
        return [
            Suggestion(name, "function", doc.signature, filter_markdown(name) or "")
            for name, doc in FILTER_DOCS.items()
        ]
    if typing.kind == "tag":
        return [Suggestion(name, "keyword", "tag", text) for name, text in TAGS.items()]
    return [
        Suggestion(name, "property", "Connected Content option", text)
        for name, text in CONNECTED_CONTENT_OPTIONS.items()
    ]


def _values(profiles: Sequence[Profile], namespace: str, name: str) -> str:
    from brazelint.lsp.hover import attribute_markdown

    return attribute_markdown(namespace, name, profiles) if profiles else ""
