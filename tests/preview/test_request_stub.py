"""Each recorded Connected Content request names the stub that answered it."""

from __future__ import annotations

from pathlib import Path

import brazelint
from brazelint.http.stubs import StubTransport, load_stubs
from brazelint.http.types import HttpResponse, Request

STUBS = [
    {"request": {"url": "https://api.example.com/a"}, "response": {"json": {"n": 1}}},
    {"request": {"url_pattern": "/b$"}, "response": {"json": {"n": 2}}},
]
TEMPLATE = (
    "{% connected_content https://api.example.com/b :save one %}"
    "{% connected_content https://api.example.com/b :save two %}"
    "{% connected_content https://api.example.com/missing :save three %}"
    "{{ one.n }}{{ two.n }}"
)


def test_requests_record_the_stub_that_answered() -> None:
    result = brazelint.render(TEMPLATE, stubs=STUBS, now="2026-01-01T09:00:00Z")
    assert result.output == "22"
    first, second, missing = result.requests
    assert (first.stub, first.cached) == ("<stubs> #2", False)
    assert (second.stub, second.cached) == ("<stubs> #2", True)  # the cache keeps the name
    assert (missing.stub, missing.status) == (None, None)
    assert result.to_dict()["requests"][0]["stub"] == "<stubs> #2"


def test_stub_files_are_named_with_their_path(tmp_path: Path) -> None:
    path = tmp_path / "offers.yaml"
    path.write_text(
        "- request: {url: 'https://x.example/1'}\n- request: {url: 'https://x.example/2'}\n",
        encoding="utf-8",
    )
    answer = StubTransport(load_stubs(path)).send(Request("GET", "https://x.example/2"))
    assert answer.stub == f"{path} #2"
    assert answer == HttpResponse(status=200, body="")  # the name is not part of the answer
