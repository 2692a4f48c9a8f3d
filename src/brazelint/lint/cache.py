"""A cache of lint results, keyed on content, so an unchanged tree lints in a blink.

Entries are appended, one JSON line each, to a shard file per process (creating a file
per template costs more than linting it). A file's entry is found by a hash of: the tool
version, everything the whole run depends on (configuration, profiles, stubs, Content
Blocks, catalogs, credentials from the environment, command-line choices) and the file's
own bytes. An entry also records the
other files the result depended on (a user schema, a webhook's body file) with their
hashes, and is ignored when one of them changed. A copy of a file (the same bytes under the
same settings, linted once per run) gets a short entry naming the original's.

The cache lives under ``$BRAZELINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/brazelint``, else
``~/.cache/brazelint``. brazelint deletes only what it can prove it made: that folder must
carry its marker (``CACHEDIR.TAG`` and ``.brazelint-cache``, written when brazelint created
it or found it empty); a folder that is neither (``~/.cache``, ``$RUNNER_TEMP``, a
repository) gets a ``brazelint`` folder of its own inside it instead. Within its folder,
brazelint removes only run folders it named and the shard files inside them, never a
whole tree. Deleting the folder is always safe.

Entries are checked when read: one of the wrong shape is a miss and is left out when the
run's shards are compacted into one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional, TextIO

from brazelint._version import __version__
from brazelint.lint.targets import is_webhook

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Coverage, Diagnostic
    from brazelint.config import Config
    from brazelint.lint.linter import FileResult

_ENV_REFERENCE = re.compile(rb"\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}")
"""``lint.webhook.ENV_REFERENCE`` on bytes: a webhook's result depends on these values."""

KEPT_RUNS = 8
"""Run directories kept; older ones (other configurations) are removed."""

MAX_SHARDS = 16
"""Shard files a run directory may hold before a run compacts them into one."""

MARKER = ".brazelint-cache"
MARKER_TEXT = "brazelint's result cache: brazelint may delete the run folders in here.\n"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by brazelint.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)
_OWN_FILES = {MARKER: MARKER_TEXT, "CACHEDIR.TAG": CACHEDIR_TAG, ".gitignore": "*\n"}
_RUN_NAME = re.compile(r"[0-9a-f]{24}")
_SHARD_NAME = re.compile(r"[0-9a-f]+-[0-9]+\.jsonl")
_COMPACTING_NAME = re.compile(r"\.[0-9a-f]+-[0-9]+\.jsonl\.tmp")
"""A compacted shard being written (left behind only by a crash)."""


def cache_root() -> Path:
    explicit = os.environ.get("BRAZELINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "brazelint"


def own_folder(root: Path, *, create: bool) -> Optional[Path]:
    """The folder brazelint may write and prune in: ``root`` when it carries brazelint's
    marker (or, with ``create``, does not exist or is empty and gets the marker now), else
    ``root/brazelint`` by the same test; ``None`` when neither can be proved ours."""
    for candidate in (root, root / "brazelint"):
        if _is_marked(candidate):
            return candidate
        if create and _claim(candidate):
            return candidate
    return None


def _is_marked(folder: Path) -> bool:
    try:
        marker = (folder / MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return marker == MARKER_TEXT and not (folder / MARKER).is_symlink()


def _claim(folder: Path) -> bool:
    """Mark ``folder`` as brazelint's if it is new or empty (another brazelint process
    may be marking it at the same moment: its marker files do not count as content)."""
    try:
        if folder.is_symlink():
            return False
        folder.mkdir(parents=True, exist_ok=True)
        if any(entry.name not in _OWN_FILES for entry in os.scandir(folder)):
            return False
        for name, text in _OWN_FILES.items():
            (folder / name).write_text(text, encoding="utf-8")
    except OSError:
        return False
    return _is_marked(folder)


class LintCache:
    """Per-file results for one run configuration."""

    def __init__(self, run_key: str, root: Optional[Path] = None) -> None:
        self.root = root or cache_root()
        self.run_key = run_key
        self.hits = 0
        self._entries: Optional[dict[str, Any]] = None
        self._shard: Optional[TextIO] = None
        self._shard_pid = 0
        self.inputs_fixed = False
        """Whether the files verdicts depend on (schemas and the files they reach, webhook
        bodies) stay as they are while this cache is used: true for one ``lint`` run, so
        each is hashed once; false for an editor's session, where they change."""
        self._hashes: dict[str, str] = {}
        self._depends: dict[Optional[str], list[Path]] = {}

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

    def text_key(self, data: bytes, display: str) -> str:
        """The entry for a file holding ``data`` (its bytes, or an editor's buffer) shown as
        ``display``, with the values of the environment variables it reads (``${env:NAME}``
        in a webhook file)."""
        digest = hashlib.sha256(display.encode() + b"\0" + data)
        for name in sorted(set(_ENV_REFERENCE.findall(data))):
            value = os.environ.get(name.decode())
            digest.update(b"\0" + name + b"=" + (b"\1" if value is None else os.fsencode(value)))
        return digest.hexdigest()

    def get(self, key: str) -> Optional[list[Diagnostic]]:
        found = self._verdict(key)
        if found is None:
            return None
        entry, path = found
        for dependency, expected in entry["depends"].items():
            if self._hash(Path(dependency)) != expected:
                return None
        self.hits += 1
        if path is None:
            return [_diagnostic(item) for item in entry["diagnostics"]]
        return [_diagnostic({**item, "path": path}) for item in entry["diagnostics"]]

    def coverage(self, key: str) -> Optional[Coverage]:
        """The coverage stored with an entry (``None`` for a file that was not rendered)."""
        found = self._verdict(key)
        data = found[0].get("coverage") if found is not None else None
        from brazelint.checks.diagnostic import Coverage

        try:
            return Coverage.from_dict(data) if data is not None else None
        except (KeyError, TypeError, ValueError):
            return None  # an entry edited by hand: the lint result stands without it

    def put(self, key: str, result: FileResult, depends: Iterable[Path]) -> None:
        """Append the entry to this process's shard (workers write their own)."""
        entry: dict[str, Any] = {
            "key": key,
            "diagnostics": [_plain(d) for d in result.diagnostics],
            "depends": {str(p): self._hash(p) for p in depends},
        }
        if result.coverage is not None:
            entry["coverage"] = result.coverage.to_dict()
        self._append(entry)

    def put_copy(self, key: str, original: str, path: str) -> None:
        """Store under ``key`` the verdict stored under ``original``, for the file shown as
        ``path``: a copy of a template (same bytes, same settings) costs one short line,
        and is a miss whenever the original's entry is."""
        self._append({"key": key, "copy_of": original, "path": path})

    def _verdict(self, key: str) -> Optional[tuple[dict[str, Any], Optional[str]]]:
        """The entry holding the verdict under ``key``, and the path its findings move to
        when it is a copy's (``None``: its own)."""
        entries = self._load()
        entry = entries.get(key)
        if entry is None or "copy_of" not in entry:
            return None if entry is None else (entry, None)
        original = entries.get(entry["copy_of"])
        if original is None or "copy_of" in original:
            return None
        return original, entry["path"]

    def _append(self, entry: dict[str, Any]) -> None:
        try:
            shard = self._open_shard()
            if shard is None:
                return
            shard.write(json.dumps(entry) + "\n")
            shard.flush()  # pool workers end without closing their files
        except OSError:
            pass  # a read-only or full disk only costs speed

    def dependencies(self, result: FileResult, path: Path) -> list[Path]:
        """Files besides ``path`` that ``result`` was computed from (``dependencies``),
        found once per schema and file kind while the inputs stay fixed."""
        if not self.inputs_fixed or is_webhook(path):
            return dependencies(result, path)
        found = self._depends.get(result.schema)
        if found is None:
            found = self._depends[result.schema] = dependencies(result, path)
        return found

    def _hash(self, path: Path) -> str:
        if not self.inputs_fixed:
            return _file_hash(path)
        key = str(path)
        found = self._hashes.get(key)
        if found is None:
            found = self._hashes[key] = _file_hash(path)
        return found

    @property
    def directory(self) -> Optional[Path]:
        """This run's folder inside brazelint's own cache folder (``None``: none is ours)."""
        home = own_folder(self.root, create=False)
        return None if home is None else home / self.run_key[:24]

    def _load(self) -> dict[str, Any]:
        """Every well-formed entry of every shard; a later line for the same key wins.

        A run folder with many shards (or with a bad entry) is compacted into one shard,
        so later runs read a bounded number of files and never meet the bad entry again.
        """
        if self._entries is None:
            entries: dict[str, Any] = {}
            directory = self.directory
            shards = _shards(directory) if directory is not None else []
            dropped = False
            for shard in shards:
                try:
                    lines = shard.read_text(encoding="utf-8").splitlines()
                except (OSError, UnicodeDecodeError):
                    dropped = True
                    continue
                for line in lines:
                    entry = _valid_entry(line)
                    if entry is None:
                        dropped = True  # a line cut short by a crash, or not ours
                    else:
                        entries[entry["key"]] = entry
            if directory is not None and (dropped or len(shards) > MAX_SHARDS):
                _compact(directory, shards, entries)
            self._entries = entries
        return self._entries

    def _open_shard(self) -> Optional[TextIO]:
        if self._shard is None or self._shard_pid != os.getpid():
            home = own_folder(self.root, create=True)
            if home is None:
                return None
            directory = home / self.run_key[:24]
            directory.mkdir(exist_ok=True)
            _prune(home, keep=directory)
            name = f"{time.time_ns():x}-{os.getpid()}.jsonl"
            self._shard = (directory / name).open("a", encoding="utf-8")
            self._shard_pid = os.getpid()
        return self._shard


def dependencies(result: FileResult, path: Path) -> list[Path]:
    """Files besides ``path`` that ``result`` was computed from."""
    from brazelint.errors import ConfigError
    from brazelint.lint.webhook import load_webhook
    from brazelint.schemas import referenced_files

    depends = []
    if result.schema:
        depends.extend(referenced_files(Path(result.schema)))
    if is_webhook(path):
        try:
            body = load_webhook(path, path.read_text(encoding="utf-8")).body_file
        except (ConfigError, OSError, UnicodeDecodeError):
            body = None
        if body is not None:
            depends.append(body)
    return depends


def _run_inputs(config: Config) -> list[Path]:
    """Every file the configuration makes a verdict depend on: the config itself, the
    profiles, stubs, Content Blocks and catalogs, and each schema it assigns (to templates
    or to Connected Content exchanges) with every file those schemas ``$ref``."""
    from brazelint.schemas import referenced_files

    paths: list[Path] = []
    if config.path is not None:
        paths.append(config.path)
    for location in (config.profiles, config.stubs, config.content_blocks, config.catalogs):
        paths.extend(files_under(location))
    schemas = [config.root / target for target in config.schema_targets.values()]
    for rule in config.exchange_rules:
        schemas += [Path(s) for s in (rule.request_schema, rule.response_schema) if s]
    for schema in schemas:
        paths.extend(referenced_files(schema))
    return paths


def files_under(location: Path) -> list[Path]:
    """``location`` if it is a file, else every file below it, sorted; symbolic links to
    folders are not followed, so a link loop cannot make the walk endless."""
    if location.is_file():
        return [location]
    found: list[Path] = []
    for folder, subfolders, names in os.walk(location):
        subfolders.sort()
        found.extend(Path(folder, name) for name in sorted(names))
    return [path for path in found if path.is_file()]


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


_REQUIRED_TEXT = ("path", "code", "name", "message")
_REQUIRED_INT = ("line", "column", "end_line", "end_column")
_OPTIONAL_TEXT = ("hint", "excerpt")
_SEVERITIES = ("error", "warning", "info")


def _valid_entry(line: str) -> Optional[dict[str, Any]]:
    """The entry on ``line`` if it has exactly the shape ``put`` writes, else ``None``."""
    try:
        entry = json.loads(line)
    except ValueError:
        return None
    if isinstance(entry, dict) and "copy_of" in entry:
        return entry if _valid_copy(entry) else None
    if not (
        isinstance(entry, dict)
        and isinstance(entry.get("key"), str)
        and isinstance(entry.get("diagnostics"), list)
        and isinstance(entry.get("depends"), dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in entry["depends"].items())
        and all(_valid_diagnostic(item) for item in entry["diagnostics"])
    ):
        return None
    return entry


def _valid_copy(entry: dict[str, Any]) -> bool:
    return set(entry) == {"key", "copy_of", "path"} and all(
        isinstance(value, str) for value in entry.values()
    )


def _valid_diagnostic(item: object) -> bool:
    from brazelint.checks.diagnostic import Diagnostic

    if not isinstance(item, dict) or set(item) != {f.name for f in fields(Diagnostic)}:
        return False
    return (
        all(isinstance(item[name], str) for name in _REQUIRED_TEXT)
        and all(type(item[name]) is int and item[name] >= 0 for name in _REQUIRED_INT)
        and all(item[name] is None or isinstance(item[name], str) for name in _OPTIONAL_TEXT)
        and item["severity"] in _SEVERITIES
        and isinstance(item["profiles"], list)
        and all(isinstance(name, str) for name in item["profiles"])
    )


def _diagnostic(item: dict[str, Any]) -> Diagnostic:
    from brazelint.checks.diagnostic import Diagnostic

    return Diagnostic(**{**item, "profiles": tuple(item["profiles"])})


def _shards(directory: Path, *also: re.Pattern[str]) -> list[Path]:
    """The shard files brazelint wrote in ``directory`` (and files named by ``also``);
    nothing else is read or removed."""
    patterns = (_SHARD_NAME, *also)
    try:
        names = sorted(
            entry.name
            for entry in os.scandir(directory)
            if any(p.fullmatch(entry.name) for p in patterns)
            and entry.is_file(follow_symlinks=False)
        )
    except OSError:
        return []
    return [directory / name for name in names]


def _compact(directory: Path, shards: list[Path], entries: dict[str, Any]) -> None:
    """Rewrite ``entries`` as one shard (written aside, then renamed) and remove
    ``shards``; any failure leaves things as they were, which only costs speed."""
    name = f"{time.time_ns():x}-{os.getpid()}.jsonl"
    temporary = directory / f".{name}.tmp"
    try:
        with temporary.open("w", encoding="utf-8") as out:
            for entry in entries.values():
                out.write(json.dumps(entry) + "\n")
        os.replace(temporary, directory / name)
    except OSError:
        temporary.unlink(missing_ok=True)
        return
    for shard in shards:
        shard.unlink(missing_ok=True)


def _prune(home: Path, *, keep: Path) -> None:
    """Remove the oldest run folders of brazelint's ``home`` beyond ``KEPT_RUNS``.

    Only folders with a run key's name are candidates, and only their shard files are
    deleted; a folder that still holds anything else afterwards is left standing.
    """
    try:
        runs = [
            Path(entry.path)
            for entry in os.scandir(home)
            if _RUN_NAME.fullmatch(entry.name)
            and entry.is_dir(follow_symlinks=False)
            and entry.path != str(keep)
        ]
        runs.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for stale in runs[KEPT_RUNS - 1 :]:
        for shard in _shards(stale, _COMPACTING_NAME):
            shard.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # it still holds something that is not ours
            stale.rmdir()
