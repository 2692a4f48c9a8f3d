"""``date`` and ``time_zone``: Braze's time filters, driven by the render's fixed clock.

Both read "now" from ``context.state.now`` so a render is reproducible; neither ever looks
at the machine's clock or local zone.
"""

from __future__ import annotations

from datetime import timezone

from liquid.exceptions import FilterArgumentError
from liquid.filter import with_context

from brazelint.engine.filters.common import MISSING, is_nil
from brazelint.engine.filters.strftime import StrftimeError, ruby_strftime
from brazelint.engine.filters.times import parse_zone, to_time
from brazelint.engine.stringify import ruby_to_s


@with_context
def date(value: object, fmt: object = MISSING, *, context: object) -> object:
    """Format a time with Ruby's strftime.

    As in Ruby Liquid, an empty or nil format, or an input that is not a time, gives the
    input back unchanged instead of an error; only a format left out entirely is an error.
    """
    if fmt is MISSING:
        raise FilterArgumentError(
            "date needs a format argument, like {{ 'now' | date: '%Y-%m-%d' }}", token=None
        )
    fmt_text = "" if is_nil(fmt) else ruby_to_s(fmt)
    if not fmt_text:
        return value
    moment = to_time(value, context)
    if moment is None:
        return value
    try:
        return ruby_strftime(moment, fmt_text)
    except StrftimeError as err:
        raise FilterArgumentError(
            f"date format cannot be used: {err}; use a smaller width", token=None
        ) from err


@with_context
def time_zone(value: object, zone: object = MISSING, *, context: object) -> object:
    """Shift a time into another zone, for a following ``date`` to format.

    A nil or empty zone (a user with no ``time_zone`` attribute) leaves the time in
    UTC instead of failing, so one profile without a zone cannot break a send.
    """
    if zone is MISSING:
        raise FilterArgumentError(
            "time_zone needs a zone argument, like {{ 'now' | time_zone: 'America/New_York' }}",
            token=None,
        )
    if is_nil(value):
        return None
    moment = to_time(value, context)
    if moment is None:
        return value
    target = parse_zone(zone)
    try:
        return moment.astimezone(timezone.utc if target is None else target)
    except OverflowError:  # shifting year 1 or 9999 out of range
        return value
