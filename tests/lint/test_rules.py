"""Every rule in the catalog, proven on a small template: the exact diagnostic, then the
catalog's good example (adapted) without it.

Each test lints real files in a tmp project (``project`` fixture) through the same
``LintSession`` the CLI uses. Columns come from the template text (``at``/``span``), so a
test reads as "the diagnostic points at this piece of the template".
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, TypeVar

import pytest
from lintkit import Project, at, codes, only, rows, span

import brazelint
from brazelint.rules.registry import RULES, rule

F = TypeVar("F", bound=Callable[..., object])
COVERED: dict[str, list[str]] = {}
"""Rule code -> the tests that prove it (filled by ``@proves``)."""

REAL = ("anonymous_user", "known_user")
"""The project's profiles, in the order a run lists them."""
KNOWN = ("known_user",)
ANONYMOUS = ("anonymous_user",)
UNSET = ("anonymous_user", "empty")
"""The profiles without a first name: the anonymous one and the generated empty user."""
WITH_EMPTY = (*REAL, "empty", "complete")
"""The real profiles and the generated users that render a body (the adversarial user
reports only what its hostile text breaks)."""
EVERYONE = (*REAL, "empty", "complete", "adversarial")
URL_PROFILES = (*REAL, "empty", "adversarial")
STATIC = (*REAL, "empty")
"""For a template that reads nothing of a user the complete user is the empty one, so
only the empty user renders beside the real ones."""
SET_BY_REAL = (*REAL, "empty")
"""When the real profiles set every value a template reads and reach all of it, the
complete user is not rendered: its made-up values could only repeat their verdict."""
STATIC_ALL = (*REAL, "empty", "adversarial")
"""A webhook URL renders for these; the complete user is made from what a body reads."""
ADVERSARIAL = ("adversarial",)


def proves(*rule_codes: str) -> Callable[[F], F]:
    def register(test: F) -> F:
        for code in rule_codes:
            COVERED.setdefault(code, []).append(test.__name__)
        return test

    return register


def severity(code: str) -> str:
    return rule(code).severity


# -- BL0xx: the template does not parse --------------------------------------------------


@proves("BL001")
def test_bl001_syntax_error(project: Project) -> None:
    source = "Hi\n{% if ${first_name} %}Hello {{${first_name}}}\n"
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "if")
    assert rows(found) == [
        (
            "BL001",
            line,
            column,
            end,
            severity("BL001"),
            (),
            "expected tag endif, found end of expression",
        )
    ]
    good = "Hi\n{% if ${first_name} %}Hello {{${first_name}}}{% endif %}\n"
    assert "BL001" not in codes(project.lint("t.liquid", good))


@proves("BL001")
def test_bl001_output_never_closed(project: Project) -> None:
    source = "Counting down\n{{today]]\n"
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "{{today]]")
    assert rows(found) == [
        ("BL001", line, column, end, "error", (), "expected '}}', found end of file")
    ]
    assert found[0].hint == "close the output statement with }}"


@proves("BL002")
def test_bl002_unknown_tag(project: Project) -> None:
    source = "Offers:\n{% connected_contnet https://api.example.com/offers :save offers %}\n"
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "connected_contnet")
    assert rows(found) == [
        ("BL002", line, column, end, "error", (), "unknown tag 'connected_contnet'")
    ]
    assert found[0].hint == "did you mean 'connected_content'?"
    project.write("stubs/offers.yaml", STUB_OFFERS)
    good = "Offers:\n{% connected_content https://api.example.com/offers :save offers %}\n"
    assert "BL002" not in codes(project.lint("t.liquid", good))


@proves("BL002")
def test_bl002_misspelt_end_tag(project: Project) -> None:
    """The catalog's BL001 example: a misspelt ``endif`` is an unknown tag, with a hint."""
    source = "{% if ${first_name} %}Hi{% endfi %}"
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "endfi")
    assert rows(found) == [("BL002", line, column, end, "error", (), "unknown tag 'endfi'")]
    assert found[0].hint == "did you mean 'endif'?"


@proves("BL003")
def test_bl003_unsupported_tag(project: Project) -> None:
    source = "Thanks!\n{% render 'footer' %}\n"
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "render")
    assert rows(found) == [
        (
            "BL003",
            line,
            column,
            end,
            "error",
            (),
            "'render' is not supported in Braze; share markup with a Content Block: "
            "{{content_blocks.${name}}}",
        )
    ]
    project.write("content_blocks/footer.liquid", "Unsubscribe any time.")
    good = "Thanks!\n{{content_blocks.${footer}}}\n"
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL004")
def test_bl004_curly_quotes(project: Project) -> None:
    source = 'Year:\n{{ \u201cnow\u201d | date: "%Y" }}\n'
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "\u201c")
    assert rows(found) == [
        ("BL004", line, column, end, "error", (), "typographic quote \u201c in a Liquid output")
    ]
    assert found[0].hint == 'replace it with a straight quote "'
    good = 'Year:\n{{ "now" | date: "%Y" }}\n'
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL004")
def test_bl004_curly_single_quote_in_tag(project: Project) -> None:
    source = "{% if ${language} == \u2018en\u2019 %}Hello{% endif %}"
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "\u2018")
    assert rows(found) == [
        ("BL004", line, column, end, "error", (), "typographic quote \u2018 in a Liquid tag")
    ]
    assert found[0].hint == "replace it with a straight quote '"


# -- BL1xx: Braze tags and Connected Content ----------------------------------------------

STUB_A = """\
- request: {url: "https://api.example.com/a"}
  response: {json: {ok: true}}
"""
STUB_OFFERS = """\
- request: {url: "https://api.example.com/offers"}
  response: {json: {offers: []}}
"""


@proves("BL101")
def test_bl101_connected_content_option(project: Project) -> None:
    project.write("stubs/a.yaml", STUB_A)
    source = "A\n{% connected_content https://api.example.com/a :cache 60 :save a %}{{a.ok}}\n"
    found = project.lint("t.liquid", source)
    line, column = at(source, "connected_content")
    assert rows(found) == [
        (
            "BL101",
            line,
            column,
            column,
            "warning",
            WITH_EMPTY,
            "':cache' is the old spelling; Braze documents ':cache_max_age'",
        ),
        (
            "BL101",
            line,
            column,
            column,
            "warning",
            WITH_EMPTY,
            "cache age 60s is outside Braze's range (300s to 14400s)",
        ),
    ]
    good = (
        "A\n{% connected_content https://api.example.com/a :cache_max_age 900 :save a %}{{a.ok}}\n"
    )
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL102")
def test_bl102_connected_content_no_stub(project: Project) -> None:
    stubs = project.write("stubs/a.yaml", STUB_A)
    source = "Offers:\n{% connected_content https://api.example.com/offers :save offers %}\n"
    found = project.lint("t.liquid", source)
    line, column = at(source, "connected_content")
    assert rows(found, "BL102") == [
        (
            "BL102",
            line,
            column,
            column,
            "error",
            STATIC,
            "no stub matches GET https://api.example.com/offers; closest stub: "
            f"GET https://api.example.com/a ({stubs} #1): URL differs at character 25: "
            "request has 'offers', stub expects 'a'",
        )
    ]
    project.write("stubs/offers.yaml", STUB_OFFERS)
    assert "BL102" not in codes(project.lint("t.liquid", source))


@proves("BL103")
def test_bl103_hard_coded_credentials(project: Project) -> None:
    project.write("stubs/a.yaml", STUB_A)
    source = (
        "{% connected_content https://api.example.com/a\n"
        '   :headers {"Authorization": "Basic ZGVtbzpzZWNyZXQ="} :save a %}{{a.ok}}\n'
    )
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "Basic ZGVtbzpzZWNyZXQ=")
    assert rows(found) == [
        (
            "BL103",
            line,
            column,
            end,
            "error",
            (),
            "literal credential in the 'Authorization' header",
        )
    ]
    project.configure(
        '[credentials.partner_api]\nheaders = {Authorization = "Bearer from-the-vault"}\n'
    )
    good = (
        "{% connected_content https://api.example.com/a :auth_credentials partner_api "
        ":save a %}{{a.ok}}\n"
    )
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL103")
def test_bl103_secret_in_query_and_user_info(project: Project) -> None:
    source = (
        "{% connected_content https://api.example.com/a?api_key=s3cr3tvalue :save a %}\n"
        "{% connected_content https://bob:hunter22@api.example.com/a :save b %}\n"
    )
    found = project.lint("t.liquid", source)
    key = span(source, "s3cr3tvalue")
    user = span(source, "bob:hunter22@")
    assert rows(found, "BL103") == [
        ("BL103", key[0], key[1], key[2], "error", (), "the URL carries a literal 'api_key'"),
        (
            "BL103",
            user[0],
            user[1],
            user[2],
            "error",
            (),
            "user name and password written into the URL",
        ),
    ]


@proves("BL104")
def test_bl104_insecure_url(project: Project) -> None:
    source = "Offers:\n{% connected_content http://api.example.com:8080/offers :save offers %}\n"
    found = project.lint("t.liquid", source)
    line, scheme, _ = span(source, "http://")
    _, port, port_end = span(source, "8080")
    assert rows(found, "BL104") == [
        ("BL104", line, scheme, scheme + 7, "error", (), "Connected Content URL uses plain http"),
        (
            "BL104",
            line,
            port,
            port_end,
            "error",
            (),
            "Connected Content URL uses port 8080; Braze only connects to ports 80 and 443",
        ),
    ]
    project.write("stubs/offers.yaml", STUB_OFFERS)
    good = "Offers:\n{% connected_content https://api.example.com/offers :save offers %}\n"
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL104")
def test_bl104_port_known_only_after_rendering(project: Project) -> None:
    """A host written with Liquid hides the port from the source scan; the render finds it."""
    project.write(
        "stubs/any.yaml",
        '- request: {url_pattern: "^https://api"}\n  response: {json: {ok: true}}\n',
    )
    source = (
        '{% assign host = "api.example.com:8443" %}\n'
        "{% connected_content https://{{host}}/offers :save offers %}{{offers.ok}}\n"
    )
    found = project.lint("t.liquid", source)
    line, column = at(source, "connected_content")
    assert rows(found) == [
        (
            "BL104",
            line,
            column,
            column,
            "error",
            WITH_EMPTY,
            "Braze only calls ports 80 and 443; https://api.example.com:8443/offers uses port 8443",
        )
    ]


@proves("BL105")
def test_bl105_unescaped_query_value(project: Project) -> None:
    project.write(
        "stubs/offers.yaml",
        '- request: {url_pattern: "^https://api\\\\.example\\\\.com/offers\\\\?email="}\n'
        "  response: {json: {offers: []}}\n",
    )
    source = (
        "{% connected_content https://api.example.com/offers?email={{${email_address}}} "
        ":save offers %}Offers: {{offers.offers | size}}\n"
    )
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "{{${email_address}}}")
    assert rows(found, "BL105") == [
        (
            "BL105",
            line,
            column,
            end,
            "warning",
            (),
            "Liquid value in the query string is not URL-escaped",
        )
    ]
    assert only(found, "BL105").hint == "add a filter: {{${email_address} | url_param_escape}}"
    good = (
        "{% connected_content "
        "https://api.example.com/offers?email={{${email_address} | url_param_escape}} "
        ":save offers %}Offers: {{offers.offers | size}}\n"
    )
    assert "BL105" not in codes(project.lint("t.liquid", good))


@proves("BL106")
def test_bl106_abort_reason_not_string(project: Project) -> None:
    source = "Hi\n{% abort_message(not same month) %}\n"
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "not same month")
    assert rows(found, "BL106") == [
        (
            "BL106",
            line,
            column,
            end,
            "warning",
            (),
            "abort_message reason 'not same month' is not a quoted string",
        )
    ]
    assert only(found, "BL106").hint == ("quote it: {% abort_message('not same month') %}")
    good = "Hi\n{% abort_message('not same month') %}\n"
    assert "BL106" not in codes(project.lint("t.liquid", good))


STUB_FAILING = """\
- request: {url: "https://api.example.com/fail"}
  response: {status: 500, json: {error: down}}
- request: {url: "https://api.example.com/slow"}
  response: {delay: 3, json: {ok: true}}
- request: {url: "https://api.example.com/moved"}
  response: {status: 301, headers: {Location: "https://api.example.com/a"}}
"""


@proves("BL107")
def test_bl107_connected_content_failed(project: Project) -> None:
    project.write("stubs/failing.yaml", STUB_FAILING)
    source = (
        "{% connected_content https://api.example.com/fail :save fail %}\n"
        "{% connected_content https://api.example.com/slow :save slow %}\n"
        "{% connected_content https://api.example.com/moved :save moved %}\n"
        "Done\n"
    )
    found = project.lint("t.liquid", source)
    tags = [at(source, "connected_content", n) for n in (1, 2, 3)]
    messages = [
        "GET https://api.example.com/fail answered 500; "
        "the template does not check __http_status_code__",
        "the answer took 3s; Braze gives up after 2s and inserts nothing",
        "the answer is a 301 redirect; Braze does not follow redirects",
    ]
    assert rows(found) == [
        ("BL107", line, column, column, "warning", STATIC, message)
        for (line, column), message in zip(tags, messages)
    ]
    good = (
        "{% connected_content https://api.example.com/fail :save fail %}\n"
        "{% if fail.__http_status_code__ != 200 %}{% abort_message('partner down') %}"
        "{% endif %}Done\n"
    )
    found = project.lint("t.liquid", good)
    assert "BL107" not in codes(found)
    abort = at(good, "abort_message")
    assert rows(found, "BL303") == [
        ("BL303", *abort, abort[1], "info", REAL, "message aborted: partner down"),
    ]


@proves("BL108")
def test_bl108_connected_content_schema(project: Project) -> None:
    project.write(
        "retailer.schema.json",
        '{"type": "object", "required": ["retailer_id"],\n'
        ' "properties": {"retailer_id": {"type": "string", "minLength": 1}}}\n',
    )
    project.configure(
        '[[connected-content]]\nurl-pattern = "/offers$"\nrequest-schema = "retailer.schema.json"\n'
    )
    project.write(
        "stubs/offers.yaml",
        '- request: {method: POST, url: "https://api.example.com/offers"}\n'
        "  response: {json: {offers: []}}\n",
    )
    source = (
        '{% capture body %}{"retailer_id": "{{custom_attribute.${retailer}}}"}{% endcapture %}\n'
        "{% connected_content https://api.example.com/offers :method post :body {{body}}\n"
        "   :content_type application/json :save offers %}{{offers.offers | size}}\n"
    )
    found = project.lint("t.liquid", source)
    line, column = at(source, "connected_content")
    assert rows(found, "BL108") == [
        (
            "BL108",
            line,
            column,
            column,
            "error",
            (*REAL, "empty"),  # the complete user has a retailer
            "request body sent to https://api.example.com/offers breaks retailer.schema: "
            "`retailer_id` must not be empty",
        )
    ]
    good = source.replace("{{custom_attribute.${retailer}}}", "r-2f9e6c1e")
    assert "BL108" not in codes(project.lint("t.liquid", good))


@proves("BL109")
def test_bl109_missing_credential(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    for suffix in ("USERNAME", "PASSWORD", "HEADERS"):
        monkeypatch.delenv(f"BRAZELINT_CREDENTIAL_PARTNER_{suffix}", raising=False)
    project.write("stubs/a.yaml", STUB_A)
    source = "{% connected_content https://api.example.com/a :basic_auth partner :save a %}ok\n"
    found = project.lint("t.liquid", source)
    line, column = at(source, "connected_content")
    assert rows(found, "BL109") == [
        (
            "BL109",
            line,
            column,
            column,
            "error",
            STATIC,
            "Connected Content credential 'partner' has no values; configure it under "
            "[tool.brazelint.credentials.partner] or BRAZELINT_CREDENTIAL_PARTNER_*",
        )
    ]
    project.configure('[credentials.partner]\nusername = "api-key"\npassword = "api-secret"\n')
    assert codes(project.lint("t.liquid", source)) == []


# -- BL2xx: attributes, variables and filters ---------------------------------------------


@proves("BL201")
def test_bl201_unknown_attribute(project: Project) -> None:
    source = "Hello,\nHi {{${frist_name}}}\n"
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "${frist_name}")
    assert rows(found) == [
        (
            "BL201",
            line,
            column,
            end,
            "error",
            (),
            "${frist_name} is not a Braze standard attribute; it renders empty for every user",
        )
    ]
    assert found[0].hint == "did you mean ${first_name}?"
    good = "Hello,\nHi {{${first_name} | default: 'there'}}\n"
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL202")
def test_bl202_undefined_variable(project: Project) -> None:
    source = '{\n  "url": "https://{{endpoint_core}}/v1/tags"\n}\n'
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "endpoint_core")
    assert rows(found) == [
        (
            "BL202",
            line,
            column,
            end,
            "error",
            (),
            "'endpoint_core' is never assigned and Braze does not define it; it renders empty",
        )
    ]
    good = (
        '{% assign endpoint = "api.example.com" %}{\n  "url": "https://{{endpoint}}/v1/tags"\n}\n'
    )
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL202")
def test_bl202_postman_placeholders_in_connected_content_url(project: Project) -> None:
    project.write(
        "stubs/any.yaml", '- request: {url_pattern: "."}\n  response: {json: {ok: true}}\n'
    )
    source = (
        "{% connected_content https://{{endpoint_core}}/priv/v1/apps/{{appkey_core}}/users "
        ":save r %}{{r.ok}}\n"
    )
    found = project.lint("t.liquid", source)
    endpoint = span(source, "endpoint_core")
    appkey = span(source, "appkey_core")
    message = "'{}' is never assigned and Braze does not define it; it renders empty"
    assert rows(found, "BL202") == [
        ("BL202", *endpoint, "error", (), message.format("endpoint_core")),
        ("BL202", *appkey, "error", (), message.format("appkey_core")),
    ]


def test_bl202_names_that_are_defined_somewhere(project: Project) -> None:
    """Assigned later, captured, looped over, saved by Connected Content, or in a Content
    Block: none of these is undefined."""
    project.write("content_blocks/setup.liquid", '{% assign brand = "Acme" %}')
    project.write("stubs/a.yaml", STUB_A)
    source = (
        "{{content_blocks.${setup}}}{{brand}}\n"
        "{% for item in custom_attribute.${cart_items} %}{{item}}{{forloop.index}}{% endfor %}\n"
        "{% capture greeting %}Hi{% endcapture %}{{greeting}}\n"
        "{% connected_content https://api.example.com/a :save a %}{{a.ok}}\n"
        '{% if later %}{% endif %}{% assign later = "x" %}\n'
    )
    assert "BL202" not in codes(project.lint("t.liquid", source))


@proves("BL203")
def test_bl203_attribute_missing(project: Project) -> None:
    source = "Hello\nHi {{${first_name}}}, your tier: {{custom_attribute.${loyalty_tier}}}\n"
    found = project.lint("t.liquid", source)
    name = span(source, "${first_name}")
    tier = span(source, "custom_attribute.${loyalty_tier}")
    assert rows(found) == [
        (
            "BL203",
            *name,
            "warning",
            UNSET,
            "first_name is not set for this profile and renders empty",
        ),
        (
            "BL203",
            *tier,
            "warning",
            UNSET,
            "custom_attribute.loyalty_tier is not set for this profile and renders empty",
        ),
    ]
    good = (
        "Hello\nHi {{${first_name} | default: 'there'}}, your tier: "
        "{{custom_attribute.${loyalty_tier} | default: 'basic'}}\n"
    )
    assert codes(project.lint("t.liquid", good)) == []


def test_bl203_only_printed_values_and_real_profiles(project: Project) -> None:
    """A condition is not a print (the empty user skips the branch); an unknown attribute
    is BL201's alone."""
    source = "{% if ${first_name} %}Hi {{${first_name}}}{% else %}Hi{% endif %}\n{{${timezone}}}\n"
    found = project.lint("t.liquid", source)
    # first_name is printed only inside the if; ${timezone} is a typo of time_zone
    assert codes(found) == ["BL201"]


def test_bl203_filters_that_print_something_for_a_missing_value(project: Project) -> None:
    """``size``, ``plus`` or ``md5`` print something for a missing value; ``upcase`` does not."""
    source = (
        "Items: {{custom_attribute.${cart_items} | size}}\n"
        "Points: {{custom_attribute.${points} | plus: 0}}\n"
        "Key: {{${email_address} | md5}}\n"
        "Name: {{${first_name} | upcase}}\n"
    )
    found = project.lint("t.liquid", source)
    assert rows(found) == [
        (
            "BL203",
            *span(source, "${first_name}"),
            "warning",
            UNSET,
            "first_name is not set for this profile and renders empty",
        )
    ]


@proves("BL204")
def test_bl204_unknown_filter(project: Project) -> None:
    source = "Key:\n{{${email_address} | md55}}\n"
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "md55")
    assert rows(found) == [("BL204", line, column, end, "error", (), "unknown filter 'md55'")]
    assert found[0].hint == "did you mean 'md5'?"
    good = "Key:\n{{${email_address} | default: '' | md5}}\n"
    assert codes(project.lint("t.liquid", good)) == []
    in_a_tag = (
        "Key:{% if ${first_name} %}\n  {% assign key = ${email_address} | downcase | md55 %}\n"
    )
    in_a_tag += "{% endif %}\n"
    found = project.lint("t.liquid", in_a_tag)
    line, column, end = span(in_a_tag, "md55")
    assert (line, column) == (2, 49)  # inside an assign, inside an if
    assert rows(found) == [("BL204", line, column, end, "error", (), "unknown filter 'md55'")]


@proves("BL205")
def test_bl205_unsupported_filter(project: Project) -> None:
    source = (
        "{{ 3.5 | money_with_currency }}\n"
        "{{ ' x ' | lstrip }}\n"
        "{{ custom_attribute.${cart_items} | find: 'size', 'M' | default: '-' }}\n"
    )
    found = project.lint("t.liquid", source)
    assert rows(found) == [
        (
            "BL205",
            *span(source, "money_with_currency"),
            "error",
            (),
            "filter 'money_with_currency' is not supported in Braze",
        ),
        (
            "BL205",
            *span(source, "lstrip"),
            "error",
            (),
            "filter 'lstrip' is not supported in Braze",
        ),
        ("BL208", *span(source, "find"), "warning", (), "filter 'find' is not documented in Braze"),
    ]
    good = "{{ 3.5 | money }}\n{{ ' x ' | strip }}\n"
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL208")
def test_bl207_undocumented_filter(project: Project) -> None:
    source = "Total: {{ custom_attribute.${cart_items} | sum }}\n"
    found = project.lint("t.liquid", source)
    assert rows(found, "BL208") == [
        ("BL208", *span(source, "sum"), "warning", (), "filter 'sum' is not documented in Braze")
    ]
    assert (
        found[0].hint == "it works here but may fail or differ in Braze; test it in the dashboard"
    )
    good = "Total: {{ custom_attribute.${cart_items} | size }}\n"
    assert "BL208" not in codes(project.lint("t.liquid", good))


@proves("BL206")
def test_bl206_filter_in_condition(project: Project) -> None:
    source = (
        "{% if custom_attribute.${cart_items} | size > 3 %}Big cart{% endif %}\n"
        "{% for item in custom_attribute.${cart_items} | sort %}{{item}}{% endfor %}\n"
    )
    found = project.lint("t.liquid", source)
    assert rows(found) == [
        (
            "BL206",
            *at(source, "|"),
            at(source, "|")[1] + 1,
            "error",
            (),
            "filters are not allowed in an 'if' condition",
        ),
        (
            "BL206",
            *at(source, "|", 2),
            at(source, "|", 2)[1] + 1,
            "error",
            (),
            "filters are not allowed in a 'for' condition",
        ),
    ]
    good = (
        "{% assign cart_size = custom_attribute.${cart_items} | size %}"
        "{% if cart_size > 3 %}Big cart{% else %}Small cart{% endif %}\n"
    )
    assert codes(project.lint("t.liquid", good)) == []


def test_bl206_pipe_inside_a_string_is_not_a_filter(project: Project) -> None:
    source = "{% if ${first_name} == 'a | b' %}odd{% else %}ok{% endif %}\n"
    assert codes(project.lint("t.liquid", source)) == []


# -- BL3xx: render time ---------------------------------------------------------------------


@proves("BL301")
def test_bl301_render_error(project: Project) -> None:
    source = 'Ratio:\n{{ "abc" | divided_by: 0 }}\n'
    found = project.lint("t.liquid", source)
    line, column, end = span(source, "divided_by")
    assert rows(found) == [
        ("BL301", line, column, end, "error", STATIC_ALL, "divided_by: can't divide by 0"),
        (
            "BL308",
            line,
            column,
            column + 1,
            "warning",
            (),
            "nothing past line 2 was checked: every profile aborted or failed — "
            "anonymous_user, known_user, empty, adversarial: failed (divided_by: "
            "can't divide by 0)",
        ),
    ]
    good = "Ratio:\n{{ event_properties.${price} | default: 0 | divided_by: 2 }}\n"
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL302")
def test_bl302_limit_exceeded(project: Project) -> None:
    source = "Loop:\n{% for i in (1..10000000) %}{% endfor %}\n"
    found = project.lint("t.liquid", source)
    line, column = at(source, "(1..")
    assert rows(found) == [
        (
            "BL302",
            line,
            column,
            column + 1,
            "error",
            STATIC_ALL,
            "range (1..10000000) has 10000000 items, more than limits.loop_iterations (50000)",
        ),
        (
            "BL308",
            line,
            column,
            column + 1,
            "warning",
            (),
            "nothing past line 2 was checked: every profile aborted or failed — "
            "anonymous_user, known_user, empty, adversarial: failed (range "
            "(1..10000000) has 10000000 items, more than limits.loop_iterations (50000))",
        ),
    ]
    good = (
        "Loop:\n{% for item in custom_attribute.${cart_items} limit: 20 %}{{item}}{% endfor %}"
        "{{custom_attribute.${cart_items} | size}}\n"
    )
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL303")
def test_bl303_message_aborted(project: Project) -> None:
    source = "Hi\n{% if ${email_address} == blank %}{% abort_message('no email') %}{% endif %}\n"
    found = project.lint("t.liquid", source)
    line, column = at(source, "abort_message")
    assert rows(found) == [
        ("BL303", line, column, column, "info", ANONYMOUS, "message aborted: no email")
    ]
    assert "BL303" not in codes(project.lint("t.liquid", "Hi\n"))


@proves("BL304")
def test_bl304_empty_output(project: Project) -> None:
    source = "{% if ${first_name} %}Hi {{${first_name}}}{% endif %}\n"
    found = project.lint("t.liquid", source)
    assert rows(found) == [
        ("BL304", 1, 1, 1, "warning", ANONYMOUS, "the template renders nothing for this profile")
    ]
    good = "Hi {{${first_name} | default: 'there'}}\n"
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL306")
def test_bl306_check_failed(project: Project) -> None:
    source = 'Hi\n{% comment %}brazelint: schema=sesionm/tags{% endcomment %}{"a": 1}\n'
    found = project.lint("t.liquid", source)
    line, column = at(source, "{% comment")
    [diagnostic] = [d for d in found if d.code == "BL306"]
    assert (diagnostic.line, diagnostic.column, diagnostic.severity) == (line, column, "error")
    assert "unknown schema 'sesionm/tags'" in diagnostic.message
    good = 'Hi\n{% comment %}brazelint: schema=sessionm/tags{% endcomment %}{"a": 1}\n'
    assert "BL306" not in codes(project.lint("t.liquid", good))


# -- BL4xx: JSON, schema and payload semantics ----------------------------------------------

INTEGER_SCHEMA = """\
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "tags": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "ttl": {"type": "integer", "minimum": 1},
    "price": {"type": "number"},
    "user_id": {"type": "string", "minLength": 1}
  }
}
"""
USE_SCHEMA = "{% comment %}brazelint: schema=my.schema.json{% endcomment %}\n"


@proves("BL307")
def test_bl305_not_rendered(project: Project) -> None:
    source = (
        "Hi\n{% if custom_attribute.${loyalty_tier} == 'gold' %}\n"
        "Gold\n"
        "{% elsif custom_attribute.${loyalty_tier} == 'silver' %}\n"
        "Silver {{ broken | upcase }}\n"
        "and more\n"
        "{% endif %}\n"
    )
    found = project.lint("t.liquid", source)
    assert rows(found) == [
        (
            "BL307",
            5,
            1,
            9,
            "info",
            (),
            "no profile renders lines 5\N{EN DASH}6, the `elsif custom_attribute.${loyalty_tier} "
            "== 'silver'` branch of `if custom_attribute.${loyalty_tier} == 'gold'`",
        )
    ]
    assert found[0].end_line == 6
    assert found[0].hint == (
        "a profile where custom_attribute.${loyalty_tier} is 'silver' renders it"
    )
    project.write("profiles/silver.yaml", "custom_attributes: {loyalty_tier: silver}\n")
    # the silver profile renders the branch, and what it hid shows up
    assert codes(project.lint("t.liquid", source)) == ["BL202"]


@proves("BL308")
def test_bl306_nothing_checked(project: Project) -> None:
    source = '{% if ${user_id} != "nobody" %}{% abort_message("paused") %}{% endif %}\n{"a": 1,}\n'
    found = project.lint("t.liquid", source)
    line, column = at(source, "abort_message")
    assert rows(found, "BL308") == [
        (
            "BL308",
            line,
            column,
            column + 1,
            "warning",
            (),
            "nothing past line 1 was checked: every profile aborted — anonymous_user, "
            "known_user, empty, complete, adversarial: aborted (paused)",
        )
    ]
    [nothing] = [d for d in found if d.code == "BL308"]
    assert (
        nothing.hint == "add a profile that passes the guard, so the body is rendered and checked"
    )
    good = source.replace('!= "nobody"', "== blank")
    assert codes(project.lint("t.liquid", good)) == ["BL303", "BL401"]


@proves("BL401")
def test_bl401_invalid_json(project: Project) -> None:
    source = '{\n  "user_id": "{{${user_id}}}"\n  "type": "track",\n}\n'
    found = project.lint("t.liquid", source)
    user_line = source.splitlines()[1]
    type_line = source.splitlines()[2]
    assert rows(found, "BL401") == [
        (
            "BL401",
            2,
            len(user_line) + 1,
            len(user_line) + 1,
            "error",
            SET_BY_REAL,
            'missing comma before "type"',
        ),
        (
            "BL401",
            3,
            type_line.index(",") + 1,
            type_line.index(",") + 1,
            "error",
            SET_BY_REAL,
            "trailing comma before '}'",
        ),
    ]
    good = '{\n  "user_id": "{{${user_id} | default: \'anonymous\'}}",\n  "type": "track"\n}\n'
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL402")
def test_bl402_schema_violation(project: Project) -> None:
    project.write("my.schema.json", INTEGER_SCHEMA)
    source = USE_SCHEMA + '{"tags": ["vip"], "ttl": "30 days"}\n'
    found = project.lint("t.liquid", source)
    line, column = at(source, '"30 days"')
    assert rows(found) == [
        (
            "BL402",
            line,
            column,
            column + 1,
            "error",
            STATIC,
            '`ttl` must be an integer; got a string ("30 days")',
        )
    ]
    good = USE_SCHEMA + '{"tags": ["vip"], "ttl": 2592000}\n'
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL403")
def test_bl403_unescaped_interpolation(project: Project) -> None:
    source = (
        "{\n"
        '  "name": "{{${first_name} | default: \'friend\'}}",\n'
        '  "tier": "{{custom_attribute.${loyalty_tier} | default: \'basic\'}}",\n'
        '  "safe": "{{${last_name} | default: \'\' | json_escape}}"\n'
        "}\n"
    )
    found = project.lint("t.liquid", source)
    message = (
        "a value with quotes, backslashes or line breaks breaks the JSON here "
        '(text after the string "Zo\u00eb ": a quote inside the value ended it early)'
    )
    name = at(source, "{{${first_name}")
    tier = at(source, "{{custom_attribute")
    assert rows(found) == [
        ("BL403", *name, name[1], "error", ADVERSARIAL, message),
        ("BL403", *tier, tier[1], "error", ADVERSARIAL, message),
    ]
    assert found[0].hint == "escape values spliced into JSON strings: {{ … | json_escape }}"
    good = source.replace('}}",', ' | json_escape}}",')
    assert codes(project.lint("t.liquid", good)) == []


def test_bl403_not_when_real_profiles_break_the_same_way(project: Project) -> None:
    """A break every user has is BL401; the adversarial user adds nothing to it."""
    source = '{"name": "{{${first_name} | default: \'x\' | json_escape}}",}\n'
    assert codes(project.lint("t.liquid", source)) == ["BL401"]


@proves("BL404")
def test_bl404_quoted_placeholder(project: Project) -> None:
    project.write("my.schema.json", INTEGER_SCHEMA)
    source = USE_SCHEMA + '{"price": "{{event_properties.${price} | default: 0}}"}\n'
    found = project.lint("t.liquid", source)
    line, column = at(source, "{{event_properties")
    assert rows(found) == [
        (
            "BL404",
            line,
            column,
            column + 1,
            "error",
            SET_BY_REAL,
            "$.price is a string; the schema wants a number",
        )
    ]
    good = USE_SCHEMA + '{"price": {{event_properties.${price} | default: 0}}}\n'
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL405")
def test_bl405_timestamp_in_seconds(project: Project) -> None:
    source = '{\n  "timestamp": {{ "now" | date: "%s" }}\n}\n'
    found = project.lint("t.liquid", source)
    line, column = at(source, "{{")
    assert rows(found) == [
        (
            "BL405",
            line,
            column,
            column + 1,
            "error",
            STATIC,
            "$.timestamp is a time in seconds; the partner expects milliseconds",
        )
    ]
    good = '{\n  "timestamp": {{ "now" | date: "%s" | times: 1000 }}\n}\n'
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL406")
def test_bl406_unhashed_personal_data(project: Project) -> None:
    source = '{"anonymous_id": "{{${email_address} | default: \'none\'}}"}\n'
    found = project.lint("t.liquid", source)
    line, column = at(source, "{{")
    assert rows(found) == [
        (
            "BL406",
            line,
            column,
            column + 1,
            "warning",
            KNOWN,
            "$.anonymous_id sends an email address in clear text",
        )
    ]
    good = '{"anonymous_id": "{{${email_address} | default: \'none\' | md5}}"}\n'
    assert codes(project.lint("t.liquid", good)) == []


def test_bl406_digits_under_a_time_key_are_not_a_phone_number(project: Project) -> None:
    source = '{"sent_at": "1767258000", "phone_hash": "{{ "5551234567" | md5 }}"}\n'
    assert codes(project.lint("t.liquid", source)) == []


def test_bl406_dates_and_decimals_are_not_phone_numbers(project: Project) -> None:
    source = '{"when": "2024-03-31", "on": "31/03/2024", "price": "24.989999"}\n'
    assert codes(project.lint("t.liquid", source)) == []


def test_bl406_a_written_phone_number_is_still_found(project: Project) -> None:
    source = '{"contact": "+1 (555) 010-9999"}\n'
    assert codes(project.lint("t.liquid", source)) == ["BL406"]


@proves("BL407")
def test_bl407_empty_required_value(project: Project) -> None:
    project.write("my.schema.json", INTEGER_SCHEMA)
    source = USE_SCHEMA + '{"user_id": "{{${user_id}}}"}\n'
    found = project.lint("t.liquid", source)
    line, column = at(source, "{{${user_id}")
    assert rows(found, "BL407") == [
        (
            "BL407",
            line,
            column,
            column + 1,
            "error",
            ("anonymous_user", "empty"),
            "$.user_id is empty for this profile; the schema requires a value",
        )
    ]
    good = (
        USE_SCHEMA
        + "{% if ${user_id} == blank %}{% abort_message('no user id') %}{% endif %}"
        + '{"user_id": "{{${user_id}}}"}\n'
    )
    assert "BL407" not in codes(project.lint("t.liquid", good))


@proves("BL408")
def test_bl408_documentation_placeholder(project: Project) -> None:
    source = '{\n  "retailer_id": "YOUR-RETAIL-ID"\n}\n'
    found = project.lint("t.liquid", source)
    assert rows(found) == [
        (
            "BL408",
            *span(source, "YOUR-RETAIL-ID"),
            "error",
            (),
            "documentation placeholder 'YOUR-RETAIL-ID' was never replaced",
        )
    ]
    good = '{\n  "retailer_id": "2f9e6c1e-8b1a-4c43-9a57-3c0c1b2d4e5f"\n}\n'
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL409")
def test_bl409_unknown_event_name(project: Project) -> None:
    source = (
        "{% comment %}brazelint: schema=movable-ink/event{% endcomment %}\n"
        "{\n"
        '  "type": "track",\n'
        '  "event": "productViewed",\n'
        '  "user_id": "u-1",\n'
        '  "timestamp": {{ "now" | date: "%s" | times: 1000 }},\n'
        '  "properties": {"id": "56544"}\n'
        "}\n"
    )
    found = project.lint("t.liquid", source)
    line, column = at(source, '"productViewed"')
    assert rows(found) == [
        (
            "BL409",
            line,
            column,
            column + 1,
            "warning",
            STATIC,
            "'productViewed' is not a documented Movable Ink event",
        )
    ]
    good = source.replace("productViewed", "product_viewed")
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL410")
def test_bl410_float_for_integer(project: Project) -> None:
    project.write("my.schema.json", INTEGER_SCHEMA)
    source = USE_SCHEMA + '{"tags": ["vip"], "ttl": 2592000.0}\n'
    found = project.lint("t.liquid", source)
    line, column = at(source, "2592000.0")
    assert rows(found) == [
        (
            "BL410",
            line,
            column,
            column + 1,
            "error",
            STATIC,
            "$.ttl is 2592000.0, written with a fraction; the partner wants an integer",
        )
    ]
    assert found[0].hint == "print it without the fraction: 2592000 (| round or | floor)"
    good = USE_SCHEMA + '{"tags": ["vip"], "ttl": 2592000}\n'
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL410")
def test_bl410_float_printed_by_liquid(project: Project) -> None:
    project.write("my.schema.json", INTEGER_SCHEMA)
    source = USE_SCHEMA + '{"tags": ["vip"], "ttl": {{ 30 | times: 86400.0 }}}\n'
    found = project.lint("t.liquid", source)
    line, column = at(source, "{{ 30")
    assert rows(found) == [
        (
            "BL410",
            line,
            column,
            column + 1,
            "error",
            STATIC,
            "$.ttl is 2592000.0, written with a fraction; the partner wants an integer",
        )
    ]


TAGS_WEBHOOK = """\
# SessionM: tag a customer
url: "https://api.example.com/users/{{${user_id}}}/tags"
method: POST
headers:
  Content-Type: application/json
  X-Tier: "{{custom_attribute.${loyalty_tier}}}"
body: |
  {"tags": ["vip"]}
"""


@proves("BL411")
def test_bl411_webhook_url_empty_segment(project: Project) -> None:
    found = project.lint("tag.webhook.yaml", TAGS_WEBHOOK)
    line, column = at(TAGS_WEBHOOK, "{{${user_id}}}")
    assert rows(found, "BL411") == [
        (
            "BL411",
            line,
            column,
            column + 1,
            "error",
            ("anonymous_user", "empty"),
            "the webhook URL has an empty path segment: a value in the path rendered empty",
        )
    ]
    assert only(found, "BL411").excerpt == "https://api.example.com/users//tags"
    good = TAGS_WEBHOOK.replace("{{${user_id}}}", "{{${user_id} | default: 'anonymous'}}")
    assert "BL411" not in codes(project.lint("tag.webhook.yaml", good))


def test_bl411_not_for_users_the_body_aborts_for(project: Project) -> None:
    """Braze sends nothing when the body aborts, so an empty user id in the URL is moot."""
    project.write(
        "tag_body.liquid",
        "{% if ${user_id} == blank %}{% abort_message('no user id') %}{% endif %}"
        '{"tags": ["vip"]}\n',
    )
    hook = TAGS_WEBHOOK.replace('body: |\n  {"tags": ["vip"]}\n', "body-file: tag_body.liquid\n")
    found = project.lint("tag.webhook.yaml", hook)
    assert codes(found) == ["BL303"]  # no BL411, and no BL412 for its empty X-Tier either
    assert only(found, "BL303").path == str(project.root / "tag_body.liquid")


@proves("BL411")
def test_bl411_webhook_url_not_absolute(project: Project) -> None:
    source = 'url: "{{base_url}}/v1/tags"\nbody: "{}"\n'
    found = project.lint("t.webhook.yaml", source)
    line, column = at(source, "{{base_url}}")
    assert rows(found, "BL411") == [
        (
            "BL411",
            line,
            column,
            column + 1,
            "error",
            URL_PROFILES,
            "the webhook URL is not an absolute https:// URL",
        )
    ]
    assert only(found, "BL411").excerpt == "/v1/tags"
    assert rows(found, "BL202") == [
        (
            "BL202",
            *span(source, "base_url"),
            "error",
            (),
            "'base_url' is never assigned and Braze does not define it; it renders empty",
        )
    ]


@proves("BL412")
def test_bl412_webhook_header(project: Project) -> None:
    found = project.lint("tag.webhook.yaml", TAGS_WEBHOOK)
    line, column = at(TAGS_WEBHOOK, "{{custom_attribute")
    assert rows(found, "BL412") == [
        (
            "BL412",
            line,
            column,
            column,
            "error",
            ANONYMOUS,
            "header 'X-Tier' renders empty",
        )
    ]
    source = 'url: "https://api.example.com/v1/tags"\nheaders:\n  Content-Type: "{{ content_type }}"\nbody: "{}"\n'
    found = project.lint("t.webhook.yaml", source)
    assert rows(found, "BL412") == [
        (
            "BL412",
            *at(source, "{{ content_type"),
            at(source, "{{ content_type")[1],
            "error",
            REAL,
            "header 'Content-Type' renders empty",
        )
    ]
    good = 'url: "https://api.example.com/v1/tags"\nheaders:\n  Content-Type: application/json\nbody: "{}"\n'
    assert codes(project.lint("t.webhook.yaml", good)) == []


def test_webhook_body_file_points_into_the_body(project: Project) -> None:
    body = '{\n  "tags": ["vip"],\n  "ttl": 2592000,\n}\n'
    project.write("tag_body.liquid", body)
    hook = (
        "url: \"https://api.example.com/users/{{${user_id} | default: 'x'}}/tags\"\n"
        "headers:\n  Content-Type: application/json\n"
        "body-file: tag_body.liquid\n"
    )
    result = project.lint_file("tag.webhook.yaml", hook)
    ttl_line = body.splitlines()[2]
    [diagnostic] = result.diagnostics
    assert (diagnostic.path, diagnostic.code, diagnostic.line, diagnostic.column) == (
        str(project.root / "tag_body.liquid"),
        "BL401",
        3,
        ttl_line.index(",") + 1,
    )
    assert diagnostic.profiles == STATIC


# -- BL9xx: suppression hygiene -------------------------------------------------------------


@proves("BL901")
def test_bl901_unused_suppression(project: Project) -> None:
    source = '{% comment %}brazelint: disable-next-line BL403{% endcomment %}\n{"id": 1}\n'
    found = project.lint("t.liquid", source)
    assert rows(found) == [
        (
            "BL901",
            1,
            1,
            1,
            "warning",
            (),
            "'brazelint: disable-next-line BL403' suppresses nothing",
        )
    ]
    assert codes(project.lint("t.liquid", '{"id": 1}\n')) == []


@proves("BL902")
def test_bl902_invalid_suppression(project: Project) -> None:
    source = (
        "{% comment %}brazelint: disable BL4O3{% endcomment %}\n"
        "{% comment %}brazelint: silence BL403{% endcomment %}\n"
        "Hi\n"
    )
    found = project.lint("t.liquid", source)
    assert rows(found) == [
        ("BL902", 1, 1, 1, "warning", (), "unknown rule 'BL4O3' in a brazelint directive"),
        ("BL902", 2, 1, 1, "warning", (), "unknown brazelint directive 'silence BL403'"),
    ]
    good = (
        "{% comment %}brazelint: disable BL403{% endcomment %}\n"
        + '{"name": "{{${first_name}}}"}\n'
    )
    assert codes(project.lint("t.liquid", good)) == ["BL203"]


# -- suppressions ---------------------------------------------------------------------------

TYPO = "Hi {{${frist_name}}}\n"


def test_disable_next_line(project: Project) -> None:
    source = "{% comment %}brazelint: disable-next-line BL201{% endcomment %}\n" + TYPO + TYPO
    found = project.lint("t.liquid", source)
    assert [(d.code, d.line) for d in found] == [("BL201", 3)]


def test_disable_enable_range(project: Project) -> None:
    source = (
        TYPO
        + "{% comment %}brazelint: disable unknown-attribute{% endcomment %}\n"
        + TYPO
        + TYPO
        + "{% comment %}brazelint: enable BL201{% endcomment %}\n"
        + TYPO
    )
    found = project.lint("t.liquid", source)
    assert [(d.code, d.line) for d in found] == [("BL201", 1), ("BL201", 6)]


def test_disable_file_from_anywhere(project: Project) -> None:
    source = TYPO + "{% comment %}brazelint: disable-file BL2{% endcomment %}\n" + TYPO
    assert codes(project.lint("t.liquid", source)) == []


def test_disable_without_codes_silences_everything_after_it(project: Project) -> None:
    source = TYPO + "{% comment %}brazelint: disable{% endcomment %}\n" + TYPO + "{{ x | md55 }}\n"
    found = project.lint("t.liquid", source)
    assert [(d.code, d.line) for d in found] == [("BL201", 1)]


def test_suppressions_follow_the_selection(project: Project) -> None:
    """``ignore`` in the configuration drops a code before suppressions are judged, so a
    suppression of an ignored code is unused."""
    project.configure('ignore = ["BL201"]\n')
    source = "{% comment %}brazelint: disable-next-line BL201{% endcomment %}\n" + TYPO
    assert codes(project.lint("t.liquid", source)) == []


def test_webhook_files_suppress_with_hash_comments(project: Project) -> None:
    hook = TAGS_WEBHOOK.replace(
        '  X-Tier: "', '  # brazelint: disable-next-line webhook-header\n  X-Tier: "'
    )
    found = project.lint("tag.webhook.yaml", hook)
    assert codes(found) == ["BL411"]


# -- one finding, many profiles -------------------------------------------------------------


def test_one_finding_lists_every_profile(project: Project) -> None:
    """Each profile renders the same broken body: one BL401, naming them all, in order."""
    (project.root / "profiles" / "vip_user.yaml").write_text(
        "attributes: {user_id: vip-1, first_name: Ann}\ncustom_attributes: {loyalty_tier: vip}\n",
        encoding="utf-8",
    )
    source = '{"tier": "{{custom_attribute.${loyalty_tier} | default: \'x\'}}",}\n'
    found = project.lint("t.liquid", source)
    assert rows(found) == [
        (
            "BL401",
            1,
            source.index(",}") + 1,
            source.index(",}") + 1,
            "error",
            ("anonymous_user", "known_user", "vip_user", "empty"),
            "trailing comma before '}'",
        )
    ]


def test_different_findings_per_profile_stay_apart(project: Project) -> None:
    """An unquoted placeholder: the known user's value is bare text, the others' is missing."""
    source = '{"n": {{custom_attribute.${loyalty_tier}}}}\n'
    found = project.lint("t.liquid", source)
    placeholder = at(source, "{{")
    closing = at(source, "}}}}")[1] + 3
    assert rows(found, "BL401") == [
        ("BL401", *placeholder, placeholder[1], "error", KNOWN, 'unquoted value "gold" for "n"'),
        (
            "BL401",
            1,
            closing,
            closing,
            "error",
            ("anonymous_user", "empty"),
            'missing value for "n"',
        ),
    ]


def test_generated_profiles_can_be_turned_off(project: Project) -> None:
    project.configure("generated-profiles = false\n")
    source = '{"name": "{{${first_name}}}",}\n'
    found = project.lint("t.liquid", source)
    assert [(d.code, d.profiles) for d in found] == [("BL203", ANONYMOUS), ("BL401", REAL)]


# -- the public API ---------------------------------------------------------------------------


def test_lint_paths_with_a_config_path(project: Project) -> None:
    project.write("templates/welcome.liquid", "Hi {{${frist_name}}}\n")
    project.write("templates/body.liquid", '{"a": 1,}\n')
    project.write("templates/notes.txt", "not a template {{")
    found = brazelint.lint_paths(
        [project.root / "templates"], config=project.root / "brazelint.toml"
    )
    assert [(Path(d.path).name, d.code, d.line) for d in found] == [
        ("body.liquid", "BL401", 1),
        ("welcome.liquid", "BL201", 1),
    ]


def test_lint_paths_reads_webhooks_and_skips_their_body_files(project: Project) -> None:
    project.write("hooks/body.liquid", '{"tags": ["vip"],}\n')
    project.write(
        "hooks/tag.webhook.yaml",
        'url: "https://api.example.com/v1/tags"\n'
        "headers: {Content-Type: application/json}\n"
        "body-file: body.liquid\n",
    )
    found = brazelint.lint_paths(
        [str(project.root / "hooks")], config=str(project.root / "brazelint.toml")
    )
    assert [(Path(d.path).name, d.code) for d in found] == [("body.liquid", "BL401")]


# -- Braze fidelity (issue 17) -----------------------------------------------------------------


@proves("BL005")
def test_bl005_symbolic_boolean_operator(project: Project) -> None:
    """supported_personalization_tags.md's time-zone example writes `hour >= 19 && hour < 20`;
    Braze parses it as lax Ruby Liquid does, keeping only `hour >= 19` (operators.md lists
    only `and` and `or`)."""
    source = (
        "{% assign hour = 'now' | date: '%H' | plus: 0 %}\n"
        "{% if hour >= 19 && hour < 20 %}evening{% elsif hour < 8 || hour > 22 %}night"
        "{% else %}day{% endif %}\n"
    )
    found = project.lint("t.liquid", source)
    # at 09:00 neither the evening nor the night branch renders (BL307 says so)
    assert rows(found, "BL005") == [
        (
            "BL005",
            *span(source, "&&"),
            "error",
            (),
            "'&&' is not a Liquid operator; Braze keeps only the comparison before it and "
            "ignores the rest of the condition",
        ),
        (
            "BL005",
            *span(source, "||"),
            "error",
            (),
            "'||' is not a Liquid operator; Braze keeps only the comparison before it and "
            "ignores the rest of the condition",
        ),
    ]
    assert [d.hint for d in found if d.code == "BL005"] == [
        "write 'and' instead of '&&'",
        "write 'or' instead of '||'",
    ]
    good = source.replace("&&", "and").replace("||", "or")
    assert "BL005" not in codes(project.lint("t.liquid", good))


@proves("BL006")
def test_bl006_liquid_in_html_comment(project: Project) -> None:
    """using_liquid.md: HTML comments are removed before any Liquid is read."""
    source = "Hi {{ ${first_name} | default: 'there' }}\n<!-- {{ ${last_name} }} -->\n"
    found = project.lint("t.liquid", source)
    assert rows(found) == [
        (
            "BL006",
            *span(source, "{{", 2),
            "warning",
            (),
            "Liquid inside an HTML comment never runs: Braze removes <!-- … --> before it "
            "reads Liquid",
        )
    ]
    good = "Hi {{ ${first_name} | default: 'there' }}\n<!-- greeting -->\n"
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL207")
def test_bl207_bare_standard_attribute(project: Project) -> None:
    """using_liquid.md / making_an_api_call.md: attribute values must be surrounded by ${}."""
    source = "Hi {{first_name | default: 'there'}}\n{% if language == 'en' %}Hello{% endif %}\n"
    found = project.lint("t.liquid", source)
    assert rows(found, "BL207") == [
        (
            "BL207",
            *span(source, "first_name"),
            "error",
            (),
            "'first_name' is not the standard attribute: Braze reads attributes only as "
            "${first_name}, so this is an undefined variable and renders empty",
        ),
        (
            "BL207",
            *span(source, "language"),
            "error",
            (),
            "'language' is not the standard attribute: Braze reads attributes only as "
            "${language}, so this is an undefined variable and renders empty",
        ),
    ]
    assert found[0].hint == "write {{${first_name}}}"
    # reported once, from the source: not again as an unset attribute or undefined variable
    assert set(codes(found)) - {"BL307"} == {"BL207"}  # BL307: a branch nobody renders
    good = (
        "Hi {{${first_name} | default: 'there'}}\n"
        "{% if ${language} == 'en' %}Hello{% endif %}\n"
        "{% assign city = 'Paris' %}{{ city }} {{ custom_attribute.${first_name} | default: '-' }}\n"
    )
    assert codes(project.lint("t.liquid", good)) == []


@proves("BL305")
def test_bl305_message_extras_truncated(project: Project) -> None:
    """message_extras.md: keys and values over 1 KB are truncated."""
    source = (
        "{% message_extras :key a :value {{ 'x' | append: 'y' }} %}"
        "{% capture long %}{% for i in (1..110) %}0123456789{% endfor %}{% endcapture %}"
        "{% message_extras :key payload :value {{ long }} %}ok\n"
    )
    found = project.lint("t.liquid", source)
    assert rows(found) == [
        (
            "BL305",
            *at(source, "message_extras", 2),
            at(source, "message_extras", 2)[1],
            "warning",
            STATIC,
            "message_extras keys and values exceed 1024 bytes; Braze truncates them, so "
            "'payload' is cut or dropped",
        )
    ]
    good = source.replace("(1..110)", "(1..10)")
    assert codes(project.lint("t.liquid", good)) == []


# -- the catalog and these tests agree ---------------------------------------------------------


def test_every_rule_is_proven_here() -> None:
    assert sorted(COVERED) == sorted(r.code for r in RULES)


@pytest.mark.parametrize("code", [r.code for r in RULES])
def test_catalog_entry_is_complete(code: str) -> None:
    entry = rule(code)
    assert entry.name and entry.summary and entry.bad and entry.good
    assert entry.severity in ("error", "warning", "info")
    assert COVERED[code], f"{code} has no test"


def test_loop_keywords_as_names_are_no_syntax_error(project: Project) -> None:
    # Ruby Liquid (Braze) reserves limit/offset only in loops; python-liquid did not
    source = (
        '{% assign limit = 2 %}{"limit": {{ limit }}, "ids": [{% for i in (1..5) '
        "limit: limit %}{{ i }}{% unless forloop.last %},{% endunless %}{% endfor %}], "
        '"page": "{{ page.offset }}"}\n'
    )
    line, column, _ = span(source, "page.offset")  # the finding marks the name, `page`
    end = column + len("page")
    assert rows(project.lint("keywords.liquid", source)) == [
        (
            "BL202",
            line,
            column,
            end,
            severity("BL202"),
            (),
            "'page' is never assigned and Braze does not define it; it renders empty",
        )
    ]


def test_webhook_url_behind_an_id_guard_is_checked_with_no_profiles(project: Project) -> None:
    """With no profiles the empty and adversarial users abort at the id guard; the complete
    user gets past it, so the URL it would be sent to is still checked."""
    for profile in (project.root / "profiles").iterdir():
        profile.unlink()
    source = (
        'url: "http://api.example.com/users/{{${user_id}}}"\n'
        "body: |\n"
        "  {% if ${user_id} == blank %}{% abort_message('no user id') %}{% endif %}"
        '{"id": "{{${user_id}}}"}\n'
    )
    found = project.lint("t.webhook.yaml", source)
    line, column = at(source, "http://")
    assert rows(found, "BL411") == [
        (
            "BL411",
            line,
            column,
            column + 1,
            "error",
            ("complete",),
            "the webhook URL is not an absolute https:// URL",
        )
    ]
