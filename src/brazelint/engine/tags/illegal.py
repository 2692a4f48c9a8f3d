"""The tag python-liquid parses a tag name with: says whether the name is unknown or known
and out of place, so the checks need not tell the two apart from the message."""

from __future__ import annotations

from liquid import Environment
from liquid.ast import IllegalNode
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, TOKEN_ILLEGAL, TOKEN_TAG, Token

from brazelint.engine.kinded import KindedSyntaxError
from brazelint.errors import ErrorKind


class IllegalTag(Tag):
    """python-liquid's ``Illegal`` tag (same messages, same positions), with a kind."""

    name = TOKEN_ILLEGAL
    block = False

    def parse(self, stream: TokenStream) -> IllegalNode:
        token = stream.expect(TOKEN_TAG)
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
        if not token.value:
            raise KindedSyntaxError("missing tag name", token=token, kind=ErrorKind.SYNTAX)
        raise unexpected_tag(token, self.env)


def tag_names(env: Environment) -> tuple[str, ...]:
    """Every tag name ``env`` knows, block ends and inner tags included."""
    names = {name for name in env.tags if name.isidentifier()}
    names.update(getattr(tag, "end", "") for tag in env.tags.values())
    names.update(("else", "elsif", "when", "endcomment", "endraw"))
    names.discard("")
    return tuple(sorted(names))


def unexpected_tag(token: Token, env: Environment) -> KindedSyntaxError:
    """The error for tag ``token`` where the parser cannot take it: a name nothing defines,
    or a known tag out of place (a stray ``endif``, an ``else`` outside any block)."""
    known = token.value in tag_names(env)
    return KindedSyntaxError(
        f"unexpected tag '{token.value}'",
        token=token,
        kind=ErrorKind.MISPLACED_TAG if known else ErrorKind.UNKNOWN_TAG,
        subject=token.value,
    )
