"""What a lint run is asked to do, and what each configuration's files are linted with.

``RunOptions`` is what a caller asks of a run on top of the configurations: the command
line's flags, the preview's options, ``lint_paths``'s arguments. ``LintSettings`` is one
configuration with those options applied, built once and never changed: every file under
that configuration is linted with it, and the cache key is derived from it field by field,
so a new option cannot be forgotten in the key.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from brazelint.errors import ConfigError

if TYPE_CHECKING:
    from brazelint.config import Config
    from brazelint.lint.selection import Selection

DEFAULT_NOW = "2026-01-01T09:00:00Z"
"""The clock of a run that names none: renders must not depend on when lint runs."""


@dataclass(frozen=True)
class RunOptions:
    """A run's choices that override the configuration (``None``: the configuration's)."""

    config: Optional[Path] = None
    """A configuration file for every file (``--config``), instead of the nearest one."""
    profiles: Optional[Path] = None
    """A profiles directory instead of the configuration's."""
    profile: tuple[str, ...] = ()
    """Profiles by name (from the profiles directory) or by file; only these are used."""
    stubs: Optional[Path] = None
    content_blocks: Optional[Path] = None
    schema: Optional[str] = None
    """One schema (id or path) for every template."""
    now: Optional[str] = None
    select: Optional[tuple[str, ...]] = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    generated_profiles: Optional[bool] = None
    fail_level: Optional[str] = None

    def cache_choices(self) -> list[str]:
        """Every option as text, for the cache key: all fields, so none is forgotten."""
        return [f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self)]

    def named_inputs(self) -> list[Path]:
        """The files and folders these options name, whose contents the whole run reads."""
        given = [self.profiles, self.stubs, self.content_blocks]
        return [p for p in given if p is not None] + [
            Path(item) for item in self.profile if Path(item).is_file()
        ]

    def check_inputs(self) -> None:
        """A named input that does not exist is a usage error before any file is read."""
        if self.content_blocks is not None and not self.content_blocks.is_dir():
            raise ConfigError(f"{self.content_blocks}: content blocks directory not found")
        if self.stubs is not None and not self.stubs.exists():
            raise ConfigError(f"{self.stubs}: stub file or directory not found")
        if self.profiles is not None and not self.profiles.is_dir():
            raise ConfigError(f"{self.profiles}: profiles directory not found")


@dataclass(frozen=True)
class LintSettings:
    """One configuration with a run's options applied: how its files are linted.

    The configuration object is shared and only read; what the options change lives in
    the fields here, so the configuration itself is never modified.
    """

    config: Config
    options: RunOptions
    selection: Selection
    fail_level: str
    generated_profiles: bool
    now: str
    profiles: Path
    stubs: Optional[Path]
    content_blocks: Optional[Path]

    @classmethod
    def build(cls, config: Config, options: RunOptions = RunOptions()) -> LintSettings:
        from brazelint.clock import parse_now
        from brazelint.lint.selection import Layer, Selection

        where = str(config.path or "configuration")
        selection = Selection.layered(
            [
                Layer(config.select, config.extend_select, config.ignore, where),
                Layer(
                    list(options.select) if options.select is not None else None,
                    list(options.extend_select),
                    list(options.ignore),
                    "command line",
                ),
            ],
            per_file_ignores=config.per_file_ignores,
            root=config.root,
            where=where,
        )
        now = options.now or config.now or DEFAULT_NOW
        parse_now(now)  # a bad clock fails before any file is read
        blocks = options.content_blocks or config.content_blocks
        stubs = options.stubs or (config.stubs if config.stubs.exists() else None)
        return cls(
            config=config,
            options=options,
            selection=selection,
            fail_level=options.fail_level or config.fail_level,
            generated_profiles=(
                config.generated_profiles
                if options.generated_profiles is None
                else options.generated_profiles
            ),
            now=now,
            profiles=options.profiles or config.profiles,
            stubs=stubs,
            content_blocks=blocks if blocks.is_dir() else None,
        )

    def cache_choices(self) -> list[str]:
        """What the cache key needs beyond the configuration's own files."""
        return self.options.cache_choices()
