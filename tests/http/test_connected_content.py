"""``{% connected_content %}``: syntax, Braze's request rules, answers, cache, retries."""

from __future__ import annotations

import json
from typing import Any

import pytest

import brazelint
from brazelint.http.client import USER_AGENT
from brazelint.http.types import Request
from brazelint.renderer import Renderer

URL = "https://api.example.com/v1/profile"
NOW = "2024-03-01T12:00:00Z"


def stub(url: str = URL, *, method: str = "GET", **response: Any) -> dict[str, Any]:
    return {"request": {"method": method, "url": url}, "response": response or {"json": {}}}


def render(source: str, stubs: list[dict[str, Any]], profile: Any = None, **options: Any) -> Any:
    return Renderer(stubs=stubs, **options).render(source, profile, now=NOW)


# -- syntax ------------------------------------------------------------------------------

SYNTAX_ERRORS = [
    ("{% connected_content %}", 1, 4, "connected_content needs a URL first"),
    ("{% connected_content :save x %}", 1, 22, "connected_content needs a URL first"),
    (
        "{% connected_content ftp://x.test/a %}",
        1,
        22,
        "connected_content URL must start with http:// or https://, got 'ftp://x.test/a'",
    ),
    (
        f"{{% connected_content {URL} :sav x %}}",
        1,
        57,
        "unknown connected_content option ':sav'; did you mean ':save'?",
    ),
    (f"{{% connected_content {URL} :save %}}", 1, 57, "option ':save' needs a value"),
    (f"{{% connected_content {URL} :save :retry %}}", 1, 57, "option ':save' needs a value"),
    (
        f"{{% connected_content {URL} :method put %}}",
        1,
        65,
        "Braze supports only GET and POST, got ':method put'",
    ),
    (f"{{% connected_content {URL} :headers [1] %}}", 1, 57, "':headers' takes a JSON object"),
    (
        f'{{% connected_content {URL}\n  :headers {{"a": "b",}} %}}',
        2,
        22,
        "':headers' is not valid JSON: Expecting property name enclosed in double quotes",
    ),
    (
        f"{{% connected_content {URL} :cache_max_age soon %}}",
        1,
        72,
        "':cache_max_age' takes a number of seconds, got 'soon'",
    ),
    (
        f"{{% connected_content {URL} :save my-var %}}",
        1,
        63,
        "':save' needs a variable name (letters, digits, _), got 'my-var'",
    ),
    (f"{{% connected_content {URL} :retry :retry %}}", 1, 64, "option ':retry' is given twice"),
    (
        f'{{% connected_content {URL} :method post :body {{"a": 1}} %}}',
        1,
        82,
        "unexpected '1}' in connected_content",
    ),
]


@pytest.mark.parametrize(("template", "line", "column", "message"), SYNTAX_ERRORS)
def test_malformed_tags_are_syntax_errors(
    template: str, line: int, column: int, message: str
) -> None:
    with pytest.raises(brazelint.TemplateSyntaxError) as info:
        brazelint.render(template)
    err = info.value
    assert err.message.startswith(message)
    assert (err.line, err.column) == (line, column)


def test_options_in_any_order_across_lines() -> None:
    source = (
        "{% connected_content https://api.example.com/v1/{{${user_id}}}?lang={{ ${language} | url_param_escape }}\n"
        "     :save   profile\n"
        "     :retry\n"
        "     :method GET\n"
        "%}{{ profile.name }}"
    )
    stubs = [stub("https://api.example.com/v1/u-1?lang=en", json={"name": "Ann"})]
    result = render(source, stubs, {"attributes": {"user_id": "u-1", "language": "en"}})
    assert result.output == "Ann"
    assert result.requests == [
        Request(
            "GET",
            "https://api.example.com/v1/u-1?lang=en",
            {"User-Agent": USER_AGENT, "Content-Type": "application/json", "Accept": "*/*"},
            None,
            line=1,
            column=4,
            status=200,
            stub="<stubs> #1",
        )
    ]


def test_wrapped_in_output_braces_as_braze_docs_show() -> None:
    result = render(
        f"{{{{ {{% connected_content {URL} :save r %}} }}}}{{{{ r.a }}}}", [stub(json={"a": 1})]
    )
    assert result.output == "1"


# -- requests ----------------------------------------------------------------------------


def test_post_defaults_to_form_encoding() -> None:
    source = f"{{% connected_content {URL} :method post :body a=1&b={{{{ 'x y' | url_param_escape }}}} %}}"
    result = render(source, [stub(method="POST", json={})])
    (request,) = result.requests
    assert request.headers == {
        "User-Agent": USER_AGENT,
        "Content-Type": "application/x-www-form-urlencoded",
    }
    assert request.body == "a=1&b=x%20y"


def test_json_content_type_converts_a_form_body() -> None:
    source = f"{{% connected_content {URL} :method post :content_type application/json :body a=1&b=two %}}"
    result = render(source, [stub(method="POST", json={})])
    (request,) = result.requests
    assert request.headers == {
        "User-Agent": USER_AGENT,
        "Content-Type": "application/json",
        "Accept": "application/json",
    }
    assert request.body == '{"a":"1","b":"two"}'


def test_captured_json_body_is_sent_as_is() -> None:
    source = (
        '{% capture payload %}{"user":"{{ ${first_name} | json_escape }}"}{% endcapture %}'
        f"{{% connected_content {URL} :method post :content_type application/json :body {{{{payload}}}} %}}"
    )
    result = render(
        source, [stub(method="POST", json={})], {"attributes": {"first_name": 'Ann "A"'}}
    )
    assert result.requests[0].body == '{"user":"Ann \\"A\\""}'


def test_headers_may_hold_liquid_and_span_lines() -> None:
    source = (
        f"{{% assign token = 'abc' %}}{{% connected_content {URL}\n"
        '  :headers {\n    "X-Token": "{{token}}",\n    "X-User": "{{${user_id}}}"\n  }\n%}'
    )
    result = render(source, [stub()], {"attributes": {"user_id": "u-1"}})
    assert result.requests[0].headers == {
        "User-Agent": USER_AGENT,
        "Content-Type": "application/json",
        "Accept": "*/*",
        "X-Token": "abc",
        "X-User": "u-1",
    }


def test_headers_invalid_after_rendering_is_a_clear_error() -> None:
    source = f'{{% connected_content {URL} :headers {{"X-Name": "{{{{${{first_name}}}}}}"}} %}}'
    with pytest.raises(brazelint.TemplateRenderError) as info:
        render(source, [stub()], {"attributes": {"first_name": 'A"B'}})
    assert info.value.message.startswith("':headers' is not valid JSON once rendered")
    assert info.value.hint is None or "json_escape" in info.value.message


def test_basic_auth_comes_from_credentials() -> None:
    source = f"{{% connected_content {URL} :basic_auth partner %}}"
    result = render(
        source, [stub()], credentials={"partner": {"username": "key", "password": "secret"}}
    )
    assert result.requests[0].headers["Authorization"] == "Basic a2V5OnNlY3JldA=="


def test_basic_auth_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRAZELINT_CREDENTIAL_MY_PARTNER_USERNAME", "envkey")
    monkeypatch.setenv("BRAZELINT_CREDENTIAL_MY_PARTNER_PASSWORD", "envsecret")
    result = render(f"{{% connected_content {URL} :basic_auth my-partner %}}", [stub()])
    assert result.requests[0].headers["Authorization"] == "Basic ZW52a2V5OmVudnNlY3JldA=="


def test_missing_credential_aborts_like_braze() -> None:
    result = render(f"x{{% connected_content {URL} :basic_auth nobody %}}", [stub()])
    assert (result.aborted, result.abort_reason) == (
        True,
        "Connected Content credential 'nobody' does not exist",
    )
    assert [p.name for p in result.problems] == ["connected-content-credential"]
    assert result.requests == []


def test_auth_credentials_add_token_headers_for_their_domain() -> None:
    credentials = {"tok": {"headers": {"X-Api-Key": "k-123"}, "domain": "example.com"}}
    result = render(
        f"{{% connected_content {URL} :auth_credentials tok %}}", [stub()], credentials=credentials
    )
    assert result.requests[0].headers["X-Api-Key"] == "k-123"
    other = render(
        "{% connected_content https://evil.test/x :auth_credentials tok %}",
        [stub("https://evil.test/x")],
        credentials=credentials,
    )
    assert (other.aborted, other.abort_reason) == (
        True,
        "credential 'tok' is limited to example.com, not evil.test",
    )


# -- answers -----------------------------------------------------------------------------


def test_json_answer_is_saved_with_status_code() -> None:
    source = (
        f"{{% connected_content {URL} :save r %}}{{{{ r.name }}}}/{{{{ r.__http_status_code__ }}}}"
    )
    assert render(source, [stub(json={"name": "Ann"})]).output == "Ann/200"


def test_json_answer_without_save_goes_to_connected() -> None:
    source = f"{{% connected_content {URL} %}}{{{{ connected.name }}}}"
    assert render(source, [stub(json={"name": "Ann"})]).output == "Ann"


def test_status_code_only_on_a_2xx_object() -> None:
    """local_connected_content_variables.md: __http_status_code__ is added only for a valid
    JSON object with a 2XX status; a failed call still saves the object, without it."""
    source = (
        f"{{% connected_content {URL} :save r %}}{{{{ r.error }}}}|{{{{ r.__http_status_code__ }}}}|"
        "{% if r.__http_status_code__ != 200 %}failed{% endif %}"
    )
    assert render(source, [stub(status=500, json={"error": "down"})]).output == "down||failed"
    assert render(source, [stub(status=201, json={"error": "none"})]).output == "none|201|failed"


def test_user_agent_is_braze_sender() -> None:
    """making_an_api_call.md: requests carry User-Agent: Braze Sender <hash>; a stub may
    match on it."""
    source = f"{{% connected_content {URL} :save r %}}{{{{ r.ok }}}}"
    match = {
        "request": {"url": URL, "headers": {"User-Agent": USER_AGENT}},
        "response": {"json": {"ok": "yes"}},
    }
    result = render(source, [match])
    assert result.output == "yes"
    assert USER_AGENT.startswith("Braze Sender ")


def test_json_array_has_no_status_code() -> None:
    source = (
        f"{{% connected_content {URL} :save r %}}{{{{ r[1] }}}}|{{{{ r.__http_status_code__ }}}}"
    )
    assert render(source, [stub(json=["a", "b"])]).output == "b|"


def test_text_answer_is_inserted() -> None:
    assert (
        render(f"<{{% connected_content {URL} %}}>", [stub(body="plain text")]).output
        == "<plain text>"
    )


def test_404_renders_empty() -> None:
    source = f"<{{% connected_content {URL} :save r %}}>{{{{ r }}}}"
    assert render(source, [stub(status=404, json={"error": "nope"})]).output == "<>"


def test_error_status_keeps_json_object_for_status_checks() -> None:
    source = f"{{% connected_content {URL} :save r %}}{{% if r.__http_status_code__ != 200 %}}down{{% endif %}}"
    assert render(source, [stub(status=500, json={"error": "boom"})]).output == "down"


def test_no_matching_stub_is_a_problem_not_a_crash() -> None:
    source = f"<{{% connected_content {URL}/typo :method post :body a=1 %}}>"
    result = render(source, [stub(method="POST", json={})])
    assert result.output == "<>"
    (problem,) = result.problems
    assert problem.name == "connected-content-no-stub"
    assert problem.message.startswith(
        f"no stub matches POST {URL}/typo with body 'a=1'; closest stub: POST {URL}"
    )
    assert (problem.line, problem.column) == (1, 5)
    assert result.requests == [
        Request(
            "POST",
            f"{URL}/typo",
            {"User-Agent": USER_AGENT, "Content-Type": "application/x-www-form-urlencoded"},
            "a=1",
            1,
            5,
        )
    ]


def test_rerender_runs_liquid_in_the_answer() -> None:
    """user_profile_fields_connected_content.md: the answer's Liquid sees the profile
    fields the message names before (or in) the call, such as in its URL."""
    source = (
        f"{{% connected_content {URL}?n={{{{${{first_name}} | url_param_escape}}}} :save r "
        ":rerender %}{{ r.greeting }}"
    )
    stubs = [stub(URL + "?n=Ann", body='{"greeting": "Hi {{${first_name}}}"}')]
    result = render(source, stubs, {"attributes": {"first_name": "Ann"}})
    assert result.output == "Hi Ann"


def test_rerender_sees_only_fields_named_before_the_call() -> None:
    """user_profile_fields_connected_content.md: Braze fetches only the fields the message
    names, so a field first named in the answer (or after the call) renders empty."""
    source = (
        f"{{% connected_content {URL} :save r :rerender %}}"
        "{{ r.greeting }}|{{ ${last_name} }}"
    )
    stubs = [stub(body='{"greeting": "Hi {{${first_name}}} {{${last_name}}}"}')]
    result = render(source, stubs, {"attributes": {"first_name": "Ann", "last_name": "Lee"}})
    assert result.output == "Hi  |Lee"


def test_rerender_is_one_level_deep() -> None:
    """user_profile_fields_connected_content.md: one level deep; a connected_content tag in
    the answer stays as written and is never called."""
    answer = "A {% connected_content https://other.example.com/x %} B {{ 1 | plus: 1 }}"
    result = render(f"{{% connected_content {URL} :rerender %}}", [stub(body=answer)])
    assert result.output == "A {% connected_content https://other.example.com/x %} B 2"
    assert [r.url for r in result.requests] == [URL]


# -- retries, cache, restrictions ---------------------------------------------------------


def _sequence(*statuses: int) -> dict[str, Any]:
    return {
        "request": {"url": URL},
        "responses": [{"status": s, "json": {"n": i}} for i, s in enumerate(statuses)],
    }


def test_retry_until_success() -> None:
    source = f"{{% connected_content {URL} :save r :retry :no_cache %}}{{{{ r.n }}}}"
    result = render(source, [_sequence(500, 502, 200)])
    assert result.output == "2"
    assert [r.status for r in result.requests] == [500, 502, 200]


def test_retry_gives_up_after_five_and_aborts() -> None:
    source = f"{{% connected_content {URL} :save r :retry %}}x"
    result = render(source, [_sequence(503)])
    assert result.aborted is True
    assert (
        result.abort_reason
        == f"Connected Content call to {URL} failed after 5 retries (status 503)"
    )
    assert len(result.requests) == 6


def test_without_retry_a_failure_renders_empty() -> None:
    result = render(f"<{{% connected_content {URL} %}}>", [_sequence(503)])
    assert (result.output, len(result.requests)) == ("<>", 1)


def test_get_is_cached_across_renders_of_one_run() -> None:
    renderer = Renderer(stubs=[_sequence(200, 200)])
    source = f"{{% connected_content {URL} :save r %}}{{{{ r.n }}}}"
    first = renderer.render(source, now="2024-03-01T12:00:00Z")
    second = renderer.render(source, now="2024-03-01T12:04:59Z")
    third = renderer.render(source, now="2024-03-01T12:05:00Z")
    assert (first.output, second.output, third.output) == ("0", "0", "1")
    assert [r.cached for r in second.requests] == [True]


def test_cache_max_age_and_no_cache() -> None:
    renderer = Renderer(stubs=[_sequence(200, 200, 200)])
    aged = f"{{% connected_content {URL} :save r :cache_max_age 900 %}}{{{{ r.n }}}}"
    assert renderer.render(aged, now="2024-03-01T12:00:00Z").output == "0"
    assert renderer.render(aged, now="2024-03-01T12:14:00Z").output == "0"
    fresh = f"{{% connected_content {URL} :save r :no_cache %}}{{{{ r.n }}}}"
    assert renderer.render(fresh, now="2024-03-01T12:14:00Z").output == "1"


def test_post_is_cached_only_with_cache_max_age() -> None:
    renderer = Renderer(
        stubs=[
            {
                "request": {"method": "POST", "url": URL},
                "responses": [{"json": {"n": 0}}, {"json": {"n": 1}}],
            }
        ]
    )
    post = f"{{% connected_content {URL} :method post :save r %}}{{{{ r.n }}}}"
    assert [renderer.render(post, now=NOW).output for _ in range(2)] == ["0", "1"]


def test_legacy_cache_option_works_and_is_reported() -> None:
    result = render(
        f"{{% connected_content {URL} :save r :cache 900 %}}{{{{ r.a }}}}", [stub(json={"a": 1})]
    )
    assert result.output == "1"
    assert [p.name for p in result.problems] == ["connected-content-legacy-cache"]


@pytest.mark.parametrize(
    ("source", "stubs", "name"),
    [
        (
            "{% connected_content https://api.example.com:8443/x %}",
            [stub("https://api.example.com:8443/x")],
            "connected-content-port",
        ),
        (
            f"{{% connected_content {URL} :cache_max_age 60 %}}",
            [stub()],
            "connected-content-cache-age",
        ),
        (
            f"{{% connected_content {URL} %}}",
            [stub(status=301, headers={"Location": "https://b.test"})],
            "connected-content-redirect",
        ),
        (
            f"{{% connected_content {URL} %}}",
            [stub(json={}, delay=2.5)],
            "connected-content-timeout",
        ),
        (
            f"{{% connected_content {URL} %}}",
            [stub(body="x" * 1_048_577)],
            "connected-content-too-large",
        ),
    ],
)
def test_braze_restrictions_are_reported(
    source: str, stubs: list[dict[str, Any]], name: str
) -> None:
    result = render(source, stubs)
    assert [p.name for p in result.problems] == [name]
    assert result.output == ""


def test_request_and_response_schemas_are_checked(tmp_path: Any) -> None:
    from brazelint.http.checks import parse_rules

    rules = parse_rules(
        [
            {
                "url-pattern": "/offers/api/2\\.0/offers/get_user_offers$",
                "request-schema": "sessionm/get-user-offers-request",
                "response-schema": "sessionm/get-user-offers-response",
            }
        ],
        where="test",
        base=tmp_path,
    )
    url = "https://connect.example.com/offers/api/2.0/offers/get_user_offers"
    source = f"{{% connected_content {url} :method post :content_type application/json :body user_id= :save w %}}"
    stubs = [{"request": {"method": "POST", "url": url}, "response": {"json": {"status": "ok"}}}]
    result = Renderer(stubs=stubs, exchange_rules=rules).render(source, now=NOW)
    assert [(p.name, p.message) for p in result.problems] == [
        (
            "connected-content-request-schema",
            f"request body sent to {url} breaks get-user-offers-request: missing required `retailer_id`",
        ),
        (
            "connected-content-request-schema",
            f"request body sent to {url} breaks get-user-offers-request: `user_id` must not be empty",
        ),
        (
            "connected-content-response-schema",
            f"answer from {url} breaks get-user-offers-response: missing required `payload`",
        ),
    ]


def test_no_network_without_stubs() -> None:
    result = brazelint.render(f"<{{% connected_content {URL} %}}>")
    assert result.output == "<>"
    assert result.problems[0].message == f"no stub matches GET {URL}"


def test_api_accepts_stub_dicts_and_credentials() -> None:
    result = brazelint.render(
        f"{{% connected_content {URL} :basic_auth p :save r %}}{{{{ r.ok }}}}",
        stubs=[
            {
                "request": {"url": URL, "headers": {"Authorization": "Basic dTpw"}},
                "response": {"json": {"ok": True}},
            }
        ],
        credentials={"p": {"username": "u", "password": "p"}},
    )
    assert result.output == "true"


def test_redacted_in_json_report() -> None:
    result = render(
        f"{{% connected_content {URL}?api_key=s3cr3t :basic_auth p %}}",
        [stub(f"{URL}?api_key=s3cr3t")],
        credentials={"p": {"username": "u", "password": "p"}},
    )
    printed = json.dumps(result.to_dict())
    assert "s3cr3t" not in printed
    assert "dTpw" not in printed
    assert result.requests[0].headers["Authorization"] == "Basic dTpw"
