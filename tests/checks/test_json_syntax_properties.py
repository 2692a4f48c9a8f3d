"""Properties of the strict JSON check over generated text and generated JSON values."""

from __future__ import annotations

import json
from typing import Any, Iterator, Union

from hypothesis import assume, given
from hypothesis import strategies as st

from brazelint.checks.json_syntax import parse_json

Path = tuple[Union[str, int], ...]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=20,
)
containers = json_values.filter(lambda value: isinstance(value, (dict, list)))

# Text made mostly of JSON's own characters reaches far more parser states than random text.
JSON_ALPHABET = list('{}[]:,"\' \n\t\\/*-+.0123456789eEtrufalsnNI')
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
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
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
def test_deleting_one_comma_is_one_missing_comma(value: Any, indent: Any, data: st.DataObject) -> None:
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
