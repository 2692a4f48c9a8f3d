"""Malformed and unexpected messages, sent as raw bytes: each gets an LSP error (or is
logged, when it has no id to answer) and the server keeps answering."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Optional

import pytest
from lspkit import write_project

from netblock import subprocess_env

pytest.importorskip("pygls")

WAIT = 60.0
INVALID_PARAMS = -32602
METHOD_NOT_FOUND = -32601


class RawClient:
    """Just enough of an LSP client to send anything at all: framing, ids, answers."""

    def __init__(self, cwd: Path) -> None:
        env = subprocess_env({**os.environ, "NO_COLOR": "1"})
        self.process = subprocess.Popen(
            [sys.executable, "-m", "brazelint", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=cwd,
            env=env,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def send_bytes(self, body: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        self.send_bytes(json.dumps({"jsonrpc": "2.0", **message}).encode())

    def answer(self, msg_id: int) -> dict[str, Any]:
        """The response to request ``msg_id`` (other messages are skipped)."""
        while True:
            message = self.messages.get(timeout=WAIT)
            if message.get("id") == msg_id and "method" not in message:
                return message

    def request(self, msg_id: int, method: str, params: Any) -> dict[str, Any]:
        self.send({"id": msg_id, "method": method, "params": params})
        return self.answer(msg_id)

    def close(self) -> Optional[int]:
        try:
            self.request(999, "shutdown", None)
            self.send({"method": "exit"})
            return self.process.wait(timeout=WAIT)
        finally:
            if self.process.poll() is None:
                self.process.kill()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))


@pytest.fixture
def raw(tmp_path: Path) -> RawClient:
    root = write_project(tmp_path / "project")
    client = RawClient(root)
    answer = client.request(
        1, "initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {}}
    )
    assert "capabilities" in answer["result"]
    client.send({"method": "initialized", "params": {}})
    return client


def test_bad_requests_are_answered_with_errors_and_the_server_lives_on(
    raw: RawClient, tmp_path: Path
) -> None:
    bad_hover = raw.request(2, "textDocument/hover", {"textDocument": {"uri": 42}})
    assert bad_hover["error"]["code"] == INVALID_PARAMS

    unknown = raw.request(3, "brazelint/noSuchThing", {"x": 1})
    assert unknown["error"]["code"] == METHOD_NOT_FOUND

    bad_render = raw.request(4, "brazelint/render", ["not", "an", "object"])
    assert bad_render["error"]["code"] == INVALID_PARAMS

    not_open = raw.request(5, "brazelint/render", {"uri": "file:///nowhere.liquid"})
    assert not_open["error"]["code"] == INVALID_PARAMS

    raw.send_bytes(b"{this is not json")
    raw.send({"method": "textDocument/didOpen", "params": {"textDocument": "nonsense"}})
    raw.send({"method": "$/somethingTheServerDoesNotKnow", "params": {}})

    path = tmp_path / "project/templates/hello.liquid"
    raw.send(
        {
            "method": "textDocument/didOpen",
            "params": {
                "textDocument": {
                    "uri": path.as_uri(),
                    "languageId": "liquid",
                    "version": 1,
                    "text": "{{ 'a' | upcase }}",
                }
            },
        }
    )
    hover = raw.request(
        6,
        "textDocument/hover",
        {"textDocument": {"uri": path.as_uri()}, "position": {"line": 0, "character": 11}},
    )
    assert "upcase" in hover["result"]["contents"]["value"]
    assert raw.close() == 0
