"""BL406 unhashed-personal-data: email addresses and phone numbers sent in clear text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from brazelint.checks.payload import json_path, leaf_path
from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.payload import JsonBody
    from brazelint.checks.positions import Reporter

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

EMAIL = re.compile(r"^[^@\s\"]+@[^@\s\"]+\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?\d[\d\s().-]{7,}\d$")
DECIMAL = re.compile(r"-?\d+\.\d+")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")
TIME_KEY = re.compile(r"time|date|_at$", re.I)
"""Keys whose digit strings are times, not phone numbers."""
CONTACT_KEY = re.compile(r"email|phone|mail", re.I)
"""Keys whose values are meant to be contact details (BL406 leaves them alone)."""


def check_json(body: JsonBody, reporter: Reporter) -> None:
    """BL406 for an email address or phone number under a key not meant for one."""
    if body.adversarial:
        return
    # paths and spans are made only for a value that is reported: most bodies report nothing
    for parent, step, value in body.leaves:
        if not isinstance(value, str):
            continue
        key = step if isinstance(step, str) else ""
        kind = (
            "email address"
            if "@" in value and EMAIL.match(value)
            else "phone number"
            if _is_phone(value) and not TIME_KEY.search(key)
            else None
        )
        if kind is None or CONTACT_KEY.search(key):  # the key last: few values look like one
            continue
        path = leaf_path(parent, step)
        article = "an" if kind[0] == "e" else "a"
        body.report_value(
            reporter,
            RULE.code,
            path,
            f"{json_path(path)} sends {article} {kind} in clear text",
            hint="hash it before it leaves Braze: | md5 or | sha2",
        )


def _is_phone(value: str) -> bool:
    """Phone-shaped text with 7 to 15 digits (E.164 allows 15), so ids of digits and
    dashes, such as an all-zero GUID, are not taken for one."""
    if not PHONE.match(value):
        return False
    if DATE.match(value) or DECIMAL.fullmatch(value):
        return False  # 2024-03-31 and 24.989999 are not phone numbers
    return 7 <= sum(ch.isdigit() for ch in value) <= 15
