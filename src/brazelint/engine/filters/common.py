"""Small helpers every filter module shares."""

from __future__ import annotations

from typing import Final

from liquid.undefined import Undefined

MISSING: Final = object()
"""Default for a required filter argument, so leaving it out gives our own message."""


_NEVER_NIL = frozenset({str, int, float, bool, list, dict})
"""The common types, decided without ``isinstance`` against the abstract ``Undefined``."""


def is_nil(value: object) -> bool:
    """Ruby nil: ``None`` or an undefined variable."""
    return value is None or (type(value) not in _NEVER_NIL and isinstance(value, Undefined))
