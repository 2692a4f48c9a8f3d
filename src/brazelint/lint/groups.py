"""The files of a run, grouped by the configuration each one uses.

Every file is linted with the configuration found from it (``config_lookup``), so one run
over a tree with two projects lints each with its own profiles, stubs, schemas, Content
Blocks and settings. A run names files, directories and globs, or nothing (then the
working directory's configuration says which ``templates`` to lint).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from brazelint.errors import ConfigError
from brazelint.lint.affected import Overrides, lint_paths_for
from brazelint.lint.targets import Scope, discover

if TYPE_CHECKING:
    from brazelint.config import Config
    from brazelint.config_lookup import ConfigLookup


class Group:
    """The files of one run that share a configuration, in the order they are linted."""

    __slots__ = ("config", "files")

    def __init__(self, config: Config, files: Optional[list[Path]] = None) -> None:
        self.config = config
        self.files: list[Path] = [] if files is None else files


class RunFiles:
    """Finds a run's files and the configuration of each, remembering both per directory."""

    def __init__(self, lookup: ConfigLookup, overrides: Optional[Overrides] = None) -> None:
        self.lookup = lookup
        self.overrides = overrides or Overrides()
        self._configs: dict[str, Config] = {}
        self._scopes: dict[int, Scope] = {}
        self._templates: dict[int, list[Path]] = {}

    def config_of(self, path: Path) -> Config:
        """The configuration of a file (looked up once per directory)."""
        directory = os.path.dirname(str(path))
        config = self._configs.get(directory)
        if config is None:
            config = self._configs[directory] = self.lookup.for_path(Path(directory or "."))
        return config

    def groups(self, paths: Sequence[Path]) -> list[Group]:
        """The files ``paths`` name (or, with none, the working directory's ``templates``),
        with changed inputs replaced by the templates they affect, grouped by config."""
        if paths:
            paths = lint_paths_for(paths, self.lookup, self.overrides, self.templates_of)
        else:
            config = self.lookup.for_cwd()
            paths = list(config.templates)
            if not paths:
                raise ConfigError(
                    "no paths to lint",
                    hint='pass files or directories, or set `templates = ["templates"]` '
                    f"in {config.path or 'a brazelint.toml'}",
                )
        return self.group(self.discover(paths))

    def discover(self, paths: Sequence[Path]) -> list[Path]:
        return discover(paths, scope_for=self.scope_of) if paths else []

    def group(self, files: Sequence[Path]) -> list[Group]:
        groups: dict[int, Group] = {}
        for path in files:
            config = self.config_of(path)
            group = groups.get(id(config))
            if group is None:
                group = groups[id(config)] = Group(config)
            group.files.append(path)
        return list(groups.values())

    def scope_of(self, path: Path) -> Scope:
        config = self.config_of(path)
        scope = self._scopes.get(id(config))
        if scope is None:
            blocks = self.overrides.content_blocks or config.content_blocks
            scope = self._scopes[id(config)] = Scope(config.exclude, config.root, blocks)
        return scope

    def templates_of(self, config: Config) -> list[Path]:
        """Every lint target of ``config``: its ``templates``, else all under its root."""
        found = self._templates.get(id(config))
        if found is None:
            roots = [p for p in config.templates if p.exists()] or [config.root]
            found = [
                p for p in self.discover(roots) if self.config_of(p) is config
            ]  # a nested project's templates belong to it
            self._templates[id(config)] = found
        return found
