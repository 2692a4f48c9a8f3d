"""How quickly ``brazelint lsp`` answers an editor: diagnostics after a change, and first
diagnostics after start, on the bundled templates.

    python bench/lsp_latency.py [--rounds 20]

Starts the server as an editor would (a subprocess on stdio), opens every bundled
template and webhook file, then edits each one ``--rounds`` times and measures from the
``didChange`` to the ``publishDiagnostics`` of that version. The time includes the
server's debounce (``CHANGE_DELAY``), which an editor user waits too. "First diagnostics"
runs from starting the process to the diagnostics of the first opened file, over fresh
processes (``--starts``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from queue import Empty, Queue
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from brazelint.lsp.server import CHANGE_DELAY  # noqa: E402

WAIT = 120.0


class Server:
    """``brazelint lsp`` in a subprocess, spoken to with raw LSP messages."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "brazelint", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )
        self.inbox: Queue[tuple[float, dict[str, Any]]] = Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self._next_id = 0

    def send(self, message: dict[str, Any]) -> float:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        sent = time.perf_counter()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return sent

    def request(self, method: str, params: Any) -> dict[str, Any]:
        self._next_id += 1
        msg_id = self._next_id
        self.send({"id": msg_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == msg_id and "method" not in m)[1]

    def wait(self, wanted: Any) -> tuple[float, dict[str, Any]]:
        deadline = time.perf_counter() + WAIT
        while True:
            try:
                arrived, message = self.inbox.get(timeout=max(deadline - time.perf_counter(), 0))
            except Empty:
                raise TimeoutError("the server did not answer") from None
            if wanted(message):
                return arrived, message

    def diagnostics(self, uri: str, version: Optional[int] = None) -> float:
        def match(message: dict[str, Any]) -> bool:
            if message.get("method") != "textDocument/publishDiagnostics":
                return False
            params = message["params"]
            return bool(
                params["uri"] == uri and (version is None or params.get("version") == version)
            )

        return self.wait(match)[0]

    def start(self) -> None:
        self.request(
            "initialize", {"processId": None, "rootUri": ROOT.as_uri(), "capabilities": {}}
        )
        self.send({"method": "initialized", "params": {}})

    def open(self, path: Path, text: str) -> float:
        uri = path.as_uri()
        return self.send(
            {
                "method": "textDocument/didOpen",
                "params": {
                    "textDocument": {"uri": uri, "languageId": "liquid", "version": 1, "text": text}
                },
            }
        )

    def change(self, path: Path, text: str, version: int) -> float:
        return self.send(
            {
                "method": "textDocument/didChange",
                "params": {
                    "textDocument": {"uri": path.as_uri(), "version": version},
                    "contentChanges": [{"text": text}],
                },
            }
        )

    def stop(self) -> None:
        try:
            self.request("shutdown", None)
            self.send({"method": "exit"})
            self.process.wait(timeout=10)
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
            self.inbox.put((time.perf_counter(), json.loads(stream.read(length))))


def bundled() -> list[Path]:
    found = sorted((ROOT / "templates").rglob("*.liquid"))
    return found + sorted((ROOT / "templates").rglob("*.webhook.yaml"))


def first_diagnostics(starts: int) -> list[float]:
    first = bundled()[0]
    text = first.read_text(encoding="utf-8")
    times = []
    for _ in range(starts):
        began = time.perf_counter()
        server = Server()
        server.start()
        server.open(first, text)
        times.append(server.diagnostics(first.as_uri()) - began)
        server.stop()
    return times


def after_change(rounds: int) -> dict[str, list[float]]:
    server = Server()
    server.start()
    texts = {path: path.read_text(encoding="utf-8") for path in bundled()}
    for path, text in texts.items():
        server.open(path, text)
        server.diagnostics(path.as_uri())
    times: dict[str, list[float]] = {}
    for path, text in texts.items():
        name = str(path.relative_to(ROOT))
        for version in range(2, rounds + 2):
            edited = text + (" " * (version % 2))  # a real change every time
            sent = server.change(path, edited, version)
            times.setdefault(name, []).append(server.diagnostics(path.as_uri(), version) - sent)
    server.stop()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="edits per file")
    parser.add_argument("--starts", type=int, default=5, help="fresh server starts")
    args = parser.parse_args()

    starts = first_diagnostics(args.starts)
    print(
        f"first diagnostics after start ({args.starts} starts): "
        f"median {statistics.median(starts) * 1000:.0f} ms, "
        f"worst {max(starts) * 1000:.0f} ms"
    )
    per_file = after_change(args.rounds)
    every = [t for times in per_file.values() for t in times]
    print(
        f"diagnostics after a change ({len(per_file)} files x {args.rounds} edits, "
        f"{CHANGE_DELAY * 1000:.0f} ms debounce included):"
    )
    for name, times in per_file.items():
        print(
            f"  {name:<48} median {statistics.median(times) * 1000:5.0f} ms   "
            f"worst {max(times) * 1000:5.0f} ms"
        )
    print(
        f"  {'all files':<48} median {statistics.median(every) * 1000:5.0f} ms   "
        f"worst {max(every) * 1000:5.0f} ms"
    )


if __name__ == "__main__":
    main()
