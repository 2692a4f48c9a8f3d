"""``brazelint serve`` as a command: its address, its warnings and a clean Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import urllib.request
from pathlib import Path
from typing import Callable

import pytest
from previewkit import WELCOME, ServeProcess

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_serves_on_loopback_and_stops_cleanly_on_ctrl_c(project: Path) -> None:
    server = ServeProcess(project)
    try:
        url = server.url()
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url, timeout=30) as response:
            assert WELCOME in response.read().decode("utf-8")
    finally:
        code = server.stop()
    assert code == 0
    assert "Traceback" not in server.stderr and server.stderr == ""
    assert "".join(server.stdout).endswith("stopped\n")


def test_sigterm_stops_cleanly_too(project: Path) -> None:
    server = ServeProcess(project)
    server.url()
    assert server.stop(signal.SIGTERM) == 0
    assert "Traceback" not in server.stderr


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "example.com", "::"])
def test_a_non_loopback_host_needs_allow_remote(run_cli: Run, project: Path, host: str) -> None:
    proc = run_cli("serve", "--host", host, "--port", "0", cwd=project)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0] == (
        f"brazelint serve: error: --host {host} is not a loopback address; "
        "add --allow-remote to serve your templates to the network"
    )


def test_allow_remote_binds_with_a_warning(project: Path) -> None:
    server = ServeProcess(project, "--host", "0.0.0.0", "--allow-remote")
    try:
        url = server.url()
        with urllib.request.urlopen(url, timeout=30) as response:
            assert response.status == 200
    finally:
        code = server.stop()
    assert code == 0
    assert server.stderr.startswith("warning: serving on 0.0.0.0, not loopback")


def test_a_busy_port_is_one_clear_error(run_cli: Run, project: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = run_cli("serve", "--port", str(port), cwd=project)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"error: cannot listen on 127.0.0.1:{port}")
    assert "Traceback" not in proc.stderr


def test_a_broken_profile_fails_before_serving(run_cli: Run, project: Path) -> None:
    (project / "profiles/jane.yaml").write_text("attributes: {frist_name: J}\n")
    proc = run_cli("serve", "--port", "0", cwd=project)
    assert proc.returncode == 2
    assert "unknown standard attribute 'attributes.frist_name'" in proc.stderr
