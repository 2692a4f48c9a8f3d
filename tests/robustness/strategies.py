"""Hypothesis strategies: arbitrary text, Liquid/Braze fragment soup, and grammar-shaped
templates that parse often enough to exercise rendering, filters and Braze tags."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SETTINGS = settings(
    max_examples=int(os.environ.get("BRAZELINT_FUZZ_EXAMPLES", "200")),
    deadline=None,
    database=None,  # no .hypothesis/ folder in the working tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
"""Every property test here: 200 examples (``BRAZELINT_FUZZ_EXAMPLES=5000`` for a deeper
run), no deadline (CI machines vary)."""

# fmt: off
FRAGMENTS = [
    "{{", "}}", "{%", "%}", "{%-", "-%}", "{{-", "-}}", "${", "}", "{", "[", "]", "(", ")",
    "custom_attribute.", "event_properties.", "content_blocks.", "'", '"', "\n", "\r\n",
    "\t", " ", "|", ":", ",", ".", "..", "-", "0", "1", "x", "a b", "é", "#", "=", "==",
    "first_name", "${first_name}", "${a b}", "if", "endif", "for", "endfor", "in", "raw",
    "endraw", "comment", "endcomment", "assign", "capture", "endcapture", "liquid", "echo",
    "doc", "enddoc", "case", "when", "else", "connected_content", "abort_message",
    "message_extras", ":save", "https://api.example.com/", "upcase", "\\", "\ufeff",
]
# fmt: on

fragment_soup = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)
"""Concatenated Liquid/Braze fragments: mostly broken markup, in every combination."""

any_text = st.one_of(st.text(max_size=80), fragment_soup)

# -- grammar-shaped templates ----------------------------------------------------------

# fmt: off
VALUES = [
    "${first_name}", "${ user_id }", "custom_attribute.${tier}", "custom_attribute.${Brands Viewed}",
    "custom_attribute.${Brands Viewed}[0]", "event_properties.${items}[0].id",
    "event_properties.${items}", "{{x}}", "{{${first_name}}}", "x", "a.b", "a.b[-1]", "'s'",
    '"q"', "1", "2.5", "-3", "0", "(1..5)", "(x..3)", "nil", "empty", "blank", "true", "r",
    "r.payload", "'2021-06-03 17:13:41 UTC'", "'now'", "9999999999999", "'{\"a\":[1]}'",
    "'a,b,,'", "'nan'", "'1e400'", "'gA=='", "'abc'",
]
FILTERS = [
    "upcase", "plus: 1", "plus: x", "minus: 'inf'", "times: '1e400'", "divided_by: 0",
    "modulo: 0", "round", "round: 500", "abs", "ceil", "at_least: 'x'", "sum", "size",
    "first", "last", "join", "join: ','", "split: ','", "concat: x", "concat: a.b", "map: 'a'",
    "where: 'a', 1", "sort", "sort: 'a'", "uniq", "compact: 0", "reverse", "slice: -1, 2",
    "slice: 99999999999999999999", "truncate: -5", "truncatewords: 2", "append: x",
    "remove: 'a'", "replace_first: 'a'", "strip_html", "escape", "newline_to_br",
    "capitalize", "url_encode", "url_decode", "base64_decode", "base64_encode", "md5",
    "sha2", "hmac_sha256: 'k'", "json_escape", "json_parse", "as_json_string",
    "property_accessor: 'a'", "number_with_delimiter", "money", "date: '%Y-%m-%d %:z %N'",
    "date: '%'", "time_zone: 'America/New_York'", "time_zone: 'Nope/Zone'", "default: 'd'",
    "url_escape", "find_index: 'a'", "has: 'a'", "money_with_currency",
]
OPERATORS = ["==", "!=", ">", "<", ">=", "contains", "and", "or"]
CONNECTED_CONTENT_OPTIONS = [
    ":save r", ":method post", ':headers {"a": "{{x}}"}', ":body a=1&b={{x}}",
    ":content_type application/json", ":basic_auth c", ":cache_max_age 300", ":cache 1",
    ":no_cache", ":retry", ":rerender",
]
LEAVES = [
    "{% abort_message %}", "{% abort_message('why') %}", "{% message_extras :key k :value {{x}} %}",
    "{% promotion('spring') %}", "{% catalog_items products {{x}} %}",
    "{{content_blocks.${footer}}}", "{{content_blocks.${nope}}}", "{% increment z %}",
    "{% cycle 'a', 'b' %}", "{% break %}", "{% continue %}", "{% # note %}",
]
# fmt: on

value = st.builds(
    lambda v, filters: v + "".join(" | " + f for f in filters),
    st.sampled_from(VALUES),
    st.lists(st.sampled_from(FILTERS), max_size=3),
)
condition = st.one_of(
    st.sampled_from(VALUES),
    st.builds(
        lambda a, op, b: f"{a} {op} {b}",
        st.sampled_from(VALUES),
        st.sampled_from(OPERATORS),
        st.sampled_from(VALUES),
    ),
)
trim = st.sampled_from(["", "-"])
plain_text = st.text(alphabet="ab {}%$'\"\n\r-é\t", max_size=6)
connected_content = st.lists(
    st.sampled_from(CONNECTED_CONTENT_OPTIONS), max_size=4, unique=True
).map(
    lambda options: (
        "{% connected_content https://api.example.com/{{x}} " + " ".join(options) + " %}"
    )
)

leaf = st.one_of(
    plain_text,
    st.builds(lambda a, v, b: "{{" + a + " " + v + " " + b + "}}", trim, value, trim),
    st.builds(
        lambda n, v: f"{{% assign {n} = {v} %}}", st.sampled_from(["x", "a", "r", "n"]), value
    ),
    st.builds(lambda v: f"{{% echo {v} %}}", value),
    st.sampled_from(LEAVES),
    connected_content,
)


def _blocks(body: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds(
            lambda c, b, e: f"{{% if {c} %}}{b}{{% elsif {c} %}}{e}{{% else %}}{b}{{% endif %}}",
            condition,
            body,
            body,
        ),
        st.builds(lambda c, b: f"{{% unless {c} %}}{b}{{% endunless %}}", condition, body),
        st.builds(
            lambda v, b, m: f"{{%- for i in {v}{m} -%}}{b}{{% else %}}e{{% endfor %}}",
            st.sampled_from(VALUES),
            body,
            st.sampled_from(["", " limit:2", " offset:1", " reversed", " offset:continue"]),
        ),
        st.builds(lambda b: f"{{% capture c %}}{b}{{% endcapture %}}{{{{c}}}}", body),
        st.builds(
            lambda v, b: f"{{% case {v} %}}{{% when 1, 's' %}}{b}{{% else %}}{b}{{% endcase %}}",
            st.sampled_from(VALUES),
            body,
        ),
        st.builds(lambda b: f"{{% comment %}}{b}{{% endcomment %}}", body),
        st.builds(lambda b: f"{{% raw %}}{b}{{% endraw %}}", body),
        st.lists(body, min_size=2, max_size=4).map("".join),
    )


templates = st.recursive(leaf, _blocks, max_leaves=12)
"""Templates built from Liquid's grammar: well-formed blocks around odd values and filters."""

PROFILE = {
    "attributes": {"first_name": "Jane", "user_id": "u-1"},
    "custom_attributes": {"tier": "gold", "Brands Viewed": ["Acme", "Zed"]},
    "event_properties": {"items": [{"id": 1}, {"id": "2"}]},
}
GLOBALS = {"x": "1", "a": {"b": [1, "two"]}}
CONTENT_BLOCKS = {"footer": "-- {{ x }}"}
STUBS = [{"request": {"url_pattern": "example"}, "response": {"json": {"payload": {"n": 1}}}}]
