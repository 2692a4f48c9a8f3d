"""The rule catalog: every code brazelint reports, with its name, summary and examples.

The catalog is data so that ``brazelint rules``, SARIF rule metadata and ``--select``
all read one list; the checks that produce each code live beside it in ``checks/``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from brazelint._record import Record
from brazelint.checks.diagnostic import Severity


class Rule(Record):
    __slots__ = (
        "code",
        "name",
        "severity",
        "summary",
        "bad",
        "good",
        "why",
    )

    def __init__(
        self,
        code: str,
        name: str,
        severity: Severity,
        summary: str,
        bad: str,
        good: str,
        why: str = "",
    ) -> None:
        self.code = code
        self.name = name
        self.severity: Severity = severity
        self.summary = summary
        self.bad = bad
        self.good = good
        self.why = why


RULES: tuple[Rule, ...] = (
    # BL0xx: the template does not parse
    Rule(
        "BL001",
        "syntax-error",
        "error",
        "The template is not valid Liquid, so Braze cannot send it.",
        "{% if ${first_name} %}Hi {{${first_name}}}",
        "{% if ${first_name} %}Hi{% endif %}",
        "Braze refuses to send a message whose Liquid does not parse.",
    ),
    Rule(
        "BL002",
        "unknown-tag",
        "error",
        "A tag that neither Liquid nor Braze defines.",
        "{% connected_contnet https://api.example.com/offers :save offers %}",
        "{% connected_content https://api.example.com/offers :save offers %}",
    ),
    Rule(
        "BL003",
        "unsupported-tag",
        "error",
        "A Shopify tag Braze does not run, such as include or render.",
        "{% render 'footer' %}",
        "{{content_blocks.${footer}}}",
        "Braze shares markup through Content Blocks, not snippets.",
    ),
    Rule(
        "BL004",
        "curly-quotes",
        "error",
        "Typographic quotes inside a tag, which Liquid does not read as quotes.",
        '{{ \u201cnow\u201d | date: "%Y" }}',
        '{{ "now" | date: "%Y" }}',
        "Editors and word processors swap straight quotes for curly ones.",
    ),
    Rule(
        "BL005",
        "symbolic-boolean-operator",
        "error",
        "&& or || in a condition, where Braze keeps only the comparison before it.",
        "{% if hour >= 19 && hour < 20 %}",
        "{% if hour >= 19 and hour < 20 %}",
        "Braze reads tags as Ruby Liquid's lax parser does: it stops reading a condition at "
        "&& or || without an error, so `hour >= 19 && hour < 20` is true at 23:00.",
    ),
    Rule(
        "BL006",
        "liquid-in-html-comment",
        "warning",
        "Liquid inside an HTML comment, which Braze removes before any Liquid runs.",
        "<!-- {% connected_content https://api.example.com/a :save a %} -->",
        "{% comment %}{% connected_content https://api.example.com/a :save a %}{% endcomment %}",
        "Braze strips <!-- … --> first, so Liquid there neither prints, aborts nor calls "
        "Connected Content; whoever reads the template may think it does.",
    ),
    # BL1xx: Braze tags and Connected Content
    Rule(
        "BL101",
        "connected-content-option",
        "warning",
        "A Connected Content option Braze ignores or rejects (old spelling, cache age out of "
        "range).",
        "{% connected_content https://api.example.com/a :cache 60 :save a %}",
        "{% connected_content https://api.example.com/a :cache_max_age 900 :save a %}",
    ),
    Rule(
        "BL102",
        "connected-content-no-stub",
        "error",
        "A Connected Content request that no stub answers, so the preview is not what users get.",
        "{% connected_content https://api.example.com/offers :save offers %}  (no stub)",
        "- request: {url: https://api.example.com/offers}\n  response: {json: {offers: []}}",
        "brazelint never calls the network during lint; add a stub, or record one with "
        "`brazelint stubs record`.",
    ),
    Rule(
        "BL103",
        "hard-coded-credentials",
        "error",
        "A secret written into a URL, header or body instead of Braze's credential store.",
        "{% connected_content https://api.example.com/a "
        ':headers {"Authorization": "Basic ZGVtbzpzZWNyZXQ="} %}',
        "{% connected_content https://api.example.com/a :auth_credentials partner_api %}",
        "Templates are copied, exported and committed; Braze's Connected Content "
        "credentials (`:basic_auth`, `:auth_credentials`) keep secrets out of them.",
    ),
    Rule(
        "BL104",
        "insecure-url",
        "error",
        "A Connected Content or webhook URL on plain http, or on a port other than 80 or 443.",
        "{% connected_content http://api.example.com:8080/offers :save offers %}",
        "{% connected_content https://api.example.com/offers :save offers %}",
        "Braze only connects to ports 80 and 443; plain http sends user data in clear text.",
    ),
    Rule(
        "BL105",
        "unescaped-query-value",
        "warning",
        "A Liquid value in a URL query string without url_param_escape.",
        "https://api.example.com/offers?email={{${email_address}}}",
        "https://api.example.com/offers?email={{${email_address} | url_param_escape}}",
        "A `+`, `&` or space in the value changes or breaks the query.",
    ),
    Rule(
        "BL106",
        "abort-reason-not-string",
        "warning",
        "An abort_message reason that is not a quoted string.",
        "{% abort_message(not same month) %}",
        "{% abort_message('not same month') %}",
    ),
    Rule(
        "BL107",
        "connected-content-failed",
        "warning",
        "A Connected Content call that failed, redirected, timed out or answered too much.",
        "a stub answering 500 or after 3 s",
        "check {{offers.__http_status_code__}} and handle the failure",
    ),
    Rule(
        "BL108",
        "connected-content-schema",
        "error",
        "A Connected Content request or stub answer that breaks the schema configured for its URL.",
        '"retailer_id": "" sent to get_user_offers',
        '"retailer_id": "2f9e6c1e-..."',
    ),
    Rule(
        "BL109",
        "missing-credential",
        "error",
        "A :basic_auth or :auth_credentials name that no configured credential provides.",
        "{% connected_content https://api.example.com/a :basic_auth partner %}  (partner unset)",
        "[credentials.partner] in brazelint.toml, or "
        "BRAZELINT_CREDENTIAL_PARTNER_USERNAME/_PASSWORD",
    ),
    # BL2xx: attributes, variables and filters
    Rule(
        "BL201",
        "unknown-attribute",
        "error",
        "A standard attribute Braze does not have, usually a typo.",
        "Hi {{${frist_name}}}",
        "Hi {{${first_name}}}",
        "An unknown attribute renders empty for every user.",
    ),
    Rule(
        "BL202",
        "undefined-variable",
        "error",
        "A variable Braze never defines and the template never assigns.",
        '"url": "https://{{endpoint_core}}/v1/tags"',
        '{% assign endpoint = "api.example.com" %}"url": "https://{{endpoint}}/v1/tags"',
        "Braze renders unknown variables as empty text; Postman-style placeholders pasted "
        "from partner docs are the usual cause.",
    ),
    Rule(
        "BL203",
        "attribute-missing",
        "warning",
        "A value a profile does not have is printed without a default, so it renders empty.",
        "Hi {{${first_name}}},",
        "Hi {{${first_name} | default: 'there'}},",
    ),
    Rule(
        "BL204",
        "unknown-filter",
        "error",
        "A filter neither Liquid nor Braze defines.",
        "{{${email_address} | md55}}",
        "{{${email_address} | md5}}",
    ),
    Rule(
        "BL205",
        "unsupported-filter",
        "error",
        "A filter Braze does not support, so Braze cannot render the template.",
        "{{ price | money_with_currency }}",
        "${{ price | money }}",
        "Braze refuses or mangles a message with a filter it does not support, whatever "
        "it renders here.",
    ),
    Rule(
        "BL206",
        "filter-in-condition",
        "error",
        "A filter inside an if, unless, elsif or for condition, which Braze does not allow.",
        "{% if custom_attribute.${cart} | size > 3 %}",
        "{% assign cart_size = custom_attribute.${cart} | size %}{% if cart_size > 3 %}",
    ),
    Rule(
        "BL207",
        "bare-standard-attribute",
        "error",
        "A standard attribute's name without ${}, which Braze reads as an undefined variable.",
        "Hi {{first_name}}",
        "Hi {{${first_name}}}",
        "Braze only substitutes attributes written inside ${}; {{first_name}} is an ordinary "
        "variable, empty unless the template assigns it.",
    ),
    Rule(
        "BL208",
        "undocumented-filter",
        "warning",
        "A standard Liquid filter Braze's documentation never mentions; untested in Braze.",
        "{{ cart | sum: 'price' }}",
        "{% for item in cart %}{% assign total = total | plus: item.price %}{% endfor %}",
    ),
    # BL3xx: render time
    Rule(
        "BL301",
        "render-error",
        "error",
        "The template failed while rendering for a profile.",
        '{{ "abc" | divided_by: 0 }}',
        "{{ price | divided_by: 2 }}",
    ),
    Rule(
        "BL302",
        "limit-exceeded",
        "error",
        "A render ran past a limit (loop iterations, output size, nesting, time, memory).",
        "{% for i in (1..10000000) %}{% endfor %}",
        "{% for item in items limit: 20 %}{% endfor %}",
    ),
    Rule(
        "BL303",
        "message-aborted",
        "info",
        "The message aborts for a profile; Braze would not send it to that user.",
        "{% if ${email_address} == blank %}{% abort_message('no email') %}{% endif %}",
        "(expected for users without an email: informational)",
    ),
    Rule(
        "BL304",
        "empty-output",
        "warning",
        "The template renders nothing (or only whitespace) for a profile.",
        "{% if ${first_name} %}Hi {{${first_name}}}{% endif %}",
        "Hi {{${first_name} | default: 'there'}}",
    ),
    Rule(
        "BL305",
        "message-extras-truncated",
        "warning",
        "message_extras keys and values over 1 KB, which Braze truncates.",
        "{% message_extras :key payload :value {{ long_json }} %}",
        "{% message_extras :key offer_id :value {{ offer.id }} %}",
        "Braze keeps at most 1 KB of message_extras per message (whitespace counts) and cuts "
        "the rest, so the send event in Currents is missing data.",
    ),
    Rule(
        "BL306",
        "check-failed",
        "error",
        "brazelint could not finish checking the file (an unusable schema, an input past what "
        "it can handle), so other findings may be missing.",
        "{% comment %}brazelint: schema=sesionm/tags{% endcomment %}",
        "{% comment %}brazelint: schema=sessionm/tags{% endcomment %}",
        "One file never stops a run: the others are still checked and reported, and this one "
        "fails the run until it can be checked.",
    ),
    Rule(
        "BL307",
        "not-rendered",
        "info",
        "Template lines no profile renders, so no check ever looked at them.",
        "{% if custom_attribute.${tier} == 'gold' %}…{% else %}{{ broken }}{% endif %}  "
        "(every profile gold)",
        "a profile for each branch: custom_attributes: {tier: silver}",
        "A branch no profile reaches is sent to real users unchecked; the hint names the "
        "values that reach it.",
    ),
    Rule(
        "BL308",
        "nothing-checked",
        "warning",
        "Every profile aborts or fails, so the message body was never checked.",
        "{% if ${user_id} == blank %}{% abort_message('no id') %}{% endif %}  (no profile "
        "has a user_id, generated profiles off)",
        "a profile with attributes: {user_id: ...}",
        "A lint that rendered nothing past a guard has checked nothing past it.",
    ),
    # BL4xx: JSON, schema and payload semantics
    Rule(
        "BL401",
        "invalid-json",
        "error",
        "The rendered body is not valid JSON.",
        '{\n  "user_id": "{{${user_id}}}"\n  "type": "track",\n}',
        '{\n  "user_id": "{{${user_id}}}",\n  "type": "track"\n}',
    ),
    Rule(
        "BL402",
        "schema-violation",
        "error",
        "The rendered body breaks the partner's JSON Schema.",
        '{"tags": ["vip"], "ttl": "30 days"}',
        '{"tags": ["vip"], "ttl": 2592000}',
    ),
    Rule(
        "BL403",
        "unescaped-interpolation",
        "error",
        "User data spliced into JSON without json_escape breaks the body for some users.",
        '"name": "{{${first_name}}}"',
        '"name": "{{${first_name} | json_escape}}"',
        "A quote, backslash or line break in a name ends the JSON string early; brazelint "
        "renders an adversarial profile to find these.",
    ),
    Rule(
        "BL404",
        "quoted-placeholder",
        "error",
        "A quoted placeholder makes a value a string where the schema wants a number or boolean.",
        '"price": "{{event_properties.${price}}}"',
        '"price": {{event_properties.${price} | default: 0}}',
    ),
    Rule(
        "BL405",
        "timestamp-in-seconds",
        "error",
        "A timestamp in seconds where the partner expects milliseconds.",
        '"timestamp": {{ "now" | date: "%s" }}',
        '"timestamp": {{ "now" | date: "%s" | times: 1000 }}',
    ),
    Rule(
        "BL406",
        "unhashed-personal-data",
        "warning",
        "An email address or phone number sent to a partner in clear text.",
        '"anonymous_id": "{{${email_address}}}"',
        '"anonymous_id": "{{${email_address} | md5}}"',
    ),
    Rule(
        "BL407",
        "empty-required-value",
        "error",
        "A value the schema requires renders empty for a profile.",
        '"user_id": "{{${user_id}}}"  (anonymous user)',
        "{% if ${user_id} == blank %}{% abort_message('no user id') %}{% endif %}",
    ),
    Rule(
        "BL408",
        "documentation-placeholder",
        "error",
        "A placeholder copied from partner documentation was never replaced.",
        '"retailer_id": "YOUR-RETAIL-ID"',
        '"retailer_id": "2f9e6c1e-8b1a-4c43-9a57-3c0c1b2d4e5f"',
    ),
    Rule(
        "BL409",
        "unknown-event-name",
        "warning",
        "A Movable Ink event name that is not one of the documented behavioral events.",
        '"event": "productViewed"',
        '"event": "product_viewed"',
    ),
    Rule(
        "BL410",
        "float-for-integer",
        "error",
        "A whole number written with a fraction where the partner wants an integer.",
        '"ttl": 2592000.0',
        '"ttl": 2592000',
        "JSON Schema counts 2592000.0 as an integer, but strict partner APIs do not.",
    ),
    Rule(
        "BL411",
        "webhook-url",
        "error",
        "A webhook URL that is not absolute https, or has an empty host or path segment.",
        'url: "https://api.example.com/users/{{${user_id}}}/tags"  (user_id unset: //tags)',
        'url: "https://api.example.com/users/{{${user_id} | url_param_escape}}/tags"',
    ),
    Rule(
        "BL412",
        "webhook-header",
        "error",
        "A webhook header that renders empty, or breaks the request.",
        'Content-Type: "{{ content_type }}"',
        "Content-Type: application/json",
    ),
    # BL9xx: suppression hygiene
    Rule(
        "BL901",
        "unused-suppression",
        "warning",
        "A brazelint: disable comment that suppresses nothing.",
        '{% comment %}brazelint: disable-next-line BL403{% endcomment %}\n"id": 1',
        '"id": 1',
    ),
    Rule(
        "BL902",
        "invalid-suppression",
        "warning",
        "A brazelint: comment with an unknown code or form.",
        "{% comment %}brazelint: disable BL4O3{% endcomment %}",
        "{% comment %}brazelint: disable BL403{% endcomment %}",
    ),
)


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Rule]:
    return {rule.code: rule for rule in RULES}


def get_rule(code: str) -> Optional[Rule]:
    """The rule for a code (``BL401``) or a name (``invalid-json``)."""
    found = _by_code().get(code.upper())
    if found is not None:
        return found
    return next((rule for rule in RULES if rule.name == code), None)


def rule(code: str) -> Rule:
    """The rule for a code that must exist (checks use this to build diagnostics)."""
    return _by_code()[code]


def codes_matching(selector: str) -> list[str]:
    """Codes selected by ``BL4``, ``BL40``, ``BL401``, ``ALL`` or a rule name."""
    text = selector.strip()
    if text.upper() == "ALL":
        return [r.code for r in RULES]
    named = get_rule(text)
    if named is not None:
        return [named.code]
    prefix = text.upper()
    return [r.code for r in RULES if r.code.startswith(prefix)] if prefix.startswith("BL") else []
