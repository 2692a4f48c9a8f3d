"""Braze's filters, and the python-liquid filters Braze lacks or formats differently.

``register(env)`` adds Braze's own filters, replaces stock ones whose output differs from
Braze's Ruby (``date``, ``split``, ``url_encode``, ``base64_encode``) and removes the two
python-liquid inventions that exist in no Ruby Liquid (``safe``, ``escapejs``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from brazelint.engine.filters import (
    dates,
    defaults,
    encoding,
    guard,
    hashing,
    json_filters,
    numbers,
    ruby_text,
    strings,
)

if TYPE_CHECKING:
    from liquid import Environment

FILTERS: dict[str, Callable[..., object]] = {
    "md5": hashing.md5,
    "sha1": hashing.sha1,
    "sha2": hashing.sha2,
    "hmac_sha1": hashing.hmac_sha1,
    "hmac_sha1_hex": hashing.hmac_sha1_hex,
    "hmac_sha1_base64": hashing.hmac_sha1_base64,
    "hmac_sha256": hashing.hmac_sha256,
    "hmac_sha256_hex": hashing.hmac_sha256_hex,
    "hmac_sha256_base64": hashing.hmac_sha256_base64,
    "hmac_sha512": hashing.hmac_sha512,
    "base64_encode": encoding.base64_encode,
    "url_escape": encoding.url_escape,
    "url_param_escape": encoding.url_param_escape,
    "url_encode": encoding.url_encode,
    "json_escape": json_filters.json_escape,
    "json_parse": json_filters.json_parse,
    "as_json_string": json_filters.as_json_string,
    "property_accessor": json_filters.property_accessor,
    "number_with_delimiter": numbers.number_with_delimiter,
    "money": numbers.money,
    "split": strings.split,
    "date": dates.date,
    "time_zone": dates.time_zone,
}
"""Filters brazelint adds or replaces, by name."""

REMOVED = ("safe", "escapejs")
"""python-liquid-only filters; Braze would reject them as unknown."""


def register(env: Environment) -> None:
    """Install Braze's filters on ``env`` (after python-liquid's stock ones)."""
    for name, func in FILTERS.items():
        env.add_filter(name, guard.arity_checked(name, func))
    for name in REMOVED:
        env.filters.pop(name, None)
    ruby_text.register(env)
    if "concat" in env.filters:
        env.filters["concat"] = guard.concat_array_check(env.filters["concat"])
    for name, func in list(env.filters.items()):
        if name not in FILTERS:  # python-liquid's stock filters
            env.filters[name] = guard.guard(name, func)
    env.filters["default"] = defaults.text_first_default(env.filters["default"])
