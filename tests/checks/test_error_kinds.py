"""Every error kind, raised by a real template, and the finding the checks make of it.

The kind is set where the error is raised, and the syntax and render checks map it to a
rule code through a table: these tests pin both ends, with the finding's exact place.
"""

from __future__ import annotations

from typing import Optional

import pytest

import brazelint
from brazelint.checks.positions import Reporter
from brazelint.checks.render_checks import report_render_error
from brazelint.checks.syntax import report_syntax_error
from brazelint.engine.limits import Limits
from brazelint.errors import ErrorKind, TemplateRenderError, TemplateSyntaxError
from brazelint.renderer import Renderer
from brazelint.rules.registry import BOOK

LOOP = "{% for i in (1..10000000) %}{% endfor %}"
DEEP = "{{ a[b[c[d]]] }}"

SYNTAX = [
    # (template, kind, subject, rule, line, column, message, hint)
    (
        "a\n{% assign x = %}",
        ErrorKind.SYNTAX,
        None,
        "BL001",
        2,
        14,
        "expected a primitive expression, found end of expression",
        None,
    ),
    (
        "{% iff x %}{% endif %}",
        ErrorKind.UNKNOWN_TAG,
        "iff",
        "BL002",
        1,
        4,
        "unknown tag 'iff'",
        "did you mean 'if'?",
    ),
    (
        "{% if x %}{% endfor %}{% endif %}",
        ErrorKind.MISPLACED_TAG,
        "endfor",
        "BL001",
        1,
        14,
        "unexpected tag 'endfor'",
        "'endfor' closes no open block here: remove it, or add the tag it closes",
    ),
    (
        "{% case x %}\n{% if y %}{% endif %}{% endcase %}",
        ErrorKind.MISPLACED_TAG,
        "if",
        "BL001",
        2,
        4,
        "unexpected tag 'if'",
        "'if' is not allowed here: check the block it belongs to",
    ),
    (
        "Hi\n  {% include 'footer' %}",
        ErrorKind.UNSUPPORTED_TAG,
        "include",
        "BL003",
        2,
        6,
        "'include' is not supported in Braze; share markup with a Content Block: "
        "{{content_blocks.${name}}}",
        None,
    ),
    (
        "{% if x %}\n  open",
        ErrorKind.UNCLOSED_BLOCK,
        "endif",
        "BL001",
        1,
        4,
        "expected tag endif, found end of expression",
        "add {% endif %} to close the block opened here",
    ),
    (
        "line one\n{{ ${user_id} | sha2",
        ErrorKind.UNCLOSED_OUTPUT,
        None,
        "BL001",
        2,
        1,
        "expected '}}', found end of file",
        "close the output statement with }}",
    ),
    (
        "x\n{% if x ",
        ErrorKind.UNCLOSED_TAG,
        None,
        "BL001",
        2,
        1,
        "missing tag name or closing delimiter",
        "close the tag with %}",
    ),
    (
        "{{ a && b }}",
        ErrorKind.UNEXPECTED_CHARACTER,
        "&",
        "BL001",
        1,
        6,
        "unexpected '&'",
        "Braze conditions use 'and' / 'or', not && / ||",
    ),
    (
        "{{ a | plus: {b} }}",
        ErrorKind.UNEXPECTED_CHARACTER,
        "{",
        "BL001",
        1,
        14,
        "unexpected '{'",
        "an output is {{ value | filter }}: two braces, with every filter inside them",
    ),
    (
        DEEP,
        ErrorKind.LIMIT,
        None,
        "BL001",
        1,
        9,
        "brackets nested deeper than the nesting_depth limit (2)",
        "raise the limit under [tool.brazelint.limits] if the template really needs it",
    ),
]


@pytest.mark.parametrize(
    ("source", "kind", "subject", "rule", "line", "column", "message", "hint"), SYNTAX
)
def test_a_parse_error_has_its_kind_and_the_rule_of_that_kind(
    source: str,
    kind: ErrorKind,
    subject: Optional[str],
    rule: str,
    line: int,
    column: int,
    message: str,
    hint: Optional[str],
) -> None:
    renderer = Renderer(limits=Limits(nesting_depth=2) if source == DEEP else None)
    with pytest.raises(TemplateSyntaxError) as caught:
        renderer.parse(source)
    error = caught.value
    assert (error.kind, error.subject) == (kind, subject)
    reporter = Reporter("t.liquid", source, BOOK)
    report_syntax_error(error, reporter)
    [found] = reporter.found
    assert (found.code, found.line, found.column, found.message, found.hint) == (
        rule,
        line,
        column,
        message,
        hint,
    )


RENDER = [
    # (template, kind, subject, rule, line, column, message)
    (
        "{{ 'a' | upcas }}",
        ErrorKind.UNKNOWN_FILTER,
        "upcas",
        "BL301",
        1,
        10,
        "unknown filter 'upcas'",
    ),
    (
        "x\n{{ 'a' | camelize }}",
        ErrorKind.UNSUPPORTED_FILTER,
        "camelize",
        "BL301",
        2,
        10,
        "filter 'camelize' is not supported in Braze; use capitalize, or upcase/downcase "
        "with replace",
    ),
    (
        "{{ 1 | divided_by: 0 }}",
        ErrorKind.FILTER_ARGUMENT,
        None,
        "BL301",
        1,
        8,
        "divided_by: can't divide by 0",
    ),
    (
        "{{ 'a' | upcase: 1, 2 }}",
        ErrorKind.FILTER_ARGUMENT,
        None,
        "BL301",
        1,
        10,
        "filter 'upcase' takes no arguments, got 2",
    ),
    (
        "{{ x | md5: 1 }}",
        ErrorKind.FILTER_ARGUMENT,
        None,
        "BL301",
        1,
        8,
        "filter 'md5' takes no arguments, got 1",
    ),
    (
        "{% assign a = 'x' %}{% if a > 1 %}{% endif %}",
        ErrorKind.TYPE,
        None,
        "BL301",
        1,
        29,
        "'<' and '>' are not supported between 'int' and 'str'",
    ),
    (
        "Loop:\n" + LOOP,
        ErrorKind.LIMIT,
        None,
        "BL302",
        2,
        13,
        "range (1..10000000) has 10000000 items, more than limits.loop_iterations (50000)",
    ),
    (
        "{% for i in (1..99999999999999999999) %}{{i}}{% endfor %}",
        ErrorKind.LIMIT,
        None,
        "BL302",
        1,
        13,
        "a number is too large (range bounds, limit and offset must fit in 64 bits)",
    ),
    (
        "{% assign n = 10 %}{% for i in (1..4400) %}{% assign n = n | times: 10 %}"
        "{% endfor %}{{ n }}",
        ErrorKind.LIMIT,
        None,
        "BL302",
        1,
        86,
        "a number has more than 4,300 digits",
    ),
    (
        "{% assign u = 'ftp://x' %}{% connected_content {{u}} :save r %}",
        ErrorKind.CONNECTED_CONTENT,
        None,
        "BL301",
        1,
        30,
        "connected_content URL must start with http:// or https://, got 'ftp://x'",
    ),
    (
        "{% catalog_items nope 1 %}",
        ErrorKind.RENDER,
        None,
        "BL301",
        1,
        4,
        "catalog 'nope' has no fixture (add catalogs/nope.yaml or .json)",
    ),
    (
        "{% for i in (1..3) limit:-1 %}{{i}}{% endfor %}",
        ErrorKind.INTERNAL,
        None,
        "BL301",
        1,
        8,
        "brazelint could not check this input (ValueError: Stop argument for islice() must "
        "be None or an integer: 0 <= x <= sys.maxsize.)",
    ),
]


@pytest.mark.parametrize(("source", "kind", "subject", "rule", "line", "column", "message"), RENDER)
def test_a_render_error_has_its_kind_and_the_rule_of_that_kind(
    source: str,
    kind: ErrorKind,
    subject: Optional[str],
    rule: str,
    line: int,
    column: int,
    message: str,
) -> None:
    renderer = Renderer()
    with pytest.raises(TemplateRenderError) as caught:
        renderer.render(renderer.parse(source))
    error = caught.value
    assert (error.kind, error.subject) == (kind, subject)
    reporter = Reporter("t.liquid", source, BOOK)
    report_render_error(error, "known_user", reporter)
    [found] = reporter.found
    assert (found.code, found.line, found.column, found.message) == (rule, line, column, message)


def test_every_kind_is_raised_by_some_template() -> None:
    raised = {row[1] for row in SYNTAX} | {row[1] for row in RENDER} | {ErrorKind.CONFIG}
    assert raised == set(ErrorKind)


def test_a_configuration_error_is_a_config_kind() -> None:
    with pytest.raises(brazelint.ConfigError) as caught:
        brazelint.render("x", now="yesterday")
    assert caught.value.kind is ErrorKind.CONFIG
    assert caught.value.message == "invalid --now value 'yesterday'"


def test_the_kind_values_are_stable_names() -> None:
    assert [kind.value for kind in ErrorKind] == [
        "syntax",
        "unknown-tag",
        "misplaced-tag",
        "unsupported-tag",
        "unclosed-block",
        "unclosed-output",
        "unclosed-tag",
        "unexpected-character",
        "unknown-filter",
        "unsupported-filter",
        "filter-argument",
        "type",
        "limit",
        "connected-content",
        "render",
        "config",
        "internal",
    ]
