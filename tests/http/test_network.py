"""``NetworkTransport`` against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import socket
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from brazelint.http.network import USER_AGENT, NetworkTransport
from brazelint.http.types import Request
from netblock.server import LocalServer, local_server


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with local_server() as running:
        yield running


def test_json_200_with_headers_text_and_elapsed(server: LocalServer) -> None:
    server.route("/offers", json={"status": "ok", "payload": {"points": 100}})
    response = NetworkTransport().send(Request("GET", server.url("/offers?user=u%201")))
    assert response.error is None
    assert response.status == 200
    assert json.loads(response.body) == {"status": "ok", "payload": {"points": 100}}
    assert response.header("content-type") == "application/json"
    assert 0 < response.elapsed < 2
    assert server.requests[0].path == "/offers?user=u%201"


def test_user_agent_added_unless_given_and_post_body_sent(server: LocalServer) -> None:
    server.route("/echo", body="ok")
    transport = NetworkTransport()
    transport.send(Request("POST", server.url("/echo"), {"X-Test": "1"}, '{"a": "é"}'))
    transport.send(Request("GET", server.url("/echo"), {"user-agent": "Mine/1.0"}))
    first, second = server.requests
    assert first.method == "POST"
    assert (
        first.headers["User-Agent"] == USER_AGENT == "Braze Sender 0f5d1e7a9c3b42e8a6d4b2c0e8f6a4d2"
    )
    assert first.headers["X-Test"] == "1"
    assert first.body == '{"a": "é"}'
    assert int(first.headers["Content-Length"]) == len('{"a": "é"}'.encode())
    assert second.headers["user-agent"] == "Mine/1.0"
    assert "User-Agent" not in second.headers


def test_url_userinfo_becomes_basic_auth(server: LocalServer) -> None:
    server.route("/auth", body="ok")
    url = server.url("/auth").replace("http://", "http://api:s%3Acret@")
    NetworkTransport().send(Request("GET", url))
    assert server.requests[0].headers["Authorization"] == "Basic YXBpOnM6Y3JldA=="


@pytest.mark.parametrize("status", [404, 500])
def test_error_statuses_come_back_as_they_are(server: LocalServer, status: int) -> None:
    server.route("/x", status=status, body="nope", headers={"Content-Type": "text/plain"})
    response = NetworkTransport().send(Request("GET", server.url("/x")))
    assert (response.status, response.body, response.error) == (status, "nope", None)


def test_redirect_is_not_followed(server: LocalServer) -> None:
    server.route("/old", status=302, headers={"Location": "/new"})
    server.route("/new", json={"followed": True})
    response = NetworkTransport().send(Request("GET", server.url("/old")))
    assert response.status == 302
    assert response.header("Location") == "/new"
    assert response.error is None
    assert [r.path for r in server.requests] == ["/old"]


def test_no_answer_within_the_timeout(server: LocalServer) -> None:
    server.route("/slow", handler=server.stall)
    response = NetworkTransport(timeout=0.2).send(Request("GET", server.url("/slow")))
    assert response.status == 599
    assert response.error == "no answer within 0.2 s"
    assert response.body == ""
    assert 0.15 < response.elapsed < 2


def test_the_timeout_covers_the_whole_answer_not_each_read(server: LocalServer) -> None:
    server.route("/drip", handler=server.drip)  # a byte every 50 ms, forever
    response = NetworkTransport(timeout=0.3).send(Request("GET", server.url("/drip")))
    assert (response.status, response.error) == (599, "no answer within 0.3 s")
    assert response.elapsed < 2


def test_default_timeout_message_says_2_s() -> None:
    transport = NetworkTransport()
    assert (transport.timeout, transport.max_bytes) == (2.0, 1_048_576)


def test_body_over_max_bytes(server: LocalServer) -> None:
    server.route("/big", body=b"x" * 2000)
    server.route("/fits", body=b"x" * 1000)
    transport = NetworkTransport(max_bytes=1000)
    response = transport.send(Request("GET", server.url("/big")))
    assert (response.status, response.error, response.body) == (
        599,
        "response larger than 1000 bytes",
        "",
    )
    assert transport.send(Request("GET", server.url("/fits"))).body == "x" * 1000


def test_body_over_max_bytes_without_content_length(server: LocalServer) -> None:
    def unsized(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.end_headers()  # HTTP/1.0, no Content-Length: the body runs to close
        request.wfile.write(b"y" * 5000)

    server.route("/unsized", handler=unsized)
    response = NetworkTransport(max_bytes=4096).send(Request("GET", server.url("/unsized")))
    assert (response.status, response.error) == (599, "response larger than 4096 bytes")


def test_one_mb_limit_is_named_in_mb() -> None:
    from brazelint.http.network import _size

    assert _size(1_048_576) == "1 MB"


def test_text_is_decoded_per_charset_with_replacement(server: LocalServer) -> None:
    server.route(
        "/latin1",
        body="café".encode("latin-1"),
        headers={"Content-Type": "text/plain; charset=ISO-8859-1"},
    )
    server.route("/bad", body=b"ok \xff end", headers={"Content-Type": "text/plain"})
    server.route("/odd", body="é".encode(), headers={"Content-Type": "text/plain; charset=nope"})
    transport = NetworkTransport()
    assert transport.send(Request("GET", server.url("/latin1"))).body == "café"
    assert transport.send(Request("GET", server.url("/bad"))).body == "ok \ufffd end"
    assert transport.send(Request("GET", server.url("/odd"))).body == "é"


def test_gzip_answer_is_decoded_when_asked_for(server: LocalServer) -> None:
    server.route(
        "/gz",
        body=gzip.compress(b'{"a": 1}'),
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    response = NetworkTransport().send(
        Request("GET", server.url("/gz"), {"Accept-Encoding": "gzip"})
    )
    assert response.body == '{"a": 1}'


def test_connection_refused_is_599() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    response = NetworkTransport().send(Request("GET", f"http://127.0.0.1:{port}/x"))
    assert (response.status, response.error) == (599, "connection refused")


def test_server_closing_without_answer_is_599(server: LocalServer) -> None:
    def hang_up(request: BaseHTTPRequestHandler) -> None:
        request.close_connection = True
        request.wfile.flush()
        request.connection.shutdown(socket.SHUT_RDWR)

    server.route("/hangup", handler=hang_up)
    response = NetworkTransport().send(Request("GET", server.url("/hangup")))
    assert response.status == 599
    assert response.error == "the server closed the connection without answering"


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("ftp://127.0.0.1/x", "unsupported URL scheme 'ftp'"),
        ("127.0.0.1/x", "the URL has no scheme"),
        ("http:///x", "the URL has no host"),
        ("http://127.0.0.1:99999/x", "the URL has an invalid port"),
    ],
)
def test_unusable_urls_are_599_without_a_connection(url: str, error: str) -> None:
    response = NetworkTransport().send(Request("GET", url))
    assert response.status == 599
    assert response.error is not None and response.error.startswith(error)


def test_public_addresses_are_blocked_in_tests() -> None:
    # netblock (tests/conftest.py) turns any accidental real request into an error.
    with pytest.raises(RuntimeError, match="network access blocked in tests"):
        NetworkTransport().send(Request("GET", "http://203.0.113.1/x"))


def test_header_with_a_line_break_is_599_not_a_crash(server: LocalServer) -> None:
    server.route("/x", body="ok")
    response = NetworkTransport().send(Request("GET", server.url("/x"), {"X-Bad": "a\r\nb: c"}))
    assert response.status == 599
    assert response.error is not None and "cannot be sent" in response.error
    assert server.requests == []


def test_connected_content_sends_braze_sender_user_agent(server: LocalServer) -> None:
    """making_an_api_call.md: Connected Content requests carry `User-Agent: Braze Sender
    <hash>`; a render with the network allowed sends brazelint's fixed stand-in."""
    from brazelint.http.types import USER_AGENT as BRAZE_SENDER
    from brazelint.renderer import Renderer

    server.route("/offers", json={"n": 3})
    renderer = Renderer(transport=NetworkTransport())
    source = f"{{% connected_content {server.url('/offers')} :save r %}}{{{{ r.n }}}}"
    assert renderer.render(source).output == "3"
    assert server.requests[0].headers["User-Agent"] == BRAZE_SENDER
    assert BRAZE_SENDER.startswith("Braze Sender ")
