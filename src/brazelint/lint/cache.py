"""A cache of lint results, keyed on content, so an unchanged tree lints in a blink.

A file's entry is found by a hash of: the tool version, everything the whole run depends
on (configuration, profiles, stubs, Content Blocks, catalogs, credentials from the
environment, command-line choices) and the file's own bytes. An entry also records the
other files the result depended on (a user schema, a webhook's body file) with their
hashes, and is ignored when one of them changed.

The cache lives under ``$BRAZELINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/brazelint``, else
``~/.cache/brazelint``. Deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional

from brazelint._version import __version__

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.config import Config
    from brazelint.lint.linter import FileResult

KEPT_RUNS = 8
"""Run directories kept; older ones (other configurations) are removed."""


def cache_root() -> Path:
    explicit = os.environ.get("BRAZELINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "brazelint"


class LintCache:
    """Per-file results for one run configuration."""

    def __init__(self, run_key: str, root: Optional[Path] = None) -> None:
        self.directory = (root or cache_root()) / run_key[:24]
        self.run_key = run_key
        self.hits = 0
        self._prepared = False

    @classmethod
    def for_run(
        cls, config: Config, options: Iterable[str], root: Optional[Path] = None
    ) -> LintCache:
        digest = hashlib.sha256(f"brazelint {__version__}\n".encode())
        for item in options:
            digest.update(item.encode() + b"\0")
        for path in _run_inputs(config):
            digest.update(str(path).encode() + b"\0" + _file_hash(path).encode())
        for name in sorted(os.environ):
            if name.startswith("BRAZELINT_CREDENTIAL_"):
                digest.update(f"{name}={os.environ[name]}\0".encode())
        return cls(digest.hexdigest(), root)

    def key(self, path: Path, display: str) -> Optional[str]:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return hashlib.sha256(display.encode() + b"\0" + data).hexdigest()

    def get(self, key: str) -> Optional[list[Diagnostic]]:
        try:
            entry = json.loads((self.directory / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        for dependency, expected in entry.get("depends", {}).items():
            if _file_hash(Path(dependency)) != expected:
                return None
        self.hits += 1
        return [_diagnostic(item) for item in entry["diagnostics"]]

    def put(self, key: str, result: FileResult, depends: Iterable[Path]) -> None:
        try:
            if not self._prepared:
                self.directory.mkdir(parents=True, exist_ok=True)
                _prune(self.directory.parent, keep=self.directory)
                self._prepared = True
            entry = {
                "diagnostics": [_plain(d) for d in result.diagnostics],
                "depends": {str(p): _file_hash(p) for p in depends},
            }
            temporary = self.directory / f"{key}.tmp{os.getpid()}"
            temporary.write_text(json.dumps(entry), encoding="utf-8")
            temporary.replace(self.directory / f"{key}.json")
        except OSError:
            pass  # a read-only or full disk only costs speed


def dependencies(result: FileResult, path: Path) -> list[Path]:
    """Files besides ``path`` that ``result`` was computed from."""
    from brazelint.errors import ConfigError
    from brazelint.lint.webhook import is_webhook, load_webhook

    depends = []
    if result.schema and Path(result.schema).is_file():
        depends.append(Path(result.schema))
    if is_webhook(path):
        try:
            body = load_webhook(path, path.read_text(encoding="utf-8")).body_file
        except (ConfigError, OSError, UnicodeDecodeError):
            body = None
        if body is not None:
            depends.append(body)
    return depends


def _run_inputs(config: Config) -> list[Path]:
    paths: list[Path] = []
    if config.path is not None:
        paths.append(config.path)
    for location in (config.profiles, config.stubs, config.content_blocks, config.catalogs):
        if location.is_file():
            paths.append(location)
        elif location.is_dir():
            paths.extend(sorted(p for p in location.rglob("*") if p.is_file()))
    for target in config.schema_targets.values():
        candidate = config.root / target
        if candidate.is_file():
            paths.append(candidate)
    return paths


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def _plain(diagnostic: Diagnostic) -> dict[str, Any]:
    return {f.name: getattr(diagnostic, f.name) for f in fields(diagnostic)}


def _diagnostic(item: dict[str, Any]) -> Diagnostic:
    from brazelint.checks.diagnostic import Diagnostic

    item["profiles"] = tuple(item["profiles"])
    return Diagnostic(**item)


def _prune(root: Path, *, keep: Path) -> None:
    runs = sorted(
        (p for p in root.iterdir() if p.is_dir() and p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for stale in runs[KEPT_RUNS - 1 :]:
        shutil.rmtree(stale, ignore_errors=True)
