"""Properties of ``brazelint.render`` on arbitrary sources.

Whatever the source, rendering returns a result or raises ``TemplateSyntaxError`` /
``TemplateRenderError`` (``BrazelintError``s) with a ``line`` and ``column`` inside the
source: never an internal exception, never a position past the end.
"""

from __future__ import annotations

from hypothesis import example, given

import brazelint
from robustness.helpers import assert_position_in
from robustness.strategies import (
    CONTENT_BLOCKS,
    GLOBALS,
    PROFILE,
    SETTINGS,
    STUBS,
    any_text,
    templates,
)

NOW = "2026-01-01T00:00:00Z"


def _check_render(source: str) -> None:
    try:
        result = brazelint.render(
            source,
            PROFILE,
            now=NOW,
            stubs=STUBS,
            globals=GLOBALS,
            content_blocks=CONTENT_BLOCKS,
        )
    except (brazelint.TemplateSyntaxError, brazelint.TemplateRenderError) as err:
        assert_position_in(err, source)
    else:
        assert isinstance(result.output, str)
        assert result.output == "" or not result.aborted


@SETTINGS
@given(any_text)
@example("")
@example("\ufeff{{ x }}")
@example("a\r\nb\r\n{{ x | upcas }}")
@example("a\x0cb\u2028c\n{{ x | upcas }}")
def test_arbitrary_text_renders_or_fails_inside_the_source(source: str) -> None:
    try:
        brazelint.render(source, {}, now=NOW, stubs=[])
    except brazelint.BrazelintError as err:
        assert isinstance(err, (brazelint.TemplateSyntaxError, brazelint.TemplateRenderError))
        assert_position_in(err, source)


@SETTINGS
@given(templates)
# regressions: python-liquid filters that let Python exceptions escape
@example("{{ 'abc' | sum }}")
@example("{{ '1e400' | times: 0 }}")
@example("{{ 'nan' | round }}")
@example("{{ 'gA==' | base64_decode }}")
@example("{{ 1 | concat: x }}")
@example("{{ event_properties.${items} | compact: 0 }}")
def test_grammar_templates_render_or_fail_inside_the_source(source: str) -> None:
    _check_render(source)
