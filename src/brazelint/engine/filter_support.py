"""How far Braze supports each filter, for lint rules to read.

``FILTER_SUPPORT`` covers every filter registered in the environment (python-liquid's
stock ones included) with one of:

- ``"supported"``: Braze lists it as supported, or it is one of Braze's own filters;
- ``"unsupported"``: Braze lists it as not supported, yet python-liquid has it, so a
  render would silently succeed where Braze would not;
- ``"undocumented"``: a standard Shopify filter Braze's docs never mention; untested.

``UNSUPPORTED_UNKNOWN`` names filters Braze documents as unsupported that python-liquid
does not have at all, each with a short hint on what to write instead (phrased to follow
"filter 'x' is not supported in Braze; ").
"""

from __future__ import annotations

from typing import Final

SUPPORTED: Final = "supported"
UNSUPPORTED: Final = "unsupported"
UNDOCUMENTED: Final = "undocumented"

FILTER_SUPPORT: Final[dict[str, str]] = {
    # array filters
    "compact": SUPPORTED,
    "concat": SUPPORTED,
    "find_index": UNSUPPORTED,
    "first": SUPPORTED,
    "join": SUPPORTED,
    "last": SUPPORTED,
    "map": SUPPORTED,
    "reverse": SUPPORTED,
    "size": SUPPORTED,
    "slice": SUPPORTED,
    "sort": SUPPORTED,
    "sort_natural": SUPPORTED,
    "uniq": SUPPORTED,
    "where": SUPPORTED,
    "find": UNDOCUMENTED,
    "has": UNDOCUMENTED,
    "reject": UNDOCUMENTED,
    "sum": UNDOCUMENTED,
    # math filters
    "abs": SUPPORTED,
    "at_least": SUPPORTED,
    "at_most": SUPPORTED,
    "ceil": SUPPORTED,
    "divided_by": SUPPORTED,
    "floor": SUPPORTED,
    "minus": SUPPORTED,
    "modulo": SUPPORTED,
    "plus": SUPPORTED,
    "round": SUPPORTED,
    "times": SUPPORTED,
    # money and numbers
    "money": SUPPORTED,
    "number_with_delimiter": SUPPORTED,
    # string filters
    "append": SUPPORTED,
    "capitalize": SUPPORTED,
    "downcase": SUPPORTED,
    "escape": SUPPORTED,
    "newline_to_br": SUPPORTED,
    "prepend": SUPPORTED,
    "remove": SUPPORTED,
    "remove_first": SUPPORTED,
    "replace": SUPPORTED,
    "replace_first": SUPPORTED,
    "split": SUPPORTED,
    "strip": SUPPORTED,
    "strip_html": SUPPORTED,
    "strip_newlines": SUPPORTED,
    "truncate": SUPPORTED,
    "truncatewords": SUPPORTED,
    "upcase": SUPPORTED,
    "lstrip": UNSUPPORTED,
    "rstrip": UNSUPPORTED,
    "base64_decode": UNDOCUMENTED,
    "base64_url_safe_decode": UNDOCUMENTED,
    "base64_url_safe_encode": UNDOCUMENTED,
    "escape_once": UNDOCUMENTED,
    "remove_last": UNDOCUMENTED,
    "replace_last": UNDOCUMENTED,
    "squish": UNDOCUMENTED,
    "url_decode": UNDOCUMENTED,
    # hashing and encoding (Braze's advanced filters)
    "md5": SUPPORTED,
    "sha1": SUPPORTED,
    "sha2": SUPPORTED,
    "hmac_sha1": SUPPORTED,
    "hmac_sha1_hex": SUPPORTED,
    "hmac_sha1_base64": SUPPORTED,
    "hmac_sha256": SUPPORTED,
    "hmac_sha256_hex": SUPPORTED,
    "hmac_sha256_base64": SUPPORTED,
    "hmac_sha512": SUPPORTED,
    "base64_encode": SUPPORTED,
    "url_escape": SUPPORTED,
    "url_param_escape": SUPPORTED,
    "url_encode": SUPPORTED,
    # JSON and hashes
    "json_escape": SUPPORTED,
    "json_parse": SUPPORTED,
    "as_json_string": SUPPORTED,
    "property_accessor": SUPPORTED,
    # dates and other
    "date": SUPPORTED,
    "time_zone": SUPPORTED,
    "default": SUPPORTED,
}

UNSUPPORTED_UNKNOWN: Final[dict[str, str]] = {
    "money_with_currency": "use money and write the symbol yourself, like ${{ price | money }}",
    "money_without_currency": "use money, which already prints no currency symbol",
    "camelize": "use capitalize, or upcase/downcase with replace",
    "camelcase": "use capitalize, or upcase/downcase with replace",
    "handleize": "build the handle with downcase, strip and replace: ' ', '-'",
    "pluralize": "choose the singular or plural word with an if on the count",
    "format_address": "print the address fields one by one",
    "highlight": "wrap the matching text in markup yourself with replace",
}
