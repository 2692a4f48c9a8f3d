"""The mistakes in Braze's and its partners' published examples, caught on the right line.

Each template in ``tests/fixtures/lint/braze_docs/`` is written here to reproduce one
published mistake (braze-liquid.md §5 item 13; partner-payloads.md §1 items 3-4 and §5.6).
A Liquid syntax error stops rendering, so mistakes that would hide each other live in
separate templates. Every test asserts the complete list of diagnostics for its file, with
lines and columns computed from the fixture text.
"""

from __future__ import annotations

import shutil
from typing import NamedTuple

import pytest
from lintkit import FIXTURES, Project, at, rows, span

from brazelint.checks.diagnostic import Diagnostic

DOCS = FIXTURES / "braze_docs"
REAL = ("anonymous_user", "known_user")
WITH_EMPTY = (*REAL, "empty", "complete")
"""The real profiles and the generated ones that render the body (the adversarial user
only reports what its hostile text breaks)."""
EVERYONE = (*WITH_EMPTY, "adversarial")
SET_BY_REAL = (*REAL, "empty")
"""When the real profiles set every value a body reads and reach all of it, the complete
user is not rendered: its made-up values could only repeat their verdict."""


def lint_doc(project: Project, name: str) -> tuple[str, list[Diagnostic]]:
    """Copy a fixture into the project and lint it there: its text and its diagnostics."""
    shutil.copy(DOCS / name, project.root / name)
    return (DOCS / name).read_text(encoding="utf-8"), project.lint(name)


def where(found: list[Diagnostic]) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in found]


class Mistake(NamedTuple):
    """A fixture and the diagnostics it must give: (code, text the diagnostic points at)."""

    fixture: str
    expected: list[tuple[str, str]]


SYNTAX_AND_SOURCE = [
    Mistake(
        "curly_quotes.liquid",
        [("BL004", "\u201cnow"), ("BL004", "\u20182021")],
    ),
    Mistake("countdown_stray_endif.liquid", [("BL001", "endif %}")]),
    Mistake("countdown_today.liquid", [("BL001", "{{today]]")]),
    # Braze ignores a filter in a condition (the lax parser keeps `cart_items`), so the
    # template renders, and renders nothing for a user without a cart
    Mistake("cart_filter_in_if.liquid", [("BL304", "{%"), ("BL206", "| size")]),
    Mistake("cart_triple_braces.liquid", [("BL001", "{custom_attribute")]),
    Mistake("and_and.liquid", [("BL304", "{%"), ("BL005", "&&")]),
    Mistake("sessionm_wallet_brace.liquid", [("BL001", "{{wallet.payload")]),
    Mistake(
        "sessionm_advanced_settings.liquid",
        [("BL408", "{{CAMPAIGN ID}}"), ("BL408", "{{CANVAS ID}}")],
    ),
]


@pytest.mark.parametrize("mistake", SYNTAX_AND_SOURCE, ids=lambda m: m.fixture)
def test_mistake_is_found_where_it_is(project: Project, mistake: Mistake) -> None:
    source, found = lint_doc(project, mistake.fixture)
    assert where(found) == [(code, *at(source, needle)) for code, needle in mistake.expected]


def test_curly_quotes(project: Project) -> None:
    source, found = lint_doc(project, "curly_quotes.liquid")
    assert rows(found) == [
        ("BL004", *span(source, "\u201c"), "error", (), "typographic quote \u201c in a Liquid tag"),
        ("BL004", *span(source, "\u2018"), "error", (), "typographic quote \u2018 in a Liquid tag"),
    ]
    assert [d.hint for d in found] == [
        'replace it with a straight quote "',
        "replace it with a straight quote '",
    ]


def test_stray_endif(project: Project) -> None:
    source, found = lint_doc(project, "countdown_stray_endif.liquid")
    assert rows(found) == [("BL001", *span(source, "endif"), "error", (), "unexpected tag 'endif'")]
    assert found[0].hint == "'endif' closes no open block here: remove it, or add the tag it closes"


def test_output_closed_with_square_brackets(project: Project) -> None:
    source, found = lint_doc(project, "countdown_today.liquid")
    line, column = at(source, "{{today]]")
    line_text = source.splitlines()[line - 1]
    assert rows(found) == [
        ("BL001", line, column, len(line_text) + 1, "error", (), "expected '}}', found end of file")
    ]


def test_unquoted_abort_reason(project: Project) -> None:
    source, found = lint_doc(project, "birthday_abort.liquid")
    reason = span(source, "not same month")
    tag = at(source, "abort_message")
    assert rows(found) == [
        ("BL303", *tag, tag[1], "info", REAL, "message aborted: not same month"),
        (
            "BL106",
            *reason,
            "warning",
            (),
            "abort_message reason 'not same month' is not a quoted string",
        ),
    ]


def test_filter_inside_if(project: Project) -> None:
    source, found = lint_doc(project, "cart_filter_in_if.liquid")
    line, column = at(source, "| size")
    assert rows(found, "BL206") == [
        (
            "BL206",
            line,
            column,
            column + 1,
            "error",
            (),
            "filters are not allowed in an 'if' condition",
        )
    ]


def test_triple_braces(project: Project) -> None:
    source, found = lint_doc(project, "cart_triple_braces.liquid")
    line_text = source.splitlines()[1]
    third_brace = line_text.index("{{{") + 3
    assert rows(found) == [
        ("BL001", 2, third_brace, third_brace + 1, "error", (), "unexpected '{'")
    ]
    assert found[0].hint == (
        "an output is {{ value | filter }}: two braces, with every filter inside them"
    )


def test_double_ampersand(project: Project) -> None:
    """Braze keeps `${first_name} != blank` and drops `&& …` (lax Ruby Liquid): BL005, not a
    syntax error."""
    source, found = lint_doc(project, "and_and.liquid")
    line, column = at(source, "&&")
    assert rows(found, "BL005", "BL001") == [
        (
            "BL005",
            line,
            column,
            column + 2,
            "error",
            (),
            "'&&' is not a Liquid operator; Braze keeps only the comparison before it and "
            "ignores the rest of the condition",
        )
    ]
    assert found[-1].hint == "write 'and' instead of '&&'"


def test_timezone_for_time_zone(project: Project) -> None:
    """``${timezone}`` is no attribute: it renders empty, which the schema's pattern refuses."""
    source, found = lint_doc(project, "movable_ink_identify_timezone.liquid")
    placeholder = at(source, '{{${timezone}}}"')
    assert rows(found) == [
        (
            "BL407",
            *placeholder,
            placeholder[1] + 1,
            "error",
            SET_BY_REAL,
            "$.timezone is empty for this profile; the schema requires a value",
        ),
        (
            "BL201",
            *span(source, "${timezone}"),
            "error",
            (),
            "${timezone} is not a Braze standard attribute; it renders empty for every user",
        ),
    ]
    assert found[1].hint == "did you mean ${time_zone}?"


def test_missing_closing_brace(project: Project) -> None:
    source, found = lint_doc(project, "sessionm_wallet_brace.liquid")
    line, column = at(source, "{{wallet.payload.available_points}")
    assert where(found) == [("BL001", line, column)]
    assert found[0].message == "expected '}}', found end of file"
    assert found[0].hint == "close the output statement with }}"


URL_PROFILES = ("anonymous_user", "known_user", "empty", "complete", "adversarial")
"""A webhook's URL renders for the users its body renders for: the real ones and the
generated ones, the complete user included (made from what the body reads)."""


def test_postman_placeholders_in_webhook_url(project: Project) -> None:
    source, found = lint_doc(project, "sessionm_tags.webhook.yaml")
    host = at(source, "{{endpoint_core}}")
    segment = at(source, "{{appkey_core}}")
    undefined = "'{}' is never assigned and Braze does not define it; it renders empty"
    assert rows(found) == [
        (
            "BL411",
            *host,
            host[1] + 1,
            "error",
            URL_PROFILES,
            "the webhook URL has no host: the value that names it rendered empty",
        ),
        ("BL202", *span(source, "endpoint_core"), "error", (), undefined.format("endpoint_core")),
        (
            "BL411",
            *segment,
            segment[1] + 1,
            "error",
            URL_PROFILES,
            "the webhook URL has an empty path segment: a value in the path rendered empty",
        ),
        ("BL202", *span(source, "appkey_core"), "error", (), undefined.format("appkey_core")),
    ]
    # the rendered URL is the excerpt (the first profile's), not part of the message
    assert found[0].excerpt == "https:///priv/v1/apps//users/anonymous/tags"


def test_movable_ink_sample_body_has_exactly_three_json_mistakes(project: Project) -> None:
    source, found = lint_doc(project, "movable_ink_track.liquid")
    lines = source.splitlines()
    comment = at(source, "// Converts")
    user_line = line_of(lines, '"user_id": "{{user_identifier}}"')
    type_line = line_of(lines, '"type": "track",')
    assert rows(found) == [
        (
            "BL401",
            *comment,
            comment[1],
            "error",
            SET_BY_REAL,
            'comment "// Converts the timestamp to milliseconds for M\u2026" is not valid JSON',
        ),
        (
            "BL401",
            user_line,
            len(lines[user_line - 1]) + 1,
            len(lines[user_line - 1]) + 1,
            "error",
            SET_BY_REAL,
            'missing comma before "type"',
        ),
        (
            "BL401",
            type_line,
            lines[type_line - 1].index(",") + 1,
            lines[type_line - 1].index(",") + 1,
            "error",
            SET_BY_REAL,
            "trailing comma before '}'",
        ),
    ]
    assert found[0].hint == (
        "Liquid has no // comments: wrap the line in {% comment %}\u2026{% endcomment %}"
    )


def test_quoted_price_and_seconds_as_string_timestamp(project: Project) -> None:
    source, found = lint_doc(project, "movable_ink_quoted_values.liquid")
    timestamp = at(source, "{{timestamp}}")
    price = at(source, "{{event_properties.${price}}}")
    assert rows(found, "BL404", "BL405") == [
        (
            "BL405",
            *timestamp,
            timestamp[1] + 1,
            "error",
            SET_BY_REAL,
            "$.timestamp is a time in seconds; the partner expects milliseconds",
        ),
        (
            "BL404",
            *price,
            price[1] + 1,
            "error",
            SET_BY_REAL,
            "$.properties.price is a string; the schema wants a number",
        ),
    ]
    # the anonymous user has no price at all: the quotes hide that too
    assert where(found) == [
        ("BL405", *timestamp),
        ("BL404", *price),
        ("BL203", price[0], price[1] + 2),
    ]


def test_unreplaced_retail_id(project: Project) -> None:
    """The schema's GUID pattern fails too, but BL408 says why; one diagnostic, not two."""
    source, found = lint_doc(project, "sessionm_offers_retail_id.liquid")
    assert rows(found) == [
        (
            "BL408",
            *span(source, "YOUR-RETAIL-ID"),
            "error",
            (),
            "documentation placeholder 'YOUR-RETAIL-ID' was never replaced",
        )
    ]


def test_unreplaced_campaign_id(project: Project) -> None:
    """``{{CAMPAIGN ID}}`` does not even parse as Liquid; BL408 names it instead of BL001."""
    source, found = lint_doc(project, "sessionm_advanced_settings.liquid")
    message = "documentation placeholder '{}' was never replaced"
    assert rows(found) == [
        ("BL408", *span(source, "{{CAMPAIGN ID}}"), "error", (), message.format("{{CAMPAIGN ID}}")),
        ("BL408", *span(source, "{{CANVAS ID}}"), "error", (), message.format("{{CANVAS ID}}")),
    ]


def test_advanced_settings_trailing_comma(project: Project) -> None:
    source, found = lint_doc(project, "sessionm_advanced_settings_trailing_comma.liquid")
    line, column = at(source, '",\n}')
    assert rows(found) == [
        (
            "BL401",
            line,
            column + 1,
            column + 1,
            "error",
            (*REAL, "empty"),
            "trailing comma before '}'",
        )
    ]


def line_of(lines: list[str], text: str) -> int:
    """1-based number of the only line that contains ``text``."""
    [number] = [n for n, line in enumerate(lines, 1) if text in line]
    return number
