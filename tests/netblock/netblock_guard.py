"""Block network access from tests: only loopback connections are allowed.

``install()`` wraps ``socket.socket.connect``/``connect_ex`` and
``socket.create_connection`` so that connecting anywhere but 127.0.0.0/8, ::1 or
``localhost`` raises ``RuntimeError("network access blocked in tests: <addr>")`` before
any packet (or DNS query) leaves the machine. ``uninstall()`` puts the originals back.

Standard library only: ``sitecustomize.py`` beside this file imports it in every CLI
subprocess the tests start (the ``run_cli`` fixture puts this directory first on
PYTHONPATH), and the test session installs it in-process (tests/conftest.py).
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any, Optional

__all__ = ["BlockedNetwork", "check_address", "install", "installed", "uninstall"]

_MISSING = object()
_saved: Optional[dict[str, Any]] = None


class BlockedNetwork(RuntimeError):
    """A test tried to reach a non-loopback address (a ``RuntimeError``)."""


def _is_loopback_host(host: str) -> bool:
    name = host.strip().rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    name = name.split("%", 1)[0]  # IPv6 scope id
    try:
        ip = ipaddress.ip_address(name)
    except ValueError:
        return False  # a host name other than localhost would need DNS: blocked
    mapped = getattr(ip, "ipv4_mapped", None)
    return bool(ip.is_loopback or (mapped is not None and mapped.is_loopback))


def _describe(address: Any) -> str:
    if isinstance(address, tuple) and len(address) >= 2:
        host, port = str(address[0]), address[1]
        return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return repr(address)


def check_address(address: Any) -> None:
    """Raise ``BlockedNetwork`` unless ``address`` is loopback (or not an IP address)."""
    if isinstance(address, (str, bytes)):
        return  # AF_UNIX path: local by definition
    if isinstance(address, tuple) and address and isinstance(address[0], (str, bytes)):
        host = address[0].decode() if isinstance(address[0], bytes) else address[0]
        if _is_loopback_host(host):
            return
    raise BlockedNetwork(f"network access blocked in tests: {_describe(address)}")


def installed() -> bool:
    return _saved is not None


def install() -> None:
    """Start blocking (idempotent)."""
    global _saved
    if _saved is not None:
        return
    cls = socket.socket
    saved = {
        "connect": cls.__dict__.get("connect", _MISSING),
        "connect_ex": cls.__dict__.get("connect_ex", _MISSING),
        "create_connection": socket.create_connection,
    }
    real_connect = cls.connect
    real_connect_ex = cls.connect_ex
    real_create_connection = socket.create_connection

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            check_address(address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            check_address(address)
        return int(real_connect_ex(self, address))

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        check_address(address)
        return real_create_connection(address, *args, **kwargs)

    cls.connect = connect  # type: ignore[method-assign,assignment]
    cls.connect_ex = connect_ex  # type: ignore[method-assign,assignment]
    socket.create_connection = create_connection
    _saved = saved


def uninstall() -> None:
    """Stop blocking: restore exactly what ``install`` replaced."""
    global _saved
    if _saved is None:
        return
    cls = socket.socket
    for name in ("connect", "connect_ex"):
        original = _saved[name]
        if original is _MISSING:
            delattr(cls, name)
        else:
            setattr(cls, name, original)
    socket.create_connection = _saved["create_connection"]
    _saved = None
