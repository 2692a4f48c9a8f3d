"""Ruby's ``Time#strftime``, reimplemented so output never depends on libc or the locale.

Braze formats dates with Ruby, and Ruby ships its own strftime (``strftime.c``) rather than
calling the C library. Python's ``datetime.strftime`` defers to the platform, which differs
between glibc, musl, macOS and Windows (``%-d``, ``%s``, ``%P``, ``%:z`` ...) and follows
``LC_TIME``. This module follows Ruby's rules instead:

- flags ``-`` (no padding), ``_`` (pad with spaces), ``0`` (pad with zeros), ``^`` (upcase)
  and ``#`` (swap case: names are upcased, ``%p`` and ``%Z`` are downcased), a decimal
  width after the flags, ``:`` / ``::`` / ``:::`` before ``z``, and the ignored POSIX ``E``
  and ``O`` modifiers;
- every conversion ``Time#strftime`` knows, with English names. ``%Q`` and ``%+`` belong to
  Ruby's ``Date#strftime`` only, so like any unknown directive they are copied literally;
- a flag after a width, or a malformed directive, is also copied literally, as Ruby does.

Naive datetimes are taken to be UTC. Python datetimes carry microseconds, so ``%N`` digits
past the sixth are always zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional

MAX_WIDTH = 1024
"""Widths above this are refused, so ``%999999999d`` cannot exhaust memory."""

_DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

# Flag bits, as in Ruby's strftime.c.
_LEFT = 1
_CHCASE = 2
_LOWER = 4
_UPPER = 8

_COMPOSITES = {
    "c": "%a %b %e %H:%M:%S %Y",
    "D": "%m/%d/%y",
    "x": "%m/%d/%y",
    "F": "%Y-%m-%d",
    "T": "%H:%M:%S",
    "X": "%H:%M:%S",
    "R": "%H:%M",
    "r": "%I:%M:%S %p",
    "v": "%e-%^b-%4Y",
}

# conversion -> (default padding, default width)
_NUMERIC_PADDING = {
    "d": ("0", 2),
    "e": (" ", 2),
    "H": ("0", 2),
    "k": (" ", 2),
    "I": ("0", 2),
    "l": (" ", 2),
    "j": ("0", 3),
    "m": ("0", 2),
    "M": ("0", 2),
    "S": ("0", 2),
    "U": ("0", 2),
    "W": ("0", 2),
    "V": ("0", 2),
    "u": ("0", 1),
    "w": ("0", 1),
    "C": ("0", 2),
    "y": ("0", 2),
    "g": ("0", 2),
    "s": ("0", 1),
}

_E_TARGETS = "cCxXyY"
_O_TARGETS = "deHkIlmMSuUVwWy"


class StrftimeError(ValueError):
    """The format cannot be rendered (only raised for absurd widths)."""


@dataclass(frozen=True)
class _Fields:
    """The broken-down time Ruby's strftime reads (its ``struct vtm``)."""

    moment: datetime
    wday: int  # Sunday == 0
    yday: int  # 1..366
    offset: int  # seconds east of UTC, rounded
    gmt: bool  # a UTC time: %Z is "UTC" and %-z prints "-0000"
    zone: str

    @classmethod
    def of(cls, moment: datetime) -> _Fields:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        delta = moment.utcoffset() or timedelta(0)
        offset = round(delta.total_seconds())
        name = moment.tzname()
        gmt = offset == 0 and (moment.tzinfo is timezone.utc or name in ("UTC", None))
        return cls(
            moment=moment,
            wday=(moment.weekday() + 1) % 7,
            yday=moment.timetuple().tm_yday,
            offset=offset,
            gmt=gmt,
            zone=_zone_name(moment, name),
        )


def _zone_name(moment: datetime, name: Optional[str]) -> str:
    """Zone abbreviation for %Z; Ruby prints nothing for a bare numeric offset."""
    if name is None:
        return ""
    if isinstance(moment.tzinfo, timezone) and name.startswith("UTC") and name != "UTC":
        # datetime.timezone invents "UTC-05:00" for unnamed offsets; Ruby has no name.
        return ""
    return name


_REMEMBERED_LIMIT = 1024
"""Formatted times remembered (the table is dropped when full)."""
_REMEMBERED_FORMAT_LENGTH = 256
_REMEMBERED_TEXT_LENGTH = 1024
"""With the two length limits the table holds at most a few MB (widths such as ``%900A``
make long texts from short formats)."""
_remembered: dict[tuple[object, ...], str] = {}


def ruby_strftime(moment: datetime, fmt: str) -> str:
    """Format ``moment`` exactly as Ruby's ``Time#strftime(fmt)`` would.

    Renders format the same few times over and over (the fixed render clock, a profile's
    dates), so the text for a naive, UTC or fixed-offset time is remembered. Its key
    holds the offset and the zone's name, because ``datetime`` equality ignores both.
    """
    zone = moment.tzinfo
    if (zone is None or type(zone) is timezone) and len(fmt) <= _REMEMBERED_FORMAT_LENGTH:
        key: tuple[object, ...] = (moment, fmt, None, None)
        if zone is not None:
            key = (moment, fmt, zone.utcoffset(None), zone.tzname(None))
        text = _remembered.get(key)
        if text is None:
            text = _render(_Fields.of(moment), fmt)
            if len(text) <= _REMEMBERED_TEXT_LENGTH:
                if len(_remembered) >= _REMEMBERED_LIMIT:
                    _remembered.clear()
                _remembered[key] = text
        return text
    return _render(_Fields.of(moment), fmt)


def _case(text: str, flags: int) -> str:
    """Ruby's case_conv: ASCII letters only, and only when exactly one of upper/lower is set."""
    which = flags & (_UPPER | _LOWER)
    if which == _UPPER:
        return "".join(c.upper() if "a" <= c <= "z" else c for c in text)
    if which == _LOWER:
        return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)
    return text


def _pad_text(text: str, flags: int, width: int, padding: str) -> str:
    """FILL_PADDING: left-pad a string conversion unless the ``-`` flag is set."""
    if not flags & _LEFT and width > len(text):
        return (padding or " ") * (width - len(text)) + text
    return text


def _number(
    value: int, default_pad: str, default_width: int, flags: int, width: int, padding: str
) -> str:
    """FMT: a number padded to the requested (or default) width."""
    if flags & _LEFT:
        size = 1
    elif width <= 0:
        size = default_width
    else:
        size = width
    if padding == "0" or (not padding and default_pad == "0"):
        return f"{value:0{size}d}"
    return f"{value:{size}d}"


def _week_number(fields: _Fields, first_weekday: int) -> int:
    wday = fields.wday
    if first_weekday == 1:
        wday = 6 if wday == 0 else wday - 1
    return max((fields.yday - 1 + 7 - wday) // 7, 0)


def _numeric_value(fields: _Fields, conv: str) -> int:
    moment = fields.moment
    if conv in "de":
        return moment.day
    if conv in "Hk":
        return moment.hour
    if conv in "Il":
        return (moment.hour % 12) or 12
    if conv == "j":
        return fields.yday
    if conv == "m":
        return moment.month
    if conv == "M":
        return moment.minute
    if conv == "S":
        return moment.second
    if conv == "U":
        return _week_number(fields, 0)
    if conv == "W":
        return _week_number(fields, 1)
    if conv == "V":
        return moment.isocalendar()[1]
    if conv == "u":
        return fields.wday or 7
    if conv == "w":
        return fields.wday
    if conv == "C":
        return moment.year // 100
    if conv == "y":
        return moment.year % 100
    if conv == "g":
        return moment.isocalendar()[0] % 100
    # "s": whole seconds since the epoch, rounded toward negative infinity
    return (moment - _EPOCH) // timedelta(seconds=1)


def _zone_offset(fields: _Fields, flags: int, width: int, padding: str, colons: int) -> str:
    """%z, %:z, %::z and %:::z, including Ruby's width and padding rules."""
    off = 0 if fields.gmt else fields.offset
    negative = off < 0 or (fields.gmt and bool(flags & _LEFT))
    off = abs(off)
    sign = "-" if negative else "+"
    if colons == 0:
        digits = 2 if width <= 5 else width - 3
    elif colons == 1:
        digits = 2 if width <= 6 else width - 4
    elif colons == 2:
        digits = 2 if width <= 9 else width - 7
    elif off % 3600 == 0:
        digits = 2 if width <= 3 else width - 1
    elif off % 60 == 0:
        digits = 2 if width <= 6 else width - 4
    else:
        digits = 2 if width <= 9 else width - 7
    hours = str(off // 3600)
    head = (sign + hours).rjust(digits + 1) if padding == " " else sign + hours.zfill(digits)
    minutes = f"{off % 3600 // 60:02d}"
    seconds = f"{off % 60:02d}"
    if colons == 0:
        return head + minutes
    if colons == 1:
        return f"{head}:{minutes}"
    if colons == 2:
        return f"{head}:{minutes}:{seconds}"
    if off % 3600 == 0:
        return head
    if off % 60 == 0:
        return f"{head}:{minutes}"
    return f"{head}:{minutes}:{seconds}"


def _subseconds(fields: _Fields, width: int, default: int) -> str:
    """%L / %N: fractional digits, truncated (never rounded), width = number of digits."""
    digits = default if width <= 0 else width
    micro = fields.moment.microsecond
    value = micro * 10 ** (digits - 6) if digits >= 6 else micro // 10 ** (6 - digits)
    return f"{value:0{digits}d}"


def _year(value: int, flags: int, width: int, padding: str) -> str:
    return _number(value, "0", 4 if value >= 0 else 5, flags, width, padding)


def _render(fields: _Fields, fmt: str) -> str:
    out: list[str] = []
    index = 0
    end = len(fmt)
    while index < end:
        percent = fmt.find("%", index)
        if percent < 0:
            out.append(fmt[index:])
            break
        out.append(fmt[index:percent])
        pos = percent + 1
        width = -1
        flags = 0
        padding = ""
        colons = 0
        text: Optional[str] = None  # a string conversion still to be padded/case-converted
        while True:
            if pos >= end:  # a directive cut off by the end of the format
                out.append(fmt[percent:])
                return "".join(out)
            conv = fmt[pos]
            if conv in "-^#_":
                if width > 0:  # a flag after a width is not a directive
                    out.append(fmt[percent : pos + 1])
                    break
                if conv == "-":
                    flags |= _LEFT
                    padding = ""
                    width = 0
                elif conv == "^":
                    flags |= _UPPER
                elif conv == "#":
                    flags |= _CHCASE
                else:
                    padding = " "
                pos += 1
                continue
            if conv == ":":
                count = 1
                while count <= 3 and pos + count < end and fmt[pos + count] == ":":
                    count += 1
                if count > 3 or pos + count >= end or fmt[pos + count] != "z":
                    out.append(fmt[percent : pos + 1])
                    break
                colons = count
                pos += count
                continue
            if conv.isdigit() and conv.isascii():
                if conv == "0":
                    padding = "0"
                stop = pos
                while stop < end and fmt[stop].isdigit() and fmt[stop].isascii():
                    stop += 1
                width = int(fmt[pos:stop])
                if width > MAX_WIDTH:
                    raise StrftimeError(
                        f"width {width} in '{fmt[percent : stop + 1]}' is too large "
                        f"(at most {MAX_WIDTH})"
                    )
                pos = stop
                continue
            if conv in "EO":
                targets = _E_TARGETS if conv == "E" else _O_TARGETS
                if pos + 1 < end and fmt[pos + 1] in targets:
                    pos += 1
                    continue
                out.append(fmt[percent : pos + 1])
                break

            # A complete directive.
            if conv in _NUMERIC_PADDING:
                default_pad, default_width = _NUMERIC_PADDING[conv]
                out.append(
                    _number(
                        _numeric_value(fields, conv),
                        default_pad,
                        default_width,
                        flags,
                        width,
                        padding,
                    )
                )
            elif conv == "Y":
                out.append(_year(fields.moment.year, flags, width, padding))
            elif conv == "G":
                out.append(_year(fields.moment.isocalendar()[0], flags, width, padding))
            elif conv == "z":
                out.append(_zone_offset(fields, flags, width, padding, colons))
            elif conv in "LN":
                out.append(_subseconds(fields, width, 3 if conv == "L" else 9))
            elif conv in _COMPOSITES:
                inner = _case(_render(fields, _COMPOSITES[conv]), flags)
                if width > len(inner):
                    inner = (padding or " ") * (width - len(inner)) + inner
                out.append(inner)
            elif conv in "%nt":
                char = {"%": "%", "n": "\n", "t": "\t"}[conv]
                out.append(_pad_text(char, flags, width, padding))
            elif conv in "aAbhB":
                if flags & _CHCASE:
                    flags = (flags & ~(_LOWER | _CHCASE)) | _UPPER
                name = _DAYS[fields.wday] if conv in "aA" else _MONTHS[fields.moment.month - 1]
                text = name if conv in "AB" else name[:3]
            elif conv in "pP":
                if (conv == "p" and flags & _CHCASE) or (
                    conv == "P" and not flags & (_CHCASE | _UPPER)
                ):
                    flags = (flags & ~(_UPPER | _CHCASE)) | _LOWER
                text = "AM" if fields.moment.hour < 12 else "PM"
            elif conv == "Z":
                if flags & _CHCASE:
                    flags = (flags & ~(_UPPER | _CHCASE)) | _LOWER
                text = "UTC" if fields.gmt else fields.zone
            else:  # unknown directive: copied as written
                out.append(fmt[percent : pos + 1])
            if text is not None:
                out.append(_pad_text(_case(text, flags), flags, width, padding))
            break
        index = pos + 1
    return "".join(out)
