"""Ruby ``Time#strftime`` semantics, independent of the platform's C library and locale."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from brazelint.engine.filters.strftime import StrftimeError, ruby_strftime
from brazelint.engine.filters.times import fixed_offset

UTC = timezone.utc
# A Wednesday morning, with microseconds.
MORNING = datetime(2021, 8, 4, 9, 5, 3, 123456, tzinfo=UTC)
EVENING = datetime(2021, 8, 4, 21, 5, 3, tzinfo=UTC)
MIDNIGHT = datetime(2021, 8, 4, 0, 0, 0, tzinfo=UTC)
T2000 = datetime(2000, 1, 1, tzinfo=UTC)


def offset(hours: int = 0, minutes: int = 0, seconds: int = 0) -> timezone:
    sign = -1 if hours < 0 or minutes < 0 else 1
    total = abs(hours) * 3600 + abs(minutes) * 60 + seconds
    zone = fixed_offset(sign * total)
    assert isinstance(zone, timezone)
    return zone


CASES = [
    # (moment, format, expected)
    (MORNING, "%Y-%m-%d %H:%M:%S", "2021-08-04 09:05:03"),
    (MORNING, "%a %A %b %B %h", "Wed Wednesday Aug August Aug"),
    (MORNING, "%^a %^A %^b %^B", "WED WEDNESDAY AUG AUGUST"),
    (MORNING, "%#a %#A %#b %#B %#h", "WED WEDNESDAY AUG AUGUST AUG"),
    (MORNING, "%c", "Wed Aug  4 09:05:03 2021"),
    (MORNING, "%^c", "WED AUG  4 09:05:03 2021"),
    (MORNING, "%30c", "      Wed Aug  4 09:05:03 2021"),
    (MORNING, "%x|%D|%F", "08/04/21|08/04/21|2021-08-04"),
    (MORNING, "%X|%T|%R|%r", "09:05:03|09:05:03|09:05|09:05:03 AM"),
    (MORNING, "%v", " 4-AUG-2021"),
    (MORNING, "%d|%e|%-e|%0e|%_d|%-d|%3d|%_3d", "04| 4|4|04| 4|4|004|  4"),
    (MORNING, "%H|%k|%I|%l|%-I|%_H|%-H", "09| 9|09| 9|9| 9|9"),
    (MORNING, "%m|%-m|%_m|%M|%S", "08|8| 8|05|03"),
    (MORNING, "%p %P %#p %#P %^P %^p", "AM am am AM AM AM"),
    (EVENING, "%I %l %p %P %r", "09  9 PM pm 09:05:03 PM"),
    (MIDNIGHT, "%I|%l|%k|%H|%p", "12|12| 0|00|AM"),
    (MORNING, "%j|%-j|%U|%W|%V|%G|%g|%u|%w|%C|%y", "216|216|31|31|31|2021|21|3|3|20|21"),
    (MORNING, "%s", "1628067903"),
    (MORNING, "%12s|%_12s|%-s", "001628067903|  1628067903|1628067903"),
    (
        MORNING,
        "%L|%N|%3N|%6N|%9N|%12N|%1N|%-N",
        "123|123456000|123|123456|123456000|123456000000|1|123456000",
    ),
    (MORNING, "%Z|%z|%:z|%::z|%:::z", "UTC|+0000|+00:00|+00:00:00|+00"),
    (MORNING, "%-z|%-:z|%-::z", "-0000|-00:00|-00:00:00"),
    (MORNING, "%#Z|%^Z|%6Z|%-6Z", "utc|UTC|   UTC|UTC"),
    (MORNING, "%%|%n|%t|%5%|%3t|%03t|%0t", "%|\n|\t|    %|  \t|00\t|\t"),
    (MORNING, "%10A|%-10A|%010A|%_10A", " Wednesday|Wednesday|0Wednesday| Wednesday"),
    (MORNING, "%Ey|%EY|%Oe|%OH|%EC", "21|2021| 4|09|20"),
    # unknown or malformed directives are copied as written
    (MORNING, "%Q|%+|%K|%5Q|%i", "%Q|%+|%K|%5Q|%i"),
    (MORNING, "%4^p|%:y|%:0z|%:10z|%Ob|%Eb|%O0y|%E10y", "%4^p|%:y|%:0z|%:10z|%Ob|%Eb|%O0y|%E10y"),
    (MORNING, "%::::z", "%::::z"),
    (MORNING, "100%", "100%"),
    (MORNING, "50%-", "50%-"),
    (MORNING, "no directives", "no directives"),
    (MORNING, "", ""),
    (MORNING, "Zoë %A ✓", "Zoë Wednesday ✓"),
    # years
    (datetime(5, 3, 1, tzinfo=UTC), "%Y|%C|%y|%G|%-Y|%_6Y", "0005|00|05|0005|5|     5"),
    # ISO week-numbering years around New Year
    (datetime(2021, 1, 1, tzinfo=UTC), "%G-W%V-%u|%U|%W|%g", "2020-W53-5|00|00|20"),
    (datetime(2024, 12, 30, tzinfo=UTC), "%G-W%V-%u|%U|%W", "2025-W01-1|52|53"),
    (datetime(2023, 1, 1, tzinfo=UTC), "%U|%W|%j", "01|00|001"),
    # naive datetimes are UTC
    (datetime(2021, 6, 3, 17, 13, 41), "%s %Z %z", "1622740421 UTC +0000"),
]


@pytest.mark.parametrize(("moment", "fmt", "expected"), CASES)
def test_conversions(moment: datetime, fmt: str, expected: str) -> None:
    assert ruby_strftime(moment, fmt) == expected


ZONE_CASES = [
    # (utc offset, format, expected); the offset widths and paddings follow Ruby's own tests
    (offset(-5), "%z|%:z|%::z|%:::z|%Z", "-0500|-05:00|-05:00:00|-05|"),
    (offset(5, 30), "%z|%:z|%:::z", "+0530|+05:30|+05:30"),
    (offset(9), "%_10z|%10z", "      +900|+000000900"),
    (offset(9), "%_10:z|%10:z", "     +9:00|+000009:00"),
    (offset(9), "%_10::z|%10::z|%10:::z", "  +9:00:00|+009:00:00|+000000009"),
    (offset(9), "%_z|%-z|%3z", " +900|+0900|+0900"),
    (offset(-5), "%_10z|%10z|%_10:z|%10:z", "      -500|-000000500|     -5:00|-000005:00"),
    (offset(-5), "%_10::z|%10::z|%10:::z", "  -5:00:00|-005:00:00|-000000005"),
    (offset(0, 36), "%_10z|%10z|%_10:z|%10:z", "      +036|+000000036|     +0:36|+000000:36"),
    (offset(0, 36), "%_10::z|%10::z|%10:::z", "  +0:36:00|+000:36:00|+000000:36"),
    (offset(0, -55), "%_10z|%10z|%_10:z|%10:z", "      -055|-000000055|     -0:55|-000000:55"),
    (offset(0, -55), "%_10::z|%10::z|%10:::z", "  -0:55:00|-000:55:00|-000000:55"),
    (offset(9, 0, 1), "%z|%:z|%::z|%:::z", "+0900|+09:00|+09:00:01|+09:00:01"),
    # an explicit +00:00 offset is not UTC itself: no name, and %-z keeps the plus
    (offset(0), "%z|%-z|%-:z|%Z", "+0000|+0000|+00:00|"),
]


@pytest.mark.parametrize(("zone", "fmt", "expected"), ZONE_CASES)
def test_zone_offsets(zone: timezone, fmt: str, expected: str) -> None:
    assert ruby_strftime(T2000.astimezone(zone), fmt) == expected


def test_named_zone_uses_its_abbreviation() -> None:
    moment = MORNING.astimezone(ZoneInfo("America/Los_Angeles"))
    assert (
        ruby_strftime(moment, "%F %T %Z %#Z %z %:z") == "2021-08-04 02:05:03 PDT pdt -0700 -07:00"
    )
    winter = datetime(2021, 1, 4, 12, tzinfo=UTC).astimezone(ZoneInfo("America/Los_Angeles"))
    assert ruby_strftime(winter, "%H %Z %z") == "04 PST -0800"


def test_epoch_seconds_do_not_depend_on_the_zone() -> None:
    shifted = MORNING.astimezone(timezone(timedelta(hours=-7)))
    assert ruby_strftime(shifted, "%s") == ruby_strftime(MORNING, "%s") == "1628067903"
    before_1970 = datetime(1969, 12, 31, 23, 59, 59, 500000, tzinfo=UTC)
    assert ruby_strftime(before_1970, "%s %L") == "-1 500"


def test_absurd_widths_are_refused() -> None:
    with pytest.raises(StrftimeError, match="width 5000"):
        ruby_strftime(MORNING, "%5000d")
    assert len(ruby_strftime(MORNING, "%1024A")) == 1024


def test_remembered_texts_keep_equal_times_in_other_zones_apart() -> None:
    # Equal instants (datetime equality ignores the zone) and equal offsets with other
    # names must not share a remembered text.
    fmt = "%H:%M %z %Z"
    same_instant = [
        (T2000, "00:00 +0000 UTC"),
        (T2000.replace(tzinfo=None), "00:00 +0000 UTC"),
        (T2000.astimezone(offset(0)), "00:00 +0000 "),
        (T2000.astimezone(timezone(timedelta(0), "GMT")), "00:00 +0000 GMT"),
        (T2000.astimezone(offset(5, 30)), "05:30 +0530 "),
        (T2000.astimezone(timezone(timedelta(hours=5, minutes=30), "IST")), "05:30 +0530 IST"),
        (T2000.astimezone(ZoneInfo("Europe/Paris")), "01:00 +0100 CET"),
    ]
    for _ in range(2):  # the second round reads what the first remembered
        assert [ruby_strftime(moment, fmt) for moment, _ in same_instant] == [
            text for _, text in same_instant
        ]
