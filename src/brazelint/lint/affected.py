"""The templates a changed input affects, so a hook given that input re-lints them.

pre-commit passes only the changed files. A template's verdict also depends on the
configuration, the profiles, the stubs, the catalogs, its schema and the Content Blocks
it includes: when one of those is passed, the templates it can change are linted in its
place:

- the configuration, a profile, a stub or a catalog: every template of that configuration
  (its ``templates`` setting, else everything under its directory), as is a schema that a
  ``connected-content`` rule names;
- a Content Block: the templates that include it, directly or through another block;
- a schema: the templates the ``schemas`` setting assigns it, and those that name it
  (a ``schema=`` comment, a webhook's ``schema:``).

Any other YAML, JSON or TOML file outside the configured ``templates`` is data, not a
template, and is left alone (pre-commit passes every changed file that the hook's pattern matches).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from brazelint.lint.targets import is_lint_target, is_webhook

if TYPE_CHECKING:
    from brazelint.config import Config
    from brazelint.config_lookup import ConfigLookup

DATA_SUFFIXES = (".yaml", ".yml", ".json", ".toml")
_BLOCK_REFERENCE = re.compile(r"content_blocks\.\$\{\s*([A-Za-z0-9_\-]+)\s*\}")

TemplatesOf = Callable[["Config"], list[Path]]
"""Every lint target of a configuration (its ``templates``, or its whole directory)."""


class Overrides:
    """Input locations the command line gives instead of the configuration's."""

    __slots__ = ("content_blocks", "profiles", "stubs")

    def __init__(
        self,
        profiles: Optional[Path] = None,
        stubs: Optional[Path] = None,
        content_blocks: Optional[Path] = None,
    ) -> None:
        self.profiles = profiles
        self.stubs = stubs
        self.content_blocks = content_blocks


def lint_paths_for(
    paths: Sequence[Path], lookup: ConfigLookup, overrides: Overrides, templates_of: TemplatesOf
) -> list[Path]:
    """``paths`` with every changed input replaced by the templates it affects."""
    result: list[Path] = []
    for path in paths:
        if not path.is_file():
            result.append(path)  # a directory or a glob: searched as usual
            if path.is_dir():
                result += _including_any(path, lookup.for_path(path), overrides, templates_of)
            continue
        config = lookup.for_path(path)
        affected = affected_templates(path, config, overrides, templates_of)
        if affected is not None:
            result += affected
        elif is_lint_target(path) or not _is_data(path) or _in_templates(path, config):
            result.append(path)
    return list(dict.fromkeys(result))


def affected_templates(
    path: Path, config: Config, overrides: Overrides, templates_of: TemplatesOf
) -> Optional[list[Path]]:
    """The templates ``path`` affects, or ``None`` when it is not an input of ``config``."""
    target = path.resolve()
    if config.path is not None and target == config.path.resolve():
        return templates_of(config)
    for location in (
        overrides.profiles or config.profiles,
        overrides.stubs or config.stubs,
        config.catalogs,
    ):
        if _within(target, location):
            return templates_of(config)
    blocks = overrides.content_blocks or config.content_blocks
    if _within(target, blocks) and path.suffix == ".liquid" and not _within(config.root, blocks):
        return _including(path.stem, blocks, templates_of(config))
    if _is_data(path) and config.path is not None:
        return _assigned(target, config, templates_of)
    return None


def _including_any(
    directory: Path, config: Config, overrides: Overrides, templates_of: TemplatesOf
) -> list[Path]:
    """Asked for a directory of Content Blocks: the templates that include them too."""
    blocks = overrides.content_blocks or config.content_blocks
    target = directory.resolve()
    if not _within(target, blocks) or _within(config.root, blocks):
        return []
    found: list[Path] = []
    for block in sorted(target.rglob("*.liquid")):
        found += _including(block.stem, blocks, templates_of(config))
    return found


def _assigned(target: Path, config: Config, templates_of: TemplatesOf) -> Optional[list[Path]]:
    """Templates whose schema is ``target``; ``None`` when none is (it is not a schema)."""
    from brazelint.lint.globs import any_match

    for rule in config.exchange_rules:
        for schema in (rule.request_schema, rule.response_schema):
            if schema is not None and _same(schema, config.root, target):
                return templates_of(config)
    globs = [g for g, schema in config.schema_targets.items() if _same(schema, config.root, target)]
    found = [
        template
        for template in templates_of(config)
        if (globs and any_match(globs, template, config.root))
        or (target.name in _text(template) and _names_schema(template, target))
    ]
    return found or None


def _names_schema(template: Path, target: Path) -> bool:
    """Whether the template's comment (or a webhook's ``schema:``) resolves to ``target``."""
    pattern = r"schema\s*[:=]?\s*[\"']?([^\s\"'%}]+)"
    for name in re.findall(pattern, _text(template)):
        if _same(name, template.parent, target):
            return True
    return False


def _including(name: str, blocks: Path, templates: list[Path]) -> list[Path]:
    """Templates that include block ``name``, also through other blocks."""
    names = {name}
    sources = {p.stem: _text(p) for p in sorted(blocks.glob("*.liquid"))}
    grown = True
    while grown:
        grown = False
        for block, text in sources.items():
            if block not in names and names & set(_BLOCK_REFERENCE.findall(text)):
                names.add(block)
                grown = True
    found = [t for t in templates if names & set(_BLOCK_REFERENCE.findall(_text(t)))]
    # a webhook whose body file includes the block is linted with that body
    bodies = {t.resolve() for t in found}
    for template in templates:
        if is_webhook(template) and template not in found and _body_in(template, bodies):
            found.append(template)
    return found


def _body_in(webhook: Path, bodies: set[Path]) -> bool:
    from brazelint.errors import ConfigError
    from brazelint.lint.webhook import load_webhook

    try:
        body = load_webhook(webhook, _text(webhook)).body_file
    except ConfigError:
        return False
    return body is not None and body.resolve() in bodies


def _in_templates(path: Path, config: Config) -> bool:
    """Whether a data file is one of the configured templates (a JSON body, say)."""
    target = path.resolve()
    return any(_within(target, t) for t in config.templates)


def _within(target: Path, location: Path) -> bool:
    try:
        resolved = location.resolve()
    except OSError:
        return False
    return target == resolved or resolved in target.parents


def _same(name: str, base: Path, target: Path) -> bool:
    try:
        return (base / name).resolve() == target
    except (OSError, ValueError):
        return False


def _is_data(path: Path) -> bool:
    return path.suffix.lower() in DATA_SUFFIXES and not is_webhook(path)


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
