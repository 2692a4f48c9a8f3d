"""``brazelint lsp``: a Language Server Protocol server for Braze Liquid templates.

One job per module: ``linting`` is the only door into the lint layer (a buffer in,
diagnostics and renders out), ``projects`` keeps one linter per configuration file,
``scheduler`` lints off the event loop, ``convert`` turns brazelint positions and findings
into LSP types, ``cursor`` reads what the cursor is on, ``hover``, ``completion``,
``definition``, ``render_request`` and ``preview`` answer one request each, ``watching``
registers the file watchers, ``protocol`` answers undecodable requests, and ``server``
wires them to pygls. Only ``brazelint lsp`` imports this package, so a lint starts as fast
as before.
"""

from __future__ import annotations

MISSING_SUPPORT_MESSAGE = "brazelint lsp needs pygls and lsprotocol: pip install 'brazelint[lsp]'"
"""The one line ``brazelint lsp`` prints when the LSP libraries are not installed."""

RULES_DOCS_URL = "https://github.com/brazelint/brazelint#rules"
"""Where the rules are documented: the README's rules table. Diagnostics link their code
here; ``brazelint rules CODE`` (and a hover on the code) gives one rule's full text."""


def support_installed() -> bool:
    """Whether pygls and lsprotocol can be imported."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        return False
    return True
