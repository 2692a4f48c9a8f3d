"""A small project to preview, the preview server running in a thread, and raw HTTP calls.

The project has two templates (a JSON body that calls Connected Content and reads the
clock; a message that aborts for non-gold members), two profiles and one stub.
"""

from __future__ import annotations

import http.client
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from brazelint.lint.settings import RunOptions
from brazelint.preview.project import PreviewProject
from brazelint.preview.server import PreviewServer

WELCOME = "templates/welcome.liquid"
GOLD = "templates/gold_only.liquid"

FILES = {
    "brazelint.toml": 'profiles = "profiles"\nstubs = "stubs"\ntemplates = ["templates"]\n',
    WELCOME: (
        "{%- connected_content https://api.example.com/points?user={{${user_id}}} "
        ":save points -%}\n"
        '{"greeting": "Hi {{ ${first_name} | default: \'there\' | json_escape }}", '
        '"tier": "{{ custom_attribute.${tier} }}",\n'
        ' "points": {{ points.balance | default: 0 }}, "year": "{{ \'now\' | date: \'%Y\' }}"}\n'
    ),
    GOLD: (
        "{% if custom_attribute.${tier} != 'gold' %}{% abort_message('not a gold member') %}"
        "{% endif -%}\nGold perks for {{${first_name}}}\n"
    ),
    "profiles/jane.yaml": "attributes: {user_id: u-1, first_name: Jane}\n"
    "custom_attributes: {tier: gold}\n",
    "profiles/omar.yaml": "attributes: {user_id: u-2, first_name: Omar}\n"
    "custom_attributes: {tier: silver}\n",
    "stubs/points.yaml": (
        "- request:\n"
        '    url_pattern: "^https://api\\\\.example\\\\.com/points"\n'
        "  response:\n"
        "    json: {balance: 120}\n"
    ),
}


def make_project(root: Path) -> Path:
    """Write the project under ``root`` and return ``root``."""
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def preview_project(root: Path, **overrides: Any) -> PreviewProject:
    """The project ``brazelint serve`` previews for ``root``; ``overrides`` are its options
    (``paths`` and the lint options of ``RunOptions``)."""
    values: dict[str, Any] = {"config": root / "brazelint.toml"}
    values.update(overrides)
    paths = values.pop("paths", [])
    if "profile" in values:
        values["profile"] = tuple(values["profile"])
    return PreviewProject(RunOptions(**values), paths)


@contextmanager
def running_server(
    root: Path,
    *,
    poll_interval: float = 0.05,
    server_options: Optional[dict[str, Any]] = None,
    **overrides: Any,
) -> Iterator[PreviewServer]:
    """A watching preview server for ``root`` on a free loopback port; ``overrides`` are
    ``serve`` arguments, ``server_options`` go to ``PreviewServer`` itself."""
    server = PreviewServer(
        ("127.0.0.1", 0),
        preview_project(root, **overrides),
        poll_interval=poll_interval,
        **(server_options or {}),
    )
    server.start_watching()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.close()
        thread.join(timeout=5)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    text: str


def call(
    server: PreviewServer,
    path: str,
    *,
    method: str = "GET",
    body: Optional[bytes] = None,
    headers: Optional[dict[str, str]] = None,
) -> Reply:
    """Send ``path`` exactly as written (no normalisation) and read the whole answer."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        sent = {"Host": f"127.0.0.1:{server.port}", **(headers or {})}
        if body is not None:
            sent.setdefault("Content-Length", str(len(body)))
        for name, value in sent.items():
            connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        text = response.read().decode("utf-8")
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, text)
    finally:
        connection.close()


def post_view(server: PreviewServer, payload: dict[str, Any], **kwargs: Any) -> Reply:
    headers = {"Content-Type": "application/json", **kwargs.pop("headers", {})}
    data = json.dumps(payload).encode("utf-8")
    return call(server, "/api/view", method="POST", body=data, headers=headers, **kwargs)


_NOTE = re.compile(
    r'<div class="note (\w+)" data-code="(BL\d+)"><span class="where">(\d+):(\d+)</span>'
)
_CARD = re.compile(r'<article class="render" data-profile="([^"]*)">')


def notes(page: str) -> list[tuple[int, int, str, str]]:
    """``(line, column, code, severity)`` of every diagnostic marked in the source."""
    return sorted(
        (int(line), int(column), code, severity)
        for severity, code, line, column in _NOTE.findall(page)
    )


def cards(page: str) -> list[str]:
    """The profiles that have a render card, in order."""
    return _CARD.findall(page)


def card(page: str, profile: str) -> str:
    """The markup of one profile's render card."""
    start = page.index(f'<article class="render" data-profile="{profile}">')
    return page[start : page.index("</article>", start)]


class ServeProcess:
    """``python -m brazelint serve`` in a subprocess, network blocked, output collected."""

    def __init__(self, cwd: Path, *args: str) -> None:
        import os
        import queue
        import subprocess
        import sys

        from netblock import subprocess_env

        env = subprocess_env({**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"})
        self.process = subprocess.Popen(
            [sys.executable, "-m", "brazelint", "serve", "--port", "0", *args],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.stdout: list[str] = []
        self.stderr = ""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.stdout.append(line)
            self.lines.put(line)

    def url(self, timeout: float = 30) -> str:
        """The URL the server printed (fails with its stderr if it exits first)."""
        import queue
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                if self.process.poll() is not None:
                    self.stop()
                    raise AssertionError(f"serve exited early: {self.stderr}") from None
                continue
            found = re.search(r"http://\S+", line)
            if found:
                return found.group(0)
        raise AssertionError("serve printed no URL in time")

    def stop(self, sig: Optional[int] = None) -> int:
        """Interrupt the server (Ctrl-C by default) and return its exit code."""
        import signal
        import subprocess

        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT if sig is None else sig)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=5)
        assert self.process.stderr is not None
        self.stderr = self.process.stderr.read()
        self.process.stderr.close()
        if self.process.stdout is not None:
            self.process.stdout.close()
        return self.process.returncode
