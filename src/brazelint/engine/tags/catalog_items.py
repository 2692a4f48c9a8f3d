"""``{% catalog_items %}`` and ``{% catalog_selection_items %}`` from local fixtures.

Both set ``items``. A catalog fixture is ``{"items": [{"id": ...}, ...], "selections":
{"name": [ids...]}}``; an unknown id gives no item, as in Braze.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Iterable, Optional, TextIO

from liquid.ast import BlockNode, Node
from liquid.exceptions import LiquidError
from liquid.tag import Tag

from brazelint.engine.context import state_of
from brazelint.engine.regions import parse_region, render_nodes
from brazelint.engine.tags._markup import Markup, read_markup, split_units, syntax_error

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.stream import TokenStream
    from liquid.token import Token

TAG_CATALOG_ITEMS = sys.intern("catalog_items")
TAG_CATALOG_SELECTION_ITEMS = sys.intern("catalog_selection_items")


def _catalog(context: RenderContext, name: str, token: Token) -> Any:
    catalogs = state_of(context).catalogs
    if name not in catalogs:
        raise LiquidError(
            f"catalog '{name}' has no fixture (add catalogs/{name}.yaml or .json)", token=token
        )
    return catalogs[name]


def _items_by_id(fixture: Any) -> dict[str, Any]:
    return {str(item.get("id")): item for item in fixture.get("items", [])}


def _set_items(
    context: RenderContext, items: list[Any], rerender: bool, token: Optional[Token] = None
) -> None:
    """Braze's catalog tags always set ``items``; ``:rerender`` runs Liquid in the cells."""
    if rerender and token is not None:
        from brazelint.engine.rerender import referenced_fields

        tag_end = token.source.find("%}", token.start_index)
        named = referenced_fields(token.source[: tag_end if tag_end >= 0 else None])
        items = [_rerender(item, context, named) for item in items]
    context.assign("items", items)


def _rerender(value: Any, context: RenderContext, named: frozenset[tuple[str, str]]) -> Any:
    """``:rerender`` runs Liquid found in catalog cells, one level deep."""
    if isinstance(value, str):
        from brazelint.engine.rerender import rerender_text

        return rerender_text(value, context, named)
    if isinstance(value, dict):
        return {k: _rerender(v, context, named) for k, v in value.items()}
    return value


class CatalogItemsNode(Node):
    __slots__ = ("catalog", "ids", "rerender")

    def __init__(self, token: Token, catalog: str, ids: list[list[Node]], rerender: bool) -> None:
        super().__init__(token)
        self.catalog = catalog
        self.ids = ids
        self.rerender = rerender

    def __str__(self) -> str:
        return f"{{% catalog_items {self.catalog} … %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        by_id = _items_by_id(_catalog(context, self.catalog, self.token))
        wanted = (render_nodes(id_nodes, context).strip() for id_nodes in self.ids)
        _set_items(context, [by_id[i] for i in wanted if i in by_id], self.rerender, self.token)
        return 0

    def children(
        self, static_context: RenderContext, *, include_partials: bool = True
    ) -> Iterable[Node]:
        for nodes in self.ids:
            yield BlockNode(self.token, nodes)


class CatalogSelectionItemsNode(Node):
    __slots__ = ("catalog", "rerender", "selection")

    def __init__(self, token: Token, catalog: str, selection: str, rerender: bool) -> None:
        super().__init__(token)
        self.catalog = catalog
        self.selection = selection
        self.rerender = rerender

    def __str__(self) -> str:
        return f"{{% catalog_selection_items {self.catalog} {self.selection} %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        fixture = _catalog(context, self.catalog, self.token)
        selections = fixture.get("selections", {})
        if self.selection not in selections:
            raise LiquidError(
                f"catalog '{self.catalog}' fixture has no selection '{self.selection}' "
                f"(add it under 'selections')",
                token=self.token,
            )
        by_id = _items_by_id(fixture)
        wanted = (str(i) for i in selections[self.selection])
        _set_items(context, [by_id[i] for i in wanted if i in by_id], self.rerender, self.token)
        return 0


def _words(markup: Markup) -> tuple[list[tuple[int, int]], bool]:
    units = list(split_units(markup))
    rerender = bool(units) and markup.text[units[-1][0] : units[-1][1]] == ":rerender"
    if rerender:
        units.pop()
    for start, end in units:
        if markup.text.startswith(":", start):
            raise syntax_error(
                markup,
                f"unknown option '{markup.text[start:end]}' (only :rerender)",
                start,
                end - start,
            )
    return units, rerender


class CatalogItemsTag(Tag):
    name = TAG_CATALOG_ITEMS
    block = False

    def parse(self, stream: TokenStream) -> Node:
        markup = read_markup(stream)
        units, rerender = _words(markup)
        if len(units) < 2:
            raise syntax_error(
                markup,
                "catalog_items expects a catalog name and at least one item id: "
                "{% catalog_items products {{${product_id}}} %}",
                0,
                len(markup.text),
            )
        (name_start, name_end), *id_units = units
        ids = [
            parse_region(self.env, markup.source, markup.start + start, markup.start + end)
            for start, end in id_units
        ]
        return CatalogItemsNode(markup.tag, markup.text[name_start:name_end], ids, rerender)


class CatalogSelectionItemsTag(Tag):
    name = TAG_CATALOG_SELECTION_ITEMS
    block = False

    def parse(self, stream: TokenStream) -> Node:
        markup = read_markup(stream)
        units, rerender = _words(markup)
        if len(units) != 2:
            raise syntax_error(
                markup,
                "catalog_selection_items expects a catalog name and a selection name",
                0,
                len(markup.text),
            )
        (a, b), (c, d) = units
        return CatalogSelectionItemsNode(markup.tag, markup.text[a:b], markup.text[c:d], rerender)
