"""brazelint: render and lint Braze Liquid templates offline.

Public API: ``render``, ``lint_paths``, ``RenderResult``, ``Diagnostic``, ``Profile`` and
the error classes. Heavy
modules (python-liquid) are imported on first use so the CLI starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from brazelint._version import __version__
from brazelint.errors import BrazelintError, ConfigError, TemplateRenderError, TemplateSyntaxError

if TYPE_CHECKING:
    from brazelint.api import render
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.http.types import Request
    from brazelint.lint.session import lint_paths
    from brazelint.profiles import Profile
    from brazelint.result import RenderResult

__all__ = [
    "BrazelintError",
    "ConfigError",
    "Diagnostic",
    "Profile",
    "RenderResult",
    "Request",
    "TemplateRenderError",
    "TemplateSyntaxError",
    "__version__",
    "lint_paths",
    "render",
]

_LAZY = {
    "render": "brazelint.api",
    "lint_paths": "brazelint.lint.session",
    "Diagnostic": "brazelint.checks.diagnostic",
    "Profile": "brazelint.profiles",
    "RenderResult": "brazelint.result",
    "Request": "brazelint.http.types",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'brazelint' has no attribute '{name}'")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
