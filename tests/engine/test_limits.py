"""Every limit stops a runaway template with an error that names the limit."""

from __future__ import annotations

import pytest

import brazelint
from brazelint.engine.limits import Limits
from brazelint.renderer import Renderer


def _render_error(template: str, **limits: float) -> brazelint.BrazelintError:
    renderer = Renderer(limits=Limits(**limits))  # type: ignore[arg-type]
    with pytest.raises(brazelint.BrazelintError) as info:
        renderer.render(template)
    return info.value


def test_cumulative_loop_iterations() -> None:
    # 5 sequential loops of 30 pass python-liquid's own (nested-only) limit of 100.
    template = "{% for a in (1..5) %}{% for b in (1..30) %}{% endfor %}{% endfor %}"
    err = _render_error(template, loop_iterations=100)
    assert "more than 100 iterations" in err.message
    assert "limits.loop_iterations" in err.message


def test_loop_limit_allows_exactly_the_limit() -> None:
    renderer = Renderer(limits=Limits(loop_iterations=10))
    assert renderer.render("{% for i in (1..10) %}{{i}}{% endfor %}").output == "12345678910"


def test_huge_range_in_a_filter() -> None:
    err = _render_error("{{ (1..999999999) | join: ',' }}", loop_iterations=1000)
    assert err.message == (
        "range (1..999999999) has 999999999 items, more than limits.loop_iterations (1000)"
    )
    assert (err.line, err.column) == (1, 4)


def test_output_size() -> None:
    err = _render_error("{% for i in (1..100) %}0123456789{% endfor %}", output_bytes=500)
    assert err.message == "output is larger than limits.output_bytes (500 bytes)"
    assert isinstance(err, brazelint.TemplateRenderError)


def test_capture_counts_toward_output_size() -> None:
    err = _render_error(
        "{% capture c %}{% for i in (1..100) %}0123456789{% endfor %}{% endcapture %}",
        output_bytes=500,
    )
    assert err.message == "output is larger than limits.output_bytes (500 bytes)"


def test_output_size_counts_utf8_bytes() -> None:
    renderer = Renderer(limits=Limits(output_bytes=10))
    assert renderer.render("ééééé").output == "ééééé"  # 10 bytes
    with pytest.raises(brazelint.TemplateRenderError):
        renderer.render("éééééx")


def test_runaway_string_growth_stops() -> None:
    template = "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}"
    err = _render_error(template, assigned_bytes=1_000_000)
    assert err.message == "assigned values exceed limits.assigned_bytes (1000000)"


def test_reassigning_does_not_count_twice() -> None:
    template = "{% for i in (1..1000) %}{% assign s = 'xxxxxxxxxxxxxxxxxxxx' %}{% endfor %}ok"
    assert Renderer(limits=Limits(assigned_bytes=1000)).render(template).output == "ok"


def test_block_nesting_depth() -> None:
    template = "{% if true %}" * 12 + "x" + "{% endif %}" * 12
    err = _render_error(template, nesting_depth=10)
    assert isinstance(err, brazelint.TemplateSyntaxError)
    assert "nesting limit" in err.message


def test_bracket_nesting_depth() -> None:
    template = "{{ a" + "[b" * 40 + "]" * 40 + " }}"
    err = _render_error(template, nesting_depth=30)
    assert err.message == "brackets nested deeper than the nesting_depth limit (30)"
    assert (err.line, err.column) == (1, 65)


def test_wall_clock_deadline() -> None:
    template = "{% for i in (1..200000) %}{{ i | plus: 1 | minus: 1 }}{% endfor %}"
    err = _render_error(
        template, render_seconds=0.05, loop_iterations=1_000_000, output_bytes=10**8
    )
    assert "limits.render_seconds" in err.message


def test_limits_from_config_reject_unknown_keys() -> None:
    with pytest.raises(brazelint.ConfigError) as info:
        Limits.from_mapping({"loops": 5}, where="brazelint.toml")
    assert info.value.message == "brazelint.toml: unknown limit 'loops'"
    with pytest.raises(brazelint.ConfigError):
        Limits.from_mapping({"loop-iterations": -1}, where="brazelint.toml")
    assert Limits.from_mapping({"loop-iterations": 7}, where="x").loop_iterations == 7
