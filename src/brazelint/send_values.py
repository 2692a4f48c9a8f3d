"""Values Braze has for every user and every send, made up for a profile without them.

Braze fills ``${braze_id}``, ``${random_bucket_number}``, the subscription links and the
send's ``campaign.${dispatch_id}`` whatever the user's profile holds, so a preview must
not render them empty. Each value is derived from the profile (its ``user_id``, else its
name) with a hash: plausible, stable across runs, and different between users.
"""

from __future__ import annotations

import hashlib
from typing import Any, Mapping, Optional, Protocol

LINK_HOST = "https://braze-preview.invalid"
"""Host of the made-up subscription links (``.invalid`` is reserved: it never resolves)."""


class Person(Protocol):
    """What the made-up values are derived from (a ``brazelint.profiles.Profile``)."""

    @property
    def name(self) -> str: ...

    @property
    def attributes(self) -> Mapping[str, Any]: ...


_CACHE_LIMIT = 4096
_made: dict[tuple[str, Optional[str]], tuple[dict[str, Any], dict[str, Any]]] = {}
"""(seed, braze_id set by the profile) -> the values made for it: every render of a
profile asks again, and hashing each time would cost a few percent of a render."""


def made_up_values(profile: Person) -> tuple[dict[str, Any], dict[str, Any]]:
    """(standard attributes, campaign values) for ``profile``; callers copy before merging."""
    seed = str(profile.attributes.get("user_id") or profile.name)
    braze_id = profile.attributes.get("braze_id")
    key = (seed, None if braze_id is None else str(braze_id))
    made = _made.get(key)
    if made is None:
        if len(_made) >= _CACHE_LIMIT:
            _made.clear()
        made = _made[key] = (generated_attributes(profile), generated_campaign(profile))
    return made


def _digest(profile: Person, purpose: str) -> str:
    seed = profile.attributes.get("user_id") or profile.name
    return hashlib.sha1(f"{purpose}:{seed}".encode("utf-8", "surrogatepass")).hexdigest()


def _uuid(hex_digits: str) -> str:
    h = hex_digits[:32]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def generated_attributes(profile: Person) -> dict[str, Any]:
    """Standard attributes every Braze user has (supported_personalization_tags.md)."""
    braze_id = profile.attributes.get("braze_id") or _digest(profile, "braze_id")[:24]
    links = {
        name: f"{LINK_HOST}/{path}?u={braze_id}"
        for name, path in (
            ("set_user_to_unsubscribed_url", "unsubscribe"),
            ("unsubscribe_url", "unsubscribe"),
            ("set_user_to_subscribed_url", "subscribe"),
            ("set_user_to_opted_in_url", "opt-in"),
        )
    }
    return {
        "braze_id": braze_id,
        # 0-9999, fixed for a user, as Braze's random bucket number is
        "random_bucket_number": int(_digest(profile, "bucket")[:8], 16) % 10000,
        **links,
    }


def generated_campaign(profile: Person) -> dict[str, Any]:
    """The send's ids: ``campaign.${dispatch_id}``, ``${api_id}`` and ``${message_api_id}``."""
    return {
        "api_id": _uuid(_digest(profile, "campaign")),
        "message_api_id": _uuid(_digest(profile, "message")),
        "dispatch_id": _digest(profile, "dispatch")[:24],
    }
