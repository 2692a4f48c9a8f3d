"""``--shard K/N``: a stable share of a run's files, so a CI job matrix splits the work.

A file's shard comes from a hash of its path relative to its configuration's directory:
the same on every machine and checkout, whatever the working directory, and unchanged
when other files come and go. A webhook and its body file are one lint (the body is
linted with its webhook), so they always land in the same shard.
"""

from __future__ import annotations

import argparse
import hashlib
import os
from pathlib import Path


class Shard:
    __slots__ = ("count", "index")

    def __init__(self, index: int, count: int) -> None:
        self.index = index
        """1-based, as written on the command line."""
        self.count = count


def parse_shard(text: str) -> Shard:
    """``K/N`` with 1 <= K <= N (an argparse ``type``: a bad value is a usage error)."""
    index, sep, count = text.partition("/")
    try:
        shard = Shard(int(index), int(count))
    except ValueError:
        shard = Shard(0, 0)
    if not sep or shard.count < 1 or not 1 <= shard.index <= shard.count:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a shard: write K/N with 1 <= K <= N, e.g. --shard 1/4"
        )
    return shard


def shard_of(path: Path, root: Path, count: int) -> int:
    """The 1-based shard of ``path`` among ``count``."""
    absolute = os.path.abspath(path)
    try:
        name = Path(os.path.relpath(absolute, root)).as_posix()
    except ValueError:  # another drive on Windows
        name = Path(absolute).as_posix()
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def in_shard(path: Path, root: Path, shard: Shard) -> bool:
    return shard.count == 1 or shard_of(path, root, shard.count) == shard.index
