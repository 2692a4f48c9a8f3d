"""Record mode: ``RecordingTransport``, stub documents, redaction and the YAML file."""

from __future__ import annotations

import base64
import json
import subprocess
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import pytest
import yaml

from brazelint.http.network import NetworkTransport
from brazelint.http.record import (
    REDACTED,
    Exchange,
    RecordingTransport,
    is_sensitive_name,
    stub_documents,
    write_stub_file,
)
from brazelint.http.stubs import StubTransport, load_stubs
from brazelint.http.types import HttpResponse, Request
from netblock.server import LocalServer, local_server

Run = Callable[..., subprocess.CompletedProcess[str]]

TOKEN = "tok_live_7f3a9c2e"
PASSWORD = "hunter2hunter2"


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with local_server() as running:
        running.route("/offers", json={"status": "ok", "payload": {"points": 100}})
        running.route("/text", body="Hello,\nworld", headers={"Content-Type": "text/plain"})
        running.route(
            "/missing", status=404, body="not here", headers={"Content-Type": "text/plain"}
        )
        running.route(
            "/login",
            json={"access_token": "fresh_token_123", "expires_in": 3600, "author": "Ann"},
        )
        yield running


def test_recording_forwards_and_keeps_every_exchange(server: LocalServer) -> None:
    recorder = RecordingTransport(NetworkTransport())
    first = recorder.send(Request("GET", server.url("/offers")))
    second = recorder.send(Request("GET", server.url("/missing")))
    assert (first.status, second.status) == (200, 404)
    assert [e.response for e in recorder.exchanges] == [first, second]
    assert [e.request.url for e in recorder.exchanges] == [
        server.url("/offers"),
        server.url("/missing"),
    ]
    assert len(server.requests) == 2


def test_stub_documents_follow_the_stub_format(server: LocalServer) -> None:
    recorder = RecordingTransport(NetworkTransport())
    body = '{"retailer_id": "r-1", "user_id": "u-1"}'
    recorder.send(
        Request("POST", server.url("/offers"), {"Content-Type": "application/json"}, body)
    )
    recorder.send(
        Request("POST", server.url("/offers"), {"Content-Type": "application/json"}, body)
    )
    recorder.send(Request("GET", server.url("/text")))
    recorder.send(Request("post", server.url("/missing"), {}, "a=1&b=2"))
    documents = stub_documents(recorder.exchanges)
    assert documents == [
        {
            "request": {
                "method": "POST",
                "url": server.url("/offers"),
                "json": {"retailer_id": "r-1", "user_id": "u-1"},
            },
            "response": {
                "status": 200,
                "headers": {"Content-Type": "application/json"},
                "json": {"status": "ok", "payload": {"points": 100}},
            },
        },
        {
            "request": {"method": "GET", "url": server.url("/text")},
            "response": {
                "status": 200,
                "headers": {"Content-Type": "text/plain"},
                "body": "Hello,\nworld",
            },
        },
        {
            "request": {"method": "POST", "url": server.url("/missing"), "body": "a=1&b=2"},
            "response": {
                "status": 404,
                "headers": {"Content-Type": "text/plain"},
                "body": "not here",
            },
        },
    ]


def test_duplicates_are_recorded_once_but_different_bodies_are_kept() -> None:
    ok = HttpResponse(200, {}, "one")
    exchanges = [
        Exchange(Request("GET", "https://x.test/a"), ok),
        Exchange(Request("get", "https://x.test/a"), HttpResponse(200, {}, "two")),
        Exchange(Request("POST", "https://x.test/a", {}, '{"n": 1}'), ok),
        Exchange(Request("POST", "https://x.test/a", {}, '{"n": 2}'), ok),
    ]
    documents = stub_documents(exchanges)
    assert [d["request"].get("json") for d in documents] == [None, {"n": 1}, {"n": 2}]
    assert documents[0]["response"]["body"] == "one"


def test_no_answer_is_recorded_as_status_599() -> None:
    failed = HttpResponse(status=599, error="no answer within 2 s", elapsed=2.0)
    (document,) = stub_documents([Exchange(Request("GET", "https://x.test/slow"), failed)])
    assert document["response"] == {"status": 599}


def test_json_scalars_stay_text_so_they_replay_byte_for_byte() -> None:
    (document,) = stub_documents(
        [Exchange(Request("GET", "https://x.test/n"), HttpResponse(200, {}, "42"))]
    )
    assert document["response"] == {"status": 200, "body": "42"}


@pytest.mark.parametrize(
    ("name", "sensitive"),
    [
        ("Authorization", True),
        ("Cookie", True),
        ("X-Api-Key", True),
        ("X-Auth-Token", True),
        ("client_secret", True),
        ("apiKey", True),
        ("password", True),
        ("sig", True),
        ("signature", True),
        ("user_id", False),
        ("retailer_id", False),
        ("author", False),
        ("monkey", False),
        ("design", False),
        ("Content-Type", False),
    ],
)
def test_sensitive_names(name: str, sensitive: bool) -> None:
    assert is_sensitive_name(name) is sensitive


def _secret_exchanges(server: LocalServer) -> list[Exchange]:
    recorder = RecordingTransport(NetworkTransport())
    basic = base64.b64encode(f"api:{PASSWORD}".encode()).decode()
    recorder.send(
        Request(
            "POST",
            server.url(f"/offers?user=u-1&api_key={TOKEN}&sig=abcdef123456"),
            {"Authorization": f"Bearer {TOKEN}", "Cookie": "session=c00kie-value"},
            json.dumps({"retailer_id": "r-1", "client_secret": PASSWORD, "note": f"k={TOKEN}"}),
        )
    )
    recorder.send(Request("GET", server.url("/login").replace("//", f"//api:{PASSWORD}@", 1), {}))
    recorder.send(
        Request(
            "POST",
            server.url("/text"),
            {"Authorization": f"Basic {basic}"},
            f"password={PASSWORD}&x=1",
        )
    )
    return recorder.exchanges


def test_credentials_never_reach_the_stub_file(server: LocalServer, tmp_path: Path) -> None:
    path = write_stub_file(stub_documents(_secret_exchanges(server)), tmp_path / "s.yaml")
    text = path.read_text(encoding="utf-8")
    for secret in (TOKEN, PASSWORD, "abcdef123456", "c00kie-value", "fresh_token_123"):
        assert secret not in text
    assert "Authorization" not in text and "Cookie" not in text
    first, login, form = yaml.safe_load(text)
    # A redacted URL becomes a pattern that still matches the real request.
    assert "url" not in first["request"]
    assert REDACTED not in first["request"]["url_pattern"]
    assert first["request"]["json"] == {"retailer_id": "r-1"}
    assert login["response"]["json"] == {
        "access_token": REDACTED,
        "expires_in": 3600,
        "author": "Ann",
    }
    assert "body" not in form["request"]  # a plain body holding a password is left out


def test_redacted_stubs_still_answer_the_recorded_requests(
    server: LocalServer, tmp_path: Path
) -> None:
    exchanges = _secret_exchanges(server)
    path = write_stub_file(stub_documents(exchanges), tmp_path / "s.yaml")
    replay = StubTransport(load_stubs(path))
    for exchange in exchanges:
        answer = replay.send(exchange.request)
        assert answer.status == exchange.response.status
    offers = replay.send(exchanges[0].request)
    assert json.loads(offers.body) == {"status": "ok", "payload": {"points": 100}}


def test_userinfo_and_query_secrets_in_urls(tmp_path: Path) -> None:
    url = f"https://user:{PASSWORD}@api.test/v1?token={TOKEN}&q=1#frag"
    (document,) = stub_documents([Exchange(Request("GET", url), HttpResponse(200, {}, "x"))])
    pattern = document["request"]["url_pattern"]
    assert PASSWORD not in pattern and TOKEN not in pattern
    assert pattern == r"^https://.*?@api\.test/v1\?token=.*?\&q=1\#frag$"
    write_stub_file([document], tmp_path / "u.yaml")
    assert StubTransport(load_stubs(tmp_path / "u.yaml")).send(Request("GET", url)).body == "x"


def test_plain_url_is_written_exactly() -> None:
    url = "https://api.test/a%20b?x=1&y=&z"
    (document,) = stub_documents([Exchange(Request("GET", url), HttpResponse(200, {}, ""))])
    assert document["request"] == {"method": "GET", "url": url}


def test_yaml_file_has_a_header_and_keeps_order_and_unicode(tmp_path: Path) -> None:
    documents = stub_documents(
        [
            Exchange(
                Request("GET", "https://api.test/café"),
                HttpResponse(200, {"content-type": "application/json"}, '{"z": "é", "a": 1}'),
            )
        ]
    )
    when = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)
    path = write_stub_file(
        documents,
        tmp_path / "deep" / "er" / "x.yaml",
        template="templates/offers.liquid",
        profile="profiles/jane.yaml",
        recorded_at=when,
    )
    text = path.read_text(encoding="utf-8")
    header = text.splitlines()[:4]
    assert header[1:] == [
        "# template: templates/offers.liquid",
        "# profile: profiles/jane.yaml",
        "# recorded: 2024-03-01T12:00:00+00:00",
    ]
    assert "café" in text and '"\\u00e9"' not in text
    assert text.index("request:") < text.index("response:")
    assert text.index("z:") < text.index("a:")
    assert yaml.safe_load(text) == documents
    assert load_stubs(path)[0].url == "https://api.test/café"


# --- `brazelint stubs record`, end to end (subprocesses, a real local server) -------------

TEMPLATE = (
    '{% capture login_body %}{"user":"{{${user_id}}}","password":"{{password}}"}{% endcapture %}'
    "{% connected_content {{base}}/login :method post :body {{login_body}} "
    ':content_type application/json :headers {"X-Api-Key": "{{token}}"} :save login %}'
    "{% connected_content {{base}}/offers?user={{${user_id}}} "
    ':headers {"Authorization": "Bearer {{login.access_token}}"} :save offers %}'
    "Hi {{${first_name}}}: {{offers.payload.points}} points, login expires {{login.expires_in}}.\n"
    "{% connected_content {{base}}/text %}\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "jane.yaml").write_text(
        "attributes:\n  first_name: Jane\n  user_id: u-1\n", encoding="utf-8"
    )
    (tmp_path / "offers.liquid").write_text(TEMPLATE, encoding="utf-8")
    return tmp_path


def _globals(base: str) -> list[str]:
    return [
        "--global",
        f"base={base}",
        "--global",
        f"token={TOKEN}",
        "--global",
        f"password={PASSWORD}",
    ]


def _only_port_warnings(stderr: str) -> list[str]:
    """Braze allows ports 80/443 only, so a local server's port is flagged; nothing else."""
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and "port" not in line and not line.startswith("recorded ")
    ]


def test_record_then_replay_offline(run_cli: Run, project: Path) -> None:
    with local_server() as server:
        server.route("/offers", json={"status": "ok", "payload": {"points": 100}})
        server.route("/login", json={"access_token": "fresh_token_123", "expires_in": 3600})
        server.route("/text", body="See you soon!", headers={"Content-Type": "text/plain"})
        base = server.url("").rstrip("/")
        args = ["offers.liquid", "--profile", "jane", *_globals(base)]
        recorded = run_cli("stubs", "record", *args, "--allow-network", cwd=project)
        sent = list(server.requests)

    assert recorded.returncode == 0, recorded.stderr
    stub_file = project / "stubs" / "offers.yaml"
    assert f"recorded 3 requests to {Path('stubs') / 'offers.yaml'}" in recorded.stderr
    assert _only_port_warnings(recorded.stderr) == [], recorded.stderr
    assert recorded.stdout == "Hi Jane: 100 points, login expires 3600.\nSee you soon!\n"
    assert [r.path for r in sent] == ["/login", "/offers?user=u-1", "/text"]
    assert json.loads(sent[0].body) == {"user": "u-1", "password": PASSWORD}
    assert sent[0].headers["X-Api-Key"] == TOKEN
    assert sent[1].headers["Authorization"] == "Bearer fresh_token_123"
    assert sent[0].headers["User-Agent"].startswith("Braze Sender")

    text = stub_file.read_text(encoding="utf-8")
    assert text.startswith("# Connected Content stubs recorded by `brazelint stubs record`.")
    assert "# template: offers.liquid" in text and "jane" in text.splitlines()[2]
    for secret in (TOKEN, PASSWORD, "fresh_token_123"):
        assert secret not in text

    # The server is gone; the stub file answers instead (netblock forbids anything else).
    replayed = run_cli("render", *args, "--stubs", str(stub_file), cwd=project)
    assert _only_port_warnings(replayed.stderr) == [], replayed.stderr
    assert replayed.stdout == recorded.stdout


def test_record_refuses_without_allow_network(run_cli: Run, project: Path) -> None:
    with local_server() as server:
        proc = run_cli("stubs", "record", "offers.liquid", *_globals(server.url("")), cwd=project)
        assert server.requests == []
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "real HTTP requests" in proc.stderr and "--allow-network" in proc.stderr
    assert not (project / "stubs").exists()


def test_record_will_not_overwrite_without_force(run_cli: Run, project: Path) -> None:
    out = project / "custom" / "mine.yaml"
    out.parent.mkdir()
    out.write_text("# keep me\n", encoding="utf-8")
    with local_server() as server:
        server.route("/login", json={"access_token": "t", "expires_in": 1})
        server.route("/offers", json={"payload": {"points": 1}})
        args = ["stubs", "record", "offers.liquid", *_globals(server.url("").rstrip("/"))]
        refused = run_cli(*args, "--allow-network", "-o", str(out), cwd=project)
        assert server.requests == []
        assert refused.returncode == 2
        assert "already exists" in refused.stderr and "--force" in refused.stderr
        assert out.read_text(encoding="utf-8") == "# keep me\n"
        forced = run_cli(*args, "--allow-network", "--output", str(out), "--force", cwd=project)
    assert forced.returncode == 0, forced.stderr
    assert f"recorded 3 requests to {Path('custom') / 'mine.yaml'}" in forced.stderr
    assert yaml.safe_load(out.read_text(encoding="utf-8"))[0]["request"]["method"] == "POST"


def test_record_with_no_requests_writes_nothing(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "plain.liquid").write_text("Hello {{ 1 | plus: 1 }}", encoding="utf-8")
    proc = run_cli("stubs", "record", "plain.liquid", "--allow-network", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (0, "Hello 2")
    assert "no Connected Content requests were sent" in proc.stderr
    assert not (tmp_path / "stubs").exists()
