"""The file poller behind live reload, and the feed that wakes the event streams."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from brazelint.preview.watcher import ChangeFeed, Poller, changed, snapshot


def touch(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_snapshot_sees_saves_additions_and_removals(tmp_path: Path) -> None:
    touch(tmp_path / "templates/a.liquid", "a")
    touch(tmp_path / "templates/notes.txt", "ignored suffix")
    touch(tmp_path / "templates/.git/x.liquid", "ignored folder")
    touch(tmp_path / "brazelint.toml", "")
    roots = [tmp_path / "templates", tmp_path / "brazelint.toml", tmp_path / "missing"]
    before = snapshot(roots)
    assert sorted(Path(p).name for p in before) == ["a.liquid", "brazelint.toml"]

    touch(tmp_path / "templates/a.liquid", "a, saved with another size")
    touch(tmp_path / "templates/deep/b.liquid", "b")
    os.remove(tmp_path / "brazelint.toml")
    after = snapshot(roots)
    assert changed(before, after) == [
        str(tmp_path / "brazelint.toml"),
        str(tmp_path / "templates/a.liquid"),
        str(tmp_path / "templates/deep/b.liquid"),
    ]
    assert changed(after, snapshot(roots)) == []


def test_same_size_save_is_seen_by_its_time(tmp_path: Path) -> None:
    path = tmp_path / "a.liquid"
    touch(path, "one")
    before = snapshot([tmp_path])
    touch(path, "two")
    stamp = os.stat(path)
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000))
    assert changed(before, snapshot([tmp_path])) == [str(path)]


def test_poller_reports_changes_from_its_thread(tmp_path: Path) -> None:
    touch(tmp_path / "a.liquid", "a")
    seen: list[list[str]] = []
    done = threading.Event()

    def on_change(paths: list[str]) -> None:
        seen.append(paths)
        done.set()

    poller = Poller(lambda: [tmp_path], on_change, interval=0.02)
    assert poller.poll() == []
    poller.start()
    try:
        touch(tmp_path / "a.liquid", "a saved")
        assert done.wait(3)
    finally:
        poller.stop()
    assert seen[0] == [str(tmp_path / "a.liquid")]


def test_feed_wakes_waiters_and_closes() -> None:
    feed = ChangeFeed()
    assert feed.wait(0, timeout=0.01) is None
    got: list[object] = []
    waiter = threading.Thread(target=lambda: got.append(feed.wait(0, timeout=5)))
    waiter.start()
    time.sleep(0.05)
    feed.publish(["a.liquid"])
    waiter.join(5)
    assert got == [1] and feed.paths == ["a.liquid"]
    feed.close()
    assert feed.wait(1, timeout=5) is None
