"""Writing a fixed file: atomically, byte for byte what it was except the fixes.

Templates are read as UTF-8 with the BOM dropped and line endings kept
(:mod:`brazelint.sources`); the BOM goes back on here, and the text goes to a temporary
file beside the original that then replaces it, so a crash never leaves half a file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from brazelint.sources import BOM


def had_bom(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(3) == BOM.encode("utf-8")


def file_text(path: Path, text: str) -> str:
    """``text`` as the file holds it (with its BOM, when it had one)."""
    return BOM + text if had_bom(path) else text


def write_fixed(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (the BOM kept), through a temporary file and rename."""
    data = file_text(path, text).encode("utf-8")
    mode = stat.S_IMODE(os.stat(path).st_mode)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
