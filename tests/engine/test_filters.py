"""Braze's filters, rendered through ``brazelint.render`` with a fixed clock.

Every example from Braze's filter docs (reference §3.1, §3.3, §4) is a case here with
its documented output.
"""

from __future__ import annotations

from typing import Any, Optional

import liquid
import pytest

import brazelint
from brazelint.engine.filter_support import FILTER_SUPPORT, UNSUPPORTED_UNKNOWN
from brazelint.engine.filters import register

NOW = "2024-03-01T12:00:00Z"


def render(source: str, profile: Optional[dict[str, Any]] = None, **variables: Any) -> str:
    return brazelint.render(source, profile, now=NOW, globals=variables or None).output


def render_error(source: str, **variables: Any) -> brazelint.TemplateRenderError:
    with pytest.raises(brazelint.TemplateRenderError) as info:
        render(source, **variables)
    return info.value


DOC_EXAMPLES = [
    # Braze's advanced filters page, verbatim
    ("{{'hey' | md5}}", "6057f13c496ecf7fd777ceb9e79ae285"),
    ("{{'hey' | sha1}}", "7f550a9f4c44173a37664d938f1355f0f92a47a7"),
    ("{{'hey' | sha2}}", "fa690b82061edfd2852629aeba8a8977b57e40fcb77d1a7a28b26cba62591204"),
    ("{{'blah' | base64_encode}}", "YmxhaA=="),
    ("{{'hey' | hmac_sha1_hex: 'secret_key'}}", "2a3969bed25bfeefb00aca4063eb9590b4df8f0e"),
    ("{{'hey' | hmac_sha1_base64: 'secret_key'}}", "KjlpvtJb/u+wCspAY+uVkLTfjw4="),
    (
        "{{'hey' | hmac_sha256_hex: 'secret_key'}}",
        "8df897f8da3d7992fe57c8dbc6f27578cfbf2dcc4d0fbb4000b8c924841d508e",
    ),
    (
        "{{'hey' | hmac_sha256_base64: 'secret_key'}}",
        "jfiX+No9eZL+V8jbxvJ1eM+/LcxND7tAALjJJIQdUI4=",
    ),
    ("{{'hey<>hi' | url_escape}}", "hey%3C%3Ehi"),
    ("{{'hey<&>hi' | url_param_escape}}", "hey%3C%26%3Ehi"),
    ("{{ 'google search' | url_encode }}", "google+search"),
    ("{{ 123456 | number_with_delimiter }}", "123,456"),
    # the filters page
    ("{{ 'now' | date: '%Y-%m-%d %H:%M:%S' }}", "2024-03-01 12:00:00"),
    ("{% assign hour_in_utc = 'now' | date: '%H' | plus:0 %}{{ hour_in_utc }}", "12"),
    ('{% assign my_int = "350000.25" | plus: 0 %}{{ my_int | money }}', "350,000.25"),
]


@pytest.mark.parametrize(("source", "expected"), DOC_EXAMPLES)
def test_documented_examples(source: str, expected: str) -> None:
    assert render(source) == expected


def test_documented_property_accessor_example() -> None:
    assert render("{{hash | property_accessor: 'a'}}", hash={"a": 42, "b": 0}) == "42"


def test_documented_money_examples() -> None:
    profile = {"event_properties": {"rewards_redeemed": 145}}
    assert render("${{event_properties.${rewards_redeemed} | money }}", profile) == "$145.00"
    assert (
        render("${{event_properties.${rewards_redeemed} | divided_by: 100.00 | money }}", profile)
        == "$1.45"
    )
    balance = {"custom_attributes": {"account_balance": 17.8}}
    assert render("${{custom_attribute.${account_balance} | money}}", balance) == "$17.80"


def test_documented_time_zone_example() -> None:
    profile = {"custom_attributes": {"d": "2021-08-04 9:00:00 UTC"}}
    source = "{{custom_attribute.${d} | time_zone: 'America/Los_Angeles' | date: '%a %b %e %T'}}"
    assert render(source, profile) == "Wed Aug  4 02:00:00"


def test_documented_epoch_example() -> None:
    profile = {"custom_attributes": {"date_attribute": "2021-06-03 17:13:41 UTC"}}
    assert render("{{custom_attribute.${date_attribute} | date: '%s'}}", profile) == "1622740421"


def test_documented_json_parse_example() -> None:
    source = (
        '{% assign my_data_string = \'[{"id":"1","store_name":"demo-store"}]\'  %}\n'
        "{% assign my_data = my_data_string | json_parse %}\n"
        "{% for item in my_data %}\n"
        "Item ID: {{ item.id }}\n"
        "Item Name: {{ item.store_name }}\n"
        "{% endfor %}"
    )
    assert render(source) == "\n\n\nItem ID: 1\nItem Name: demo-store\n"


def test_documented_as_json_string_example() -> None:
    source = (
        '{% assign my_data_string = \'[{"id":"1","store_name":"demo-store"}]\'  %}'
        "{% assign my_data = my_data_string | json_parse %}"
        "{% assign json_string = my_data | as_json_string %}"
        "{{json_string}}"
    )
    assert render(source) == '[{"id":"1","store_name":"demo-store"}]'


CASES = [
    # hashing: Ruby to_s of the input, nil hashes as ""
    ("{{ 'hey' | hmac_sha1: 'secret_key' }}", "2a3969bed25bfeefb00aca4063eb9590b4df8f0e"),
    (
        "{{ 'hey' | hmac_sha256: 'secret_key' }}",
        "8df897f8da3d7992fe57c8dbc6f27578cfbf2dcc4d0fbb4000b8c924841d508e",
    ),
    ("{{ nothing | md5 }}", "d41d8cd98f00b204e9800998ecf8427e"),
    ("{{ 12 | md5 }}", "c20ad4d76fe97759aa27a0c99bff6710"),
    ("{{ 'Zoë' | sha1 }}", "4771a7b47db3a5a31ed1e4375e91e7cdc675060b"),
    # url escaping
    ("{{ 'a b#c%d&e=f/g?h' | url_escape }}", "a%20b%23c%25d&e=f/g?h"),
    # url_param_escape escapes all but unreserved characters (issue 17; Braze's
    # making_an_api_call.md puts emails through it: `?email={{${email_address} | url_param_escape}}`)
    ("{{ 'a b#c%d&e=f/g?h' | url_param_escape }}", "a%20b%23c%25d%26e%3Df%2Fg%3Fh"),
    (
        '{{ "@+/?:=;,$[]!*\'()&" | url_param_escape }}',
        "%40%2B%2F%3F%3A%3D%3B%2C%24%5B%5D%21%2A%27%28%29%26",
    ),
    ("{{ 'jane.doe+news@example.com' | url_param_escape }}", "jane.doe%2Bnews%40example.com"),
    ("{{ '+1 (555) 010-9999' | url_param_escape }}", "%2B1%20%28555%29%20010-9999"),
    ('{{ "-_.!~*\'();/?:@&=+$,[]" | url_escape }}', "-_.!~*'();/?:@&=+$,[]"),
    ("{{ 'Zoë \"quoted\"' | url_escape }}", "Zo%C3%AB%20%22quoted%22"),
    ("{{ 'a+b&c=d ~é' | url_encode }}", "a%2Bb%26c%3Dd+~%C3%A9"),
    ("{{ nothing | url_encode }}|{{ nothing | url_escape }}", "|"),
    ("{{ true | base64_encode }}|{{ 1.5 | base64_encode }}", "dHJ1ZQ==|MS41"),
    # json_escape: Ruby's JSON generator, without the quotes
    ("{{ quoted | json_escape }}", 'say \\"hi\\" C:\\\\temp'),
    ("{{ text | json_escape }}", "line1\\nline2\\ttab\\u0001 é / ✓"),
    ("{{ nothing | json_escape }}|{{ 2.50 | json_escape }}|{{ true | json_escape }}", "|2.5|true"),
    # as_json_string: compact, Ruby number format, keys in order
    ("{{ obj | as_json_string }}", '{"b":[1,2.5,null,true],"a":{"é":"x\\"y"},"n":1.0e+20}'),
    ("{{ 'text' | as_json_string }}|{{ nothing | as_json_string }}", '"text"|null'),
    # json_parse
    ('{% assign o = \'{"a":{"b":[1,2]}}\' | json_parse %}{{ o.a.b[1] }}', "2"),
    ("{% assign o = '42' | json_parse %}{{ o | plus: 1 }}", "43"),
    ("{% assign o = obj | json_parse %}{{ o.b[0] }}", "1"),
    ("{% assign o = nothing | json_parse %}[{{ o }}]", "[]"),
    # property_accessor
    ("{{ hash | property_accessor: key }}", "0"),
    ("{{ hash | property_accessor: 'missing' }}|{{ nothing | property_accessor: 'a' }}", "|"),
    ("{{ list | property_accessor: 1 }}", "y"),
    # number_with_delimiter (ActiveSupport's number_to_delimited)
    ("{{ 1234567.891 | number_with_delimiter }}", "1,234,567.891"),
    ("{{ -1234567 | number_with_delimiter }}", "-1,234,567"),
    (
        "{{ '9876543' | number_with_delimiter }}|{{ '-1234.5' | number_with_delimiter }}",
        "9,876,543|-1,234.5",
    ),
    ("{{ 999 | number_with_delimiter }}|{{ 1000.0 | number_with_delimiter }}", "999|1,000.0"),
    ("{{ 'abc' | number_with_delimiter }}|{{ nothing | number_with_delimiter }}", "abc|"),
    # money: not cents, two decimals, thousands separators
    ("{{ 145 | money }}|{{ 17.8 | money }}|{{ 0 | money }}", "145.00|17.80|0.00"),
    ("{{ 1234567.891 | money }}|{{ -1234.5 | money }}", "1,234,567.89|-1,234.50"),
    ("{{ 17.805 | money }}|{{ 0.005 | money }}|{{ -0.001 | money }}", "17.81|0.01|0.00"),
    ("{{ '17.8' | money }}|{{ '1,234' | money }}|{{ nothing | money }}", "17.80|1,234|"),
    # split: Ruby String#split
    ("{{ 'a,b,,c,,' | split: ',' | join: '|' }}", "a|b||c"),
    ("{{ ',a' | split: ',' | join: '|' }}", "|a"),
    ("{{ '  a  b\tc\n ' | split: ' ' | join: '|' }}", "a|b|c"),
    ("{{ 'abc' | split: '' | join: '|' }}", "a|b|c"),
    ("{{ '' | split: ',' | size }}|{{ ',,,' | split: ',' | size }}", "0|0"),
    ("{{ 'a--b--' | split: '--' | join: '|' }}", "a|b"),
    ("{{ 'a1b1c' | split: 1 | join: '|' }}", "a|b|c"),
    # date: inputs
    (
        "{{ 'NOW' | date: '%F %T %Z' }}|{{ 'today' | date: '%F' }}",
        "2024-03-01 12:00:00 UTC|2024-03-01",
    ),
    ("{{ 1622740421 | date: '%F %T %z' }}", "2021-06-03 17:13:41 +0000"),
    (
        "{{ '1622740421' | date: '%F %T' }}|{{ 1622740421.25 | date: '%T.%L' }}",
        "2021-06-03 17:13:41|17:13:41.250",
    ),
    ("{{ '2021-06-03T17:13:41Z' | date: '%s' }}", "1622740421"),
    ("{{ '2021-06-03 12:13:41 -0500' | date: '%T %z %Z|%s' }}", "12:13:41 -0500 |1622740421"),
    ("{{ '2021-06-03 12:13:41 EST' | date: '%T %z' }}", "12:13:41 -0500"),
    ("{{ '2021-06-03' | date: '%F %T %Z' }}", "2021-06-03 00:00:00 UTC"),
    ("{{ 'June 3, 2021 5:13pm' | date: '%F %R' }}", "2021-06-03 17:13"),
    ("{{ '10:30' | date: '%F %R' }}", "2024-03-01 10:30"),
    # date: Ruby Liquid hands back what it cannot use
    ("{{ 'not a date' | date: '%F' }}", "not a date"),
    ("{{ '2021-06-03' | date: '' }}|{{ '2021-06-03' | date: nothing }}", "2021-06-03|2021-06-03"),
    ("{{ nothing | date: '%F' }}|{{ true | date: '%F' }}", "|true"),
    # date: the complete Ruby strftime
    (
        "{{ 'now' | date: '%-d %B %Y, %l:%M %P (%A, day %j, %a %^b %e)' }}",
        "1 March 2024, 12:00 pm (Friday, day 061, Fri MAR  1)",
    ),
    ("{{ 'now' | date: '%s%L' }}", "1709294400000"),
    ("{{ 'now' | date: '%Q %+ %K' }}", "%Q %+ %K"),
    # time_zone
    (
        "{{ '2021-08-04 9:00:00 UTC' | time_zone: 'America/Los_Angeles' }}",
        "2021-08-04 02:00:00 -0700",
    ),
    (
        "{{ 'now' | time_zone: 'America/New_York' | date: '%F %T %Z %z' }}",
        "2024-03-01 07:00:00 EST -0500",
    ),
    ("{{ 'now' | time_zone: 'Asia/Kolkata' | date: '%T %:z' }}", "17:30:00 +05:30"),
    ("{{ 'now' | time_zone: '-0500' | date: '%T %z [%Z]' }}", "07:00:00 -0500 []"),
    ("{{ 'now' | time_zone: '+05:30' | date: '%T %z' }}", "17:30:00 +0530"),
    ("{{ 'now' | time_zone: '-05:00' }}", "2024-03-01 07:00:00 -0500"),
    ("{{ 'now' | time_zone: -5 | date: '%T %z' }}", "07:00:00 -0500"),
    (
        "{{ 'now' | time_zone: 'UTC' }}|{{ 'now' | time_zone: 'utc' | date: '%Z' }}",
        "2024-03-01 12:00:00 UTC|UTC",
    ),
    ("{{ 'now' | time_zone: ${time_zone} | date: '%H:%M %Z' }}", "07:00 EST"),
    (
        "{{ 'now' | time_zone: nothing }}|{{ 'now' | time_zone: '' | date: '%T %Z' }}",
        "2024-03-01 12:00:00 UTC|12:00:00 UTC",
    ),
    ("{{ '2021-06-03 12:00 -0500' | time_zone: nothing }}", "2021-06-03 17:00:00 UTC"),
    ("{{ 1622740421 | time_zone: 'Europe/Paris' | date: '%F %T %Z' }}", "2021-06-03 19:13:41 CEST"),
    (
        "{{ 'not a date' | time_zone: 'Europe/Paris' }}|{{ nothing | time_zone: 'Europe/Paris' }}",
        "not a date|",
    ),
    ("{% assign t = 'now' | time_zone: 'Asia/Tokyo' %}{{ t | date: '%s' }}", "1709294400"),
]

FIXTURES: dict[str, Any] = {
    "text": "line1\nline2\ttab\x01 é / ✓",
    "quoted": 'say "hi" C:\\temp',
    "obj": {"b": [1, 2.5, None, True], "a": {"é": 'x"y'}, "n": 1e20},
    "hash": {"a": 42, "b": 0},
    "key": "b",
    "list": ["x", "y"],
}


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_filters(source: str, expected: str) -> None:
    profile = {"attributes": {"time_zone": "America/New_York"}}
    assert render_with(source, profile) == expected


def render_with(source: str, profile: dict[str, Any]) -> str:
    return brazelint.render(source, profile, now=NOW, globals=FIXTURES).output


def test_hmac_sha512_is_hex() -> None:
    import hashlib
    import hmac

    expected = hmac.new(b"secret_key", b"hey", hashlib.sha512).hexdigest()
    assert render("{{ 'hey' | hmac_sha512: 'secret_key' }}") == expected
    assert len(expected) == 128


ERRORS = [
    (
        "{{ 'hey' | hmac_sha256 }}",
        "hmac_sha256 needs a secret key argument, like {{ value | hmac_sha256: 'key' }}",
    ),
    (
        "{{ 'hey' | hmac_sha1_base64: nothing }}",
        "hmac_sha1_base64 needs a secret key argument, like {{ value | hmac_sha1_base64: 'key' }}",
    ),
    (
        "{% assign o = '{\"a\": 1,}' | json_parse %}",
        "json_parse could not read its input as JSON: Expecting property name enclosed in double "
        "quotes at line 1, column 9; check the quotes (JSON needs double quotes), commas and "
        "brackets",
    ),
    (
        "{% assign o = \"{'a': 1}\" | json_parse %}",
        "json_parse could not read its input as JSON: Expecting property name enclosed in double "
        "quotes at line 1, column 2; check the quotes (JSON needs double quotes), commas and "
        "brackets",
    ),
    (
        "{% assign o = 'NaN' | json_parse %}",
        "json_parse could not read its input as JSON: NaN is not allowed in JSON; use null or a "
        "number",
    ),
    (
        "{{ 'now' | time_zone: 'Mars/Olympus_Mons' }}",
        "time_zone does not know the zone 'Mars/Olympus_Mons'; use an IANA zone name such as "
        "'America/New_York' or an offset such as '-05:00'",
    ),
    (
        "{{ 'now' | time_zone: 'america/new_york' }}",
        "time_zone does not know the zone 'america/new_york'; zone names are case-sensitive: use "
        "'America/New_York'",
    ),
    (
        "{{ 'now' | time_zone: '+25:00' }}",
        "time_zone does not know the zone '+25:00'; use an IANA zone name such as "
        "'America/New_York' or an offset such as '-05:00'",
    ),
    ("{{ 'now' | date }}", "date needs a format argument, like {{ 'now' | date: '%Y-%m-%d' }}"),
    (
        "{{ 'now' | time_zone }}",
        "time_zone needs a zone argument, like {{ 'now' | time_zone: 'America/New_York' }}",
    ),
    ("{{ 'a,b' | split }}", "split needs a separator argument, like {{ 'a,b' | split: ',' }}"),
    (
        "{{ hash | property_accessor }}",
        "property_accessor needs a key argument, like {{ hash | property_accessor: 'name' }}",
    ),
    (
        "{{ 'now' | date: '%5000d' }}",
        "date format cannot be used: width 5000 in '%5000d' is too large (at most 1024); use a "
        "smaller width",
    ),
]


@pytest.mark.parametrize(("source", "message"), ERRORS)
def test_filter_errors(source: str, message: str) -> None:
    with pytest.raises(brazelint.TemplateRenderError) as info:
        render_with(source, {})
    assert info.value.message == message
    assert info.value.line == 1
    assert info.value.column is not None


def test_nan_cannot_be_written_as_json() -> None:
    with pytest.raises(brazelint.TemplateRenderError) as info:
        brazelint.render("{{ x | as_json_string }}", globals={"x": float("nan")}, now=NOW)
    assert info.value.message == (
        "as_json_string cannot write NaN: JSON has no such number; check the arithmetic that "
        "produced it"
    )


def test_python_liquid_only_filters_are_gone() -> None:
    for name in ("safe", "escapejs"):
        err = render_error(f"{{{{ 'a' | {name} }}}}")
        assert err.message == f"unknown filter '{name}'"


@pytest.mark.parametrize("name", sorted(UNSUPPORTED_UNKNOWN))
def test_documented_unsupported_filters_explain_themselves(name: str) -> None:
    err = render_error(f"{{{{ 'a' | {name} }}}}")
    assert err.message == f"filter '{name}' is not supported in Braze; {UNSUPPORTED_UNKNOWN[name]}"


def test_support_table_covers_every_registered_filter() -> None:
    env = liquid.Environment()
    register(env)
    assert set(env.filters) == set(FILTER_SUPPORT)
    assert set(FILTER_SUPPORT.values()) == {"supported", "unsupported", "undocumented"}
    assert not set(UNSUPPORTED_UNKNOWN) & set(env.filters)

    from brazelint.engine.environment import BrazeEnvironment

    assert set(BrazeEnvironment().filters) == set(FILTER_SUPPORT)


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("lstrip", "unsupported"),
        ("rstrip", "unsupported"),
        ("find_index", "unsupported"),
        ("escape_once", "undocumented"),
        ("url_decode", "undocumented"),
        ("base64_decode", "undocumented"),
        ("base64_url_safe_encode", "undocumented"),
        ("base64_url_safe_decode", "undocumented"),
        ("sum", "undocumented"),
        ("reject", "undocumented"),
        ("find", "undocumented"),
        ("has", "undocumented"),
        ("remove_last", "undocumented"),
        ("replace_last", "undocumented"),
        ("squish", "undocumented"),
        ("md5", "supported"),
        ("time_zone", "supported"),
        ("money", "supported"),
        ("split", "supported"),
    ],
)
def test_support_status(name: str, status: str) -> None:
    assert FILTER_SUPPORT[name] == status


def test_unsupported_filter_use_is_recorded() -> None:
    result = brazelint.render("{{ ' a ' | lstrip | rstrip }}", now=NOW)
    assert result.output == "a"
    assert [(use.name, use.status, use.column) for use in result.filter_uses] == [
        ("lstrip", "unsupported", 12),
        ("rstrip", "unsupported", 21),
    ]


DEFAULT_INPUTS: list[object] = ["", " ", "x", None, False, True, 0, 0.0, [], ["a"], {}]
DEFAULT_CASES = [
    # inputs in order, then a variable that is not set
    ("default", "[][ ][x][][][true][0][0.0][][a][][]"),
    ("default: 'd'", "[d][ ][x][d][d][true][0][0.0][d][a][d][d]"),
    ("default: 'd', allow_false: true", "[d][ ][x][d][false][true][0][0.0][d][a][d][d]"),
    ("default: nil", "[][ ][x][][][true][0][0.0][][a][][]"),
]


@pytest.mark.parametrize(("call", "expected"), DEFAULT_CASES)
def test_default_for_every_kind_of_input(call: str, expected: str) -> None:
    source = "{% for v in values %}[{{ v | " + call + " }}]{% endfor %}[{{ unset | " + call + " }}]"
    assert render(source, values=DEFAULT_INPUTS) == expected
    assert liquid.Environment().from_string(source).render(values=DEFAULT_INPUTS) == expected
