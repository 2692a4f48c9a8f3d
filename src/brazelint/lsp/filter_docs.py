"""What each filter does in Braze, for hover and completion: a signature and a sentence or two.

Braze's own filters come first, then the standard ones Braze lists, then those it does not
support or does not document. Every filter in ``FILTER_SUPPORT`` has an entry (a test holds
the two tables together), and the support status is read from there, not repeated here.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from brazelint.engine.filter_support import (
    FILTER_SUPPORT,
    SUPPORTED,
    UNSUPPORTED,
    UNSUPPORTED_UNKNOWN,
)


class FilterDoc(NamedTuple):
    signature: str
    summary: str


FILTER_DOCS: Final[dict[str, FilterDoc]] = {
    # Braze's own ("advanced") filters
    "md5": FilterDoc("text | md5", "MD5 digest of the text, as lowercase hex."),
    "sha1": FilterDoc("text | sha1", "SHA-1 digest of the text, as hex."),
    "sha2": FilterDoc("text | sha2", "SHA-256 digest of the text, as hex."),
    "hmac_sha1": FilterDoc(
        "text | hmac_sha1: key", "The old name of hmac_sha1_hex: HMAC-SHA1 with `key`, as hex."
    ),
    "hmac_sha1_hex": FilterDoc(
        "text | hmac_sha1_hex: key", "HMAC-SHA1 of the text with `key`, as hex."
    ),
    "hmac_sha1_base64": FilterDoc(
        "text | hmac_sha1_base64: key", "HMAC-SHA1 of the text with `key`, Base64-encoded."
    ),
    "hmac_sha256": FilterDoc(
        "text | hmac_sha256: key", "HMAC-SHA256 of the text with `key`, as hex (as Shopify's)."
    ),
    "hmac_sha256_hex": FilterDoc(
        "text | hmac_sha256_hex: key", "HMAC-SHA256 of the text with `key`, as hex."
    ),
    "hmac_sha256_base64": FilterDoc(
        "text | hmac_sha256_base64: key", "HMAC-SHA256 of the text with `key`, Base64-encoded."
    ),
    "hmac_sha512": FilterDoc(
        "text | hmac_sha512: key", "HMAC-SHA512 of the text with `key`, as hex."
    ),
    "base64_encode": FilterDoc(
        "text | base64_encode", "The text in Base64 (`'blah'` → `YmxhaA==`)."
    ),
    "url_escape": FilterDoc(
        "text | url_escape",
        "Percent-escapes characters a URL cannot hold, but leaves `&` alone: use "
        "url_param_escape for a query-string value.",
    ),
    "url_param_escape": FilterDoc(
        "text | url_param_escape",
        "Percent-escapes a value for a URL query string, `&` included "
        "(`?email={{${email_address} | url_param_escape}}`).",
    ),
    "url_encode": FilterDoc(
        "text | url_encode", "Form-encodes the text: spaces become `+` (`google+search`)."
    ),
    "json_escape": FilterDoc(
        "text | json_escape",
        "Escapes quotes, backslashes and control characters so the value can sit inside a "
        "JSON string. Braze says to use it on every string spliced into a JSON body.",
    ),
    "json_parse": FilterDoc(
        "text | json_parse", "Parses a JSON string into an array or object you can index."
    ),
    "as_json_string": FilterDoc(
        "value | as_json_string",
        "Writes an array or object as a JSON string (object-typed context variables too).",
    ),
    "property_accessor": FilterDoc(
        "hash | property_accessor: key",
        "The value at `key` in a hash; the key may come from an attribute. Braze cannot "
        "build a hash literal, so the hash comes from data.",
    ),
    "number_with_delimiter": FilterDoc(
        "number | number_with_delimiter", "Adds comma thousands separators (`123456` → `123,456`)."
    ),
    "money": FilterDoc(
        "number | money",
        "Two decimals, no currency symbol. Unlike Shopify it does not read cents: `145` "
        "prints `145.00`; divide by 100.00 first for a value in cents.",
    ),
    "time_zone": FilterDoc(
        "time | time_zone: zone",
        "Moves a time (or `'now'`) into `zone`, an IANA name, `${time_zone}` or an offset; "
        "follow it with `date`. Times are UTC until you do.",
    ),
    "date": FilterDoc(
        "time | date: format",
        "Formats a time (`'now'`, epoch seconds, ISO or `2021-06-03 17:13:41 UTC`) with "
        "Ruby's strftime; Braze adds `%s` for epoch seconds. `'now'` is UTC.",
    ),
    "default": FilterDoc(
        "value | default: fallback",
        "`fallback` when the value is nil, false or empty; a string of only spaces is kept.",
    ),
    # array filters
    "compact": FilterDoc("array | compact", "The array without its nil items."),
    "concat": FilterDoc("array | concat: other", "The two arrays joined into one."),
    "first": FilterDoc(
        "array | first", "The first item; for an array attribute, the oldest value."
    ),
    "last": FilterDoc("array | last", "The last item; for an array attribute, the newest value."),
    "join": FilterDoc("array | join: separator", "The items as text, with `separator` between."),
    "map": FilterDoc("array | map: key", "The value at `key` of every item."),
    "reverse": FilterDoc("array | reverse", "The items in reverse order."),
    "size": FilterDoc("value | size", "The number of items in an array, or characters in text."),
    "slice": FilterDoc(
        "value | slice: start, length", "`length` items or characters from `start` (0-based)."
    ),
    "sort": FilterDoc("array | sort: key", "The items sorted (by `key`), case-sensitive."),
    "sort_natural": FilterDoc(
        "array | sort_natural: key", "The items sorted (by `key`), ignoring case."
    ),
    "uniq": FilterDoc("array | uniq", "The items with duplicates removed."),
    "where": FilterDoc(
        "array | where: key, value", "The items whose `key` equals `value` (or is truthy)."
    ),
    "find_index": FilterDoc(
        "array | find_index: key, value", "The index of the first item whose `key` is `value`."
    ),
    "find": FilterDoc("array | find: key, value", "The first item whose `key` is `value`."),
    "has": FilterDoc("array | has: key, value", "Whether an item's `key` is `value`."),
    "reject": FilterDoc(
        "array | reject: key, value", "The items whose `key` is not `value` (or is falsy)."
    ),
    "sum": FilterDoc("array | sum: key", "The sum of the items (or of their `key`)."),
    # math filters
    "abs": FilterDoc("number | abs", "The absolute value."),
    "at_least": FilterDoc("number | at_least: minimum", "The number, raised to `minimum`."),
    "at_most": FilterDoc("number | at_most: maximum", "The number, lowered to `maximum`."),
    "ceil": FilterDoc("number | ceil", "Rounded up to a whole number."),
    "floor": FilterDoc("number | floor", "Rounded down to a whole number."),
    "divided_by": FilterDoc(
        "number | divided_by: divisor",
        "Division. Two integers divide to an integer, rounded down (`15 | divided_by: 2` is "
        "`7`); divide by `2.0` for `7.5`.",
    ),
    "minus": FilterDoc("number | minus: amount", "Subtraction."),
    "plus": FilterDoc(
        "number | plus: amount",
        "Addition; `| plus: 0` turns a numeric string or a time into a number to compare.",
    ),
    "times": FilterDoc("number | times: factor", "Multiplication."),
    "modulo": FilterDoc("number | modulo: divisor", "The remainder of the division."),
    "round": FilterDoc("number | round: digits", "Rounded to `digits` decimals (default 0)."),
    # string filters
    "append": FilterDoc("text | append: more", "The text with `more` added at the end."),
    "prepend": FilterDoc("text | prepend: more", "The text with `more` added at the start."),
    "capitalize": FilterDoc("text | capitalize", "The first letter upper-case, the rest lower."),
    "downcase": FilterDoc("text | downcase", "The text in lower case."),
    "upcase": FilterDoc("text | upcase", "The text in upper case."),
    "escape": FilterDoc("text | escape", "HTML-escapes `<`, `>`, `&`, `\"` and `'`."),
    "escape_once": FilterDoc("text | escape_once", "HTML-escapes without escaping entities twice."),
    "newline_to_br": FilterDoc("text | newline_to_br", "Puts `<br />` before each line break."),
    "remove": FilterDoc("text | remove: part", "The text without any `part`."),
    "remove_first": FilterDoc("text | remove_first: part", "The text without the first `part`."),
    "remove_last": FilterDoc("text | remove_last: part", "The text without the last `part`."),
    "replace": FilterDoc("text | replace: old, new", "Every `old` replaced by `new`."),
    "replace_first": FilterDoc(
        "text | replace_first: old, new", "The first `old` replaced by `new`."
    ),
    "replace_last": FilterDoc("text | replace_last: old, new", "The last `old` replaced by `new`."),
    "split": FilterDoc("text | split: separator", "The text cut into an array at `separator`."),
    "strip": FilterDoc("text | strip", "Whitespace removed from both ends."),
    "lstrip": FilterDoc("text | lstrip", "Whitespace removed from the start."),
    "rstrip": FilterDoc("text | rstrip", "Whitespace removed from the end."),
    "strip_html": FilterDoc("text | strip_html", "The text without HTML tags."),
    "strip_newlines": FilterDoc("text | strip_newlines", "The text without line breaks."),
    "squish": FilterDoc(
        "text | squish", "Runs of whitespace collapsed to one space, ends stripped."
    ),
    "truncate": FilterDoc(
        "text | truncate: length, ellipsis",
        "At most `length` characters, `ellipsis` (default `...`) included.",
    ),
    "truncatewords": FilterDoc(
        "text | truncatewords: words, ellipsis", "At most `words` words, then `ellipsis`."
    ),
    "base64_decode": FilterDoc("text | base64_decode", "Decodes Base64 text."),
    "base64_url_safe_encode": FilterDoc(
        "text | base64_url_safe_encode", "URL-safe Base64 (`-` and `_` for `+` and `/`)."
    ),
    "base64_url_safe_decode": FilterDoc(
        "text | base64_url_safe_decode", "Decodes URL-safe Base64 text."
    ),
    "url_decode": FilterDoc("text | url_decode", "Undoes percent-escaping and `+` for spaces."),
}

STATUS_NOTES: Final[dict[str, str]] = {
    SUPPORTED: "Supported by Braze.",
    UNSUPPORTED: "**Braze does not support this filter** (BL205): it renders here, not in Braze.",
    "undocumented": "Braze's documentation never mentions this filter: untested in Braze (BL205).",
}


def filter_markdown(name: str) -> str | None:
    """Hover text for a filter: signature, behaviour and Braze's support, or ``None``."""
    doc = FILTER_DOCS.get(name)
    if doc is not None:
        status = STATUS_NOTES[FILTER_SUPPORT.get(name, SUPPORTED)]
        return f"```liquid\n{doc.signature}\n```\n{doc.summary}\n\n{status}"
    instead = UNSUPPORTED_UNKNOWN.get(name)
    if instead is not None:
        return f"**`{name}` is not supported in Braze** (BL204): {instead}."
    return None
