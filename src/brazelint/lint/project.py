"""A linter for a project (its configuration plus overrides), and ``lint_paths``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional, Sequence, Union

from brazelint.errors import ConfigError

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.config import Config
    from brazelint.lint.linter import Linter
    from brazelint.lint.selection import Selection
    from brazelint.profiles import Profile


LINT_PARSE_CACHE = 8
"""Parsed templates kept per process while linting (Content Blocks are cached apart)."""


def linter_for(
    config: Config,
    *,
    profiles: Optional[Sequence[Profile]] = None,
    stubs: Optional[Path] = None,
    content_blocks: Optional[Path] = None,
    schema: Optional[str] = None,
    now: Optional[str] = None,
    select: Optional[Iterable[str]] = None,
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    keep_renders: bool = False,
) -> Linter:
    """Everything ``brazelint lint`` builds once per run: renderer, profiles, selection."""
    from brazelint.lint.linter import Linter, LintOptions
    from brazelint.renderer import Renderer, parse_now

    selection = selection_for(config, select=select, extend_select=extend_select, ignore=ignore)
    blocks = content_blocks or config.content_blocks
    if content_blocks is not None and not blocks.is_dir():
        raise ConfigError(f"{blocks}: content blocks directory not found")
    if stubs is not None and not stubs.exists():
        raise ConfigError(f"{stubs}: stub file or directory not found")
    stubs = stubs or (config.stubs if config.stubs.exists() else None)
    renderer = Renderer(
        limits=config.limits,
        content_blocks=blocks if blocks.is_dir() else None,
        catalogs=config.load_catalogs(),
        promotions=config.promotions,
        stubs=stubs,
        credentials=config.credentials,
        exchange_rules=config.exchange_rules,
        # lint parses each file once: a big cache of parsed files only grows memory
        cache_size=LINT_PARSE_CACHE,
    )
    clock = now or config.now
    if clock:
        parse_now(clock)  # a bad clock fails before any file is read
    options = LintOptions(profiles=profiles, schema=schema, now=now, keep_renders=keep_renders)
    linter = Linter(config, renderer, selection, options)
    if profiles is None:
        _check_template_profiles(config, {p.name for p in linter.profiles})
    return linter


def _check_template_profiles(config: Config, known: set[str]) -> None:
    """A misspelt name in ``template-profiles`` would silently drop that profile."""
    for pattern, names in config.template_profiles.items():
        for name in names:
            if name not in known:
                raise ConfigError(
                    f"{config.path or 'configuration'}: 'template-profiles.\"{pattern}\"' "
                    f"names an unknown profile '{name}'",
                    hint=f"profiles in {config.profiles}: {', '.join(sorted(known)) or 'none'}",
                )


def selection_for(
    config: Config,
    *,
    select: Optional[Iterable[str]] = None,
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> Selection:
    """The rules that run: the configuration's choice, with the command line's on top.

    As in ruff, ``--select`` on the command line replaces the configuration's ``select``,
    ``extend-select`` and ``ignore``; ``--extend-select`` and ``--ignore`` adjust the
    configuration's choice. ``per-file-ignores`` always apply.
    """
    from brazelint.lint.selection import Layer, Selection

    where = str(config.path or "configuration")
    return Selection.layered(
        [
            Layer(config.select, config.extend_select, config.ignore, where),
            Layer(select, extend_select, ignore, "command line"),
        ],
        per_file_ignores=config.per_file_ignores,
        root=config.root,
        where=where,
    )


def lint_paths(
    paths: Sequence[Union[str, Path]], config: Union[Config, str, Path, None] = None
) -> list[Diagnostic]:
    """Lint files, directories or globs with a project's configuration.

    ``config`` is a loaded ``Config``, the path of a config file, or ``None``: then each
    file uses the ``brazelint.toml`` / ``pyproject.toml`` nearest to it, as the CLI does.
    """
    from brazelint.config import Config
    from brazelint.config_lookup import ConfigLookup
    from brazelint.lint.groups import RunFiles
    from brazelint.lint.runner import lint_files

    if isinstance(config, Config):
        lookup = ConfigLookup.fixed(config)
    else:
        lookup = ConfigLookup(Path(config) if config is not None else None)
    diagnostics: list[Diagnostic] = []
    for group in RunFiles(lookup).groups([Path(p) for p in paths]):
        linter = linter_for(group.config)
        files = drop_webhook_bodies(group.files)
        for result in lint_files(linter, [(path, str(path)) for path in files]):
            diagnostics.extend(result.diagnostics)
    return diagnostics


def drop_webhook_bodies(files: list[Path]) -> list[Path]:
    """A body file of a webhook in the run is linted with its webhook, not twice."""
    from brazelint.lint.targets import is_webhook

    bodies: set[Path] = set()
    for path in files:
        if is_webhook(path):
            from brazelint.lint.webhook import load_webhook

            try:
                webhook = load_webhook(path, path.read_text(encoding="utf-8"))
            except (ConfigError, OSError, UnicodeDecodeError):
                continue  # the webhook's own lint reports it
            if webhook.body_file is not None:
                bodies.add(webhook.body_file.resolve())
    if not bodies:
        return files
    return [path for path in files if path.resolve() not in bodies]
