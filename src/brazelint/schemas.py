"""Built-in JSON Schemas by id (``sessionm/tags``, ...); a file path works anywhere an id does.

The schemas live in the repository's top-level ``schemas/`` folder and ship inside the
package (``brazelint/schema_files``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Union

from brazelint.errors import ConfigError

SCHEMA_DIR = Path(__file__).resolve().parent / "schema_files"


def schema_ids() -> list[str]:
    """Every built-in schema id, sorted."""
    return sorted(
        path.relative_to(SCHEMA_DIR).with_suffix("").as_posix()
        for path in SCHEMA_DIR.rglob("*.json")
    )


def schema_path(id_or_path: Union[str, Path], *, base: Path | None = None) -> Path:
    """The file behind a schema id or path (relative paths resolve against ``base``)."""
    text = str(id_or_path)
    builtin = SCHEMA_DIR / f"{text}.json"
    if builtin.is_file():
        return builtin
    path = Path(text)
    if not path.is_absolute() and base is not None:
        path = base / path
    if path.is_file():
        return path
    raise ConfigError(
        f"unknown schema '{text}'",
        hint=f"use a file path or one of: {', '.join(schema_ids())}",
    )


@lru_cache(maxsize=64)
def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ConfigError(f"{path}: cannot read schema ({err})") from None


def load_schema(id_or_path: Union[str, Path], *, base: Path | None = None) -> Any:
    """The parsed schema for an id or path."""
    return _load(schema_path(id_or_path, base=base))


def validation_errors(
    instance: Any, id_or_path: Union[str, Path], *, base: Path | None = None
) -> list[str]:
    """Messages (``$.path: message``) for everything ``instance`` breaks in the schema."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(load_schema(id_or_path, base=base))
    messages = []
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
        messages.append(f"{error.json_path}: {error.message}")
    return messages
