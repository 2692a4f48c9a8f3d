"""Configuration globs matched against files, relative to the project root."""

from __future__ import annotations

from pathlib import Path

import pytest

from brazelint.lint.globs import any_match, first_match, matches


def make(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")


def test_patterns_match_relative_to_the_root(tmp_path: Path) -> None:
    make(tmp_path, "webhooks/a/track.liquid", "templates/welcome.liquid")
    track = tmp_path / "webhooks/a/track.liquid"
    welcome = tmp_path / "templates/welcome.liquid"
    assert any_match(["webhooks/**"], track, tmp_path)
    assert not any_match(["webhooks/**"], welcome, tmp_path)
    assert matches("track.liquid", track, tmp_path)  # no slash: the name, anywhere
    assert matches("./webhooks/*/track.liquid", track, tmp_path)
    table = {"templates/*.liquid": "first", "*.liquid": "second"}
    assert (first_match(table, welcome, tmp_path), first_match(table, track, tmp_path)) == (
        "first",
        "second",
    )
    assert not any_match([], track, tmp_path)


def test_relative_paths_follow_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same relative path, asked again from another directory, is another file.
    make(tmp_path / "one", "webhooks/body.liquid")
    make(tmp_path / "two", "templates/body.liquid")
    (tmp_path / "two" / "webhooks").symlink_to(tmp_path / "two" / "templates")
    for directory, expected in (("one", "webhooks/body.liquid"), ("two", "templates/body.liquid")):
        monkeypatch.chdir(tmp_path / directory)
        assert (
            first_match(
                {"webhooks/**": "w", "templates/**": "t"}, Path("webhooks/body.liquid"), Path(".")
            )
            == expected[0]
        )
