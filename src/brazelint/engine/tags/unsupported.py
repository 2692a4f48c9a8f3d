"""Standard Liquid tags Braze does not run, reported as such at parse time."""

from __future__ import annotations

from liquid.ast import Node
from liquid.stream import TokenStream
from liquid.tag import Tag

from brazelint.engine.kinded import KindedSyntaxError
from brazelint.errors import ErrorKind


class _UnsupportedTag(Tag):
    block = False
    hint = ""

    def parse(self, stream: TokenStream) -> Node:
        raise KindedSyntaxError(
            f"'{self.name}' is not supported in Braze; {self.hint}",
            token=stream.current,
            kind=ErrorKind.UNSUPPORTED_TAG,
            subject=self.name,
        )


class IncludeTag(_UnsupportedTag):
    name = "include"
    hint = "share markup with a Content Block: {{content_blocks.${name}}}"


class RenderTag(_UnsupportedTag):
    name = "render"
    hint = "share markup with a Content Block: {{content_blocks.${name}}}"


UNSUPPORTED_TAGS: tuple[type[Tag], ...] = (IncludeTag, RenderTag)
