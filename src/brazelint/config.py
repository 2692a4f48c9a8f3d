"""Project configuration: ``brazelint.toml`` or ``[tool.brazelint]`` in ``pyproject.toml``.

Each file uses the nearest configuration above it (``brazelint.config_lookup``), like
ruff. Paths in the file are relative to the file's directory. Every key is optional:

```toml
[tool.brazelint]
profiles = "profiles"            # directory of mock profiles
content-blocks = "content_blocks"
catalogs = "catalogs"            # <catalog>.yaml|json fixtures for catalog_items
stubs = "stubs"                  # Connected Content stubs: a file or a directory
[tool.brazelint.credentials.sessionm]   # for :basic_auth sessionm (or use env variables)
username = "api-key"
password = "api-secret"
[tool.brazelint.promotions]
spring_sale = ["SPRING-AAAA", "SPRING-BBBB"]
[tool.brazelint.limits]
loop-iterations = 50000
```

Lint settings (``brazelint lint``; command-line flags override them):

```toml
templates = ["templates"]        # what `brazelint lint` checks when given no paths
exclude = ["templates/drafts/**"]
select = ["BL"]                  # codes or prefixes; extend-select adds, ignore removes
ignore = ["BL203"]
fail-level = "warning"           # error | warning | info
now = "2026-01-01T09:00:00Z"     # the clock for every render
generated-profiles = true        # also render for the generated empty, complete, adversarial users
json = ["templates/webhooks/**"] # outputs that must be JSON even without a schema
[tool.brazelint.schemas]         # glob -> schema id or path
"templates/sessionm/*tags*.liquid" = "sessionm/tags"
[tool.brazelint.template-profiles]   # glob -> the profiles that template is rendered for
"templates/sessionm/**" = ["known_user", "vip_user"]
[tool.brazelint.per-file-ignores]
"templates/legacy/**" = ["BL403"]
[tool.brazelint.profile-ignores]     # profile -> rules not reported for it
empty = ["BL203"]                    # the generated user with nothing set
```
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Mapping, Optional

from brazelint.engine.limits import Limits
from brazelint.errors import ConfigError
from brazelint.http.checks import ExchangeRule, parse_rules
from brazelint.http.credentials import parse_credential

CONFIG_FILES = ("brazelint.toml", "pyproject.toml")
_KNOWN_KEYS = {
    "profiles",
    "content-blocks",
    "catalogs",
    "stubs",
    "credentials",
    "connected-content",
    "promotions",
    "limits",
    "templates",
    "exclude",
    "select",
    "ignore",
    "extend-select",
    "per-file-ignores",
    "fail-level",
    "now",
    "generated-profiles",
    "json",
    "schemas",
    "template-profiles",
    "profile-ignores",
}
FAIL_LEVELS = ("error", "warning", "info")


class Config:
    """Resolved settings; ``path`` is the file they came from (``None`` for defaults)."""

    __slots__ = (
        "catalogs",
        "content_blocks",
        "credentials",
        "exchange_rules",
        "exclude",
        "extend_select",
        "fail_level",
        "generated_profiles",
        "ignore",
        "json_globs",
        "limits",
        "now",
        "path",
        "per_file_ignores",
        "profile_ignores",
        "profiles",
        "promotions",
        "root",
        "schema_targets",
        "select",
        "stubs",
        "template_profiles",
        "templates",
    )

    def __init__(
        self,
        root: Path,
        path: Optional[Path] = None,
        profiles: Path = Path("profiles"),
        content_blocks: Path = Path("content_blocks"),
        catalogs: Path = Path("catalogs"),
        stubs: Path = Path("stubs"),
        credentials: Optional[dict[str, Any]] = None,
        exchange_rules: Optional[list[ExchangeRule]] = None,
        promotions: Optional[dict[str, list[str]]] = None,
        limits: Optional[Limits] = None,
        templates: Optional[list[Path]] = None,
        exclude: Optional[list[str]] = None,
        select: Optional[list[str]] = None,
        ignore: Optional[list[str]] = None,
        extend_select: Optional[list[str]] = None,
        per_file_ignores: Optional[dict[str, list[str]]] = None,
        fail_level: str = "warning",
        now: Optional[str] = None,
        generated_profiles: bool = True,
        json_globs: Optional[list[str]] = None,
        schema_targets: Optional[dict[str, str]] = None,
        template_profiles: Optional[dict[str, list[str]]] = None,
        profile_ignores: Optional[dict[str, list[str]]] = None,
    ) -> None:
        self.root = root
        self.path = path
        self.profiles = profiles
        self.content_blocks = content_blocks
        self.catalogs = catalogs
        self.stubs = stubs
        self.credentials: dict[str, Any] = {} if credentials is None else credentials
        self.exchange_rules: list[ExchangeRule] = [] if exchange_rules is None else exchange_rules
        self.promotions: dict[str, list[str]] = {} if promotions is None else promotions
        self.limits: Limits = Limits() if limits is None else limits
        self.templates: list[Path] = [] if templates is None else templates
        self.exclude: list[str] = [] if exclude is None else exclude
        self.select = select
        self.ignore: list[str] = [] if ignore is None else ignore
        self.extend_select: list[str] = [] if extend_select is None else extend_select
        self.per_file_ignores: dict[str, list[str]] = (
            {} if per_file_ignores is None else per_file_ignores
        )
        self.fail_level = fail_level
        self.now = now
        self.generated_profiles = generated_profiles
        self.json_globs: list[str] = [] if json_globs is None else json_globs
        self.schema_targets: dict[str, str] = {} if schema_targets is None else schema_targets
        self.template_profiles: dict[str, list[str]] = (
            {} if template_profiles is None else template_profiles
        )
        self.profile_ignores: dict[str, list[str]] = (
            {} if profile_ignores is None else profile_ignores
        )
        """Profile name -> rules not reported for it (``{empty = ["BL203"]}``)."""

    def load_catalogs(self) -> dict[str, Any]:
        """Catalog fixtures by name from the catalogs directory (none if it is absent)."""
        from brazelint.profiles import load_data_file

        if not self.catalogs.is_dir():
            return {}
        catalogs: dict[str, Any] = {}
        for path in sorted(self.catalogs.iterdir()):
            if path.suffix.lower() not in (".yaml", ".yml", ".json"):
                continue
            data = load_data_file(path)
            if isinstance(data, list):
                data = {"items": data}
            if not isinstance(data, Mapping) or not isinstance(data.get("items", []), list):
                raise ConfigError(
                    f"{path}: a catalog fixture is a list of items, or a mapping with "
                    f"'items' (a list) and optional 'selections'"
                )
            catalogs[path.stem] = dict(data)
        return catalogs


def find_config_file(start: Path, *, parents: bool = True) -> Optional[Path]:
    """The nearest brazelint.toml, or pyproject.toml with [tool.brazelint], at ``start``
    or (with ``parents``) above it."""
    for directory in (start, *start.parents) if parents else (start,):
        own = directory / "brazelint.toml"
        if own.is_file():
            return own
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and b"[tool.brazelint" in pyproject.read_bytes():
            return pyproject
    return None


def default_config(root: Path) -> Config:
    """The settings of a project with no configuration file, rooted at ``root``."""
    return _resolve(Config(root=root), root)


def load_config(path: Optional[Path] = None, *, start: Optional[Path] = None) -> Config:
    """Load ``path`` (or the nearest config file above ``start``, by default the working
    directory); defaults when there is none."""
    start = (start or Path.cwd()).resolve()
    path = path or find_config_file(start)
    if path is None:
        return default_config(start)
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    table = _read_table(path)
    config = Config(root=path.parent.resolve(), path=path)
    for key in table:
        if key not in _KNOWN_KEYS:
            raise ConfigError(
                f"{path}: unknown setting '{key}'",
                hint=f"known settings: {', '.join(sorted(_KNOWN_KEYS))}",
            )
    for key in ("profiles", "content-blocks", "catalogs", "stubs"):
        if key in table:
            if not isinstance(table[key], str):
                raise ConfigError(f"{path}: '{key}' must be a path string")
            setattr(config, key.replace("-", "_"), Path(table[key]))
    promotions = table.get("promotions", {})
    if not isinstance(promotions, Mapping) or not all(
        isinstance(codes, list) and all(isinstance(c, str) for c in codes)
        for codes in promotions.values()
    ):
        raise ConfigError(f"{path}: 'promotions' maps list names to lists of code strings")
    config.promotions = {name: list(codes) for name, codes in promotions.items()}
    limits = table.get("limits", {})
    if not isinstance(limits, Mapping):
        raise ConfigError(f"{path}: 'limits' must be a table")
    config.limits = Limits.from_mapping(limits, where=str(path))
    credentials = table.get("credentials", {})
    if not isinstance(credentials, Mapping):
        raise ConfigError(f"{path}: 'credentials' must be a table of named credentials")
    for name, data in credentials.items():
        parse_credential(name, data, where=str(path))
    config.credentials = dict(credentials)
    if "connected-content" in table:
        config.exchange_rules = parse_rules(
            table["connected-content"], where=str(path), base=config.root
        )
    _read_lint_settings(config, table, path)
    return _resolve(config, config.root)


def _read_lint_settings(config: Config, table: Mapping[str, Any], path: Path) -> None:
    templates = table.get("templates")
    if templates is not None:
        config.templates = [Path(p) for p in _strings(table, "templates", path, single_ok=True)]
    for key in ("exclude", "ignore", "extend-select", "json"):
        if key in table:
            setattr(
                config,
                "json_globs" if key == "json" else key.replace("-", "_"),
                _strings(table, key, path, single_ok=False),
            )
    if "select" in table:
        config.select = _strings(table, "select", path, single_ok=False)
    if "fail-level" in table:
        level = table["fail-level"]
        if level not in FAIL_LEVELS:
            raise ConfigError(
                f"{path}: 'fail-level' must be one of {', '.join(FAIL_LEVELS)}, got {level!r}"
            )
        config.fail_level = level
    if "now" in table:
        now = table["now"]
        if hasattr(now, "isoformat"):
            now = now.isoformat()
        if not isinstance(now, str) or not _is_iso_datetime(now):
            raise ConfigError(
                f"{path}: 'now' must be an ISO 8601 date-time, got {now!r}",
                hint='for example now = "2026-01-01T09:00:00Z"',
            )
        config.now = now
    if "generated-profiles" in table:
        if not isinstance(table["generated-profiles"], bool):
            raise ConfigError(f"{path}: 'generated-profiles' must be true or false")
        config.generated_profiles = table["generated-profiles"]
    config.schema_targets = _string_table(table, "schemas", path)
    config.per_file_ignores = {
        glob: _strings({glob: codes}, glob, path, single_ok=True, where="per-file-ignores")
        for glob, codes in _table(table, "per-file-ignores", path).items()
    }
    config.template_profiles = {
        glob: _strings({glob: names}, glob, path, single_ok=True, where="template-profiles")
        for glob, names in _table(table, "template-profiles", path).items()
    }
    config.profile_ignores = {
        name: _strings({name: codes}, name, path, single_ok=True, where="profile-ignores")
        for name, codes in _table(table, "profile-ignores", path).items()
    }


def _is_iso_datetime(text: str) -> bool:
    """Whether the render clock (``clock.parse_now``) accepts ``text``."""
    from datetime import datetime

    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _table(table: Mapping[str, Any], key: str, path: Path) -> Mapping[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, Mapping):
        raise ConfigError(f"{path}: '{key}' must be a table")
    return value


def _string_table(table: Mapping[str, Any], key: str, path: Path) -> dict[str, str]:
    value = _table(table, key, path)
    for name, item in value.items():
        if not isinstance(item, str):
            raise ConfigError(f"{path}: '{key}.\"{name}\"' must be a string")
    return dict(value)


def _strings(
    table: Mapping[str, Any], key: str, path: Path, *, single_ok: bool, where: str = ""
) -> list[str]:
    value = table[key]
    if single_ok and isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        name = f'{where}."{key}"' if where else key
        raise ConfigError(f"{path}: '{name}' must be a list of strings")
    return list(value)


def _resolve(config: Config, root: Path) -> Config:
    config.profiles = root / config.profiles
    config.content_blocks = root / config.content_blocks
    config.catalogs = root / config.catalogs
    config.stubs = root / config.stubs
    config.templates = [root / p for p in config.templates]
    return config


def _read_table(path: Path) -> Mapping[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    from brazelint.sources import read_text

    try:
        data = tomllib.loads(read_text(path, kind="config file"))
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML ({err})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("brazelint", {})
    if not isinstance(data, Mapping):
        raise ConfigError(f"{path}: [tool.brazelint] must be a table")
    return data
