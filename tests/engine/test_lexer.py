"""The Braze lexer keeps original offsets and rewrites Braze syntax to equal length."""

from __future__ import annotations

import re
import time

import pytest
from liquid.exceptions import LiquidSyntaxError
from liquid.token import TOKEN_CONTENT, TOKEN_EXPRESSION, TOKEN_OUTPUT, TOKEN_TAG

from brazelint.engine.lexer import BrazeLexer

LEXER = BrazeLexer()


@pytest.mark.parametrize(
    ("expression", "rewritten"),
    [
        ("${first_name}", "  first_name "),
        ("custom_attribute.${tier}", "custom_attribute.  tier "),
        ("custom_attribute.${Brands Viewed}[0]", 'custom_attribute["Brands Viewed"][0]'),
        ("custom_attribute.${it's}", 'custom_attribute["it\'s"]'),
        ("{{${email_address}}} | md5", "    email_address    | md5"),
        ("x | append: '${literal}'", "x | append: '${literal}'"),
        ("${odd name} | upcase", '["odd name"]| upcase'),
    ],
)
def test_rewrite_is_same_length_plain_liquid(expression: str, rewritten: str) -> None:
    assert LEXER.rewrite(expression, 0, len(expression)) == rewritten
    assert len(rewritten) == len(expression)


def test_tokens_point_into_the_original_source() -> None:
    source = "Hi {{${first_name}}}!\n{% if {{${user_id}}} %}{{custom_attribute.${a b}}}{% endif %}"
    tokens = list(LEXER(source))
    assert [(t.kind, t.start_index) for t in tokens] == [
        (TOKEN_CONTENT, 0),
        (TOKEN_OUTPUT, source.index("{{${first")),
        (TOKEN_EXPRESSION, source.index("${first")),
        (TOKEN_CONTENT, source.index("!")),
        (TOKEN_TAG, source.index("if")),
        (TOKEN_EXPRESSION, source.index("{{${user")),
        (TOKEN_OUTPUT, source.index("{{custom")),
        (TOKEN_EXPRESSION, source.index("custom")),
        (TOKEN_TAG, source.index("endif")),
    ]
    for token in tokens:
        assert token.source is source
        if token.kind == TOKEN_EXPRESSION:
            original = source[token.start_index : token.start_index + len(token.value)]
            assert len(original) == len(token.value)


def test_raw_argument_tags_keep_their_markup() -> None:
    source = "{% abort_message('${x} {{y}}') %}{% connected_content https://x.test/{{${user_id}}} :save r %}"
    expressions = [t.value for t in LEXER(source) if t.kind == TOKEN_EXPRESSION]
    assert expressions == ["('${x} {{y}}')", "https://x.test/{{${user_id}}} :save r"]


def test_region_tokenizing_keeps_offsets() -> None:
    source = "0123{{ a }}89"
    tokens = list(LEXER.tokenize(source, 4, 11))
    assert [(t.kind, t.value, t.start_index) for t in tokens] == [
        (TOKEN_OUTPUT, "{{ a }}", 4),
        (TOKEN_EXPRESSION, "a", 7),
    ]


def test_nested_output_is_one_statement() -> None:
    source = "{{ a | plus: {{b}} }}c"
    tokens = list(LEXER(source))
    assert [(t.kind, t.value) for t in tokens] == [
        (TOKEN_OUTPUT, "{{ a | plus: {{b}} }}"),
        (TOKEN_EXPRESSION, "a | plus:   b  "),
        (TOKEN_CONTENT, "c"),
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # content stops just before a final newline, like python-liquid's `$`
        (
            "a{{x}}b\n",
            [
                ("content", "a", 0),
                ("output", "{{x}}", 1),
                ("expression", "x", 3),
                ("content", "b", 6),
                ("content", "\n", 7),
            ],
        ),
        # blanks and whitespace-control dashes around tag and output markup
        (
            "{%- if  a b -%}\n x {{- y }}",
            [
                ("tag", "if", 4),
                ("expression", "a b", 8),
                ("content", "x", 15),
                ("output", "{{- y }}", 19),
                ("expression", "y", 23),
            ],
        ),
        ("{% if-%} {%#note %}", [("tag", "if", 3), ("tag", "#", 11), ("expression", "note", 12)]),
        (
            "{{-  -}}|{{ - }}|{{ a -}} |",
            [
                ("output", "{{-  -}}", 0),
                ("expression", "", 3),
                ("content", "|", 8),
                ("output", "{{ - }}", 9),
                ("expression", "-", 12),
                ("content", "|", 16),
                ("output", "{{ a -}}", 17),
                ("expression", "a", 20),
                ("content", "|", 25),
            ],
        ),
        # a `}}` inside a quoted string still closes the statement
        (
            "{{ ${first_name} | default: 'x}}' }}",
            [
                ("output", "{{ ${first_name} | default: 'x}}", 0),
                ("expression", "  first_name  | default: 'x", 3),
                ("content", "' }}", 32),
            ],
        ),
        # inside a comment, markup that swallows an endcomment still does
        (
            "{% comment %}{{ '{% endcomment %}' }}{% endcomment %}x",
            [
                ("tag", "comment", 3),
                ("comment", "{{ '{% endcomment %}' }}", 13),
                ("tag", "endcomment", 40),
                ("content", "x", 53),
            ],
        ),
        (
            "{% comment %}{% raw %}{% endcomment %}{% endraw %}{% comment %}{% endcomment %}"
            "{% endcomment %}x",
            [
                ("tag", "comment", 3),
                (
                    "comment",
                    "{% raw %}{% endcomment %}{% endraw %}{% comment %}{% endcomment %}",
                    13,
                ),
                ("tag", "endcomment", 82),
                ("content", "x", 95),
            ],
        ),
        # raw takes its strip flag from the opening tag, doc from the closing one
        ("{% raw -%} x {% endraw %} y", [("content", " x ", 0), ("content", "y", 25)]),
        ("{%- doc %} d {% enddoc -%} y", [("doc", " d ", 0), ("content", "y", 26)]),
        (
            "{{ {% abort_message('no') %} }}z",
            [("tag", "abort_message", 6), ("expression", "('no')", 19), ("content", "z", 31)],
        ),
    ],
)
def test_token_boundaries_match_python_liquid_rules(
    source: str, expected: list[tuple[str, str, int]]
) -> None:
    assert [(t.kind, t.value, t.start_index) for t in LEXER(source)] == expected


@pytest.mark.parametrize(
    ("source", "message", "start"),
    [
        ("{{ x", "expected '}}', found end of file", 0),
        ("x {% if", "missing tag name or closing delimiter", 2),
        ("{{ ${a }}", "expected '}}', found end of file", 0),
    ],
)
def test_unclosed_markup_fails_where_it_opens(source: str, message: str, start: int) -> None:
    with pytest.raises(LiquidSyntaxError, match=re.escape(message)) as info:
        list(LEXER(source))
    assert info.value.token is not None
    assert info.value.token.start_index == start


@pytest.mark.parametrize("opener", ["{{", "{{-", "{%", "{% if", "{{ ${a}"])
def test_unclosed_markup_with_long_blank_runs_does_not_hang(opener: str) -> None:
    # A backtracking pattern is cubic here: 2,000 blanks once took 23 s, 60,000 would take
    # years. The bound is a hang guard, far above any machine's time for a linear scan.
    source = opener + " \t\n" * 20_000 + "x"
    started = time.perf_counter()
    with pytest.raises(LiquidSyntaxError):
        list(LEXER(source))
    assert time.perf_counter() - started < 30
