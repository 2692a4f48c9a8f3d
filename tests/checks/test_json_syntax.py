"""The strict JSON check of rendered webhook bodies: every problem, once, at the right place."""

from __future__ import annotations

import json

import pytest

from brazelint.checks.json_model import JsonProblem
from brazelint.checks.json_syntax import parse_json


def kinds(text: str) -> list[tuple[str, int, int]]:
    return [(p.kind, p.start, p.end) for p in parse_json(text).problems]


def only_problem(text: str) -> JsonProblem:
    problems = parse_json(text).problems
    assert len(problems) == 1, problems
    return problems[0]


MOVABLE_INK_BODY = """\
{
  // Converts the timestamp to milliseconds
  "timestamp": 1718000000000,
  "user_id": "u-1"
  "event": "product_viewed",
  "properties": {"id": "56544", "price": 1.99},
  "type": "track",
}
"""


def test_movable_ink_body_with_three_mistakes_has_exactly_three_problems() -> None:
    text = MOVABLE_INK_BODY
    doc = parse_json(text)
    comment = text.index("// Converts")
    event = text.index('"event"')
    trailing = text.index('"track",') + len('"track"')
    assert [(p.kind, p.start, p.end) for p in doc.problems] == [
        ("comment", comment, text.index("\n", comment)),
        ("missing-comma", event, event + len('"event"')),
        ("trailing-comma", trailing, trailing + 1),
    ]
    comment_problem, comma, trailing_comma = doc.problems
    assert comment_problem.message == (
        'comment "// Converts the timestamp to milliseconds" is not valid JSON'
    )
    assert comment_problem.hint == (
        "Liquid has no // comments: wrap the line in {% comment %}…{% endcomment %}"
    )
    assert comma.message == 'missing comma before "event"'
    assert comma.hint == "add a comma after the previous value"
    assert trailing_comma.message == "trailing comma before '}'"
    assert trailing_comma.hint == "remove the comma: JSON allows no comma before a closing bracket"
    assert not doc.ok
    assert doc.value == {
        "timestamp": 1718000000000,
        "user_id": "u-1",
        "event": "product_viewed",
        "properties": {"id": "56544", "price": 1.99},
        "type": "track",
    }


# -- one test per kind -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\n  \t\r\n"])
def test_empty_document(text: str) -> None:
    doc = parse_json(text)
    assert doc.value is None
    assert [(p.kind, p.start, p.end) for p in doc.problems] == [("empty-document", 0, len(text))]
    assert doc.problems[0].hint == "the template rendered nothing for this profile"


def test_stray_text_before_the_object() -> None:
    text = 'Hello {"a": 1}'
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == ("stray-text", 0, len("Hello"))
    assert problem.message == 'unexpected text "Hello": it is not JSON'
    assert parse_json(text).value == {"a": 1}


def test_stray_line_inside_an_object_runs_to_the_end_of_the_line() -> None:
    text = '{\n  Converts the timestamp, to ms\n  "a": 1\n}'
    start = text.index("Converts")
    assert kinds(text) == [("stray-text", start, text.index("\n", start))]
    assert parse_json(text).value == {"a": 1}


def test_block_comment_is_reported_once_and_skipped() -> None:
    text = '{"a": /* the id */ 1}'
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == (
        "comment",
        text.index("/*"),
        text.index("*/") + 2,
    )
    assert problem.message == 'comment "/* the id */" is not valid JSON'
    assert parse_json(text).value == {"a": 1}


def test_missing_comma_between_array_elements() -> None:
    text = '[1 2, {"a": 1} {"b": 2}]'
    assert kinds(text) == [
        ("missing-comma", text.index("2"), text.index("2") + 1),
        ("missing-comma", text.index('{"b"'), text.index('{"b"') + 1),
    ]
    assert parse_json(text).value == [1, 2, {"a": 1}, {"b": 2}]


def test_missing_comma_on_one_line() -> None:
    text = '{"a": "x" "b": 1}'
    assert kinds(text) == [("missing-comma", text.index('"b"'), text.index('"b"') + 3)]


def test_trailing_comma_in_array() -> None:
    text = "[\n  1,\n  2,\n]"
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == (
        "trailing-comma",
        text.index("2,") + 1,
        text.index("2,") + 2,
    )
    assert problem.message == "trailing comma before ']'"
    assert parse_json(text).value == [1, 2]


def test_unquoted_value() -> None:
    text = '{\n  "name": Jane,\n  "tier": gold level\n}'
    doc = parse_json(text)
    name, tier = doc.problems
    assert (name.kind, name.start, name.end) == (
        "unquoted-value",
        text.index("Jane"),
        text.index("Jane") + 4,
    )
    assert name.message == 'unquoted value "Jane" for "name"'
    assert name.hint == 'quote it: "{{ … | json_escape }}"'
    assert (tier.kind, tier.start, tier.end) == (
        "unquoted-value",
        text.index("gold"),
        text.index("gold level") + len("gold level"),
    )
    assert doc.value == {"name": "Jane", "tier": "gold level"}


def test_number_followed_by_text_is_one_unquoted_value() -> None:
    text = '{"price": 1.99 USD, "phone": 555 1234}'
    assert kinds(text) == [
        ("unquoted-value", text.index("1.99"), text.index(" USD") + 4),
        ("unquoted-value", text.index("555"), text.index("1234") + 4),
    ]


def test_miscased_literal_gets_the_lowercase_spelling() -> None:
    text = '{"opted_in": True, "x": None}'
    doc = parse_json(text)
    assert [p.hint for p in doc.problems] == ["JSON spells it true", "JSON spells it null"]
    assert doc.value == {"opted_in": True, "x": None}


def test_unquoted_url_value_is_one_problem() -> None:
    text = '{"url": https://shop.example.com/p?id=1, "b": 2}'
    start = text.index("https")
    assert kinds(text) == [("unquoted-value", start, text.index(", "))]
    assert parse_json(text).value == {"url": "https://shop.example.com/p?id=1", "b": 2}


def test_value_missing_its_opening_quote() -> None:
    text = '{\n  "id": 56544",\n  "at": 2024-03-01T12:00:00Z"\n}'
    doc = parse_json(text)
    assert [(p.kind, p.start, p.end) for p in doc.problems] == [
        ("unquoted-value", text.index("56544"), text.index('56544"') + 6),
        ("unquoted-value", text.index("2024"), text.index('Z"') + 2),
    ]
    assert doc.problems[0].message == 'value "56544" for "id" is missing its opening quote'
    assert doc.problems[0].hint == 'add the quote: "56544"'
    assert doc.value == {"id": "56544", "at": "2024-03-01T12:00:00Z"}


def test_number_with_thousands_separators_in_an_object() -> None:
    text = '{"revenue": 1,299.00, "count": 2}'
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == (
        "invalid-number",
        text.index("1,299"),
        text.index(".00") + 3,
    )
    assert problem.message == 'invalid number "1,299.00"'
    assert problem.hint == "remove the thousands separators: JSON numbers have none"
    assert parse_json(text).value == {"revenue": 1299.0, "count": 2}


def test_commas_between_digits_in_an_array_separate_numbers() -> None:
    text = "[1,299, oops]"
    assert kinds(text) == [("unquoted-value", text.index("oops"), text.index("oops") + 4)]
    assert parse_json(text).value == [1, 299, "oops"]


def test_ruby_printed_hash_is_reported_once_per_hash() -> None:
    text = '{"attrs": {"tier"=>"gold", "pts"=>nil, "x"=>{"y"=>[1, nil]}}, "z": nil}'
    doc = parse_json(text)
    arrow = text.index("=>")
    assert [(p.kind, p.start, p.end) for p in doc.problems] == [
        ("ruby-hash", arrow, arrow + 2),
        ("unquoted-value", text.rindex("nil"), text.rindex("nil") + 3),
    ]
    assert doc.problems[0].message == "a hash printed the Ruby way: '=>' is not JSON"
    assert doc.problems[0].hint == "print the object as JSON with | as_json_string"
    assert doc.problems[1].hint == "JSON spells it null"
    assert doc.value == {"attrs": {"tier": "gold", "pts": None, "x": {"y": [1, None]}}, "z": None}


def test_empty_value_before_comma() -> None:
    text = '{\n  "price": ,\n  "currency": "USD"\n}'
    problem = only_problem(text)
    comma = text.index(",")
    assert (problem.kind, problem.start, problem.end) == ("empty-value", comma, comma + 1)
    assert problem.message == 'missing value for "price"'
    assert problem.hint == (
        "the placeholder rendered empty: give it a default ({{ x | default: 0 }}) or quote it"
    )
    assert parse_json(text).value == {"currency": "USD"}


def test_empty_value_before_closing_brace() -> None:
    text = '{"price": }'
    assert kinds(text) == [("empty-value", text.index("}"), text.index("}") + 1)]


def test_empty_value_at_end_of_line_before_the_next_key() -> None:
    text = '{\n  "price":\n  "currency": "USD"\n}'
    after_colon = text.index('"price":') + len('"price":')
    assert kinds(text) == [("empty-value", after_colon, after_colon + 1)]
    assert parse_json(text).value == {"currency": "USD"}


def test_empty_array_element() -> None:
    text = "[1, , 3]"
    problem = only_problem(text)
    assert (problem.kind, problem.start) == ("empty-value", text.index(", ,") + 2)
    assert problem.message == "missing value before ','"
    assert parse_json(text).value == [1, 3]


def test_missing_colon() -> None:
    text = '{"a" 1}'
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == ("missing-colon", 5, 6)
    assert problem.message == "missing ':' after key \"a\""
    assert parse_json(text).value == {"a": 1}


def test_missing_value_for_a_bare_key() -> None:
    text = '{"a"}'
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == ("missing-value", 1, 4)
    assert problem.message == 'key "a" has no value'
    assert parse_json(text).value == {}


def test_missing_value_before_next_member() -> None:
    text = '{"a", "b": 2}'
    assert kinds(text) == [("missing-value", 1, 4)]
    assert parse_json(text).value == {"b": 2}


def test_unquoted_key() -> None:
    text = '{name: "x", "b": 1}'
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == ("unquoted-key", 1, 5)
    assert problem.message == 'unquoted key "name"'
    assert problem.hint == 'put the key in double quotes: "name"'
    assert parse_json(text).value == {"name": "x", "b": 1}


def test_key_missing_its_opening_quote() -> None:
    text = '{\n  "a": 1,\n  user_id": "u-1"\n}'
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == (
        "unquoted-key",
        text.index("user_id"),
        text.index('user_id"') + 8,
    )
    assert problem.message == 'key "user_id" is missing its opening quote'
    assert problem.hint == 'add the quote: "user_id"'
    assert parse_json(text).value == {"a": 1, "user_id": "u-1"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{\n  "attributes: {\n    "tier": "gold"\n  }\n}', {"attributes": {"tier": "gold"}}),
        ('{\n  "url: "https://x.example/a",\n  "b": 1\n}', {"url": "https://x.example/a", "b": 1}),
    ],
)
def test_key_missing_its_closing_quote(text: str, value: dict[str, object]) -> None:
    problem = only_problem(text)
    start = text.index('"')
    assert (problem.kind, problem.start) == ("unterminated-string", start)
    assert problem.message == f"key {json.dumps(next(iter(value)))} is missing its closing quote"
    assert parse_json(text).value == value


def test_junk_between_key_and_colon() -> None:
    text = '{"custom"0: {"a": 1}}'
    assert kinds(text) == [("stray-text", text.index("0"), text.index("0") + 1)]
    assert parse_json(text).value == {"custom": {"a": 1}}


def test_junk_before_a_bracket() -> None:
    text = '[\n  l {"a": 1}\n]'
    assert kinds(text) == [("stray-text", text.index("l"), text.index("l") + 1)]
    assert parse_json(text).value == [{"a": 1}]


def test_single_quotes_for_key_and_value() -> None:
    text = "{'name': 'Jane'}"
    doc = parse_json(text)
    assert [(p.kind, p.start, p.end) for p in doc.problems] == [
        ("single-quotes", 1, 7),
        ("single-quotes", 9, 15),
    ]
    assert doc.problems[1].message == "single-quoted string 'Jane'"
    assert doc.problems[1].hint == 'use double quotes: "Jane"'
    assert doc.value == {"name": "Jane"}


def test_unterminated_string_at_end_of_text() -> None:
    text = '{"name": "Jane'
    doc = parse_json(text)
    start = text.index('"Jane')
    assert [(p.kind, p.start, p.end) for p in doc.problems] == [
        ("unclosed", 0, 1),
        ("unterminated-string", start, len(text)),
    ]
    assert doc.problems[1].message == 'unterminated string "Jane'
    assert doc.value == {"name": "Jane"}


def test_unterminated_string_swallowing_its_comma_is_one_problem() -> None:
    text = '{\n  "name": "Jane,\n  "age": 3\n}'
    start = text.index('"Jane')
    assert kinds(text) == [("unterminated-string", start, text.index("\n", start))]
    assert parse_json(text).value == {"name": "Jane,", "age": 3}


def test_raw_newline_in_a_user_name_is_one_control_character_problem() -> None:
    name = "Jane\nDoe\n"
    text = '{\n  "name": "' + name + '",\n  "age": 3\n}'
    problem = only_problem(text)
    newline = text.index("\nDoe")
    assert (problem.kind, problem.start, problem.end) == ("control-character", newline, newline + 1)
    assert problem.message == 'line break inside the string "Jane\\nDoe\\n"'
    assert problem.hint == "the value contains a line break or control character: use | json_escape"
    assert parse_json(text).value == {"name": name, "age": 3}


def test_tab_in_a_string() -> None:
    text = '["a\tb"]'
    problem = only_problem(text)
    assert (problem.kind, problem.start) == ("control-character", 3)
    assert problem.message == 'control character U+0009 inside the string "a\\tb"'


@pytest.mark.parametrize(
    ("text", "escape"),
    [('{"path": "C:\\xyz"}', "\\x"), ('["\\u12"]', "\\u12"), ('["ok \\n \\q \\z"]', "\\q")],
)
def test_invalid_escape_once_per_string(text: str, escape: str) -> None:
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == (
        "invalid-escape",
        text.index(escape),
        text.index(escape) + len(escape),
    )
    assert problem.message.startswith(f"invalid escape '{escape}' in the string ")


def test_unescaped_quote_in_a_user_name() -> None:
    text = '{\n  "name": "Jane "JJ" Doe",\n  "age": 3\n}'
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == (
        "unescaped-quote",
        text.index("JJ"),
        text.index('Doe"') + 4,
    )
    assert problem.message == (
        'text after the string "Jane ": a quote inside the value ended it early'
    )
    assert problem.hint == "escape the value with | json_escape"
    assert parse_json(text).value == {"name": 'Jane "JJ" Doe', "age": 3}


def test_unescaped_inch_marks_on_one_line() -> None:
    text = '{"title": "Towel 30" x 56"", "price": 1.99}'
    assert kinds(text) == [("unescaped-quote", text.index("x 56"), text.index('"",') + 2)]
    assert parse_json(text).value == {"title": 'Towel 30" x 56"', "price": 1.99}


@pytest.mark.parametrize(
    ("number", "hint"),
    [
        ("01", "JSON numbers have no leading zeros: remove them, or quote the value (ids, zips)"),
        ("1.", "add a digit after the decimal point"),
        (".5", "add a 0 before the decimal point"),
        ("+1", "remove the '+': JSON numbers have no plus sign"),
        ("1e", "add digits to the exponent"),
        ("0x1F", "JSON has no hex numbers: write it in decimal, or quote it"),
        ("NaN", "NaN and Infinity are not JSON: use null or a string"),
        ("Infinity", "NaN and Infinity are not JSON: use null or a string"),
        ("-Infinity", "NaN and Infinity are not JSON: use null or a string"),
    ],
)
def test_invalid_number(number: str, hint: str) -> None:
    text = '{"n": ' + number + "}"
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == ("invalid-number", 6, 6 + len(number))
    assert problem.message == f'invalid number "{number}"'
    assert problem.hint == hint


def test_nan_is_rejected_even_though_json_loads_accepts_it() -> None:
    assert json.loads("[NaN]")  # Python's json is lenient here; the check is not
    doc = parse_json("[NaN]")
    assert not doc.ok
    assert [p.kind for p in doc.problems] == ["invalid-number"]


def test_unclosed_brackets_point_at_the_opener() -> None:
    text = '{\n  "a": [1, 2\n'
    doc = parse_json(text)
    assert [(p.kind, p.start, p.end) for p in doc.problems] == [
        ("unclosed", 0, 1),
        ("unclosed", text.index("["), text.index("[") + 1),
    ]
    assert doc.problems[0].message == "'{' opened here is never closed"
    assert doc.problems[1].hint == "add the matching ']'"
    assert doc.value == {"a": [1, 2]}


def test_close_of_an_outer_bracket_reports_only_the_unclosed_inner_one() -> None:
    text = '{"a": [1, 2}'
    assert kinds(text) == [("unclosed", 6, 7)]


def test_unexpected_close() -> None:
    text = '{"a": 1}}'
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == ("unexpected-close", 8, 9)
    assert problem.message == "'}' closes nothing"


def test_wrong_closing_bracket_before_the_parents_own_is_a_typo() -> None:
    for text in ['{"a": [1, 2}}', '{"a": [1, 2}, "b": 3}']:
        assert kinds(text) == [("mismatched-bracket", 11, 12)], text
    assert parse_json('{"a": [1, 2}, "b": 3}').value == {"a": [1, 2], "b": 3}


def test_extra_closing_bracket_inside_an_object_is_skipped() -> None:
    text = '{\n  "status":] "ok",\n  "b": 1\n}'
    problem = only_problem(text)
    assert (problem.kind, problem.start) == ("unexpected-close", text.index("]"))
    assert problem.message == "unexpected ']' inside an object"
    assert parse_json(text).value == {"status": "ok", "b": 1}


def test_mismatched_bracket() -> None:
    text = "[1, 2}"
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == ("mismatched-bracket", 5, 6)
    assert problem.message == "'}' does not match the '[' it closes"
    assert problem.hint == "replace it with ']'"
    assert parse_json(text).value == [1, 2]


def test_extra_data_after_the_value_runs_to_end_of_line() -> None:
    text = '{"a": 1}, {"b": 2}\n'
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == ("extra-data", 8, len(text) - 1)
    assert problem.message == 'unexpected text ", {"b": 2}" after the end of the JSON value'
    assert parse_json(text).value == {"a": 1}


def test_duplicate_key_is_a_warning_and_the_last_wins() -> None:
    text = '{"a": 1, "b": 2, "a": 3}'
    doc = parse_json(text)
    second = text.rindex('"a"')
    assert [(p.kind, p.start, p.end, p.severity) for p in doc.problems] == [
        ("duplicate-key", second, second + 3, "warning")
    ]
    assert doc.problems[0].message == 'duplicate key "a" (the last one wins)'
    assert doc.ok
    assert doc.value == {"a": 3, "b": 2}
    assert doc.span(("a",)) == (text.rindex("3"), text.rindex("3") + 1)


def test_extra_comma_and_colon_in_array() -> None:
    assert kinds('{"a": 1,, "b": 2}') == [("extra-comma", 8, 9)]
    assert kinds('["a": 1]') == [("unexpected-token", 4, 5)]


def test_deep_nesting_stops_with_too_deep_and_no_recursion_error() -> None:
    text = "[" * 100_000
    doc = parse_json(text)
    problem = only_problem(text)
    assert (problem.kind, problem.start, problem.end) == ("too-deep", 500, 501)
    assert not doc.ok


def test_valid_but_too_deep_json_is_reported() -> None:
    text = "[" * 600 + "]" * 600
    assert json.loads(text)  # json.loads accepts this depth
    assert kinds(text) == [("too-deep", 500, 501)]


def test_deep_but_allowed_nesting_is_fine() -> None:
    text = '{"a":' * 499 + "[1]" + "}" * 499
    doc = parse_json(text)
    assert doc.problems == []
    assert doc.span(("a",) * 499 + (0,)) == (text.index("1"), text.index("1") + 1)


def test_several_separate_mistakes_in_one_body_are_each_reported_once() -> None:
    text = """\
{
  "first_name": "Jane "JJ" Doe",
  "price": ,
  "tier": gold,
  "tags": ["a" "b"],
  "zip": 02134,
  'city': "Oslo"
}"""
    assert [p.kind for p in parse_json(text).problems] == [
        "unescaped-quote",
        "empty-value",
        "unquoted-value",
        "missing-comma",
        "invalid-number",
        "single-quotes",
    ]


# -- spans -------------------------------------------------------------------------------------

BODY = """\
{
  "event": "product_viewed",
  "properties": {"id": "56544", "price": 1.99},
  "items": [{"id": "a"}, {"id": "b", "tags": ["x", "y"]}],
  "ok": true
}"""


def test_spans_of_nested_values_and_keys() -> None:
    doc = parse_json(BODY)
    assert doc.problems == []

    def text_at(span: tuple[int, int] | None) -> str:
        assert span is not None
        return BODY[span[0] : span[1]]

    assert doc.span(()) == (0, len(BODY))
    assert text_at(doc.span(("event",))) == '"product_viewed"'
    assert text_at(doc.span(("properties", "price"))) == "1.99"
    assert text_at(doc.span(("properties",))) == '{"id": "56544", "price": 1.99}'
    assert text_at(doc.span(("items", 1))) == '{"id": "b", "tags": ["x", "y"]}'
    assert text_at(doc.span(("items", 1, "tags", 0))) == '"x"'
    assert text_at(doc.span(("ok",))) == "true"
    assert text_at(doc.key_span(("properties", "price"))) == '"price"'
    assert text_at(doc.key_span(("items",))) == '"items"'


def test_absent_paths_have_no_span() -> None:
    doc = parse_json(BODY)
    assert doc.span(("missing",)) is None
    assert doc.span(("items", 5)) is None
    assert doc.span(("event", "x")) is None
    assert doc.key_span(()) is None
    assert doc.key_span(("items", 0)) is None


def test_spans_are_computed_lazily_once() -> None:
    doc = parse_json(BODY)
    assert doc._valid
    indexes = [doc._index]
    doc.span(())  # the first question scans only up to its answer, and keeps nothing
    indexes.append(doc._index)
    doc.key_span(("ok",))
    indexes.append(doc._index)
    doc.span(())
    indexes.append(doc._index)
    assert indexes[0] is None and indexes[1] is None
    assert indexes[2] is not None
    assert indexes[3] is indexes[2]


def test_spans_on_a_document_with_problems_cover_what_parsed() -> None:
    text = MOVABLE_INK_BODY
    doc = parse_json(text)
    price = doc.span(("properties", "price"))
    assert price == (text.index("1.99"), text.index("1.99") + 4)
    event = text.index('"product_viewed"')
    assert doc.span(("event",)) == (event, event + len('"product_viewed"'))
    assert doc.key_span(("user_id",)) == (text.index('"user_id"'), text.index('"user_id"') + 9)


def test_broken_member_has_no_span() -> None:
    text = '{"price": , "a": 1}'
    doc = parse_json(text)
    assert doc.span(("price",)) is None
    assert doc.span(("a",)) == (len(text) - 2, len(text) - 1)


# -- valid JSON --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "{}",
        "[]",
        "0",
        "-0.5e-3",
        '"just a string"',
        "null",
        "true",
        '{"a": [1, 2.5, -3e2, true, false, null, "x"], "b": {"c": {}}}',
        '  \n{"unicode": "Håndvevd ullpledd \u2013 Fjord \\u00e5 \\ud83d\\ude00"}\n',
        '{"escapes": "quote \\" backslash \\\\ slash \\/ \\b\\f\\n\\r\\t"}',
        '[{"a": []}, [[[]]], ""]',
        MOVABLE_INK_BODY.replace("  // Converts the timestamp to milliseconds\n", "")
        .replace('"u-1"', '"u-1",')
        .replace('"track",', '"track"'),
        "\r\n[1,\r\n 2]\r\n",
    ],
)
def test_valid_json_has_no_problems_and_the_same_value(text: str) -> None:
    doc = parse_json(text)
    assert doc.problems == []
    assert doc.ok
    assert doc.value == json.loads(text)
    assert doc.span(()) is not None


def test_fixture_payloads_agree_with_json_loads(pytestconfig: pytest.Config) -> None:
    payloads = sorted((pytestconfig.rootpath / "tests/fixtures/payloads").rglob("*.json"))
    assert payloads
    for payload in payloads:
        text = payload.read_text(encoding="utf-8")
        doc = parse_json(text)
        try:
            expected = json.loads(text)
        except ValueError:
            assert not doc.ok, payload
            continue
        assert doc.problems == [], payload
        assert doc.value == expected


def test_problems_are_sorted_and_inside_the_text() -> None:
    text = '}{"a": 01 "b" \'c\', [1 2}'
    problems = parse_json(text).problems
    assert problems == sorted(problems, key=lambda p: p.start)
    assert all(0 <= p.start <= p.end <= len(text) for p in problems)
