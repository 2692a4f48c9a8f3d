"""Values print as Braze (Ruby Liquid) prints them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import brazelint
from brazelint.engine.stringify import ruby_float


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1.0, "1.0"),
        (1.99, "1.99"),
        (-2.5, "-2.5"),
        (100.0, "100.0"),
        (1e15, "1000000000000000.0"),
        (1e16, "1.0e+16"),
        (1.5e20, "1.5e+20"),
        (0.0001, "0.0001"),
        (0.00001, "1.0e-05"),
        (1 / 3, "0.3333333333333333"),
        (0.0, "0.0"),
        (float("inf"), "Infinity"),
    ],
)
def test_ruby_float(value: float, expected: str) -> None:
    assert ruby_float(value) == expected


def _out(template: str, **data: object) -> str:
    return brazelint.render(template, globals=data).output


def test_hash_prints_like_ruby() -> None:
    value = {"a": 1, "b": [1, None, 'x"y'], "c": {"d": 1.5, "e": True}, "f": None}
    assert (
        _out("{{ v }}", v=value)
        == '{"a"=>1, "b"=>[1, nil, "x\\"y"], "c"=>{"d"=>1.5, "e"=>true}, "f"=>nil}'
    )


def test_arrays_flatten_like_shopify_liquid() -> None:
    assert _out("{{ v }}", v=[1, [2, [3]], None, "a", 2.0, {"k": "v"}]) == '123a2.0{"k"=>"v"}'


def test_scalars() -> None:
    assert (
        _out("{{ t }}|{{ f }}|{{ n }}|{{ i }}|{{ x }}", t=True, f=False, n=None, i=42, x=2.50)
        == "true|false||42|2.5"
    )


def test_times_print_like_ruby_time() -> None:
    utc = datetime(2021, 6, 3, 17, 13, 41, tzinfo=timezone.utc)
    eastern = datetime(2024, 3, 1, 7, 0, 0, tzinfo=timezone(timedelta(hours=-5)))
    naive = datetime(2016, 9, 7, 8, 43, 50)
    assert _out("{{ a }}|{{ b }}|{{ c }}", a=utc, b=eastern, c=naive) == (
        "2021-06-03 17:13:41 UTC|2024-03-01 07:00:00 -0500|2016-09-07 08:43:50 UTC"
    )


def test_echo_prints_the_same_way() -> None:
    assert _out("{% echo v %}", v={"a": 1.0}) == '{"a"=>1.0}'


def test_string_filters_see_values_as_ruby_prints_them() -> None:
    template = "{{ t | append: f }}|{{ x | upcase }}|{{ 'a' | append: n }}|{{ nil | prepend: 'p' }}"
    assert _out(template, t=True, f=False, x=1e20, n=1.5) == "truefalse|1.0E+20|a1.5|p"
