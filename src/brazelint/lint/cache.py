"""A cache of lint results, keyed on content, so an unchanged tree lints in a blink.

Entries are appended, one JSON line each, to a shard file per process (creating a file
per template costs more than linting it). A file's entry is found by a hash of: the tool
version, everything the whole run depends on (configuration, profiles, stubs, Content
Blocks, catalogs, credentials from the environment, command-line choices) and the file's
own bytes. An entry also records the
other files the result depended on (a user schema, a webhook's body file) with their
hashes, and is ignored when one of them changed.

The cache lives under ``$BRAZELINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/brazelint``, else
``~/.cache/brazelint``. Deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional, TextIO

from brazelint._version import __version__

if TYPE_CHECKING:
    from brazelint.checks.coverage import Coverage
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.config import Config
    from brazelint.lint.linter import FileResult

_ENV_REFERENCE = re.compile(rb"\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}")
"""``lint.webhook.ENV_REFERENCE`` on bytes: a webhook's result depends on these values."""

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
        self._entries: Optional[dict[str, Any]] = None
        self._shard: Optional[TextIO] = None
        self._shard_pid = 0

    @classmethod
    def for_run(
        cls,
        config: Config,
        options: Iterable[str],
        inputs: Iterable[Path] = (),
        root: Optional[Path] = None,
    ) -> LintCache:
        """The cache for a run with ``config``, command-line ``options`` (as text) and
        ``inputs``: other files the whole run depends on (profiles named on the command
        line, a stub directory given by a flag), hashed by content."""
        digest = hashlib.sha256(f"brazelint {__version__}\n{_code_stamp()}".encode())
        for item in options:
            digest.update(item.encode() + b"\0")
        for path in [*_run_inputs(config), *inputs]:
            digest.update(str(path).encode() + b"\0" + _file_hash(path).encode())
        for name in sorted(os.environ):
            if name.startswith("BRAZELINT_CREDENTIAL_"):
                digest.update(f"{name}={os.environ[name]}\0".encode())
        return cls(digest.hexdigest(), root)

    def key(self, path: Path, display: str) -> Optional[str]:
        """The entry for ``path``: its bytes, the name it is shown as, and the values of
        the environment variables it reads (``${env:NAME}`` in a webhook file)."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest = hashlib.sha256(display.encode() + b"\0" + data)
        for name in sorted(set(_ENV_REFERENCE.findall(data))):
            value = os.environ.get(name.decode())
            digest.update(b"\0" + name + b"=" + (b"\1" if value is None else os.fsencode(value)))
        return digest.hexdigest()

    def get(self, key: str) -> Optional[list[Diagnostic]]:
        entry = self._load().get(key)
        if entry is None:
            return None
        for dependency, expected in entry.get("depends", {}).items():
            if _file_hash(Path(dependency)) != expected:
                return None
        self.hits += 1
        return [_diagnostic(dict(item)) for item in entry["diagnostics"]]

    def coverage(self, key: str) -> Optional[Coverage]:
        """The coverage stored with an entry (``None`` for a file that was not rendered)."""
        data = self._load().get(key, {}).get("coverage")
        from brazelint.checks.coverage import Coverage

        try:
            return Coverage.from_dict(data) if data is not None else None
        except (KeyError, TypeError, ValueError):
            return None  # an entry edited by hand: the lint result stands without it

    def put(self, key: str, result: FileResult, depends: Iterable[Path]) -> None:
        """Append the entry to this process's shard (workers write their own)."""
        entry: dict[str, Any] = {
            "key": key,
            "diagnostics": [_plain(d) for d in result.diagnostics],
            "depends": {str(p): _file_hash(p) for p in depends},
        }
        if result.coverage is not None:
            entry["coverage"] = result.coverage.to_dict()
        try:
            shard = self._open_shard()
            shard.write(json.dumps(entry) + "\n")
            shard.flush()  # pool workers end without closing their files
        except OSError:
            pass  # a read-only or full disk only costs speed

    def _load(self) -> dict[str, Any]:
        """Every entry of every shard; a later line for the same key wins."""
        if self._entries is None:
            entries: dict[str, Any] = {}
            for shard in sorted(self.directory.glob("*.jsonl")) if self.directory.is_dir() else ():
                try:
                    lines = shard.read_text(encoding="utf-8").splitlines()
                except (OSError, UnicodeDecodeError):
                    continue
                for line in lines:
                    try:
                        entry = json.loads(line)
                        entries[entry["key"]] = entry
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut short by a crash
            self._entries = entries
        return self._entries

    def _open_shard(self) -> TextIO:
        if self._shard is None or self._shard_pid != os.getpid():
            self.directory.mkdir(parents=True, exist_ok=True)
            _prune(self.directory.parent, keep=self.directory)
            name = f"{time.time_ns():x}-{os.getpid()}.jsonl"
            self._shard = (self.directory / name).open("a", encoding="utf-8")
            self._shard_pid = os.getpid()
        return self._shard


def dependencies(result: FileResult, path: Path) -> list[Path]:
    """Files besides ``path`` that ``result`` was computed from."""
    from brazelint.errors import ConfigError
    from brazelint.lint.targets import is_webhook
    from brazelint.lint.webhook import load_webhook

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


def _code_stamp() -> str:
    """Size and mtime of brazelint's own files, so editing an (editable) install
    invalidates results that older checks computed."""
    package = Path(__file__).resolve().parent.parent
    stamp = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json") and path.is_file():
            info = path.stat()
            stamp.update(f"{path.name}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return stamp.hexdigest()


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
    import shutil

    runs = sorted(
        (p for p in root.iterdir() if p.is_dir() and p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for stale in runs[KEPT_RUNS - 1 :]:
        shutil.rmtree(stale, ignore_errors=True)
