"""Fixes in the preview: a finding's fix shown as a diff, and the apply button's route,
the page's only write (loopback, same origin, proven like ``--fix``)."""

from __future__ import annotations

import html
import json
from pathlib import Path

from previewkit import WELCOME, call, post_view

from brazelint.preview.server import PreviewServer

FIX = {"code": "BL105", "line": 1, "column": 59}


def post_fix(server: PreviewServer, payload: dict[str, object], **headers: str) -> tuple[int, str]:
    data = json.dumps(payload).encode("utf-8")
    reply = call(
        server,
        "/api/fix",
        method="POST",
        body=data,
        headers={"Content-Type": "application/json", **headers},
    )
    return reply.status, reply.text


def test_a_fix_is_shown_as_a_diff_with_a_button(server: PreviewServer, project: Path) -> None:
    page = html.unescape(call(server, "/file/" + WELCOME).text)
    assert "Fix (safe): add | url_param_escape" in page
    assert "-{%- connected_content https://api.example.com/points?user={{${user_id}}} " in page
    assert "+{%- connected_content https://api.example.com/points?user={{${user_id} | " in page
    assert 'class="apply-fix" data-code="BL105" data-line="1" data-column="59"' in page
    assert "url_param_escape" not in (project / WELCOME).read_text(encoding="utf-8")


def test_apply_writes_the_fix_and_renders_again(server: PreviewServer, project: Path) -> None:
    path = project / WELCOME
    before = path.read_text(encoding="utf-8")
    status, text = post_fix(server, {"path": WELCOME, "fix": FIX})
    assert status == 200, text
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("{{${user_id}}}", "{{${user_id} | url_param_escape}}")
    assert 'data-code="BL105"' not in text  # the page re-rendered without the finding
    assert post_fix(server, {"path": WELCOME, "fix": FIX})[0] == 409  # nothing left to fix
    assert path.read_text(encoding="utf-8") == after


def test_apply_is_same_origin_only(server: PreviewServer, project: Path) -> None:
    path = project / WELCOME
    before = path.read_bytes()
    payload = {"path": WELCOME, "fix": FIX}
    assert post_fix(server, payload, Origin="https://evil.example")[0] == 403
    assert post_fix(server, payload, Host="evil.example")[0] == 403
    assert post_view(server, payload).status == 200  # /api/view ignores "fix": never writes
    assert post_fix(server, {"path": WELCOME, "fix": {"code": "BL105"}})[0] == 400
    assert path.read_bytes() == before


def test_a_fix_that_adds_a_finding_is_refused(server: PreviewServer, project: Path) -> None:
    name = "templates/cache.liquid"
    path = project / name
    path.write_text(
        "{% connected_content https://api.example.com/points :cache 60 :save p %}{{p.balance}}\n",
        encoding="utf-8",
    )
    before = path.read_bytes()
    status, text = post_fix(
        server, {"path": name, "fix": {"code": "BL101", "line": 1, "column": 4}}
    )
    assert status == 409
    assert "cache age 60s" in text
    assert path.read_bytes() == before


def test_apply_needs_the_loopback_address_even_when_other_hosts_may_read(
    server: PreviewServer, project: Path
) -> None:
    server.allowed_names = ["preview.example"]
    before = (project / WELCOME).read_bytes()
    payload = {"path": WELCOME, "fix": FIX}
    host = f"preview.example:{server.port}"
    assert call(server, "/", headers={"Host": host}).status == 200  # reading is allowed
    assert post_fix(server, payload, Host=host)[0] == 403  # writing is not
    origin = f"http://localhost:{server.port}"
    assert post_fix(server, payload, Origin=origin)[0] == 403  # another origin
    assert (project / WELCOME).read_bytes() == before
