"""The projects of the open documents: one ``ProjectLinter`` per configuration file, kept
until a file it reads changes."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Optional

from brazelint.lsp.linting import ProjectLinter, config_file_for, open_project

CONFIG_NAMES = frozenset({"brazelint.toml", "pyproject.toml"})
DATA_SUFFIXES = frozenset({".yaml", ".yml", ".json"})


class Projects:
    """Linters by configuration file (documents with none share the defaults).

    Built on first use from whichever thread asks, under a lock; a failed build is not
    kept, so fixing the configuration is enough to recover.
    """

    def __init__(self) -> None:
        self._linters: dict[Path, ProjectLinter] = {}
        self._lock = threading.Lock()

    def for_document(self, path: Path) -> ProjectLinter:
        """The linter for ``path``; raises ``BrazelintError`` when the project is broken."""
        key = config_file_for(path) or Path()  # no configuration: the same defaults for all
        with self._lock:
            found = self._linters.get(key)
            if found is None:
                found = self._linters[key] = open_project(path)
            return found

    def is_input(self, path: Path) -> bool:
        """Whether a change to ``path`` can change a verdict: a configuration, profile, stub,
        schema or catalog file, or a Content Block of a known project."""
        if path.name in CONFIG_NAMES:
            return True
        name = path.name.lower()
        if path.suffix.lower() in DATA_SUFFIXES and not name.endswith(
            (".webhook.yaml", ".webhook.yml")
        ):
            return True
        if path.suffix.lower() == ".liquid":
            with self._lock:
                linters = list(self._linters.values())
            resolved = path.resolve()
            return any(
                resolved.is_relative_to(place.resolve())
                for linter in linters
                for place in linter.inputs()
            )
        return False

    def forget(self) -> None:
        """Drop every linter: the next lint rebuilds from the files as they are now."""
        with self._lock:
            self._linters.clear()

    def config_file(self, path: Path) -> Optional[Path]:
        return config_file_for(path)
