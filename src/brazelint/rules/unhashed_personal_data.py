"""BL406 unhashed-personal-data: email addresses and phone numbers sent in clear text."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL406",
    name="unhashed-personal-data",
    severity="warning",
    summary="An email address or phone number sent to a partner in clear text.",
    why=(
        "An identifier field needs only a stable key, not the address itself; "
        "hashing it (md5, sha2) keeps personal data out of the partner's logs."
    ),
    bad='{"anonymous_id": "{{${email_address} | json_escape}}"}',
    good='{"anonymous_id": "{{${email_address} | md5}}"}',
)
