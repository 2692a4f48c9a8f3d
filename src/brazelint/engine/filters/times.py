"""Turning filter inputs into times and zone arguments into tzinfo objects.

Shared by ``date`` and ``time_zone``. Input rules follow Ruby Liquid's ``Utils.to_date``
as Braze runs it (servers on UTC): ``"now"``/``"today"`` mean the render clock, numbers
are Unix seconds, other strings go through a date parser, and anything unreadable gives
``None`` so the caller can hand the input back unchanged.
"""

from __future__ import annotations

import math
import re
import warnings
from datetime import date, datetime, timedelta, timezone, tzinfo
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from functools import lru_cache
from typing import Optional, Union
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from dateutil import parser as date_parser  # type: ignore[import-untyped]
from liquid.exceptions import FilterArgumentError

from brazelint.engine.filters.common import is_nil
from brazelint.engine.state import RenderState
from brazelint.engine.stringify import ruby_to_s

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_NUMERIC = re.compile(r"[+-]?\d+(?:\.\d+)?")
_OFFSET = re.compile(r"([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?")

# Zone abbreviations Ruby's Time.parse understands (a common subset of Date's zone table).
# Anything else without a numeric offset is read as UTC, never as the machine's local zone.
_ABBREVIATIONS = {
    "WET": 0,
    "EST": -5 * 3600,
    "EDT": -4 * 3600,
    "CST": -6 * 3600,
    "CDT": -5 * 3600,
    "MST": -7 * 3600,
    "MDT": -6 * 3600,
    "PST": -8 * 3600,
    "PDT": -7 * 3600,
    "AKST": -9 * 3600,
    "AKDT": -8 * 3600,
    "HST": -10 * 3600,
    "BST": 3600,
    "WEST": 3600,
    "CET": 3600,
    "CEST": 2 * 3600,
    "EET": 2 * 3600,
    "EEST": 3 * 3600,
    "IST": 5 * 3600 + 1800,
    "JST": 9 * 3600,
    "AEST": 10 * 3600,
    "AEDT": 11 * 3600,
}
_UTC_NAMES = frozenset({"UTC", "UT", "GMT", "Z", "ETC/UTC", "ETC/GMT"})
"""Names that make a Ruby time UTC itself (printed ``UTC``) rather than a ``+0000`` offset."""


def fixed_offset(seconds: int) -> tzinfo:
    """A zone that is only an offset. Like Ruby, it has no name (``%Z`` prints nothing)."""
    return timezone(timedelta(seconds=seconds), "")


def clock(context: object) -> datetime:
    """The render's fixed "now" (aware UTC), from ``context.state``."""
    state = getattr(context, "state", None)
    if not isinstance(state, RenderState):
        raise FilterArgumentError(
            "this filter needs brazelint's render clock; render through brazelint.render()",
            token=None,
        )
    now = state.now
    if now.tzinfo is None:
        return now.replace(tzinfo=timezone.utc)
    return now.astimezone(timezone.utc)


def to_time(value: object, context: object) -> Optional[datetime]:
    """An aware datetime for a filter input, or ``None`` when it is not a time."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Decimal)):
        return from_epoch(value)
    if not isinstance(value, str) or not value:
        return None
    if value.lower() in ("now", "today"):
        return clock(context)
    text = value.strip()
    if _NUMERIC.fullmatch(text):
        return from_epoch(Decimal(text))
    if len(text) > _REMEMBERED_LENGTH:
        return _parse(text, clock(context))
    return _parse_remembered(text, clock(context))


def from_epoch(seconds: Union[int, float, Decimal]) -> Optional[datetime]:
    """Unix seconds as an aware UTC datetime; ``None`` when out of range."""
    try:
        if isinstance(seconds, int):
            return _EPOCH + timedelta(seconds=seconds)
        exact = Decimal(seconds) if isinstance(seconds, float) else seconds
        whole = int(exact.to_integral_value(rounding=ROUND_FLOOR))
        micro = int(((exact - whole) * 1_000_000).to_integral_value(rounding=ROUND_FLOOR))
        return _EPOCH + timedelta(seconds=whole, microseconds=micro)
    except (OverflowError, ValueError, InvalidOperation):
        return None


def _zone_for(name: Optional[str], offset: Optional[int]) -> Optional[tzinfo]:
    """dateutil's ``tzinfos`` hook: never let it fall back to the machine's local zone."""
    upper = (name or "").upper()
    if upper in _UTC_NAMES:
        return timezone.utc
    if upper in _ABBREVIATIONS:
        return fixed_offset(_ABBREVIATIONS[upper])
    if offset is not None:
        return fixed_offset(offset)
    return None


_REMEMBERED_LENGTH = 1024
"""Date strings up to this long are parsed once per clock: profiles and templates repeat
the same few (``signup_date``, ``2024-03-01``), and dateutil's parser is slow, slowest on
the long text that is no date at all. The 1,024 entries hold at most a few MB."""


@lru_cache(maxsize=1024)
def _parse_remembered(text: str, now: datetime) -> Optional[datetime]:
    return _parse(text, now)


def _parse(text: str, now: datetime) -> Optional[datetime]:
    """Parse a date string; missing date parts come from the render clock, like Time.parse."""
    default = now.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed: datetime = date_parser.parse(text, default=default, tzinfos=_zone_for)
    except (date_parser.ParserError, ValueError, OverflowError):
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=timezone.utc)
    offset = parsed.utcoffset()
    if offset is not None and not isinstance(parsed.tzinfo, timezone):
        # dateutil's own tz classes (tzutc, tzoffset): normalise to the stdlib ones
        seconds = int(offset.total_seconds())
        zone = timezone.utc if seconds == 0 else fixed_offset(seconds)
        return parsed.replace(tzinfo=zone)
    return parsed


def parse_zone(argument: object) -> Optional[tzinfo]:
    """A ``time_zone`` argument as tzinfo; ``None`` means no zone was given.

    Accepts IANA names (``America/New_York``), ``UTC``, offsets written ``-0500``,
    ``+05:30``, ``-05:00`` or ``+5``, and numbers: up to 14 in magnitude they are hours
    (``-5``, ``5.5``); larger ones are read as ``[+-]HHMM`` (``-500`` is ``-05:00``).
    Raises ``FilterArgumentError`` for anything else.
    """
    if is_nil(argument):
        return None
    if isinstance(argument, bool):
        raise _unknown_zone(argument)
    if isinstance(argument, (int, float, Decimal)):
        return _numeric_zone(argument)
    text = str(argument).strip()
    if not text:
        return None
    if text.upper() in _UTC_NAMES:
        return timezone.utc
    match = _OFFSET.fullmatch(text)
    if match:
        sign, hours, minutes, seconds = match.groups()
        total = int(hours) * 3600 + int(minutes or 0) * 60 + int(seconds or 0)
        if int(minutes or 0) >= 60 or int(seconds or 0) >= 60 or total >= 24 * 3600:
            raise _unknown_zone(text)
        return fixed_offset(-total if sign == "-" else total)
    zone = _iana_zone(text)
    if zone is None:
        raise _unknown_zone(text)
    return zone


def _numeric_zone(value: Union[int, float, Decimal]) -> tzinfo:
    number = float(value)
    if not math.isfinite(number):
        raise _unknown_zone(value)
    if abs(number) <= 14:
        seconds = round(number * 3600)
    else:
        whole = int(abs(number))
        hours, minutes = divmod(whole, 100)
        if minutes >= 60 or hours >= 24 or whole != abs(number):
            raise _unknown_zone(value)
        seconds = (hours * 3600 + minutes * 60) * (-1 if number < 0 else 1)
    return timezone.utc if seconds == 0 else fixed_offset(seconds)


@lru_cache(maxsize=256)
def _iana_zone(name: str) -> Optional[tzinfo]:
    if name.startswith("/") or ".." in name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


@lru_cache(maxsize=1)
def _known_zones() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def _unknown_zone(value: object) -> FilterArgumentError:
    shown = repr(value) if isinstance(value, str) else ruby_to_s(value)
    close = _known_zones().get(str(value).strip().lower()) if isinstance(value, str) else None
    if close:
        hint = f"zone names are case-sensitive: use '{close}'"
    else:
        hint = "use an IANA zone name such as 'America/New_York' or an offset such as '-05:00'"
    return FilterArgumentError(f"time_zone does not know the zone {shown}; {hint}", token=None)
