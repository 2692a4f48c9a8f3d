"""Project configuration: ``brazelint.toml`` or ``[tool.brazelint]`` in ``pyproject.toml``.

Found by walking up from the working directory, like ruff. Paths in the file are
relative to the file's directory. Every key is optional:

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
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
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
}


@dataclass
class Config:
    """Resolved settings; ``path`` is the file they came from (``None`` for defaults)."""

    root: Path
    path: Optional[Path] = None
    profiles: Path = Path("profiles")
    content_blocks: Path = Path("content_blocks")
    catalogs: Path = Path("catalogs")
    stubs: Path = Path("stubs")
    credentials: dict[str, Any] = field(default_factory=dict)
    exchange_rules: list[ExchangeRule] = field(default_factory=list)
    promotions: dict[str, list[str]] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)

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


def find_config_file(start: Path) -> Optional[Path]:
    """The nearest brazelint.toml, or pyproject.toml with [tool.brazelint], above ``start``."""
    for directory in (start, *start.parents):
        own = directory / "brazelint.toml"
        if own.is_file():
            return own
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and "[tool.brazelint" in pyproject.read_text(encoding="utf-8"):
            return pyproject
    return None


def load_config(path: Optional[Path] = None, *, start: Optional[Path] = None) -> Config:
    """Load ``path`` (or the nearest config file); defaults when there is none."""
    start = (start or Path.cwd()).resolve()
    path = path or find_config_file(start)
    if path is None:
        return _resolve(Config(root=start), start)
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
    return _resolve(config, config.root)


def _resolve(config: Config, root: Path) -> Config:
    config.profiles = root / config.profiles
    config.content_blocks = root / config.content_blocks
    config.catalogs = root / config.catalogs
    config.stubs = root / config.stubs
    return config


def _read_table(path: Path) -> Mapping[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML ({err})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("brazelint", {})
    if not isinstance(data, Mapping):
        raise ConfigError(f"{path}: [tool.brazelint] must be a table")
    return data
