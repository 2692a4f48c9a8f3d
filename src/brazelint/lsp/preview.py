"""The ``brazelint.openPreview`` command: the ``serve`` page of a document.

With ``previewUrl`` in the client's initialization options (the address of a running
``brazelint serve``), the page is that server's page for the document. Without it, the
language server starts the same preview server itself, in a thread, on a free loopback
port, once per project, and serves the project's templates plus each document asked for.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Optional
from urllib.parse import quote

if TYPE_CHECKING:
    from brazelint.preview.server import PreviewServer


class PreviewPages:
    """Preview servers started by this language server, one per project root."""

    def __init__(self, external: Optional[str] = None) -> None:
        self.external = external.rstrip("/") if external else None
        self._servers: dict[Path, PreviewServer] = {}
        self._lock = threading.Lock()

    def url_for(self, path: Path, config_file: Optional[Path]) -> str:
        """The page of ``path``; starts a preview server for its project if needed."""
        root = (config_file.parent if config_file is not None else path.parent).resolve()
        if self.external is not None:
            return f"{self.external}/file/{_quoted(path, root)}"
        with self._lock:
            server = self._servers.get(root)
            if server is None:
                server = self._servers[root] = _start(path, config_file, root)
        project = server.project
        if project.lookup(_relative(path, project.root)) is None:
            project.paths.append(path)  # serve this document too, from now on
        return f"{server.url}file/{_quoted(path, project.root)}"

    def close(self) -> None:
        with self._lock:
            for server in self._servers.values():
                server.shutdown()
                server.close()
            self._servers.clear()


def _start(path: Path, config_file: Optional[Path], root: Path) -> PreviewServer:
    from brazelint.config import load_config
    from brazelint.lint.settings import RunOptions
    from brazelint.preview.project import PreviewProject
    from brazelint.preview.server import PreviewServer

    config = load_config(config_file, start=root)
    templates = [p for p in config.templates if p.exists()]
    if not templates:
        default = root / "templates"
        templates = [default if default.is_dir() else root]
    project = PreviewProject(RunOptions(config=config_file), [*templates, path])
    server = PreviewServer(("127.0.0.1", 0), project)
    server.start_watching()
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True
    ).start()
    return server


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.name


def _quoted(path: Path, root: Path) -> str:
    return quote(_relative(path, root))
