"""The Braze Liquid environment: python-liquid configured with Braze's syntax and rules."""

from __future__ import annotations

from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Mapping, Optional, Union

from liquid import BoundTemplate, Environment
from liquid.exceptions import (
    BlockNestingError,
    LiquidError,
    LiquidSyntaxError,
    TemplateInheritanceError,
)
from liquid.mode import Mode
from liquid.parser import get_parser
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG, Token

from brazelint.compat import wrap_tag_parse
from brazelint.engine import filters, tags
from brazelint.engine.context import BrazeContext
from brazelint.engine.expression_tokens import BrazeTokenStream
from brazelint.engine.kinded import Kinded
from brazelint.engine.lexer import BrazeLexer
from brazelint.engine.limits import Limits
from brazelint.engine.tags.illegal import tag_names, unexpected_tag
from brazelint.engine.treepass import TreeFacts, apply_braze_semantics
from brazelint.errors import ErrorKind

if TYPE_CHECKING:
    from liquid.ast import Node
    from liquid.stream import TokenStream
    from liquid.tag import Tag

DROPPED_TAGS = ("ifchanged",)
"""python-liquid extras that Ruby Liquid (and so Braze) does not have."""


class BrazeTemplate(BoundTemplate):
    """A parsed template rendered with ``BrazeContext``."""

    context_class = BrazeContext
    facts: TreeFacts
    """What the tree pass saw (filters applied, output statements), for the checks."""

    def make_partial_namespace(
        self, partial: bool, render_args: Mapping[str, object]
    ) -> Mapping[str, object]:
        # python-liquid adds a ``partial`` variable for include/render; Braze has none.
        return render_args


class BrazeEnvironment(Environment):
    """Parses Braze Liquid; one instance per set of limits, shared by every render."""

    template_class = BrazeTemplate

    def __init__(self, limits: Optional[Limits] = None) -> None:
        self.limits = limits or Limits()
        self._lexer = BrazeLexer(max_bracket_depth=self.limits.nesting_depth)
        # python-liquid reads these as class variables; per-instance values win.
        setattr(self, "block_nesting_limit", self.limits.nesting_depth)  # noqa: B010
        # output and assigned-size limits are enforced by BrazeContext, per render
        super().__init__(tolerance=Mode.STRICT, strict_filters=True)

    def tokenizer(self) -> Callable[[str], Iterator[Token]]:
        return self._lexer

    def lex(self, source: str) -> Optional[list[Token]]:
        """All tokens of ``source`` (``None`` when it does not lex; parsing says why)."""
        try:
            return list(self._lexer(source))
        except Exception:  # the parse reports the error, with its position
            return None

    @property
    def lexer(self) -> BrazeLexer:
        """The lexer itself, for tags that tokenize a region of the source."""
        return self._lexer

    def setup_tags_and_filters(self, *, extra: bool = False) -> None:
        super().setup_tags_and_filters(extra=extra)
        for name in DROPPED_TAGS:
            self.tags.pop(name, None)
        tags.register(self)
        filters.register(self)

    def add_tag(self, tag: type[Tag]) -> None:
        super().add_tag(tag)
        wrap_tag_parse(self.tags[tag.name], partial(_anchor_end_of_expression, env=self))

    @staticmethod
    @lru_cache(maxsize=1)
    def known_filter_names() -> tuple[str, ...]:
        """Every filter a default environment has, for did-you-mean hints."""
        return tuple(sorted(BrazeEnvironment().filters))

    @staticmethod
    @lru_cache(maxsize=1)
    def known_tag_names() -> tuple[str, ...]:
        """Every tag name, block ends and inner tags included, for did-you-mean hints."""
        return tag_names(BrazeEnvironment())

    def from_string(
        self,
        source: str,
        name: str = "",
        path: Optional[Union[str, Path]] = None,
        globals: Optional[Mapping[str, object]] = None,
        matter: Optional[Mapping[str, object]] = None,
    ) -> BrazeTemplate:
        """python-liquid's entry point, parsing with Braze's semantics (:meth:`parse_template`)."""
        return self.parse_template(source, path=path, name=name, globals=globals, matter=matter)

    def parse_template(
        self,
        source: str,
        *,
        path: Optional[Union[str, Path]] = None,
        tokens: Optional[list[Token]] = None,
        name: str = "",
        globals: Optional[Mapping[str, object]] = None,
        matter: Optional[Mapping[str, object]] = None,
    ) -> BrazeTemplate:
        """Parse ``source`` (from its ``tokens`` when already lexed); errors keep positions
        and name ``path``, as python-liquid's do. The template keeps what the tree pass saw."""
        stream = BrazeTokenStream(self._lexer(source) if tokens is None else tokens)
        try:
            nodes = get_parser(self).parse(stream)
            facts = apply_braze_semantics(nodes)
        except BlockNestingError as err:
            # python-liquid's message names neither the limit nor its setting
            raise BlockNestingError(
                f"block nesting limit reached: blocks nested deeper than "
                f"limits.nesting_depth ({self.limits.nesting_depth})",
                token=err.token,
                template_name=path,
            ) from None
        except (LiquidSyntaxError, TemplateInheritanceError) as err:
            err.template_name = path
            raise
        except Exception as err:  # python-liquid wraps the unexpected so
            raise LiquidError("unexpected liquid parsing error", token=None) from err
        template = BrazeTemplate(
            env=self,
            name=name,
            path=path,
            nodes=nodes,
            globals=self.make_globals(globals),
            matter=matter,
        )
        template.facts = facts
        return template


def _anchor_end_of_expression(
    parse: Callable[[TokenStream], Node], *, env: Environment
) -> Callable[[TokenStream], Node]:
    """Give "end of expression" errors the position where the expression ends.

    python-liquid's inner token streams end with a token at index -1, so ``{{ x | }}``
    or ``{% if a == %}`` would otherwise be reported with no line at all; a block that
    is never closed is reported at the tag that opened it, and a block tag refusing the
    tag after it reports that tag as out of place.
    """

    def parse_anchored(stream: TokenStream) -> Node:
        tag = stream.current
        markup = stream.peek if stream.peek.kind == TOKEN_EXPRESSION else tag
        try:
            return parse(stream)
        except LiquidError as err:
            if err.token is not None and err.token.start_index < 0 and tag.start_index >= 0:
                if isinstance(err, Kinded) and err.kind is ErrorKind.UNCLOSED_BLOCK:
                    err.token = tag  # the block that was never closed
                else:
                    index = markup.start_index + len(markup.value)
                    err.token = Token(TOKEN_EOF, " ", index, markup.source)
            elif _stray_tag(err, stream, tag):
                raise unexpected_tag(stream.current, env) from None
            raise

    return parse_anchored


def _stray_tag(err: LiquidError, stream: TokenStream, tag: Token) -> bool:
    """Whether ``err`` is a block tag refusing the tag the stream is on (``case`` meeting
    an ``if`` between its ``when``s): that tag is out of place, whatever python-liquid's
    plain syntax error says."""
    current = stream.current
    return (
        not isinstance(err, Kinded)
        and isinstance(err, LiquidSyntaxError)
        and err.token is current
        and current.kind == TOKEN_TAG
        and current is not tag
    )
