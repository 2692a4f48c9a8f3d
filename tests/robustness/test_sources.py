"""``brazelint.sources.read_template``: what counts as a template file."""

from __future__ import annotations

from pathlib import Path

import pytest

import brazelint
from brazelint.sources import read_template


def _read_error(path: Path) -> str:
    with pytest.raises(brazelint.ConfigError) as info:
        read_template(path)
    return info.value.message


def test_bom_is_dropped_and_crlf_kept(tmp_path: Path) -> None:
    path = tmp_path / "t.liquid"
    path.write_bytes(b"\xef\xbb\xbfa\r\nb\r\n")
    assert read_template(path) == "a\r\nb\r\n"


def test_only_a_leading_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "t.liquid"
    path.write_bytes("a\ufeffb".encode())
    assert read_template(path) == "a\ufeffb"


@pytest.mark.parametrize(
    ("data", "byte", "offset"),
    [
        (b"caf\xe9 {{ x }}", "0xe9", 3),  # Latin-1
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "0x89", 0),  # an image
        (b"ok\n\xc3", "0xc3", 3),  # truncated sequence at the end
        (b"\xef\xbb\xbfab\0cd", "0x00", 5),  # valid UTF-8 but binary; offset counts the BOM
        ("é\0".encode(), "0x00", 2),  # offsets are in bytes, not characters
    ],
)
def test_not_text_names_the_byte_and_offset(
    tmp_path: Path, data: bytes, byte: str, offset: int
) -> None:
    path = tmp_path / "t.liquid"
    path.write_bytes(data)
    assert _read_error(path) == f"{path}: not UTF-8 text (byte {byte} at offset {offset})"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert (
        _read_error(tmp_path / "nope.liquid") == f"{tmp_path / 'nope.liquid'}: template not found"
    )
    assert _read_error(tmp_path) == f"{tmp_path}: is a directory, not a template"


def test_empty_file_is_an_empty_template(tmp_path: Path) -> None:
    path = tmp_path / "t.liquid"
    path.write_bytes(b"")
    assert read_template(path) == ""
