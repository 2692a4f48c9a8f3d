"""Which files a lint run looks at: files, directories and globs from the command line."""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from brazelint.errors import ConfigError
from brazelint.lint.globs import any_match

TEMPLATE_SUFFIXES = (".liquid",)
WEBHOOK_SUFFIXES = (".webhook.yaml", ".webhook.yml")
SKIPPED_DIRECTORIES = frozenset({".git", ".hg", ".venv", "venv", "node_modules", "__pycache__"})


def is_webhook(path: Path) -> bool:
    return path.name.lower().endswith(WEBHOOK_SUFFIXES)


def is_lint_target(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(TEMPLATE_SUFFIXES) or name.endswith(WEBHOOK_SUFFIXES)


def discover(
    paths: Sequence[Path],
    *,
    exclude: Iterable[str] = (),
    root: Path,
    content_blocks: Optional[Path] = None,
) -> list[Path]:
    """Files to lint, sorted and unique. A file named explicitly is linted whatever its
    suffix; directories are searched for ``*.liquid`` and ``*.webhook.yaml``.

    ``exclude`` applies to explicit files too (ruff's ``--force-exclude``: pre-commit
    passes every changed file). Files in the ``content_blocks`` directory are skipped,
    unless a directory to search is inside it: a Content Block is checked through the
    templates that include it (on its own it renders a fragment, often nothing); see
    :func:`names_content_block`.
    """
    found: dict[Path, None] = {}
    patterns = list(exclude)
    blocks = _blocks_directory(content_blocks, root)
    if blocks is not None and any(p.is_dir() and _inside(p, blocks) for p in paths):
        blocks = None  # `brazelint lint content_blocks/` asks for the blocks themselves
    for path in paths:
        text = str(path)
        if any(ch in text for ch in "*?[") and not path.exists():
            matched = sorted(glob.glob(text, recursive=True))
            if not matched:
                raise ConfigError(f"{text}: no files match this pattern")
            for name in matched:
                _add(Path(name), found, patterns, root, explicit=False)
        elif path.is_dir():
            for item in sorted(_walk(path)):
                _add(item, found, patterns, root, explicit=False)
        elif path.is_file():
            _add(path, found, patterns, root, explicit=True)
        else:
            raise ConfigError(f"{path}: no such file or directory")
    if blocks is not None:
        resolve = Resolver()
        return [path for path in found if not _inside(path, blocks, resolve)]
    return list(found)


class Resolver:
    """``Path.resolve`` for many files, resolving each directory once.

    ``resolve`` reads every component of a path from the disk; across thousands of files in
    a few directories that was a tenth of a lint's start. A file that is not a symbolic
    link resolves to its resolved directory plus its name.
    """

    def __init__(self) -> None:
        self._directories: dict[Path, Path] = {}

    def __call__(self, path: Path) -> Path:
        if path.name in ("", ".", "..") or path.is_symlink():
            return path.resolve()
        parent = path.parent
        resolved = self._directories.get(parent)
        if resolved is None:
            resolved = self._directories[parent] = parent.resolve()
        return resolved / path.name


def names_content_block(paths: Sequence[Path], content_blocks: Optional[Path], root: Path) -> bool:
    """Whether one of ``paths`` is (or is in) the Content Blocks directory."""
    blocks = _blocks_directory(content_blocks, root)
    return blocks is not None and any(_inside(path, blocks) for path in paths if path.exists())


def _blocks_directory(content_blocks: Optional[Path], root: Path) -> Optional[Path]:
    """The resolved Content Blocks directory, unless it is absent or holds the project."""
    if content_blocks is None or not content_blocks.is_dir():
        return None
    blocks = content_blocks.resolve()
    return None if _inside(root, blocks) else blocks


def _inside(path: Path, directory: Path, resolve: Callable[[Path], Path] = Path.resolve) -> bool:
    try:
        resolve(path).relative_to(directory)
    except ValueError:
        return False
    return True


def _walk(directory: Path) -> Iterable[Path]:
    for item in directory.iterdir():
        if item.is_dir():
            if item.name not in SKIPPED_DIRECTORIES and not item.name.startswith("."):
                yield from _walk(item)
        elif is_lint_target(item):
            yield item


def _add(
    path: Path, found: dict[Path, None], exclude: list[str], root: Path, *, explicit: bool
) -> None:
    if path.is_dir():
        for item in sorted(_walk(path)):
            _add(item, found, exclude, root, explicit=False)
        return
    if not explicit and not is_lint_target(path):
        return
    if exclude and any_match(exclude, path, root):
        return
    found.setdefault(path, None)
