"""The render clock: what ``now`` is for every render of a run (``--now``, ``now =``)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Union

from brazelint.errors import ConfigError


def parse_now(now: Union[datetime, str, None]) -> datetime:
    """The render clock as an aware UTC datetime; naive values are taken as UTC."""
    if now is None:
        return datetime.now(timezone.utc)
    if isinstance(now, str):
        text = now.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            now = datetime.fromisoformat(text)
        except ValueError:
            raise ConfigError(
                f"invalid --now value '{now}'",
                hint="use ISO 8601, e.g. 2024-03-01T12:00:00Z",
            ) from None
    if now.tzinfo is None:
        return now.replace(tzinfo=timezone.utc)
    return now.astimezone(timezone.utc)
