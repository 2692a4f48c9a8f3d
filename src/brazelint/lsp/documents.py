"""Which editor documents brazelint lints, and a document's text at one moment."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Optional

from pygls.uris import to_fs_path

from brazelint.lsp.linting import is_webhook_file


class Buffer(NamedTuple):
    """An open document's text at one moment, as the worker lints or renders it."""

    uri: str
    path: Path
    text: str
    version: Optional[int]


def document_path(uri: str) -> Optional[Path]:
    """The file behind a ``file:`` URI (``None`` for unsaved or remote documents)."""
    if not uri.startswith("file:"):
        return None
    text = to_fs_path(uri)
    return Path(text) if text else None


def lintable_path(uri: str) -> Optional[Path]:
    """The file of a ``.liquid`` or ``*.webhook.yaml`` document; ``None`` for anything else."""
    path = document_path(uri)
    if path is None:
        return None
    return path if path.suffix.lower() == ".liquid" or is_webhook_file(path) else None
