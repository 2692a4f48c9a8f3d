"""Remembered expression tokens are exactly python-liquid's, errors and positions included."""

from __future__ import annotations

from typing import Union

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from liquid.builtin.expressions import tokenize
from liquid.exceptions import LiquidSyntaxError
from liquid.stream import TokenStream
from liquid.token import TOKEN_EXPRESSION, Token

from brazelint.engine import expression_tokens as module
from brazelint.engine.expression_tokens import BrazeTokenStream, expression_tokens
from brazelint.errors import TemplateSyntaxError
from brazelint.renderer import Renderer

SPACED = (
    "a b1 first_name ${x} limit offset true nil empty blank and or contains not in for with"
    " as if else required x? a-b é 0 -1 2.5 3. 1..3 (1..n) ( ) [0] [-2] ['k'] [ ] . .. , :"
    " | || == != <> < >= =< ! = 's' \" ' # @ { } % $ \\ 😀"
)
PIECES = [*SPACED.split(), '"d"', '["a b"]', "\uff4cimit", " ", "  ", "\n", "\t", "\r", "\x00"]
PIECES += [
    "2nd",
    "_a",
    "\u0663x",
    "x\u0663",
    "-a",
    "\u00b2",
    "\u2160",
]  # other scripts, superscript, roman

Outcome = Union[list[tuple[str, str, int, str]], tuple[str, str, int]]


def outcome(call: object) -> Outcome:
    """Tokens as plain tuples, or the error's message and the position it points at."""
    try:
        tokens = call()  # type: ignore[operator]
    except LiquidSyntaxError as err:
        assert err.token is not None
        return (str(err.message), err.token.value, err.token.start_index)
    return [(t.kind, t.value, t.start_index, t.source) for t in tokens]


def both(text: str, start: int) -> tuple[Outcome, Outcome]:
    source = " " * start + text
    token = Token(TOKEN_EXPRESSION, text, start, source)
    theirs = outcome(lambda: list(tokenize(text, token)))
    ours = outcome(lambda: expression_tokens(token))
    return theirs, ours


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join) | st.text(max_size=30),
    st.integers(min_value=0, max_value=40),
)
def test_same_tokens_and_errors_as_python_liquid(text: str, start: int) -> None:
    theirs, ours = both(text, start)
    assert ours == theirs
    # a second time comes from the table, moved to another position
    theirs, ours = both(text, start + 7)
    assert ours == theirs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a | default: 'x'",
            [
                ("word", "a", 10),
                ("pipe", "|", 12),
                ("word", "default", 14),
                ("colon", ":", 21),
                ("string", "x", 23),
            ],
        ),
        (
            "x contains [0]",
            [("word", "x", 10), ("contains", "contains", 12), ("identindex", "0", 21)],
        ),
    ],
)
def test_tokens_are_positioned_in_the_source(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    token = Token(TOKEN_EXPRESSION, text, 10, "0123456789" + text)
    assert [(t.kind, t.value, t.start_index) for t in expression_tokens(token)] == expected


def test_refused_expression_is_not_remembered_and_errors_where_it_is() -> None:
    text = "a ! b"
    for start in (3, 11):
        token = Token(TOKEN_EXPRESSION, text, start, "x" * start + text)
        with pytest.raises(LiquidSyntaxError) as caught:
            expression_tokens(token)
        assert caught.value.token is not None
        assert caught.value.token.start_index == start + 2
    assert text not in module._shapes


def test_table_is_dropped_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "_shapes", {})
    monkeypatch.setattr(module, "CACHE_LIMIT", 3)
    for name in ("a", "b", "c", "d"):
        expression_tokens(Token(TOKEN_EXPRESSION, name, 0, name))
    assert list(module._shapes) == ["d"]


def test_syntax_error_in_a_template_keeps_line_and_column() -> None:
    renderer = Renderer()
    source = "{{ a }}\n{% if b %}\n  {{ c | ! }}\n{% endif %}"
    with pytest.raises(TemplateSyntaxError) as caught:
        renderer.parse(source)
    assert (caught.value.line, caught.value.column) == (3, 10)
    assert caught.value.message == "unknown operator '!'"


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=4),
    st.lists(st.sampled_from(["current", "peek", "next", "next_token", "__next__"]), max_size=12),
)
def test_stream_reads_like_python_liquids_past_the_end(size: int, steps: list[str]) -> None:
    """BrazeTokenStream reads as python-liquid's TokenStream does, at every step and past
    the end."""
    tokens = [Token("word", f"w{i}", i, "w0w1w2w3") for i in range(size)]
    ours, theirs = BrazeTokenStream(iter(tokens)), TokenStream(iter(tokens))
    for step in steps:
        read = getattr(ours, step), getattr(theirs, step)
        got = (read[0](), read[1]()) if callable(read[0]) else read
        assert got[0] == got[1]
        assert ours.pos == theirs.pos
