"""Reading template files: UTF-8 only, a leading BOM dropped, line endings kept.

Every command that reads a template (``render``, ``stubs record``, ``lint``) goes through
``read_template``, so they agree on what a template file is (profile, stub and
configuration files are read by the same rules through ``read_text``):

- the bytes must be UTF-8 text; anything else (a binary file, Latin-1) is one
  ``ConfigError`` naming the file, the first bad byte and its offset;
- a UTF-8 byte order mark is dropped, so it neither renders nor shifts columns;
- ``\\r\\n`` line endings are kept byte for byte (a webhook body renders exactly as
  written); lines are counted at ``\\n``, so positions are the same as with ``\\n`` alone.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Union

from brazelint.errors import ConfigError

BOM = "\ufeff"


def read_template(path: Union[str, Path]) -> str:
    """The text of template ``path``; ``ConfigError`` when it is missing or not text."""
    return read_text(path, kind="template")


def read_text(path: Union[str, Path], *, kind: str = "file") -> str:
    """The text of ``path`` by the rules above; ``kind`` names the file in messages."""
    path = Path(path)
    try:
        data = _read_bytes(path)
    except FileNotFoundError:
        raise ConfigError(f"{path}: {kind} not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a directory, not a {kind}") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read {kind} ({err.strerror or err})") from None
    return decode_text(data, path)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, with bare system calls: ``Path.read_bytes`` builds a buffered
    file object around them, twice the time for the small files templates are."""
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks: list[bytes] = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(fd)


def decode_text(data: bytes, path: Union[str, Path]) -> str:
    """``data`` as text: UTF-8 without a BOM, and no NUL bytes (those mean binary)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ConfigError(_not_text(path, data, err.start)) from None
    nul = text.find("\0")
    if nul >= 0:
        raise ConfigError(_not_text(path, data, len(text[:nul].encode("utf-8"))))
    return text[1:] if text.startswith(BOM) else text


def _not_text(path: Union[str, Path], data: bytes, offset: int) -> str:
    return f"{path}: not UTF-8 text (byte 0x{data[offset]:02x} at offset {offset})"


def is_readable_file(path: Path) -> bool:
    """``path.is_file()``, but ``False`` for a name the system refuses (too long, a loop of
    links) instead of raising: a name written in a template is the template's problem."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False
