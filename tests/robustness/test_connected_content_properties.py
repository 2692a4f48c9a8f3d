"""Properties of the Connected Content option scanner (engine/tags/connected_content.py).

Arbitrary markup after ``{% connected_content`` either parses into options of the right
shape or fails with ``LiquidSyntaxError``, which becomes a ``TemplateSyntaxError``
pointing inside the template; never any other exception.
"""

from __future__ import annotations

from hypothesis import assume, example, given
from hypothesis import strategies as st
from liquid.exceptions import LiquidSyntaxError
from liquid.token import TOKEN_TAG, Token

import brazelint
from brazelint.engine.environment import BrazeEnvironment
from brazelint.engine.tags._markup import Markup
from brazelint.engine.tags.connected_content import ConnectedContentNode, _Parser
from brazelint.renderer import Renderer, to_brazelint_error
from robustness.helpers import assert_position_in
from robustness.strategies import SETTINGS

# fmt: off
PIECES = [
    ":save", ":method", ":headers", ":body", ":content_type", ":basic_auth",
    ":auth_credentials", ":cache_max_age", ":cache", ":no_cache", ":retry", ":rerender",
    ":", ":sav", " ", "\n", "\t", "https://api.example.com/v1", "http://x", "ftp://x", "{{",
    "}}", "{%", "{", "}", '"', "'", "\\", "r", "1", "-1", "post", "GET", "put", "${", "{{x}}",
    "{{ ${user_id} | url_param_escape }}", '{"a": "b"}', '{"a": "{{x}}"}', '{"a":', "a=1&b=2",
    "=", "&", ",", "é",
]
# fmt: on
markup_text = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(PIECES), max_size=16).map("".join),
    st.lists(st.sampled_from(PIECES), max_size=16).map(" ".join),
)

ENV = BrazeEnvironment()
TAG = ENV.tags["connected_content"]
PREFIX = "{% connected_content "
RENDERER = Renderer()


def _scan(text: str) -> tuple[str, ConnectedContentNode]:
    source = PREFIX + text + " %}"
    tag = Token(TOKEN_TAG, "connected_content", 3, source)
    node = _Parser(TAG, Markup(tag, text, len(PREFIX), source)).parse()
    assert isinstance(node, ConnectedContentNode)
    return source, node


@SETTINGS
@given(markup_text)
@example("https://api.example.com/v1 :method post :body a=1 :save r :retry")
@example('https://api.example.com/v1 :headers {"a": "{{x}}"')
@example("https://api.example.com/v1 :cache_max_age -1")
@example(":save r")
def test_scanner_gives_options_or_a_positioned_syntax_error(text: str) -> None:
    try:
        source, node = _scan(text)
    except LiquidSyntaxError as err:
        source = PREFIX + text + " %}"
        converted = to_brazelint_error(err, source, None, syntax=True)
        assert isinstance(converted, brazelint.TemplateSyntaxError)
        assert_position_in(converted, source)
        return
    options = node.options
    assert options.method in ("GET", "POST")
    assert options.cache_seconds is None or options.cache_seconds >= 0
    assert options.save is None or options.save.isidentifier()
    for region in (node.url, options.headers, options.body):
        if region is not None:
            assert 0 <= region.start <= region.end <= len(text)


@SETTINGS
@given(markup_text)
def test_whole_tag_parses_or_raises_template_syntax_error(text: str) -> None:
    assume("%}" not in text)  # would end the tag early: a different template
    source = PREFIX + text + " %}"
    try:
        RENDERER.parse(source)
    except brazelint.TemplateSyntaxError as err:
        assert_position_in(err, source)
