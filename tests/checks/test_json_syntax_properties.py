"""Properties of the strict JSON check over generated text and generated JSON values."""

from __future__ import annotations

import json
from typing import Any, Iterator, Optional, Union

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from brazelint.checks import json_recovery
from brazelint.checks.json_model import SpanIndex, _valid_spans
from brazelint.checks.json_recovery import Parser
from brazelint.checks.json_syntax import parse_json

Path = tuple[Union[str, int], ...]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=20,
)
containers = json_values.filter(lambda value: isinstance(value, (dict, list)))

# Text made mostly of JSON's own characters reaches far more parser states than random text.
JSON_ALPHABET = list("{}[]:,\"' \n\t\\/*-+.0123456789eEtrufalsnNI")
json_like_text = st.text(alphabet=st.sampled_from(JSON_ALPHABET), max_size=60)


def strictly_valid(text: str) -> bool:
    """What the check must accept: json.loads without NaN/Infinity (depth stays small here)."""

    def reject(name: str) -> None:
        raise ValueError(name)

    try:
        json.loads(text, parse_constant=reject)
    except (ValueError, RecursionError):
        return False
    return True


def walk(value: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    yield path, value
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for step, child in items:
        yield from walk(child, (*path, step))


def structural_commas(text: str) -> list[int]:
    """Offsets of the commas of ``json.dumps`` output that separate members (not in strings)."""
    commas: list[int] = []
    in_string = escaped = False
    for offset, char in enumerate(text):
        if escaped:
            escaped = False
        elif in_string:
            escaped, in_string = char == "\\", char != '"'
        elif char == '"':
            in_string = True
        elif char == ",":
            commas.append(offset)
    return commas


@given(st.text() | json_like_text)
def test_never_raises_and_problems_lie_inside_the_text(text: str) -> None:
    doc = parse_json(text)
    assert all(0 <= p.start <= p.end <= len(text) for p in doc.problems)
    assert all(p.end > p.start or p.start == len(text) for p in doc.problems)
    assert doc.problems == sorted(doc.problems, key=lambda p: p.start)


@given(json_like_text)
def test_rejected_exactly_when_json_loads_rejects(text: str) -> None:
    doc = parse_json(text)
    assert doc.ok == strictly_valid(text), doc.problems
    if doc.ok:
        assert doc.value == json.loads(text)


@given(json_values, st.sampled_from([None, 2]), st.booleans())
def test_dumped_values_parse_cleanly_and_round_trip(value: Any, indent: Any, ascii_: bool) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_)
    doc = parse_json(text)
    assert doc.problems == []
    assert doc.value == value


@given(containers, st.sampled_from([None, 2]))
def test_every_value_and_key_has_the_span_of_its_text(value: Any, indent: Any) -> None:
    text = json.dumps(value, indent=indent)
    doc = parse_json(text)
    for path, sub in walk(value):
        span = doc.span(path)
        assert span is not None, path
        assert json.loads(text[span[0] : span[1]]) == sub
        if path and isinstance(path[-1], str):
            key_span = doc.key_span(path)
            assert key_span is not None
            assert json.loads(text[key_span[0] : key_span[1]]) == path[-1]


@given(containers, st.sampled_from([None, 2]), st.data())
def test_deleting_one_comma_is_one_missing_comma(
    value: Any, indent: Any, data: st.DataObject
) -> None:
    text = json.dumps(value, indent=indent)
    commas = structural_commas(text)
    assume(commas)
    comma = data.draw(st.sampled_from(commas))
    broken = text[:comma] + text[comma + 1 :]
    problems = parse_json(broken).problems
    assert problems
    next_token = len(broken) - len(broken[comma:].lstrip())
    assert [(p.kind, p.start) for p in problems] == [("missing-comma", next_token)]


@given(containers, st.sampled_from([None, 2]), st.data())
def test_one_edit_to_valid_json_is_rejected_exactly_when_json_loads_rejects_it(
    value: Any, indent: Any, data: st.DataObject
) -> None:
    text = json.dumps(value, indent=indent)
    at = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.sampled_from(["", *JSON_ALPHABET]))
    edited = text[:at] + insert + text[at + (not insert) :]
    doc = parse_json(edited)
    assert doc.ok == strictly_valid(edited), doc.problems
    assert all(0 <= p.start <= p.end <= len(edited) for p in doc.problems)


# -- the span index of valid JSON ---------------------------------------------------------------
#
# For a body json.loads accepted, spans come from one regex pass (_valid_spans) instead of the
# recovering parser; both must give exactly the same index.

space = st.text(alphabet=" \t\n\r", max_size=3)
indents = st.sampled_from([None, 0, 1, 2, "\t", " \r\n"])
separators = st.tuples(space, space, space, space).map(
    lambda w: (f"{w[0]},{w[1]}", f"{w[2]}:{w[3]}")
)


def encode_string(text: str, how: int) -> str:
    """``text`` as a JSON string: raw, ASCII-escaped, with escaped slashes, or all \\u escapes."""
    if how == 0:
        return json.dumps(text, ensure_ascii=False)
    if how == 1:
        return json.dumps(text)
    if how == 2:
        return json.dumps(text, ensure_ascii=False).replace("/", "\\/")
    units = text.encode("utf-16-be")
    return (
        '"' + "".join(f"\\u{units[i]:02x}{units[i + 1]:02X}" for i in range(0, len(units), 2)) + '"'
    )


string_texts = st.builds(encode_string, st.text(max_size=8), st.integers(0, 3))
number_texts = st.from_regex(
    r"-?(0|[1-9][0-9]{0,20})(\.[0-9]{1,6})?([eE][-+]?[0-9]{1,3})?", fullmatch=True
)
scalar_texts = st.sampled_from(["true", "false", "null"]) | number_texts | string_texts


@st.composite
def array_texts(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
    items = draw(st.lists(children, max_size=4))
    inside = ",".join(draw(space) + item + draw(space) for item in items) or draw(space)
    return f"[{inside}]"


@st.composite
def object_texts(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
    members = draw(st.dictionaries(st.text(max_size=6), children, max_size=4))
    inside = ",".join(
        draw(space)
        + encode_string(key, draw(st.integers(0, 3)))
        + draw(space)
        + ":"
        + draw(space)
        + child
        + draw(space)
        for key, child in members.items()
    ) or draw(space)
    return f"{{{inside}}}"


hand_written_json = st.builds(
    lambda before, body, after: before + body + after,
    space,
    st.recursive(
        scalar_texts, lambda children: array_texts(children) | object_texts(children), max_leaves=20
    ),
    space,
)


def recovering_index(text: str) -> SpanIndex:
    document = Parser(text).run()
    assert document.problems == []
    return document._spans()


def assert_same_index(text: str) -> None:
    assert strictly_valid(text)
    document = parse_json(text)
    assert document.problems == [] and document._valid
    expected = recovering_index(text)
    assert _valid_spans(text) == expected
    assert document._spans() == expected
    # a first question scans only as far as its answer; a second one scans everything
    for path, span in list(expected.values.items())[-6:]:
        asked = parse_json(text)
        assert asked.span(path) == span and asked._index is None
        assert asked.span(()) == expected.values[()] and asked._index == expected


@given(json_values, indents, separators, st.booleans(), space, space)
def test_fast_span_index_of_dumped_json_is_the_recovering_parsers(
    value: Any,
    indent: Optional[Union[int, str]],
    seps: tuple[str, str],
    ascii_: bool,
    before: str,
    after: str,
) -> None:
    text = json.dumps(value, indent=indent, separators=seps, ensure_ascii=ascii_)
    assert_same_index(before + text + after)


@given(hand_written_json)
def test_fast_span_index_of_hand_written_json_is_the_recovering_parsers(text: str) -> None:
    assert_same_index(text)


@pytest.mark.parametrize(
    ("text", "values", "keys"),
    [
        (' "x\\\\\\"" ', {(): (1, 8)}, {}),
        ("\r\n-1.5E+3\t", {(): (2, 9)}, {}),
        ("[]", {(): (0, 2)}, {}),
        (
            '{"a\\"b": [1, {}, [ ]], "c":{"d" :-0e-0}}',
            {
                ('a"b', 0): (10, 11),
                ('a"b', 1): (13, 15),
                ('a"b', 2): (17, 20),
                ('a"b',): (9, 21),
                ("c", "d"): (33, 38),
                ("c",): (27, 39),
                (): (0, 40),
            },
            {('a"b',): (1, 7), ("c",): (23, 26), ("c", "d"): (28, 31)},
        ),
        (
            '[\n  {"\\u00e5\\/": "Fjord \u2013 \\ud83d\\ude00"},\n  true\n]',
            {(0, "å/"): (17, 39), (0,): (4, 40), (1,): (44, 48), (): (0, 50)},
            {(0, "å/"): (5, 15)},
        ),
    ],
)
def test_fast_span_index_examples(
    text: str, values: dict[Path, tuple[int, int]], keys: dict[Path, tuple[int, int]]
) -> None:
    assert _valid_spans(text) == SpanIndex(values, keys)
    assert recovering_index(text) == SpanIndex(values, keys)


def test_deepest_allowed_nesting_has_the_same_index() -> None:
    assert_same_index('{"a":' * 499 + "[1]" + "}" * 499)
    assert_same_index("[" * 500 + "]" * 500)


def test_a_valid_body_never_runs_the_recovering_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    text = '{"event": "product_viewed", "items": [{"id": "a"}]}'
    document = parse_json(text)
    monkeypatch.setattr(json_recovery, "Parser", None)
    assert document.span(("items", 0, "id")) == (text.index('"a"'), text.index('"a"') + 3)
    assert document.key_span(("items",)) == (text.index('"items"'), text.index('"items"') + 7)


def test_a_broken_body_keeps_the_recovering_parsers_spans() -> None:
    text = '{"a": 1 "b": [2,]}'
    document = parse_json(text)
    assert not document.ok and not document._valid
    assert document.span(("b", 0)) == (14, 15)
    assert document.key_span(("b",)) == (8, 11)
