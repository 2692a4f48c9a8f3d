"""The test suite cannot reach the network: in-process and in CLI subprocesses."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Callable

import pytest

from netblock import NETBLOCK_DIR, installed, subprocess_env

BLOCKED = "network access blocked in tests: 203.0.113.1:80"


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    try:
        yield server
    finally:
        server.close()


def test_active_for_the_session() -> None:
    assert installed()


def test_create_connection_to_a_public_address_is_blocked() -> None:
    with pytest.raises(RuntimeError, match=re.escape(BLOCKED)):
        socket.create_connection(("203.0.113.1", 80), timeout=1)


def test_socket_connect_and_connect_ex_are_blocked() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        with pytest.raises(RuntimeError, match=re.escape(BLOCKED)):
            sock.connect(("203.0.113.1", 80))
        with pytest.raises(RuntimeError, match=re.escape(BLOCKED)):
            sock.connect_ex(("203.0.113.1", 80))
    sock6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    try:
        with pytest.raises(RuntimeError, match=re.escape("blocked in tests: [2001:db8::1]:443")):
            sock6.connect(("2001:db8::1", 443))
    finally:
        sock6.close()


def test_host_names_are_blocked_before_any_dns_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: object, **kwargs: object) -> None:
        raise AssertionError("DNS lookup attempted")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(RuntimeError, match=re.escape("blocked in tests: example.com:443")):
        socket.create_connection(("example.com", 443), timeout=1)


def test_loopback_is_allowed(listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    for host in ("127.0.0.1", "localhost"):
        with socket.create_connection((host, port), timeout=2):
            pass
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(2)
        assert sock.connect_ex(("127.0.0.1", port)) == 0


def test_blocked_in_a_subprocess() -> None:
    code = (
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('203.0.113.1', 80), timeout=1)\n"
        "except RuntimeError as err:\n"
        "    print(err)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env=subprocess_env(os.environ),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert (proc.returncode, proc.stdout.strip()) == (0, BLOCKED), proc.stderr


def test_run_cli_subprocesses_get_the_block(
    run_cli: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    # `python -m brazelint` imports sitecustomize from the PYTHONPATH run_cli sets, so
    # even an explicit --allow-network render cannot leave the machine.
    assert str(NETBLOCK_DIR) in subprocess_env({})["PYTHONPATH"]
    (tmp_path / "t.liquid").write_text(
        "{% connected_content http://203.0.113.1/x :save r %}ok", encoding="utf-8"
    )
    proc = run_cli("render", "t.liquid", "--allow-network", cwd=tmp_path)
    assert proc.returncode == 2
    assert BLOCKED in proc.stderr
