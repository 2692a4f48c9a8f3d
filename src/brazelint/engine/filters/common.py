"""Small helpers every filter module shares."""

from __future__ import annotations

from typing import Final

from liquid.undefined import Undefined

MISSING: Final = object()
"""Default for a required filter argument, so leaving it out gives our own message."""


def is_nil(value: object) -> bool:
    """Ruby nil: ``None`` or an undefined variable."""
    return value is None or isinstance(value, Undefined)
