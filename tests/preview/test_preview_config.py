"""The preview uses each file's own configuration and clock, and shows webhook requests."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from previewkit import call, card, cards, preview_project, running_server

from brazelint.preview.server import PreviewServer

FILES = {
    "brazelint.toml": 'now = "2020-01-01T00:00:00Z"\n',
    "profiles/jane.yaml": "attributes: {first_name: Jane}\n",
    "year.liquid": "{{ 'now' | date: '%Y' }} {{${first_name}}}\n",
    "sub/brazelint.toml": 'now = "2031-06-01T00:00:00Z"\ngenerated-profiles = false\n',
    "sub/profiles/ann.yaml": "attributes: {first_name: Ann}\n",
    "sub/year.liquid": "{{ 'now' | date: '%Y' }} {{${first_name}}}\n",
    "sub/tag.webhook.yaml": (
        'url: "https://api.example.com/users/{{${first_name}}}/tags?token=abc123secret"\n'
        "method: PUT\n"
        "headers:\n"
        "  Content-Type: application/json\n"
        '  Authorization: "Bearer ${env:PREVIEW_TOKEN}"\n'
        "body: |\n"
        "  {\"year\": \"{{ 'now' | date: '%Y' }}\"}\n"
    ),
}


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PreviewServer]:
    root = tmp_path / "project"
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("PREVIEW_TOKEN", "tok-preview-secret")
    with running_server(root, config=None, paths=[Path(".")]) as server:
        yield server


def test_each_file_renders_with_its_own_config(served: PreviewServer) -> None:
    top = call(served, "/file/year.liquid").text
    assert cards(top) == ["jane"]
    assert "2020 Jane" in card(top, "jane")
    nested = call(served, "/file/sub/year.liquid").text
    assert cards(nested) == ["ann"]
    assert "2031 Ann" in card(nested, "ann")


def test_a_webhook_page_shows_the_request_each_profile_sends(served: PreviewServer) -> None:
    page = call(served, "/file/sub/tag.webhook.yaml").text
    assert cards(page) == ["ann"]
    shown = html.unescape(card(page, "ann"))
    assert (
        "PUT https://api.example.com/users/Ann/tags?token=<redacted>\n"
        "Content-Type: application/json\n"
        "Authorization: <redacted>"
    ) in shown
    assert '"year": "2031"' in shown
    # the source on the left shows the file as written; the request never shows secrets
    assert "abc123secret" not in card(page, "ann")
    assert "tok-preview-secret" not in page


def test_preview_project_keep_an_explicit_config(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "sub").mkdir(parents=True)
    (root / "brazelint.toml").write_text('now = "2020-01-01T00:00:00Z"\n', encoding="utf-8")
    (root / "sub" / "brazelint.toml").write_text('now = "2031-01-01T00:00:00Z"\n', encoding="utf-8")
    project = preview_project(root)
    assert project.config_of(root / "sub" / "x.liquid").now == "2020-01-01T00:00:00Z"


def test_every_config_in_use_is_watched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "project"
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    roots = preview_project(root, config=None, paths=[Path(".")]).watch_roots()
    for watched in ("sub/brazelint.toml", "sub/profiles", "brazelint.toml", "profiles"):
        assert (root / watched).resolve() in {r.resolve() for r in roots}, watched
