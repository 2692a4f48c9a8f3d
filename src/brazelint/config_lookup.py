"""Which configuration applies to a file: the nearest one above *that file* (ruff's rule).

The verdict on a template must not depend on where the command was started, so every
linted, rendered or served file looks for ``brazelint.toml`` (or ``pyproject.toml`` with
``[tool.brazelint]``) in its own directory and then each parent. ``--config`` overrides
the search for every file. A file with no configuration above it gets the defaults,
rooted at the working directory, as ruff does.

A lint may name thousands of files in a few directories, so the answer is remembered
per directory (and for every parent the search passed through), and each file is read
and validated once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from brazelint.config import Config, default_config, find_config_file, load_config


class ConfigLookup:
    """Configurations for files, found once per directory and loaded once per file."""

    def __init__(self, explicit: Optional[Path] = None, cwd: Optional[Path] = None) -> None:
        self.explicit = explicit
        self.cwd = (cwd or Path.cwd()).resolve()
        self._found: dict[str, Optional[Path]] = {}
        self._loaded: dict[Optional[Path], Config] = {}

    @classmethod
    def fixed(cls, config: Config) -> ConfigLookup:
        """A lookup that gives every file ``config`` (a loaded ``--config``)."""
        lookup = cls(config.path or Path("brazelint.toml"))
        lookup._loaded[lookup.explicit] = config
        return lookup

    def for_path(self, path: Path) -> Config:
        """The configuration of the file (or directory) at ``path``."""
        if self.explicit is not None:
            return self._load(self.explicit)
        absolute = os.path.abspath(path)
        directory = absolute if os.path.isdir(absolute) else os.path.dirname(absolute)
        return self._load(self._file_for(directory))

    def for_cwd(self) -> Config:
        """The configuration of the working directory: what a run with no paths lints."""
        return self.for_path(self.cwd)

    def loaded(self) -> list[Config]:
        """Every configuration loaded so far, in the order they were first needed."""
        return list(self._loaded.values())

    def _file_for(self, directory: str) -> Optional[Path]:
        if directory in self._found:
            return self._found[directory]
        own = find_config_file(Path(directory), parents=False)
        if own is None:
            parent = os.path.dirname(directory)
            own = None if parent == directory else self._file_for(parent)
        self._found[directory] = own
        return own

    def _load(self, path: Optional[Path]) -> Config:
        config = self._loaded.get(path)
        if config is None:
            config = default_config(self.cwd) if path is None else load_config(path)
            self._loaded[path] = config
        return config
