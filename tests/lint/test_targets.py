"""Resolving many paths at once (lint's file names) agrees with ``Path.resolve``."""

from __future__ import annotations

from pathlib import Path

import pytest

from brazelint.lint.session import display_names
from brazelint.lint.targets import Resolver, discover


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
    assert [resolve.text(p) for p in paths] == [str(p.resolve()) for p in paths]
    assert resolve.text(Path("real/templates/alias.liquid")) == str(real / "a.liquid")
    assert resolve.text(Path("linked/templates/b.liquid")) == str(real / "b.liquid")


def test_discover_walks_directories_in_order_and_skips_what_it_should(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in (
        "templates/b.liquid",
        "templates/a/z.LIQUID",
        "templates/a-b/y.liquid",
        "templates/hook.webhook.yaml",
        "templates/notes.txt",
        "templates/.hidden/x.liquid",
        "templates/node_modules/x.liquid",
        "content_blocks/block.liquid",
        "shared/s.liquid",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "templates" / "linked").symlink_to(tmp_path / "shared", target_is_directory=True)
    (tmp_path / "templates" / "to_block.liquid").symlink_to(
        tmp_path / "content_blocks" / "block.liquid"
    )
    (tmp_path / "templates" / "blocks").symlink_to(
        tmp_path / "content_blocks", target_is_directory=True
    )
    monkeypatch.chdir(tmp_path)
    found = discover([Path("templates")], root=tmp_path, content_blocks=Path("content_blocks"))
    assert [p.as_posix() for p in found] == [
        "templates/a/z.LIQUID",
        "templates/a-b/y.liquid",
        "templates/b.liquid",
        "templates/hook.webhook.yaml",
        "templates/linked/s.liquid",
    ]
    assert display_names(found) == [
        "templates/a/z.LIQUID",
        "templates/a-b/y.liquid",
        "templates/b.liquid",
        "templates/hook.webhook.yaml",
        "shared/s.liquid",
    ]
    # asked for by name, the blocks are linted; an absolute path outside is shown as given
    assert [p.name for p in discover([Path("content_blocks")], root=tmp_path)] == ["block.liquid"]
    outside = tmp_path.parent / f"{tmp_path.name}-outside.liquid"
    outside.write_text("x")
    assert display_names([outside]) == [str(outside)]
