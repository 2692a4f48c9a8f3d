"""Which files a lint run looks at: files, directories and globs from the command line."""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence

from brazelint.errors import ConfigError
from brazelint.lint.globs import any_match

TEMPLATE_SUFFIXES = (".liquid",)
WEBHOOK_SUFFIXES = (".webhook.yaml", ".webhook.yml")
SKIPPED_DIRECTORIES = frozenset({".git", ".hg", ".venv", "venv", "node_modules", "__pycache__"})


def is_webhook(path: Path) -> bool:
    return path.name.lower().endswith(WEBHOOK_SUFFIXES)


def is_lint_target(path: Path) -> bool:
    return _is_target_name(path.name.lower())


def _is_target_name(lowered: str) -> bool:
    return lowered.endswith(TEMPLATE_SUFFIXES) or lowered.endswith(WEBHOOK_SUFFIXES)


class Scope:
    """What of a configuration decides which files a run lints: its ``exclude`` globs (relative
    to its ``root``) and its Content Blocks directory (blocks are linted through templates)."""

    __slots__ = ("_blocks", "content_blocks", "exclude", "root")

    def __init__(
        self, exclude: Iterable[str], root: Path, content_blocks: Optional[Path] = None
    ) -> None:
        self.exclude = list(exclude)
        self.root = root
        self.content_blocks = content_blocks
        self._blocks: Optional[tuple[Optional[Path]]] = None

    def blocks(self) -> Optional[Path]:
        """The resolved Content Blocks directory (``None`` when absent or holding the root)."""
        if self._blocks is None:
            self._blocks = (_blocks_directory(self.content_blocks, self.root),)
        return self._blocks[0]


ScopeFor = Callable[[Path], Scope]


def discover(
    paths: Sequence[Path],
    *,
    exclude: Iterable[str] = (),
    root: Optional[Path] = None,
    content_blocks: Optional[Path] = None,
    scope_for: Optional[ScopeFor] = None,
) -> list[Path]:
    """Files to lint, sorted and unique. A file named explicitly is linted whatever its
    suffix; directories are searched for ``*.liquid`` and ``*.webhook.yaml``.

    ``exclude`` applies to explicit files too (ruff's ``--force-exclude``: pre-commit
    passes every changed file). Files in the ``content_blocks`` directory are skipped,
    unless a directory to search is inside it: a Content Block is checked through the
    templates that include it (on its own it renders a fragment, often nothing; see
    ``lint.affected``). ``scope_for`` gives each file its own configuration's
    ``exclude`` and blocks (instead of the one ``exclude``, ``root`` and ``content_blocks``).
    """
    if scope_for is None:
        fixed = Scope(exclude, root or Path.cwd(), content_blocks)
        scope_for = lambda path: fixed  # noqa: E731
    found: dict[Path, Optional[bool]] = {}  # each file, and whether it is a symbolic link
    for path in paths:
        text = str(path)
        if any(ch in text for ch in "*?[") and not path.exists():
            matched = expand_glob(text)
            if not matched:
                raise ConfigError(f"{text}: no files match this pattern")
            for name in matched:
                _add(Path(name), found, scope_for, explicit=False)
        elif path.is_dir():
            _add_directory(path, found, scope_for)
        elif path.is_file():
            _add(path, found, scope_for, explicit=True)
        else:
            raise ConfigError(f"{path}: no such file or directory")
    searched = [p for p in paths if p.is_dir()]
    resolve = Resolver()
    asked: dict[Path, bool] = {}  # per blocks directory: whether a searched one is in it
    kept = []
    for path, link in found.items():
        blocks = scope_for(path).blocks()
        if blocks is not None and blocks not in asked:
            # `brazelint lint content_blocks/` asks for the blocks themselves
            asked[blocks] = any(_inside(d, blocks, resolve) for d in searched)
        if blocks is None or asked[blocks] or not _inside(path, blocks, resolve, link):
            kept.append(path)
    return kept


class Resolver:
    """``Path.resolve`` for many files, resolving each directory once.

    ``resolve`` reads every component of a path from the disk; across thousands of files in
    a few directories that was a tenth of a lint's start. A file that is not a symbolic
    link resolves to its resolved directory plus its name. The work is done on text:
    pathlib builds a new object for each parent and join.
    """

    def __init__(self) -> None:
        self._directories: dict[str, str] = {}

    def text(self, path: Path, is_link: Optional[bool] = None) -> str:
        """``path`` resolved, as text; ``is_link`` says whether it is a symbolic link, when
        known (a directory listing tells), else the disk is asked."""
        directory, name = os.path.split(str(path))
        if name in ("", ".", "..") or (path.is_symlink() if is_link is None else is_link):
            return str(path.resolve())
        resolved = self._directories.get(directory)
        if resolved is None:
            resolved = self._directories[directory] = str(Path(directory).resolve())
        return os.path.join(resolved, name)


def _blocks_directory(content_blocks: Optional[Path], root: Path) -> Optional[Path]:
    """The resolved Content Blocks directory, unless it is absent or holds the project."""
    if content_blocks is None or not content_blocks.is_dir():
        return None
    blocks = content_blocks.resolve()
    return None if _inside(root, blocks) else blocks


def _inside(
    path: Path,
    directory: Path,
    resolve: Optional[Resolver] = None,
    is_link: Optional[bool] = None,
) -> bool:
    """Whether ``path`` resolves to ``directory`` or a file under it (resolved already)."""
    resolved = (resolve or Resolver()).text(path, is_link)
    return relative_text(resolved, str(directory)) is not None


def relative_text(path: str, directory: str) -> Optional[str]:
    """``Path.relative_to`` on resolved text: ``path`` below ``directory`` ("." for the
    directory itself), or ``None`` when it is not there."""
    if path == directory:
        return "."
    prefix = directory if directory.endswith(os.sep) else directory + os.sep
    return path[len(prefix) :] if path.startswith(prefix) else None


def _walk(
    directory: Path, seen: Optional[set[tuple[int, int]]] = None
) -> Iterator[tuple[Path, bool]]:
    """Lint targets under ``directory``, each with whether it is a symbolic link, in the
    order of sorted paths: each directory's entries by name, depth first. (Sorting the
    paths afterwards compared ``Path`` objects in Python, a tenth of a start over
    thousands of files.)

    ``os.scandir`` tells files from directories (and links) from the directory listing
    itself, where ``Path.is_dir`` asks the disk once per file. A directory reached twice
    (a symbolic link back up the tree) is walked once, so a loop ends.
    """
    seen = set() if seen is None else seen
    if not _first_visit(str(directory), seen):
        return
    try:
        with os.scandir(directory) as entries:
            listed = sorted((entry.name, entry.is_dir(), entry.is_symlink()) for entry in entries)
    except OSError:
        return  # unreadable, or a loop the system refused: nothing to lint there
    for name, is_dir, is_link in listed:
        if is_dir:
            if name not in SKIPPED_DIRECTORIES and not name.startswith("."):
                yield from _walk(directory / name, seen)
        elif _is_target_name(name.lower()):
            yield directory / name, is_link


def _first_visit(directory: str, seen: set[tuple[int, int]]) -> bool:
    try:
        info = os.stat(directory)
    except OSError:
        return False
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def expand_glob(pattern: str) -> list[str]:
    """``glob.glob(pattern, recursive=True)``, sorted, except that ``**`` visits each
    directory once: the standard library follows symbolic links round a loop."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    from brazelint.lint.globs import glob_regex

    head = pattern[: pattern.index("**")]
    base = os.path.dirname(head) if head else ""
    bases = sorted(glob.glob(base)) if glob.has_magic(base) else [base]
    wanted = glob_regex(pattern[2:] if pattern.startswith("./") else pattern)
    found: set[str] = set()
    seen: set[tuple[int, int]] = set()
    for start in bases:
        for current, directories, files in os.walk(start or ".", followlinks=True):
            if not _first_visit(current, seen):
                directories[:] = []
                continue
            directories[:] = [d for d in directories if not d.startswith(".")]
            for name in [*directories, *files]:
                if name.startswith("."):
                    continue
                candidate = os.path.join(current, name) if start else _strip_dot(current, name)
                if wanted.match(candidate.replace(os.sep, "/")):
                    found.add(candidate)
    return sorted(found)


def _strip_dot(current: str, name: str) -> str:
    joined = os.path.join(current, name)
    return joined[2:] if joined.startswith("." + os.sep) else joined


def _add_directory(directory: Path, found: dict[Path, Optional[bool]], scope_for: ScopeFor) -> None:
    for item, is_link in _walk(directory):
        if not _excluded(item, scope_for(item)):
            found.setdefault(item, is_link)


def _add(
    path: Path, found: dict[Path, Optional[bool]], scope_for: ScopeFor, *, explicit: bool
) -> None:
    if path.is_dir():
        _add_directory(path, found, scope_for)
        return
    if not explicit and not is_lint_target(path):
        return
    if _excluded(path, scope_for(path)):
        return
    found.setdefault(path, None)


def _excluded(path: Path, scope: Scope) -> bool:
    return bool(scope.exclude) and any_match(scope.exclude, path, scope.root)
