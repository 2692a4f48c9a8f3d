"""``{% connected_content URL [options] %}``: an HTTP call whose answer feeds the message.

The markup is scanned here, straight from the original source: the URL first (it may
hold Liquid), then options in any order and across lines. The URL, ``:headers`` and
``:body`` are parsed in place as sub-templates, so ``${…}`` and filters work inside
them and every error keeps its exact position. Sending and interpreting the call is
``brazelint.http.client.HttpSession``'s job.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from typing import TYPE_CHECKING, Iterable, Optional, TextIO
from urllib.parse import urlsplit

from liquid.ast import BlockNode, Node
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, Token

from brazelint.engine.context import line_and_column, state_of
from brazelint.engine.kinded import KindedRenderError
from brazelint.engine.regions import parse_region, render_nodes
from brazelint.engine.sourcemap import mark_node
from brazelint.engine.tags._markup import Markup, read_markup, syntax_error
from brazelint.errors import ErrorKind
from brazelint.events import Problem, UndefinedUse

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.stream import TokenStream

    from brazelint.http.client import Answer

TAG_CONNECTED_CONTENT = sys.intern("connected_content")

FLAGS = frozenset({"no_cache", "retry", "rerender"})
VALUED = frozenset(
    {
        "method",
        "body",
        "content_type",
        "save",
        "basic_auth",
        "auth_credentials",
        "cache_max_age",
        "cache",
    }
)
OPTIONS = FLAGS | VALUED | {"headers"}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OPTION = re.compile(r":([A-Za-z_]\w*)")
_LIQUID = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


class Region:
    """A slice of the markup parsed as a sub-template."""

    __slots__ = ("end", "nodes", "start")

    def __init__(self, start: int, end: int, nodes: Optional[list[Node]] = None) -> None:
        self.start = start
        self.end = end
        self.nodes: list[Node] = [] if nodes is None else nodes

    def __repr__(self) -> str:
        return f"Region(start={self.start!r}, end={self.end!r}, nodes={self.nodes!r})"


class Options:
    __slots__ = (
        "auth_credentials",
        "basic_auth",
        "body",
        "cache_seconds",
        "content_type",
        "headers",
        "legacy_cache",
        "method",
        "no_cache",
        "rerender",
        "retry",
        "save",
    )

    def __init__(
        self,
        method: str = "GET",
        headers: Optional[Region] = None,
        body: Optional[Region] = None,
        content_type: Optional[str] = None,
        save: Optional[str] = None,
        basic_auth: Optional[str] = None,
        auth_credentials: Optional[str] = None,
        cache_seconds: Optional[int] = None,
        legacy_cache: bool = False,
        no_cache: bool = False,
        retry: bool = False,
        rerender: bool = False,
    ) -> None:
        self.method = method
        self.headers = headers
        self.body = body
        self.content_type = content_type
        self.save = save
        self.basic_auth = basic_auth
        self.auth_credentials = auth_credentials
        self.cache_seconds = cache_seconds
        self.legacy_cache = legacy_cache
        self.no_cache = no_cache
        self.retry = retry
        self.rerender = rerender


class ConnectedContentNode(Node):
    __slots__ = ("column", "line", "options", "url")

    def __init__(self, token: Token, url: Region, options: Options) -> None:
        super().__init__(token)
        self.url = url
        self.options = options
        self.line, self.column = line_and_column(token.source, token.start_index)
        self.blank = False

    def __str__(self) -> str:
        return "{% connected_content … %}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        from brazelint.http.client import Call

        state = state_of(context)
        if state.http is None:
            raise KindedRenderError(
                "Connected Content is not available in this render (no stubs configured)",
                token=self.token,
                kind=ErrorKind.CONNECTED_CONTENT,
            )
        options = self.options
        if options.legacy_cache:
            state.problems.append(
                Problem(
                    "connected-content-legacy-cache",
                    "':cache' is the old spelling; Braze documents ':cache_max_age'",
                    self.line,
                    self.column,
                )
            )
        undefined_before = len(state.undefined)
        url = render_nodes(self.url.nodes, context).strip()
        if not re.match(r"https?://", url, re.I):
            raise self._url_error(
                f"connected_content URL must start with http:// or https://, got {url!r}",
                state.undefined[undefined_before:],
            )
        invalid = url_problem(url)
        if invalid:
            raise KindedRenderError(
                f"connected_content URL {url!r} is not a valid URL: {invalid}",
                token=self.token,
                kind=ErrorKind.CONNECTED_CONTENT,
            )
        call = Call(
            url=url,
            method=options.method,
            headers=self._headers(context),
            body=render_nodes(options.body.nodes, context) if options.body else None,
            content_type=options.content_type,
            basic_auth=options.basic_auth,
            auth_credentials=options.auth_credentials,
            cache_seconds=options.cache_seconds,
            no_cache=options.no_cache,
            retry=options.retry,
            line=self.line,
            column=self.column,
        )
        answer = state.http.fetch(call)
        if options.rerender and ("{{" in answer.raw or "{%" in answer.raw):
            answer = _rerender(answer, context, self.token)
        if answer.data is not None:
            context.assign(options.save or "connected", answer.data)
            return 0
        mark_node(buffer, self.token)
        return buffer.write(answer.text)

    def _url_error(self, message: str, undefined: list[UndefinedUse]) -> LiquidError:
        """The error for a URL that is not http(s); when an undefined variable built its
        start (a Postman-style ``{{endpoint}}/offers``), the error points at the variable."""
        source = self.token.source
        for use in undefined:
            if use.line:
                offset = offset_of(source, use.line, use.column)
                name = use.path
                token = Token(TOKEN_EXPRESSION, name, offset, source)
                return KindedRenderError(
                    f"'{name}' is undefined (Braze does not define it and the template does "
                    f"not assign it), so it renders empty; {message}",
                    token=token,
                    kind=ErrorKind.CONNECTED_CONTENT,
                )
        return KindedRenderError(message, token=self.token, kind=ErrorKind.CONNECTED_CONTENT)

    def _headers(self, context: RenderContext) -> dict[str, str]:
        region = self.options.headers
        if region is None:
            return {}
        text = render_nodes(region.nodes, context)
        try:
            value = json.loads(text)
        except ValueError as err:
            raise KindedRenderError(
                f"':headers' is not valid JSON once rendered ({err}); escape inserted values "
                f"with | json_escape",
                token=self.token,
                kind=ErrorKind.CONNECTED_CONTENT,
            ) from None
        return {str(k): "" if v is None else str(v) for k, v in value.items()}

    def children(
        self, static_context: RenderContext, *, include_partials: bool = True
    ) -> Iterable[Node]:
        yield BlockNode(self.token, self.url.nodes)
        for region in (self.options.headers, self.options.body):
            if region is not None:
                yield BlockNode(self.token, region.nodes)


def url_problem(url: str) -> str:
    """Why ``url`` cannot be requested (a documentation placeholder for the host such as
    ``https://[YOUR_SUBDOMAIN].example.com``), or ``""``."""
    try:
        urlsplit(url).port  # noqa: B018 - parsing the port raises for a malformed one
    except ValueError as err:
        return str(err)
    return ""


def offset_of(source: str, line: int, column: int) -> int:
    """The offset in ``source`` of a 1-based ``line`` and ``column``."""
    start = 0
    for _ in range(line - 1):
        start = source.find("\n", start) + 1
    return start + column - 1


def _rerender(answer: Answer, context: RenderContext, token: Token) -> Answer:
    """``:rerender``: run Liquid found in the answer once (see ``engine.rerender``), seeing
    the profile fields the template names up to the end of this tag; then read it again.

    If the result is no longer valid JSON, Braze treats it as text and saves nothing.
    """
    from brazelint.engine.rerender import referenced_fields, rerender_text
    from brazelint.http.client import interpret_body

    tag_end = token.source.find("%}", token.start_index)
    named = referenced_fields(token.source[: tag_end if tag_end >= 0 else len(token.source)])
    return interpret_body(rerender_text(answer.raw, context, named), answer.status)


class ConnectedContentTag(Tag):
    name = TAG_CONNECTED_CONTENT
    block = False

    def parse(self, stream: TokenStream) -> Node:
        markup = read_markup(stream)
        return _Parser(self, markup).parse()


class _Parser:
    """Scans the markup of one tag; every error points into the original source."""

    def __init__(self, tag: Tag, markup: Markup) -> None:
        self.env = tag.env
        self.markup = markup
        self.text = markup.text
        self.pos = 0

    def parse(self) -> Node:
        if not self.text.strip():
            raise LiquidSyntaxError(
                "connected_content needs a URL first: "
                "{% connected_content https://api.example.com/v1/x :save result %}",
                token=self.markup.tag,
            )
        self._skip_space()
        if self.pos >= len(self.text) or self.text.startswith(":", self.pos):
            raise self._error(
                "connected_content needs a URL first: "
                "{% connected_content https://api.example.com/v1/x :save result %}",
                self.pos,
                max(len(self.text) - self.pos, 1),
            )
        url_start, url_end = self.pos, self._unit_end(self.pos)
        url = self.text[url_start:url_end]
        if not url.startswith(("{{", "{%")) and not re.match(r"https?://", url, re.I):
            raise self._error(
                f"connected_content URL must start with http:// or https://, got '{url}'",
                url_start,
                len(url),
            )
        self.pos = url_end
        options = Options()
        seen: set[str] = set()
        while True:
            self._skip_space()
            if self.pos >= len(self.text):
                break
            self._option(options, seen)
        node = ConnectedContentNode(self.markup.tag, self._region(url_start, url_end), options)
        return node

    def _option(self, options: Options, seen: set[str]) -> None:
        start = self.pos
        found = _OPTION.match(self.text, start)
        if not found:
            end = self._unit_end(start)
            raise self._error(
                f"unexpected '{self.text[start:end]}' in connected_content; options start "
                f"with ':' (an inline :body cannot contain spaces: capture it first)",
                start,
                end - start,
            )
        name = found.group(1)
        if name not in OPTIONS:
            close = difflib.get_close_matches(name, sorted(OPTIONS), n=1)
            hint = f"; did you mean ':{close[0]}'?" if close else ""
            raise self._error(
                f"unknown connected_content option ':{name}'{hint}", start, found.end() - start
            )
        if name in seen:
            raise self._error(f"option ':{name}' is given twice", start, found.end() - start)
        seen.add(name)
        self.pos = found.end()
        if name in FLAGS:
            setattr(options, name, True)
            return
        self._skip_space()
        if name == "headers":
            options.headers = self._headers(start)
            return
        if self.pos >= len(self.text) or self.text.startswith(":", self.pos):
            raise self._error(f"option ':{name}' needs a value", start, found.end() - start)
        value_start, value_end = self.pos, self._unit_end(self.pos)
        value = self.text[value_start:value_end]
        self.pos = value_end
        if name == "body":
            options.body = self._region(value_start, value_end)
        elif name == "method":
            if value.lower() not in ("get", "post"):
                raise self._error(
                    f"Braze supports only GET and POST, got ':method {value}'",
                    value_start,
                    len(value),
                )
            options.method = value.upper()
        elif name in ("cache_max_age", "cache"):
            if not value.isdigit():
                raise self._error(
                    f"':{name}' takes a number of seconds, got '{value}'", value_start, len(value)
                )
            options.cache_seconds = int(value)
            options.legacy_cache = name == "cache"
        elif name == "save":
            if not _NAME.fullmatch(value):
                raise self._error(
                    f"':save' needs a variable name (letters, digits, _), got '{value}'",
                    value_start,
                    len(value),
                )
            options.save = value
        else:
            setattr(options, name, value)

    def _headers(self, option_start: int) -> Region:
        start = self.pos
        if not self.text.startswith("{", start) or self.text.startswith("{{", start):
            raise self._error(
                '\':headers\' takes a JSON object: :headers {"X-Api-Key": "{{key}}"}',
                option_start,
                max(start - option_start, 1),
            )
        end = self._balanced_object_end(start)
        masked = _LIQUID.sub(lambda m: "0" + " " * (len(m.group()) - 1), self.text[start:end])
        try:
            value = json.loads(masked)
        except json.JSONDecodeError as err:
            raise self._error(
                f"':headers' is not valid JSON: {err.msg}", start + err.pos, 1
            ) from None
        if not isinstance(value, dict):  # pragma: no cover - the scanner only takes {...}
            raise self._error("':headers' takes a JSON object", start, end - start)
        self.pos = end
        return self._region(start, end)

    def _balanced_object_end(self, start: int) -> int:
        depth = 0
        index = start
        text = self.text
        while index < len(text):
            if text.startswith(("{{", "{%"), index):
                closing = text.find("}}" if text[index + 1] == "{" else "%}", index + 2)
                if closing < 0:
                    break
                index = closing + 2
                continue
            char = text[index]
            if char == '"':
                index += 1
                while index < len(text) and text[index] != '"':
                    index += 2 if text[index] == "\\" else 1
            elif char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    return index + 1
            index += 1
        raise self._error("':headers' has no closing '}'", start, 1)

    def _unit_end(self, start: int) -> int:
        """End of a whitespace-delimited value; ``{{…}}``/``{%…%}`` count as one piece."""
        text = self.text
        index = start
        while index < len(text) and not text[index].isspace():
            found = _LIQUID.match(text, index)
            index = found.end() if found else index + 1
        return index

    def _skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def _region(self, start: int, end: int) -> Region:
        source_start = self.markup.start
        nodes = parse_region(self.env, self.markup.source, source_start + start, source_start + end)
        return Region(start, end, nodes)

    def _error(self, message: str, offset: int, length: int) -> LiquidError:
        return syntax_error(self.markup, message, offset, length)
