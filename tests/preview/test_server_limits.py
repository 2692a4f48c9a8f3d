"""The preview under hostile or broken input (issue 21): no 500 for one bad file, a 400 for
deeply nested JSON, Host checks kept with --allow-remote, and caps on streams."""

from __future__ import annotations

import http.client
from pathlib import Path

from previewkit import GOLD, WELCOME, call, make_project, post_view, running_server

from brazelint.preview import server as server_module

RANGE_PAST_2_63 = "{% for i in (1..99999999999999999999) %}{{i}}{% endfor %}"


def test_one_bad_file_never_breaks_the_index(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    (root / "templates" / "bad.liquid").write_text(RANGE_PAST_2_63, encoding="utf-8")
    with running_server(root) as server:
        index = call(server, "/")
        page = call(server, "/file/templates/bad.liquid")
    assert index.status == 200, index.text[:500]
    for name in (WELCOME, GOLD, "templates/bad.liquid"):
        assert f'href="/file/{name}"' in index.text
    assert page.status == 200 and "a number is too large" in page.text


def test_deeply_nested_json_is_a_bad_request(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    body = ('{"path": ' + "[" * 100_000 + "]" * 100_000 + "}").encode()
    with running_server(root) as server:
        reply = call(
            server,
            "/api/view",
            method="POST",
            body=body,
            headers={"Content-Type": "application/json"},
        )
        still = post_view(server, {"path": WELCOME})
    assert reply.status == 400, reply.text
    assert still.status == 200


def test_allow_remote_keeps_the_host_check_with_named_hosts(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    with running_server(
        root, server_options={"allow_remote": True, "allowed_names": ["preview.internal"]}
    ) as server:
        port = server.port
        named = call(server, "/", headers={"Host": f"preview.internal:{port}"})
        loopback = call(server, "/")
        other = call(server, "/", headers={"Host": f"evil.example:{port}"})
        cross = call(
            server,
            "/",
            headers={"Host": f"preview.internal:{port}", "Origin": "http://evil.example"},
        )
    assert (named.status, loopback.status) == (200, 200)
    assert (other.status, cross.status) == (403, 403)


def test_live_reload_streams_are_capped(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    cap = server_module.MAX_EVENT_STREAMS
    with running_server(root) as server:
        streams = []
        try:
            for _ in range(cap):
                connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
                connection.request("GET", "/events")
                response = connection.getresponse()
                assert response.status == 200
                assert response.readline().startswith(b"retry:")
                streams.append(connection)
            refused = call(server, "/events")
            assert refused.status == 503
            assert call(server, "/").status == 200  # ordinary pages still answer
        finally:
            for connection in streams:
                connection.close()
