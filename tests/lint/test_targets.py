"""Resolving many paths at once (lint's file names) agrees with ``Path.resolve``."""

from __future__ import annotations

from pathlib import Path

import pytest

from brazelint.lint.targets import Resolver


def test_resolver_matches_path_resolve_through_links_and_dots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real" / "templates"
    real.mkdir(parents=True)
    (real / "a.liquid").write_text("a")
    (real / "b.liquid").write_text("b")
    (tmp_path / "linked").symlink_to(tmp_path / "real", target_is_directory=True)
    (real / "alias.liquid").symlink_to(real / "a.liquid")
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    (elsewhere / "c.liquid").write_text("c")
    (real / "to_other.liquid").symlink_to(elsewhere / "c.liquid")
    monkeypatch.chdir(tmp_path)
    paths = [
        Path("real/templates/a.liquid"),
        Path("linked/templates/b.liquid"),
        Path("real/templates/alias.liquid"),
        Path("real/templates/to_other.liquid"),
        Path("real/templates/../templates/a.liquid"),
        Path("linked/templates/.."),
        Path("real/templates/missing.liquid"),
        tmp_path / "linked" / "templates" / "a.liquid",
        Path("."),
    ]
    resolve = Resolver()
    assert [resolve(p) for p in paths] == [p.resolve() for p in paths]
    assert resolve(Path("real/templates/alias.liquid")) == real / "a.liquid"
    assert resolve(Path("linked/templates/b.liquid")) == real / "b.liquid"
