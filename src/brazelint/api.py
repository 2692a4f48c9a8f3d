"""``brazelint.render``: the one-call entry point described in DESIGN.md."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Optional, Union

from brazelint.renderer import ContentBlocksLike, ProfileLike, Renderer
from brazelint.result import RenderResult


@lru_cache(maxsize=8)
def _renderer_for(content_blocks: Optional[str]) -> Renderer:
    return Renderer(content_blocks=content_blocks)


def render(
    source: str,
    profile: ProfileLike = None,
    *,
    stubs: Union[list[Mapping[str, Any]], str, Path, None] = None,
    now: Union[datetime, str, None] = None,
    globals: Optional[Mapping[str, Any]] = None,
    content_blocks: ContentBlocksLike = None,
    credentials: Optional[Mapping[str, Mapping[str, str]]] = None,
) -> RenderResult:
    """Render Braze Liquid ``source`` for ``profile``.

    Raises ``TemplateSyntaxError`` or ``TemplateRenderError`` (with 1-based ``line`` and
    ``column`` in ``source``) and ``ConfigError`` for a bad profile.
    Connected Content is answered by ``stubs`` (a list of stub dicts, or a stub file or
    directory) and never by the network; ``credentials`` serve ``:basic_auth`` and
    ``:auth_credentials`` (``{name: {"username": ..., "password": ...}}``).
    """
    plain = stubs is None and credentials is None
    if plain and (content_blocks is None or isinstance(content_blocks, (str, Path))):
        renderer = _renderer_for(None if content_blocks is None else str(content_blocks))
    else:
        renderer = Renderer(content_blocks=content_blocks, stubs=stubs, credentials=credentials)
    return renderer.render(source, profile, now=now, globals=globals)
