"""Render templates for profiles.

``Renderer`` holds the configuration shared by many renders (limits, Content Blocks,
catalogs, promotion codes) and a cache of parsed templates, so a template is parsed
once and rendered for every profile.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections import OrderedDict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Optional, Sequence, Union

from liquid.exceptions import LiquidError

from brazelint.clock import parse_now
from brazelint.engine.context import BrazeContext
from brazelint.engine.limits import Limits
from brazelint.engine.sourcemap import MappedBuffer
from brazelint.engine.state import RenderState
from brazelint.errors import (
    BrazelintError,
    ConfigError,
    ErrorKind,
    TemplateRenderError,
    TemplateSyntaxError,
)
from brazelint.events import AbortMessage
from brazelint.http.checks import ExchangeChecker, ExchangeRule
from brazelint.http.client import HttpSession
from brazelint.http.credentials import CredentialStore
from brazelint.profiles import Profile, load_profile
from brazelint.result import RenderResult
from brazelint.sources import is_readable_file, read_template

if TYPE_CHECKING:
    from liquid.token import Token

    from brazelint.engine.environment import BrazeEnvironment, BrazeTemplate
    from brazelint.http.types import Transport

ProfileLike = Union[Profile, Mapping[str, Any], str, Path, None]
ContentBlocksLike = Union[Mapping[str, str], str, Path, None]
StubsLike = Union[Sequence[Mapping[str, Any]], str, Path, None]


class Renderer:
    """Renders templates with one configuration; parsed templates are cached by source."""

    def __init__(
        self,
        *,
        limits: Optional[Limits] = None,
        content_blocks: ContentBlocksLike = None,
        catalogs: Optional[Mapping[str, Any]] = None,
        promotions: Optional[Mapping[str, Sequence[str]]] = None,
        stubs: StubsLike = None,
        transport: Optional[Transport] = None,
        credentials: Optional[Mapping[str, Any]] = None,
        exchange_rules: Sequence[ExchangeRule] = (),
        cache_size: int = 512,
    ) -> None:
        from brazelint.engine.environment import BrazeEnvironment

        self.env: BrazeEnvironment = BrazeEnvironment(limits)
        self.limits = self.env.limits
        self.catalogs = dict(catalogs or {})
        self.promotions = dict(promotions or {})
        self._cache: OrderedDict[tuple[str, Optional[str]], BrazeTemplate] = OrderedDict()
        self._cache_size = cache_size
        self._blocks = _content_block_sources(content_blocks)
        self._block_cache: dict[str, tuple[BlockStamp, Optional[BrazeTemplate]]] = {}
        if transport is None:
            from brazelint.http.stubs import StubTransport, load_stubs

            transport = StubTransport(load_stubs(stubs) if stubs is not None else [])
        self.transport: Transport = transport
        self.credentials = CredentialStore(credentials)
        self.exchange_rules = list(exchange_rules)
        self.http_cache: dict[Any, Any] = {}
        """Connected Content answers cached across the renders of this renderer (one run)."""

    def parse(
        self, source: str, *, path: Optional[str] = None, tokens: Optional[list[Token]] = None
    ) -> BrazeTemplate:
        """Parse ``source`` (cached; from ``tokens`` if lexed already); raises
        ``TemplateSyntaxError``."""
        key = (source, path)
        template = self._cache.get(key)
        if template is not None:
            self._cache.move_to_end(key)
            return template
        too_large = self.limits.template_too_large(source)
        if too_large is not None:
            raise TemplateSyntaxError(
                too_large,
                path=path,
                line=1,
                column=1,
                hint="split the template, or raise the limit under [tool.brazelint.limits]",
                kind=ErrorKind.LIMIT,
            )
        try:
            template = self.env.parse_template(source, path=path, tokens=tokens)
        except LiquidError as err:
            raise to_brazelint_error(err, source, path, syntax=True) from None
        except RecursionError:
            raise TemplateSyntaxError(
                f"template nests too deeply (limits.nesting_depth = {self.limits.nesting_depth})",
                path=path,
                line=1,
                column=1,
                kind=ErrorKind.LIMIT,
            ) from None
        except BrazelintError:
            raise
        except Exception as err:  # a failure on one input is a finding, never a crash
            raise unexpected_error(err, TemplateSyntaxError, source, path) from None
        self._cache[key] = template
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return template

    def render(
        self,
        template: Union[str, BrazeTemplate],
        profile: ProfileLike = None,
        *,
        now: Union[datetime, str, None] = None,
        globals: Optional[Mapping[str, Any]] = None,
        path: Optional[str] = None,
        reached: Optional[set[object]] = None,
    ) -> RenderResult:
        """Render ``template`` (source text or a parsed template) for ``profile``.

        ``reached`` collects the branch bodies the render enters (lint coverage); it is
        the caller's, so it holds what was reached even when the render fails.
        """
        if isinstance(template, str):
            template = self.parse(template, path=path)
        resolved = resolve_profile(profile)
        data = resolved.liquid_data()
        if globals:
            data.update(globals)
        clock = parse_now(now)
        state = RenderState(
            now=clock,
            limits=self.limits,
            content_blocks=self._load_block if self._blocks else None,
            catalogs=self.catalogs,
            promotions=self.promotions,
            reached=reached,
        )
        state.http = HttpSession(
            transport=self.transport,
            now=clock,
            credentials=self.credentials,
            cache=self.http_cache,
            problems=state.problems,
            on_exchange=ExchangeChecker(self.exchange_rules, state.problems)
            if self.exchange_rules
            else None,
        )
        context = BrazeContext(template, globals=data, state=state)
        if self._blocks:
            from brazelint.engine.tags.output import ContentBlockValues

            data["content_blocks"] = ContentBlockValues(context)  # the context's globals
        buffer = MappedBuffer(
            self.limits.output_bytes, template.nodes[0].token.source if template.nodes else ""
        )
        state.start_clock()
        result = RenderResult(output="", profile=resolved.name)
        try:
            template.render_with_context(context, buffer)
            result.output = buffer.getvalue()
            result.source_map = buffer.source_map()
        except AbortMessage as abort:
            result.aborted = True
            result.abort_reason = abort.reason
            own_source = template.nodes[0].token.source if template.nodes else None
            if abort.offset >= 0 and abort.source is own_source:
                result.abort_offset = abort.offset
        except LiquidError as err:
            source = err.token.source if err.token else ""
            raise to_brazelint_error(
                err, source, str(err.template_name or template.path or path or "") or None
            ) from None
        except RecursionError:
            raise TemplateRenderError(
                f"template recursed too deeply (limits.nesting_depth = "
                f"{self.limits.nesting_depth})",
                path=path,
                kind=ErrorKind.LIMIT,
            ) from None
        except BrazelintError:
            raise
        except Exception as err:  # a failure on one input is a finding, never a crash
            own = template.nodes[0].token.source if template.nodes else ""
            raise unexpected_error(err, TemplateRenderError, own, path) from None
        result.undefined_uses = state.undefined
        result.undefined = list(dict.fromkeys(use.path for use in state.undefined))
        result.filter_uses = state.filter_uses
        result.message_extras = state.message_extras
        result.requests = state.http.requests
        result.problems = state.problems
        return result

    def content_block(self, name: str) -> Optional[BrazeTemplate]:
        """The parsed Content Block called ``name`` (``None`` when there is none)."""
        return self._load_block(name) if self._blocks else None

    def _load_block(self, name: str) -> Optional[BrazeTemplate]:
        """The parsed Content Block ``name``; a block file is read again once it changes
        (the cache is keyed on its modification time and size)."""
        stamp = self._blocks.stamp(name)
        cached = self._block_cache.get(name)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        located = self._blocks.get(name)
        template = None
        if located is not None:
            source, path = located
            template = self.parse(source, path=path)
        self._block_cache[name] = (stamp, template)
        return template


BlockStamp = Optional[tuple[str, int, int]]
"""A Content Block's file, modification time (ns) and size; ``("", 0, 0)`` for a block
given as text, ``None`` for one that does not exist."""


class _BlockSources:
    """Content Block sources by name, from a dict or a directory of ``<name>.liquid``."""

    def __init__(self, blocks: Mapping[str, str], directory: Optional[Path]) -> None:
        self.blocks = blocks
        self.directory = directory
        self._paths: dict[str, list[str]] = {}

    def __bool__(self) -> bool:
        return bool(self.blocks) or self.directory is not None

    def _candidates(self, name: str) -> list[str]:
        found = self._paths.get(name)
        if found is None:
            found = self._paths[name] = (
                []
                if self.directory is None or "/" in name or "\\" in name or name.startswith(".")
                else [
                    os.path.join(str(self.directory), f"{name}.liquid"),
                    os.path.join(str(self.directory), name),
                ]
            )
        return found

    def stamp(self, name: str) -> BlockStamp:
        if name in self.blocks:
            return ("", 0, 0)
        for candidate in self._candidates(name):
            try:
                info = os.stat(candidate)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                return (candidate, info.st_mtime_ns, info.st_size)
        return None

    def get(self, name: str) -> Optional[tuple[str, str]]:
        if name in self.blocks:
            return self.blocks[name], f"content_blocks/{name}"
        for candidate in self._candidates(name):
            if is_readable_file(Path(candidate)):
                return read_template(Path(candidate)), candidate
        return None


def _content_block_sources(content_blocks: ContentBlocksLike) -> _BlockSources:
    if content_blocks is None:
        return _BlockSources({}, None)
    if isinstance(content_blocks, Mapping):
        return _BlockSources(dict(content_blocks), None)
    directory = Path(content_blocks)
    if not directory.is_dir():
        raise ConfigError(f"{directory}: content blocks directory not found")
    return _BlockSources({}, directory)


def resolve_profile(profile: ProfileLike) -> Profile:
    """Accept a ``Profile``, a profile dict, a path to a profile file, or ``None``."""
    if profile is None:
        return Profile(name="empty")
    if isinstance(profile, Profile):
        return profile
    if isinstance(profile, Mapping):
        return Profile.from_dict(profile)
    return load_profile(profile)


def unexpected_error(
    err: Exception, cls: type[BrazelintError], source: str, path: Optional[str]
) -> BrazelintError:
    """``err`` (not a Liquid error) as ``cls``, at the template token that was failing."""
    from brazelint.engine.context import line_and_column
    from brazelint.failures import describe_failure, failing_token, failure_kind

    token = failing_token(err.__traceback__)
    line = column = None
    length = 1
    if token is not None:
        source = token.source
        line, column = line_and_column(source, token.start_index)
        length = len(token.value.splitlines()[0]) if token.value else 1
    return cls(
        describe_failure(err),
        line=line or 1,
        column=column or 1,
        path=path,
        source=source or None,
        length=length,
        kind=failure_kind(err),
    )


def to_brazelint_error(
    err: LiquidError, source: str, path: Optional[str], *, syntax: bool = False
) -> BrazelintError:
    """Turn a python-liquid error into ours: 1-based position in the original text, the
    kind of problem (``kind_of``), and a hint for that kind."""
    from liquid.exceptions import BlockNestingError, LiquidSyntaxError

    from brazelint.engine.context import line_and_column
    from brazelint.engine.keywords import unmark_text
    from brazelint.engine.kinded import kind_of, subject_of

    token = err.token
    line = column = None
    length = 1
    if token is not None and token.start_index >= 0:
        source = token.source
        line, column = line_and_column(source, token.start_index)
        length = len(token.value.splitlines()[0]) if token.value else 1
    cls = (
        TemplateSyntaxError
        if syntax or isinstance(err, (LiquidSyntaxError, BlockNestingError))
        else TemplateRenderError
    )
    kind = kind_of(err, cls.default_kind)
    subject = subject_of(err)
    return cls(
        unmark_text(str(err.message or err.__class__.__name__)),
        line=line,
        column=column,
        path=path,
        hint=_hint(kind, subject),
        source=source or None,
        length=length,
        kind=kind,
        subject=subject,
    )


_FIXED_HINTS = {
    ErrorKind.UNCLOSED_OUTPUT: "close the output statement with }}",
    ErrorKind.UNCLOSED_TAG: "close the tag with %}",
    ErrorKind.LIMIT: (
        "raise the limit under [tool.brazelint.limits] if the template really needs it"
    ),
}


def _hint(kind: ErrorKind, subject: Optional[str]) -> Optional[str]:
    from brazelint.engine.environment import BrazeEnvironment

    if kind is ErrorKind.UNKNOWN_FILTER and subject is not None:
        names = BrazeEnvironment.known_filter_names()
        close = difflib.get_close_matches(subject, names, n=1)
        return f"did you mean '{close[0]}'?" if close else "see `brazelint` README, Filters"
    if kind in (ErrorKind.UNKNOWN_TAG, ErrorKind.MISPLACED_TAG) and subject is not None:
        names = BrazeEnvironment.known_tag_names()
        close = difflib.get_close_matches(subject, names, n=1)
        if close:
            return f"did you mean '{close[0]}'?"
        return "close every block tag (if/endif, for/endfor, capture/endcapture)"
    if kind is ErrorKind.UNCLOSED_BLOCK and subject is not None:
        return f"add {{% {subject} %}} to close the block opened here"
    return _FIXED_HINTS.get(kind)
