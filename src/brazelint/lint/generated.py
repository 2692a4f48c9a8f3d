"""Profiles brazelint makes up: a user with nothing set, and a user with hostile text.

The adversarial user has the keys of every real profile, with every free-text value
replaced by text that breaks naive interpolation: quotes, a backslash, a line break, a
closing script tag, non-ASCII letters, an emoji, and a long tail.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from brazelint.profiles import Profile

EMPTY = "empty"
ADVERSARIAL = "adversarial"
GENERATED = frozenset({EMPTY, ADVERSARIAL})
HOSTILE_TEXT = 'Zoë "Q" O\'Brien \\ line\nbreak\t</script><b>&amp;</b> 😀 ' + "ü" * 300
KEEP_ATTRIBUTES = frozenset(
    {
        "user_id",
        "braze_id",
        "email_address",
        "phone_number",
        "time_zone",
        "language",
        "date_of_birth",
        "gender",
        "random_bucket_number",
        "last_used_app_date",
        "most_recent_app_version",
        "most_recent_locale",
    }
)
"""Attributes with a fixed shape in Braze: they keep a real profile's value."""


def empty_profile() -> Profile:
    return Profile(name=EMPTY)


def adversarial_profile(profiles: Sequence[Profile]) -> Profile:
    """Every key any real profile has; free text made hostile, shaped values kept."""
    attributes: dict[str, Any] = {}
    namespaces: dict[str, dict[str, Any]] = {}
    for profile in profiles:
        for key, value in profile.attributes.items():
            if key in KEEP_ATTRIBUTES:
                attributes.setdefault(key, value)
            else:
                attributes[key] = _hostile(value)
        for namespace, values in profile.namespaces.items():
            merged = namespaces.setdefault(namespace, {})
            for key, value in values.items():
                merged[key] = _hostile(value)
    return Profile(name=ADVERSARIAL, attributes=attributes, namespaces=namespaces)


def _hostile(value: Any) -> Any:
    if isinstance(value, str):
        return value if _looks_like_code(value) else HOSTILE_TEXT
    if isinstance(value, Mapping):
        return {key: _hostile(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_hostile(item) for item in value]
    return value


def _looks_like_code(value: str) -> bool:
    """Ids, URLs, dates and enum-like words are not free text."""
    if value.startswith(("http://", "https://")) or not value:
        return True
    return (
        " " not in value
        and not any(ch.isupper() for ch in value[1:])
        and (any(ch.isdigit() for ch in value) or "_" in value or "-" in value or len(value) <= 3)
    )
