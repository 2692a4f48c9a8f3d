"""``{% abort_message %}``: stop the message; Braze sends nothing for this user."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Optional, TextIO

from liquid.ast import Node
from liquid.tag import Tag

from brazelint.engine.tags._markup import Markup, read_markup, syntax_error
from brazelint.events import AbortMessage

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.stream import TokenStream
    from liquid.token import Token

TAG_ABORT_MESSAGE = sys.intern("abort_message")
ABORT_WITHOUT_REASON = "{% abort_message %} called"
"""What Braze's Message Activity Log records for an abort with no (or an empty) reason
(aborting_messages.md)."""
_QUOTED = re.compile(r"""\s*(?P<q>['"])(?P<reason>.*)(?P=q)\s*""", re.S)


class AbortMessageNode(Node):
    __slots__ = ("reason",)

    def __init__(self, token: Token, reason: Optional[str]) -> None:
        super().__init__(token)
        self.reason = reason
        self.blank = False

    def __str__(self) -> str:
        return f"{{% abort_message('{self.reason or ''}') %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        reason = self.reason or ABORT_WITHOUT_REASON
        raise AbortMessage(reason, offset=self.token.start_index, source=self.token.source)


class AbortMessageTag(Tag):
    """Accepts every documented form: no argument, ``()``, ``( )``, ``('why')``, ``("why")``.

    Braze's own docs also show an unquoted reason, ``(not same month)``; it is taken as
    literal text, since the reason can never contain Liquid.
    """

    name = TAG_ABORT_MESSAGE
    block = False

    def parse(self, stream: TokenStream) -> Node:
        markup = read_markup(stream)
        return AbortMessageNode(markup.tag, _reason(markup))


def _reason(markup: Markup) -> Optional[str]:
    text = markup.text.strip()
    offset = markup.text.find(text[:1]) if text else 0
    if text.startswith("("):
        if not text.endswith(")"):
            raise syntax_error(
                markup,
                "abort_message: missing ')'; write {% abort_message('reason') %}",
                offset,
                len(text),
            )
        text = text[1:-1]
        offset += 1
    if "{{" in text or "{%" in text:
        raise syntax_error(
            markup,
            "abort_message: the reason cannot contain Liquid; Braze logs it as written",
            offset + text.find("{"),
            2,
        )
    quoted = _QUOTED.fullmatch(text)
    if quoted:
        return quoted.group("reason")
    return text.strip() or None
