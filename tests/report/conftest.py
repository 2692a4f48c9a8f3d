"""One hand-built lint report that every formatter test prints, and the empty report.

Two files with findings and one clean file; four diagnostics: an error with no profile
whose message holds ``%``, ``:``, ``,`` and a line break; a warning for one profile; an
info; and a multi-line error for two profiles with a rendered excerpt and a hint. They are
listed out of order: formatters sort them.
"""

from __future__ import annotations

import pytest

from brazelint.checks.diagnostic import Diagnostic, LintReport

WELCOME = "templates/welcome.liquid"
TRACK = "webhooks/track.liquid"
CLEAN = "templates/clean.liquid"

WELCOME_SOURCE = (
    "Hi {{${frist_name}}},\n"
    "Your tier: {{custom_attribute.${tier}}}\n"
    "{% if ${email_address} == blank %}{% abort_message('no email') %}{% endif %}\n"
)
TRACK_SOURCE = '{\n  "user_id": "{{${user_id}}}"\n  "event": "product_viewed"\n}\n'

INVALID_JSON = Diagnostic(
    path=TRACK,
    line=2,
    column=3,
    end_line=3,
    end_column=10,
    code="BL401",
    name="invalid-json",
    severity="error",
    message='missing comma before "event"',
    profiles=("known_user", "anonymous_user"),
    hint="add a comma after the previous value",
    excerpt='…"u-1"\n  "event": "product_viewed"…',
)
UNKNOWN_ATTRIBUTE = Diagnostic(
    path=WELCOME,
    line=1,
    column=4,
    end_column=21,
    code="BL201",
    name="unknown-attribute",
    severity="error",
    message="unknown attribute ${frist_name}: 100% sure, not ${first_name}\nBraze renders it empty",
)
ATTRIBUTE_MISSING = Diagnostic(
    path=WELCOME,
    line=2,
    column=12,
    end_column=40,
    code="BL203",
    name="attribute-missing",
    severity="warning",
    message="custom_attribute.${tier} is missing and has no default",
    profiles=("anonymous_user",),
)
ABORTED = Diagnostic(
    path=WELCOME,
    line=3,
    column=35,
    end_column=66,
    code="BL303",
    name="message-aborted",
    severity="info",
    message="the message aborts: no email",
    profiles=("no_email",),
)


def sample_report() -> LintReport:
    return LintReport(
        diagnostics=[ABORTED, INVALID_JSON, ATTRIBUTE_MISSING, UNKNOWN_ATTRIBUTE],
        files=[TRACK, CLEAN, WELCOME],
        sources={WELCOME: WELCOME_SOURCE, TRACK: TRACK_SOURCE, CLEAN: "Hello\n"},
        rules=["BL201", "BL203", "BL303", "BL401"],
    )


def empty_report() -> LintReport:
    return LintReport(
        files=[CLEAN, "templates/other.liquid"],
        sources={CLEAN: "Hello\n"},
        rules=["BL201", "BL401"],
    )


@pytest.fixture
def report() -> LintReport:
    return sample_report()


@pytest.fixture
def empty() -> LintReport:
    return empty_report()


@pytest.fixture
def invalid_json() -> Diagnostic:
    return INVALID_JSON
