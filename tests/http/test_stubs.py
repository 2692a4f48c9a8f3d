"""Connected Content stubs: loading, strict validation, matching and answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import pytest

from brazelint.errors import ConfigError
from brazelint.http.stubs import Stub, StubResponse, StubTransport, load_stubs
from brazelint.http.types import HttpResponse, NoStubMatch, Request

OFFERS = "https://connect.example.com/offers/api/2.0/offers/get_user_offers"

SESSIONM_YAML = f"""\
- request:
    method: POST
    url: {OFFERS}
    json: {{retailer_id: r-1, user_id: u-1}}
    headers: {{Content-Type: application/json}}
  response:
    status: 200
    json: {{status: ok, payload: {{available_points: 100}}}}
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def transport(*stubs: dict[str, Any]) -> StubTransport:
    return StubTransport(load_stubs(list(stubs)))


def post(url: str, body: Optional[str], **headers: str) -> Request:
    return Request("POST", url, {k.replace("_", "-"): v for k, v in headers.items()}, body)


def missing(t: StubTransport, request: Request) -> NoStubMatch:
    with pytest.raises(NoStubMatch) as info:
        t.send(request)
    return info.value


# --- loading --------------------------------------------------------------------------------


def test_load_from_yaml_file(tmp_path: Path) -> None:
    path = write(tmp_path / "sessionm.yaml", SESSIONM_YAML)
    [stub] = load_stubs(path)
    assert stub.source == f"{path} #1"
    assert (stub.method, stub.url, stub.url_pattern) == ("POST", OFFERS, None)
    assert stub.json == {"retailer_id": "r-1", "user_id": "u-1"}
    assert stub.headers == {"Content-Type": "application/json"}
    assert stub.body is None
    assert stub.responses == (
        StubResponse(
            status=200,
            headers={"Content-Type": "application/json"},
            body='{"status": "ok", "payload": {"available_points": 100}}',
            json={"status": "ok", "payload": {"available_points": 100}},
            has_json=True,
        ),
    )


def test_load_from_json_file_given_as_str(tmp_path: Path) -> None:
    path = write(
        tmp_path / "s.json",
        json.dumps([{"request": {"url": "https://a.example/x"}, "response": {"body": "hi"}}]),
    )
    [stub] = load_stubs(str(path))
    assert stub == Stub(
        source=f"{path} #1",
        method="GET",
        url="https://a.example/x",
        responses=(StubResponse(body="hi"),),
    )


def test_load_from_list_of_dicts() -> None:
    stubs = load_stubs(
        [{"request": {"url": "https://a.example/1"}}, {"request": {"url": "https://a.example/2"}}]
    )
    assert [(s.source, s.url) for s in stubs] == [
        ("<stubs> #1", "https://a.example/1"),
        ("<stubs> #2", "https://a.example/2"),
    ]
    assert stubs[0].responses == (StubResponse(),)


def test_load_from_directory_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b.yaml", "- request: {url: 'https://b.example/'}\n")
    write(tmp_path / "a" / "z.json", '[{"request": {"url": "https://az.example/"}}]')
    write(
        tmp_path / "a" / "y.yml",
        "- request: {url: 'https://ay.example/1'}\n- request: {url: 'https://ay.example/2'}\n",
    )
    write(tmp_path / "c.yaml", "")  # an empty file holds no stubs
    write(tmp_path / "notes.txt", "not a stub file")
    write(tmp_path / ".hidden" / "x.yaml", "this: [is not loaded")
    write(tmp_path / ".skip.yaml", "nor: [this")
    stubs = load_stubs(tmp_path)
    assert [(s.source, s.url) for s in stubs] == [
        (f"{tmp_path / 'a' / 'y.yml'} #1", "https://ay.example/1"),
        (f"{tmp_path / 'a' / 'y.yml'} #2", "https://ay.example/2"),
        (f"{tmp_path / 'a' / 'z.json'} #1", "https://az.example/"),
        (f"{tmp_path / 'b.yaml'} #1", "https://b.example/"),
    ]


def test_load_none_and_empty() -> None:
    assert load_stubs(None) == []
    assert load_stubs([]) == []


def test_method_is_upper_cased_and_url_pattern_compiled() -> None:
    [stub] = load_stubs([{"request": {"method": "post", "url_pattern": "^https://x\\.example/"}}])
    assert stub.method == "POST"
    assert stub.url is None
    assert stub.url_pattern is not None
    assert stub.url_pattern.pattern == "^https://x\\.example/"
    assert stub.target == "^https://x\\.example/"


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_stubs(tmp_path / "nope.yaml")
    assert info.value.message == f"{tmp_path / 'nope.yaml'}: stub file or directory not found"


def test_yaml_syntax_error_is_positioned(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.yaml", "- request:\n    url: [unclosed\n")
    with pytest.raises(ConfigError) as info:
        load_stubs(path)
    assert (info.value.path, info.value.line) == (str(path), 3)
    assert info.value.message.startswith("invalid YAML: ")


def test_json_syntax_error_is_positioned(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.json", '[{"request": {"url": "x",}}]')
    with pytest.raises(ConfigError) as info:
        load_stubs(path)
    assert (info.value.path, info.value.line, info.value.column) == (str(path), 1, 26)


def test_error_in_a_directory_names_the_file_and_stub(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", "- request: {url: 'https://a.example/'}\n")
    bad = write(
        tmp_path / "sub" / "b.yaml",
        "- request: {url: 'https://b.example/'}\n- request: {url: 'https://b.example/', metod: GET}\n",
    )
    with pytest.raises(ConfigError) as info:
        load_stubs(tmp_path)
    assert info.value.message == f"{bad} #2: unknown key 'request.metod'"
    assert info.value.hint == "did you mean 'method'?"


# --- validation -----------------------------------------------------------------------------

URL = {"url": "https://a.example/"}

INVALID: list[tuple[Any, str, Optional[str]]] = [
    # the file / list
    (
        {"request": URL},
        "<stubs>: stubs must be a list, got a mapping",
        "start each stub with '- request:'",
    ),
    # a stub
    (
        ["https://a.example/"],
        "<stubs> #1: a stub must be a mapping with 'request' and 'response', got a string",
        None,
    ),
    (
        [{"request": URL, "reponse": {}}],
        "<stubs> #1: unknown key 'reponse'",
        "did you mean 'response'?",
    ),
    (
        [{"request": URL, "when": {}}],
        "<stubs> #1: unknown key 'when'",
        "known keys: request, response, responses",
    ),
    (
        [{"response": {}}],
        "<stubs> #1: missing 'request'",
        "add 'request:' with 'url' or 'url_pattern'",
    ),
    ([{"request": "GET /x"}], "<stubs> #1: 'request' must be a mapping, got a string", None),
    (
        [{"request": URL, "response": {}, "responses": [{}]}],
        "<stubs> #1: both 'response' and 'responses'; use one",
        None,
    ),
    (
        [{"request": URL, "responses": []}],
        "<stubs> #1: 'responses' must be a non-empty list, got an empty list",
        None,
    ),
    (
        [{"request": URL, "responses": {"status": 200}}],
        "<stubs> #1: 'responses' must be a non-empty list, got a mapping",
        None,
    ),
    # the request
    (
        [{"request": {**URL, "metod": "GET"}}],
        "<stubs> #1: unknown key 'request.metod'",
        "did you mean 'method'?",
    ),
    (
        [{"request": {**URL, "query": {}}}],
        "<stubs> #1: unknown key 'request.query'",
        "known keys: method, url, url_pattern, json, headers, body",
    ),
    (
        [{"request": {**URL, "method": 1}}],
        "<stubs> #1: 'request.method' must be a method name such as GET or POST, got int",
        None,
    ),
    (
        [{"request": {**URL, "method": "GET /x"}}],
        "<stubs> #1: 'request.method' must be a method name such as GET or POST, got 'GET /x'",
        None,
    ),
    (
        [{"request": {"url": "https://a.example/", "url_pattern": "a"}}],
        "<stubs> #1: 'request' has both 'url' and 'url_pattern'; use one",
        None,
    ),
    (
        [{"request": {"method": "GET"}}],
        "<stubs> #1: 'request' needs 'url' or 'url_pattern'",
        None,
    ),
    (
        [{"request": {"url": 5}}],
        "<stubs> #1: 'request.url' must be a non-empty string, got int",
        None,
    ),
    (
        [{"request": {"url": ""}}],
        "<stubs> #1: 'request.url' must be a non-empty string, got an empty string",
        None,
    ),
    (
        [{"request": {"url_pattern": None}}],
        "<stubs> #1: 'request.url_pattern' must be a non-empty string, got null",
        None,
    ),
    (
        [{"request": {"url_pattern": "^https://(a"}}],
        "<stubs> #1: 'request.url_pattern' is not a valid regular expression: "
        "missing ), unterminated subpattern at position 9",
        None,
    ),
    (
        [{"request": {**URL, "json": None}}],
        "<stubs> #1: 'request.json' is null",
        "leave 'json' out to match any body, or write body: 'null'",
    ),
    (
        [{"request": {**URL, "json": {"a": "x"}, "body": "a=x"}}],
        "<stubs> #1: 'request' has both 'json' and 'body'; use one",
        None,
    ),
    (
        [{"request": {**URL, "json": {"a": {1: "x"}}}}],
        "<stubs> #1: 'request.json.a' has a key 1 that is not a string",
        "quote the key",
    ),
    (
        [{"request": {**URL, "headers": ["Accept: */*"]}}],
        "<stubs> #1: 'request.headers' must be a mapping, got a list",
        None,
    ),
    (
        [{"request": {**URL, "headers": {"X-Count": 5}}}],
        "<stubs> #1: 'request.headers.X-Count' must be a string, got int",
        "quote the value",
    ),
    (
        [{"request": {**URL, "headers": {5: "x"}}}],
        "<stubs> #1: 'request.headers' names must be non-empty strings, got int",
        None,
    ),
    (
        [{"request": {**URL, "body": {"a": 1}}}],
        "<stubs> #1: 'request.body' must be a string, got a mapping",
        None,
    ),
    # the response
    (
        [{"request": URL, "response": "ok"}],
        "<stubs> #1: 'response' must be a mapping, got a string",
        None,
    ),
    (
        [{"request": URL, "response": {"stauts": 200}}],
        "<stubs> #1: unknown key 'response.stauts'",
        "did you mean 'status'?",
    ),
    (
        [{"request": URL, "response": {"code": 200}}],
        "<stubs> #1: unknown key 'response.code'",
        "known keys: status, headers, json, body, delay",
    ),
    (
        [{"request": URL, "response": {"status": 700}}],
        "<stubs> #1: 'response.status' must be an integer from 100 to 599, got 700",
        None,
    ),
    (
        [{"request": URL, "response": {"status": 99}}],
        "<stubs> #1: 'response.status' must be an integer from 100 to 599, got 99",
        None,
    ),
    (
        [{"request": URL, "response": {"status": "200"}}],
        "<stubs> #1: 'response.status' must be an integer from 100 to 599, got a string",
        None,
    ),
    (
        [{"request": URL, "response": {"status": True}}],
        "<stubs> #1: 'response.status' must be an integer from 100 to 599, got a boolean",
        None,
    ),
    (
        [{"request": URL, "response": {"json": {}, "body": ""}}],
        "<stubs> #1: 'response' has both 'json' and 'body'; use one",
        None,
    ),
    (
        [{"request": URL, "response": {"body": 5}}],
        "<stubs> #1: 'response.body' must be a string, got int",
        None,
    ),
    (
        [{"request": URL, "response": {"headers": {"X-Id": None}}}],
        "<stubs> #1: 'response.headers.X-Id' must be a string, got null",
        "quote the value",
    ),
    (
        [{"request": URL, "response": {"delay": -1}}],
        "<stubs> #1: 'response.delay' must be a number of seconds >= 0, got -1",
        None,
    ),
    (
        [{"request": URL, "response": {"delay": "2s"}}],
        "<stubs> #1: 'response.delay' must be a number of seconds >= 0, got a string",
        None,
    ),
    (
        [{"request": URL, "response": {"json": {"at": {1, 2}}}}],
        "<stubs> #1: 'response.json.at' must be a JSON value, got set",
        "quote it (YAML reads unquoted dates and times as non-JSON values)",
    ),
    # a response in a sequence
    (
        [{"request": URL, "responses": [{"status": 500}, {"satus": 200}]}],
        "<stubs> #1: unknown key 'responses[1].satus'",
        "did you mean 'status'?",
    ),
    (
        [{"request": URL, "responses": [{"status": 500}, {"json": [{"a": [1, ()]}]}]}],
        "<stubs> #1: 'responses[1].json[0].a[1]' must be a JSON value, got tuple",
        "quote it (YAML reads unquoted dates and times as non-JSON values)",
    ),
    # the index counts from 1 over the whole list
    (
        [{"request": URL}, {"request": URL}, {"request": {"url": 3}}],
        "<stubs> #3: 'request.url' must be a non-empty string, got int",
        None,
    ),
]


@pytest.mark.parametrize(("data", "message", "hint"), INVALID)
def test_invalid_stubs(data: Any, message: str, hint: Optional[str]) -> None:
    with pytest.raises(ConfigError) as info:
        load_stubs(data)
    assert info.value.message == message
    assert info.value.hint == hint


def test_yaml_date_in_response_json_is_named(tmp_path: Path) -> None:
    path = write(
        tmp_path / "offers.yaml",
        "- request: {url: 'https://a.example/'}\n"
        "  response:\n    json: {offers: [{id: 1, expires: 2024-05-01}]}\n",
    )
    with pytest.raises(ConfigError) as info:
        load_stubs(path)
    assert info.value.message == (
        f"{path} #1: 'response.json.offers[0].expires' must be a JSON value, got date"
    )
    assert info.value.hint == "quote it (YAML reads unquoted dates and times as non-JSON values)"


def test_yaml_file_holding_one_mapping(tmp_path: Path) -> None:
    path = write(tmp_path / "one.yaml", "request: {url: 'https://a.example/'}\n")
    with pytest.raises(ConfigError) as info:
        load_stubs(path)
    assert info.value.message == f"{path}: stubs must be a list, got a mapping"
    assert info.value.hint == "start each stub with '- request:'"


def test_error_message_str_has_hint(tmp_path: Path) -> None:
    path = write(tmp_path / "s.yaml", "- request: {url: 'https://a.example/', header: {}}\n")
    with pytest.raises(ConfigError) as info:
        load_stubs(path)
    assert str(info.value) == (
        f"{path} #1: unknown key 'request.header' (hint: did you mean 'headers'?)"
    )


# --- matching -------------------------------------------------------------------------------


def test_first_matching_stub_wins_and_method_defaults_to_get() -> None:
    t = transport(
        {"request": {"url": "https://a.example/x"}, "response": {"body": "first"}},
        {"request": {"url": "https://a.example/x"}, "response": {"body": "second"}},
        {"request": {"method": "POST", "url": "https://a.example/x"}, "response": {"body": "post"}},
    )
    assert t.send(Request("GET", "https://a.example/x")).body == "first"
    assert t.send(Request("POST", "https://a.example/x")).body == "post"
    assert t.send(Request("post", "https://a.example/x")).body == "post"


def test_url_is_exact() -> None:
    t = transport({"request": {"url": "https://a.example/x?a=1"}})
    assert t.send(Request("GET", "https://a.example/x?a=1")).status == 200
    for url in ("https://a.example/x", "https://a.example/x?a=1&b=2", "http://a.example/x?a=1"):
        with pytest.raises(NoStubMatch):
            t.send(Request("GET", url))


def test_url_pattern_uses_search() -> None:
    t = transport({"request": {"url_pattern": r"example\.com/v\d+/users"}})
    assert t.send(Request("GET", "https://api.example.com/v2/users?id=1")).status == 200
    with pytest.raises(NoStubMatch):
        t.send(Request("GET", "https://api.example.com/vx/users"))


def test_json_subset_nested() -> None:
    t = transport(
        {
            "request": {
                "method": "POST",
                "url": OFFERS,
                "json": {"retailer_id": "r-1", "user": {"id": "u-1"}, "tags": ["a", "b"]},
            },
            "response": {"json": {"status": "ok"}},
        }
    )
    full = {
        "retailer_id": "r-1",
        "user": {"id": "u-1", "email": "j@example.com"},
        "tags": ["a", "b"],
        "extra": 1,
    }
    assert t.send(post(OFFERS, json.dumps(full))).body == '{"status": "ok"}'
    # key order and whitespace do not matter
    assert t.send(post(OFFERS, '{ "tags":["a","b"], "user":{"id":"u-1"},"retailer_id":"r-1"}'))
    # lists must be equal, not a subset
    with pytest.raises(NoStubMatch):
        t.send(post(OFFERS, json.dumps({**full, "tags": ["a", "b", "c"]})))
    with pytest.raises(NoStubMatch):
        t.send(post(OFFERS, json.dumps({**full, "user": {"email": "j@example.com"}})))


def test_json_scalars_compare_as_json() -> None:
    t = transport({"request": {"method": "POST", "url": OFFERS, "json": {"n": 1, "flag": True}}})
    assert t.send(post(OFFERS, '{"n": 1.0, "flag": true}')).status == 200
    with pytest.raises(NoStubMatch):
        t.send(post(OFFERS, '{"n": true, "flag": true}'))
    with pytest.raises(NoStubMatch):
        t.send(post(OFFERS, '{"n": 1, "flag": 1}'))
    with pytest.raises(NoStubMatch):
        t.send(post(OFFERS, '{"n": "1", "flag": true}'))


def test_json_matcher_never_matches_a_non_json_body() -> None:
    t = transport({"request": {"method": "POST", "url": OFFERS, "json": {"a": "1"}}})
    with pytest.raises(NoStubMatch):
        t.send(post(OFFERS, "a=1"))
    with pytest.raises(NoStubMatch):
        t.send(post(OFFERS, None))


def test_headers_names_case_insensitive_values_exact() -> None:
    t = transport(
        {
            "request": {
                "url": "https://a.example/",
                "headers": {"Authorization": "Bearer t", "content-type": "application/json"},
            }
        }
    )
    ok = Request(
        "GET",
        "https://a.example/",
        {"authorization": "Bearer t", "Content-Type": "application/json", "Accept": "*/*"},
    )
    assert t.send(ok).status == 200
    with pytest.raises(NoStubMatch):
        t.send(Request("GET", "https://a.example/", {"Authorization": "bearer t"}))
    with pytest.raises(NoStubMatch):
        t.send(Request("GET", "https://a.example/", {"Content-Type": "application/json"}))


def test_body_is_exact_text() -> None:
    t = transport({"request": {"method": "POST", "url": OFFERS, "body": "a=1&b=2"}})
    assert t.send(post(OFFERS, "a=1&b=2")).status == 200
    with pytest.raises(NoStubMatch):
        t.send(post(OFFERS, "b=2&a=1"))


def test_stub_matches_and_mismatches() -> None:
    [stub] = load_stubs([{"request": {"method": "POST", "url": OFFERS, "json": {"a": 1}}}])
    assert stub.matches(post(OFFERS, '{"a": 1, "b": 2}'))
    assert stub.mismatches(Request("GET", OFFERS, {}, '{"a": 2}')) == [
        "method differs: request is GET, stub expects POST",
        "JSON body has a = 2, stub expects 1",
    ]


# --- answers --------------------------------------------------------------------------------


def test_response_defaults() -> None:
    t = transport({"request": {"url": "https://a.example/"}})
    assert t.send(Request("GET", "https://a.example/")) == HttpResponse(
        status=200, headers={}, body="", elapsed=0.0, error=None
    )


def test_json_response_gets_content_type_unless_set() -> None:
    t = transport(
        {"request": {"url": "https://a.example/1"}, "response": {"json": [1, "a", None]}},
        {
            "request": {"url": "https://a.example/2"},
            "response": {
                "status": 201,
                "headers": {"content-type": "application/vnd.api+json", "X-Id": "7"},
                "json": {"ok": True},
            },
        },
        {"request": {"url": "https://a.example/3"}, "response": {"json": None}},
    )
    assert t.send(Request("GET", "https://a.example/1")) == HttpResponse(
        status=200, headers={"Content-Type": "application/json"}, body='[1, "a", null]'
    )
    assert t.send(Request("GET", "https://a.example/2")) == HttpResponse(
        status=201,
        headers={"content-type": "application/vnd.api+json", "X-Id": "7"},
        body='{"ok": true}',
    )
    assert t.send(Request("GET", "https://a.example/3")) == HttpResponse(
        headers={"Content-Type": "application/json"}, body="null"
    )


def test_text_response_and_delay(tmp_path: Path) -> None:
    path = write(
        tmp_path / "slow.yaml",
        "- request: {url: 'https://slow.example/'}\n"
        "  response: {status: 503, body: 'try later', headers: {Retry-After: '5'}, delay: 2.5}\n",
    )
    t = StubTransport(load_stubs(path))
    assert t.send(Request("GET", "https://slow.example/")) == HttpResponse(
        status=503, headers={"Retry-After": "5"}, body="try later", elapsed=2.5
    )


def test_responses_sequence_last_repeats_and_reset() -> None:
    t = transport(
        {
            "request": {"url": "https://a.example/"},
            "responses": [{"status": 502}, {"status": 500, "body": "again"}, {"json": {"n": 1}}],
        },
        {"request": {"url": "https://b.example/"}, "responses": [{"body": "b1"}, {"body": "b2"}]},
    )
    a = Request("GET", "https://a.example/")
    b = Request("GET", "https://b.example/")
    got = [
        (r.status, r.body)
        for r in (t.send(a), t.send(b), t.send(a), t.send(a), t.send(a), t.send(b), t.send(b))
    ]
    assert got == [
        (502, ""),
        (200, "b1"),
        (500, "again"),
        (200, '{"n": 1}'),
        (200, '{"n": 1}'),
        (200, "b2"),
        (200, "b2"),
    ]
    t.reset()
    assert t.send(a).status == 502


def test_a_failed_match_does_not_advance_a_sequence() -> None:
    t = transport(
        {
            "request": {"method": "POST", "url": OFFERS, "json": {"a": 1}},
            "responses": [{"body": "one"}, {"body": "two"}],
        }
    )
    with pytest.raises(NoStubMatch):
        t.send(post(OFFERS, '{"a": 2}'))
    assert t.send(post(OFFERS, '{"a": 1}')).body == "one"


# --- no match -------------------------------------------------------------------------------


def test_no_match_names_closest_stub_and_missing_key(tmp_path: Path) -> None:
    path = write(
        tmp_path / "stubs" / "sessionm.yaml",
        "- request: {url: 'https://api.example.com/other'}\n" + SESSIONM_YAML,
    )
    t = StubTransport(load_stubs(path))
    body = '{"user_id": "u-1"}'
    error = missing(t, post(OFFERS, body, Content_Type="application/json"))
    assert error.closest == f"POST {OFFERS} ({path} #2): JSON body lacks retailer_id"
    assert str(error) == (
        f"no stub matches POST {OFFERS} with body '{body}'; "
        f"closest stub: POST {OFFERS} ({path} #2): JSON body lacks retailer_id"
    )
    assert error.request == post(OFFERS, body, Content_Type="application/json")


NESTED = {
    "request": {
        "method": "POST",
        "url": OFFERS,
        "json": {"user": {"profile": {"tier": "gold"}}, "ids": [1, 2]},
    }
}


@pytest.mark.parametrize(
    ("request_", "reason"),
    [
        (
            post(OFFERS, '{"user": {"profile": {}}, "ids": [1, 2]}'),
            "JSON body lacks user.profile.tier",
        ),
        (
            post(OFFERS, '{"user": {"profile": {"tier": "silver"}}, "ids": [1, 2]}'),
            'JSON body has user.profile.tier = "silver", stub expects "gold"',
        ),
        (
            post(OFFERS, '{"user": {"profile": ["gold"]}, "ids": [1, 2]}'),
            "JSON body at user.profile is an array, stub expects an object",
        ),
        (
            post(OFFERS, '{"user": {"profile": {"tier": "gold"}}, "ids": [2, 1]}'),
            "JSON body has ids = [2, 1], stub expects [1, 2]",
        ),
        (post(OFFERS, "[1, 2]"), "JSON body is an array, stub expects an object"),
        (post(OFFERS, "user=gold"), "body is not JSON, stub expects a JSON body"),
        (post(OFFERS, None), "request has no body, stub expects a JSON body"),
        (
            Request("GET", OFFERS, {}, '{"user": {"profile": {"tier": "gold"}}, "ids": [1, 2]}'),
            "method differs: request is GET, stub expects POST",
        ),
        (
            post(
                OFFERS.replace("2.0", "3.0"),
                '{"user": {"profile": {"tier": "gold"}}, "ids": [1, 2]}',
            ),
            "URL differs at character 40: request has '3.0/offers/get_user_offers', "
            "stub expects '2.0/offers/get_user_offers'",
        ),
        (
            Request("GET", OFFERS + "?x=1"),
            "method differs: request is GET, stub expects POST; "
            "URL differs at character 66: request has '?x=1', stub expects ''; "
            "request has no body, stub expects a JSON body",
        ),
    ],
)
def test_no_match_reason(request_: Request, reason: str) -> None:
    error = missing(transport(NESTED), request_)
    assert error.closest == f"POST {OFFERS} (<stubs> #1): {reason}"


def test_no_match_reason_for_a_pattern_headers_and_body() -> None:
    t = transport(
        {
            "request": {
                "url_pattern": r"^https://api\.example\.com/v\d+/",
                "headers": {"Authorization": "Bearer t", "X-Team": "crm"},
            }
        },
        {"request": {"method": "POST", "url": "https://form.example/submit", "body": "a=1"}},
    )
    error = missing(t, Request("GET", "https://api.example.com/vx/", {"authorization": "t"}))
    assert error.closest == (
        r"GET url_pattern ^https://api\.example\.com/v\d+/ (<stubs> #1): "
        "URL does not match url_pattern; "
        "header Authorization differs from the stub's (values not shown); missing header X-Team"
    )
    error = missing(t, post("https://form.example/submit", "a=2"))
    assert error.closest == (
        "POST https://form.example/submit (<stubs> #2): "
        "body differs: request has 'a=2', stub expects 'a=1'"
    )
    error = missing(t, post("https://form.example/submit", None))
    assert error.closest == (
        "POST https://form.example/submit (<stubs> #2): request has no body, stub expects 'a=1'"
    )


def test_closest_prefers_url_similarity_then_method() -> None:
    t = transport(
        {"request": {"method": "POST", "url": "https://other.example/zzz"}},
        {"request": {"method": "GET", "url": "https://a.example/users/1", "body": "x"}},
        {"request": {"method": "POST", "url": "https://a.example/users/1", "body": "x"}},
    )
    # the same URL with the same method beats the same URL with another method
    error = missing(t, post("https://a.example/users/1", "y"))
    assert error.closest == (
        "POST https://a.example/users/1 (<stubs> #3): "
        "body differs: request has 'y', stub expects 'x'"
    )
    error = missing(t, Request("GET", "https://a.example/users/2"))
    assert error.closest == (
        "GET https://a.example/users/1 (<stubs> #2): URL differs at character 25: "
        "request has '2', stub expects '1'; request has no body, stub expects 'x'"
    )
    # a near URL beats a far one even when only the far one has the right method
    t = transport(
        {"request": {"method": "POST", "url": "https://other.example/zzz"}},
        {"request": {"method": "GET", "url": "https://a.example/users/1"}},
    )
    error = missing(t, Request("POST", "https://a.example/users/1"))
    assert error.closest == (
        "GET https://a.example/users/1 (<stubs> #2): "
        "method differs: request is POST, stub expects GET"
    )


def test_a_matching_pattern_counts_as_the_closest_url() -> None:
    t = transport(
        {"request": {"url": "https://a.example/v1/users/1"}},
        {"request": {"url_pattern": "users", "json": {"a": 1}}},
    )
    error = missing(t, Request("GET", "https://a.example/v1/users/2"))
    assert error.closest == (
        "GET url_pattern users (<stubs> #2): request has no body, stub expects a JSON body"
    )


def test_long_values_are_shortened_in_reasons() -> None:
    long_body = "x" * 100
    t = transport({"request": {"method": "POST", "url": OFFERS, "body": "y" * 100}})
    error = missing(t, post(OFFERS, long_body))
    assert error.closest == (
        f"POST {OFFERS} (<stubs> #1): body differs: request has '{'x' * 59}…', "
        f"stub expects '{'y' * 59}…'"
    )


def test_no_stubs_at_all() -> None:
    error = missing(StubTransport([]), post(OFFERS, '{"a": 1}'))
    assert error.closest is None
    assert str(error) == f"""no stub matches POST {OFFERS} with body '{{"a": 1}}'"""
    error = missing(StubTransport(load_stubs(None)), Request("GET", "https://a.example/"))
    assert str(error) == "no stub matches GET https://a.example/"
