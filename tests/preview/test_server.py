"""The preview server over real HTTP on 127.0.0.1: pages, re-renders, safety, live events."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import subprocess
import time
from pathlib import Path
from typing import Callable

import pytest
from previewkit import GOLD, WELCOME, call, card, cards, notes, post_view

from brazelint.preview.server import PreviewServer

Run = Callable[..., subprocess.CompletedProcess[str]]


def lint_json(run_cli: Run, project: Path, *paths: str) -> list[dict[str, object]]:
    proc = run_cli("lint", "--format", "json", *paths, cwd=project)
    assert proc.returncode in (0, 1), proc.stderr
    diagnostics: list[dict[str, object]] = json.loads(proc.stdout)["diagnostics"]
    return diagnostics


# -- pages ---------------------------------------------------------------------------------


def test_index_lists_templates_with_lint_counts(
    server: PreviewServer, project: Path, run_cli: Run
) -> None:
    reply = call(server, "/")
    assert reply.status == 200
    assert reply.headers["content-type"] == "text/html; charset=utf-8"
    expected: dict[str, int] = {WELCOME: 0, GOLD: 0}
    for diagnostic in lint_json(run_cli, project):
        expected[str(diagnostic["path"])] += 1
    for name, count in expected.items():
        row = re.search(
            rf'<tr class="\w+" data-template="{re.escape(name)}">.*?data-count="(\d+)"',
            reply.text,
        )
        assert row, name
        assert int(row.group(1)) == count
        assert f'href="/file/{name}"' in reply.text


def test_template_page_shows_source_diagnostics_and_every_profile(
    server: PreviewServer, project: Path, run_cli: Run
) -> None:
    reply = call(server, f"/file/{WELCOME}")
    assert reply.status == 200
    page = reply.text
    assert cards(page) == ["jane", "omar"]
    # the source, highlighted, one anchor per line
    assert 'id="L1"' in page and 'id="L3"' in page
    assert '<span class="vm">${first_name}</span>' in page
    # the diagnostics are exactly the ones `brazelint lint` reports for this file
    expected = sorted(
        (int(d["line"]), int(d["column"]), str(d["code"]), str(d["severity"]))  # type: ignore[call-overload]
        for d in lint_json(run_cli, project, WELCOME)
    )
    assert expected and notes(page) == expected
    for line, *_ in expected:
        assert re.search(rf'<div class="line diag diag-\w+" id="L{line}">', page)
    # pretty JSON with its verdict, the request and the stub that answered it
    jane = card(page, "jane")
    assert "valid JSON" in jane
    assert (
        '<span class="p">{</span>\n<span class="w">  </span><span class="nt">"greeting"</span>'
        in jane
    )
    assert "GET https://api.example.com/points?user=u-1" in jane
    assert '<span class="status">200</span>' in jane
    assert "stub <code>stubs/points.yaml #1</code>" in jane


def test_aborted_profile_shows_the_reason(server: PreviewServer) -> None:
    page = call(server, f"/file/{GOLD}").text
    omar = card(page, "omar")
    assert "Message aborted" in omar and "not a gold member" in omar
    assert '<span class="badge muted">aborted</span>' in omar
    assert "Gold perks for Jane" in card(page, "jane")


def test_profiles_and_clock_come_from_the_query(server: PreviewServer) -> None:
    page = call(server, f"/file/{WELCOME}?profile=omar&now=2031-02-03T04:05:06Z").text
    assert cards(page) == ["omar"]
    assert "2031" in card(page, "omar")
    assert 'value="2031-02-03T04:05:06Z"' in page
    assert re.search(r'<input type="checkbox" name="profile" value="jane">', page)
    generated = call(server, f"/file/{WELCOME}?profile=&show=empty").text
    assert cards(generated) == ["empty"]


def test_a_bad_clock_is_reported_not_fatal(server: PreviewServer) -> None:
    page = call(server, f"/file/{WELCOME}?now=yesterday").text
    assert "clock: invalid --now value" in page
    assert cards(page) == ["jane", "omar"]


def test_edited_profile_value_rerenders_without_writing(
    server: PreviewServer, project: Path
) -> None:
    before = (project / "profiles/jane.yaml").read_text(encoding="utf-8")
    reply = post_view(
        server,
        {
            "path": WELCOME,
            "profiles": ["jane"],
            "now": "2030-01-01T00:00:00Z",
            "edits": {
                "jane": [
                    {"path": ["attributes", "first_name"], "value": "Zed", "kind": "string"},
                    {"path": "custom_attributes.tier", "value": "platinum", "kind": "auto"},
                ]
            },
        },
    )
    assert reply.status == 200
    assert cards(reply.text) == ["jane"]
    jane = card(reply.text, "jane")
    assert "Hi Zed" in jane and "platinum" in jane and "2030" in jane
    assert '<tr class="edited">' in reply.text
    assert (project / "profiles/jane.yaml").read_text(encoding="utf-8") == before


def test_an_invalid_edit_is_reported(server: PreviewServer) -> None:
    reply = post_view(
        server,
        {"path": WELCOME, "edits": {"jane": [{"path": "attributes.frist_name", "value": "x"}]}},
    )
    assert reply.status == 200
    assert "jane (edited in the page): unknown standard attribute" in reply.text
    assert "Hi Jane" in card(reply.text, "jane")


# -- escaping ------------------------------------------------------------------------------

SCRIPT = "<script>alert('x')</script>"


def test_script_in_a_profile_value_is_escaped(server: PreviewServer, project: Path) -> None:
    (project / "profiles/omar.yaml").write_text(
        f'attributes: {{user_id: u-2, first_name: "{SCRIPT}"}}\n'
        'custom_attributes: {tier: "<img src=x onerror=alert(1)>"}\n',
        encoding="utf-8",
    )
    for path in (f"/file/{WELCOME}?show=adversarial", f"/file/{GOLD}"):
        page = call(server, path).text
        assert page.count("<script") == 1  # the page's own script tag only
        assert '<script src="/static/preview.js" defer></script>' in page
        assert "<img" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    # in the output, the profile editor and the adversarial user's hostile text
    page = call(server, f"/file/{WELCOME}?show=adversarial").text
    assert 'value="&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"' in page
    assert "&lt;/script&gt;&lt;b&gt;&amp;amp;&lt;/b&gt;" in card(page, "adversarial")


def test_script_in_an_edit_and_in_messages_is_escaped(server: PreviewServer) -> None:
    reply = post_view(
        server,
        {
            "path": GOLD,
            "now": SCRIPT,
            "edits": {"omar": [{"path": "attributes.first_name", "value": SCRIPT}]},
        },
    )
    assert reply.status == 200
    assert "<script" not in reply.text
    assert "clock: invalid --now value &#x27;&lt;script&gt;" in reply.text


def test_pages_forbid_inline_scripts(server: PreviewServer) -> None:
    reply = call(server, f"/file/{WELCOME}")
    policy = reply.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert reply.headers["x-content-type-options"] == "nosniff"


# -- nothing outside the project -----------------------------------------------------------

SECRET = "TOP-SECRET-OUTSIDE"


@pytest.fixture
def outside(project: Path) -> Path:
    """A template next to the project (outside its root) and a link to it inside."""
    secret = project.parent / "outside.liquid"
    secret.write_text(SECRET, encoding="utf-8")
    link = project / "templates" / "link.liquid"
    with contextlib.suppress(OSError, NotImplementedError):
        os.symlink(secret, link)
    return secret


@pytest.mark.parametrize(
    "path",
    [
        "/file/../../etc/passwd",
        "/file/../outside.liquid",
        "/file/%2e%2e/outside.liquid",
        "/file/%2E%2E%2Foutside.liquid",
        "/file/templates/../../outside.liquid",
        "/file/templates/%2e%2e/%2e%2e/outside.liquid",
        "/file/..%2f..%2fetc%2fpasswd",
        "/file//etc/passwd",
        "/file/%2Fetc%2Fpasswd",
        "/file/templates/link.liquid",
        "/file/templates%5c..%5c..%5coutside.liquid",
        "/file/brazelint.toml",
        "/file/profiles/jane.yaml",
        "/file/templates/welcome.liquid%00.txt",
        "/static/../brazelint.toml",
        "/static/%2e%2e/%2e%2e/profiles/jane.yaml",
        "/static/../../outside.liquid",
        "/../outside.liquid",
        "/etc/passwd",
    ],
)
def test_paths_outside_the_templates_are_not_served(
    server: PreviewServer, outside: Path, path: str
) -> None:
    reply = call(server, path)
    assert reply.status == 404
    assert SECRET not in reply.text and "root:" not in reply.text
    assert "first_name" not in reply.text


def test_view_api_refuses_outside_paths(server: PreviewServer, outside: Path) -> None:
    for path in ("../outside.liquid", str(outside), "templates/link.liquid", "/etc/passwd"):
        reply = post_view(server, {"path": path})
        assert reply.status == 404, path
        assert SECRET not in reply.text


def test_index_does_not_list_a_link_out_of_the_root(server: PreviewServer, outside: Path) -> None:
    page = call(server, "/").text
    assert "link.liquid" not in page and SECRET not in page
    assert WELCOME in page


def test_other_hosts_and_origins_are_refused(server: PreviewServer) -> None:
    assert call(server, "/", headers={"Host": "evil.example"}).status == 403
    assert call(server, "/", headers={"Host": f"evil.example:{server.port}"}).status == 403
    assert call(server, "/", headers={"Host": f"localhost:{server.port}"}).status == 200
    cross = post_view(server, {"path": WELCOME}, headers={"Origin": "https://evil.example"})
    assert cross.status == 403
    same = post_view(server, {"path": WELCOME}, headers={"Origin": server.url.rstrip("/")})
    assert same.status == 200


def test_view_api_needs_a_json_body(server: PreviewServer) -> None:
    form = call(
        server,
        "/api/view",
        method="POST",
        body=b"path=templates/welcome.liquid",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert form.status == 415
    bad = call(
        server,
        "/api/view",
        method="POST",
        body=b'{"path": 1}',
        headers={"Content-Type": "application/json"},
    )
    assert bad.status == 400


def test_static_assets_are_served_from_the_package(server: PreviewServer) -> None:
    script = call(server, "/static/preview.js")
    assert script.status == 200 and "EventSource" in script.text
    assert script.headers["content-type"].startswith("text/javascript")
    assert call(server, "/static/preview.css").status == 200
    assert ".hl .k" in call(server, "/static/pygments.css").text
    assert call(server, "/static/nope.js").status == 404


# -- live reload ---------------------------------------------------------------------------


def read_event(response: http.client.HTTPResponse, name: str, deadline: float) -> dict[str, object]:
    """Read server-sent events until one called ``name``; return its data."""
    event, data = "", ""
    while time.monotonic() < deadline:
        line = response.fp.readline().decode("utf-8")
        if not line:
            break
        line = line.rstrip("\n")
        if line.startswith("event: "):
            event = line[len("event: ") :]
        elif line.startswith("data: "):
            data = line[len("data: ") :]
        elif line == "" and event:
            if event == name:
                parsed: dict[str, object] = json.loads(data)
                return parsed
            event, data = "", ""
    raise AssertionError(f"no {name!r} event in time")


@pytest.mark.parametrize(
    ("changed", "text"),
    [
        (WELCOME, '{"greeting": "Hello {{${first_name}}}"}\n'),
        ("profiles/jane.yaml", "attributes: {user_id: u-1, first_name: Janet}\n"),
        ("stubs/points.yaml", "[]\n"),
        ("brazelint.toml", 'profiles = "profiles"\ntemplates = ["templates"]\n'),
    ],
)
def test_saving_a_file_sends_a_change_event(
    server: PreviewServer, project: Path, changed: str, text: str
) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        connection.request("GET", "/events", headers={"Accept": "text/event-stream"})
        response = connection.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Type", "").startswith("text/event-stream")
        hello = read_event(response, "hello", time.monotonic() + 3)
        (project / changed).write_text(text, encoding="utf-8")
        event = read_event(response, "change", time.monotonic() + 3)
    finally:
        connection.close()
    assert event["generation"] == int(str(hello["generation"])) + 1
    assert changed in list(event["paths"])  # type: ignore[call-overload]


def test_the_page_follows_the_files(server: PreviewServer, project: Path) -> None:
    (project / WELCOME).write_text('{"greeting": "Hello {{${first_name}}}"}\n', encoding="utf-8")
    (project / "profiles/jane.yaml").write_text("attributes: {first_name: Janet}\n")
    page = call(server, f"/file/{WELCOME}").text
    assert "Hello Janet" in card(page, "jane")
    (project / "profiles/omar.yaml").write_text("attributes: {frist_name: Omar}\n")
    broken = call(server, f"/file/{WELCOME}").text
    assert "unknown standard attribute &#x27;attributes.frist_name&#x27;" in broken
    assert '<span class="x">{"greeting": "Hello </span>' in broken  # the source
    assert "No profiles" not in broken


def test_a_new_template_appears_in_the_index(server: PreviewServer, project: Path) -> None:
    assert 'data-template="templates/new.liquid"' not in call(server, "/").text
    seen = server.feed.generation
    (project / "templates/new.liquid").write_text("Hi\n", encoding="utf-8")
    deadline = time.monotonic() + 3
    while server.feed.generation == seen and time.monotonic() < deadline:
        time.sleep(0.02)
    assert 'data-template="templates/new.liquid"' in call(server, "/api/index").text
