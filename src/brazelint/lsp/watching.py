"""Asking the editor to report changes to the files a verdict depends on."""

from __future__ import annotations

import logging

from lsprotocol import types
from pygls.lsp.server import LanguageServer

logger = logging.getLogger(__name__)

WATCHED_GLOBS = (
    "**/brazelint.toml",
    "**/pyproject.toml",
    "**/*.{yaml,yml,json}",
    "**/*.liquid",
)
"""Configuration, profiles, stubs, schemas, catalogs and Content Blocks (and templates,
which ``Projects.is_input`` sorts out: a template is read from disk only as a body file)."""


async def register_watchers(ls: LanguageServer) -> None:
    """Register ``workspace/didChangeWatchedFiles`` when the client can do it dynamically."""
    capabilities = ls.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if watched is None or not watched.dynamic_registration:
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED_GLOBS]
    )
    registration = types.Registration(
        id="brazelint-watched-files",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=options,
    )
    try:
        await ls.client_register_capability_async(
            types.RegistrationParams(registrations=[registration])
        )
    except Exception:  # a client that refuses is still a client we can serve
        logger.warning("the client did not accept the file watchers", exc_info=True)
