"""Braze tags, one per module, registered by ``register``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.engine.tags.abort_message import AbortMessageTag
from brazelint.engine.tags.catalog_items import CatalogItemsTag, CatalogSelectionItemsTag
from brazelint.engine.tags.connected_content import ConnectedContentTag
from brazelint.engine.tags.content import MappedLiteral
from brazelint.engine.tags.echo import BrazeEchoTag
from brazelint.engine.tags.illegal import IllegalTag
from brazelint.engine.tags.message_extras import MessageExtrasTag
from brazelint.engine.tags.output import BrazeOutput
from brazelint.engine.tags.promotion import PromotionTag
from brazelint.engine.tags.unsupported import UNSUPPORTED_TAGS

if TYPE_CHECKING:
    from liquid import Environment


def register(env: Environment) -> None:
    """Replace output/echo with Ruby-style printing, and the tag for names nothing defines
    with one that says which kind of mistake it is; add Braze's own tags."""
    env.add_tag(IllegalTag)
    env.add_tag(MappedLiteral)
    env.add_tag(BrazeOutput)
    env.add_tag(BrazeEchoTag)
    env.add_tag(AbortMessageTag)
    env.add_tag(ConnectedContentTag)
    env.add_tag(MessageExtrasTag)
    env.add_tag(CatalogItemsTag)
    env.add_tag(CatalogSelectionItemsTag)
    env.add_tag(PromotionTag)
    for tag in UNSUPPORTED_TAGS:
        env.add_tag(tag)
