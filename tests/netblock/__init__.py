"""Network support for the test suite: loopback only, in-process and in subprocesses.

``server.local_server()`` is a real HTTP server on 127.0.0.1 for HTTP tests.

``blocked_network()`` blocks for the duration of a ``with`` block (the session fixture in
tests/conftest.py); ``subprocess_env(env)`` returns ``env`` with this directory first on
PYTHONPATH, so that ``sitecustomize.py`` blocks the network in the child process too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from netblock.netblock_guard import BlockedNetwork, check_address, install, installed, uninstall

__all__ = [
    "NETBLOCK_DIR",
    "BlockedNetwork",
    "blocked_network",
    "check_address",
    "installed",
    "subprocess_env",
]

NETBLOCK_DIR = Path(__file__).resolve().parent


def subprocess_env(env: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``env`` whose PYTHONPATH starts with the netblock directory."""
    result = dict(env)
    entries = [p for p in result.get("PYTHONPATH", "").split(os.pathsep) if p]
    if str(NETBLOCK_DIR) not in entries:
        entries.insert(0, str(NETBLOCK_DIR))
    result["PYTHONPATH"] = os.pathsep.join(entries)
    return result


@contextmanager
def blocked_network() -> Iterator[None]:
    """Block non-loopback connections in this process while the block runs."""
    if installed():  # already active (nested use, or this process got sitecustomize)
        yield
        return
    install()
    try:
        yield
    finally:
        uninstall()
