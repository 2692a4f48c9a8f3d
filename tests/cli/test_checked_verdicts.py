"""A green lint means the templates were checked (issue 16), through the real CLI.

Each test writes a scratch project (often no config and no profiles at all, as a new user
has) and runs ``python -m brazelint lint`` on it: partner-doc bodies with ``//`` notes are
JSON, the generated ``complete`` user gets past id guards, BL203's own example is caught
with no profiles, branches no profile renders are reported at their lines, a template
every profile aborts on is a warning, and filters Braze cannot render are errors.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any, Callable

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]

# Braze's published Movable Ink webhook style: `//` notes above the JSON, the clock in
# seconds where Movable Ink wants milliseconds, a trailing comma.
PARTNER_DOC_BODY = """\
// Turns "now" into epoch seconds for the event time
{% assign timestamp = "now" | date: "%s" %}

// Known users send their id; the others a hash of their email
{% if {{${user_id}}} %}
{% capture who %}"user_id": "{{${user_id}}}",{% endcapture %}
{% else %}
{% capture who %}"anonymous_id": "{{${email_address} | md5}}",{% endcapture %}
{% endif %}
{
  {{who}}
  "event": "product_viewed",
  "timestamp": {{timestamp}},
  "type": "track",
}
"""

GUARDED = """\
{% if ${user_id} == blank %}{% abort_message('no user id') %}{% endif %}
{
  "external_id": "{{${user_id}}}"
  "tier": "{{custom_attribute.${tier} | default: 'none'}}"
}
"""

BRANCHES = """\
{% assign tier = custom_attribute.${tier} | default: 'none' %}
{% if tier == 'gold' %}
Gold perks
{% elsif tier == 'silver' %}
Silver perks for
{{ ${first_name} | default: 'you' }}
{% else %}
Nothing yet
{% endif %}
"""


def lint_json(run_cli: Run, cwd: Path, *args: str) -> tuple[int, dict[str, Any]]:
    done = run_cli("lint", *args, "--no-cache", "--format", "json", cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


def rows(report: dict[str, Any], *codes: str) -> list[tuple[Any, ...]]:
    return [
        (d["code"], d["line"], d["column"], d["severity"], d["message"], tuple(d["profiles"]))
        for d in report["diagnostics"]
        if not codes or d["code"] in codes
    ]


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """A folder with no configuration and no profiles, as a new user starts."""
    folder = tmp_path / "fresh"
    folder.mkdir()
    return folder


def test_partner_doc_body_with_notes_fails_with_no_config(run_cli: Run, fresh: Path) -> None:
    write(fresh, {"product_viewed.liquid": PARTNER_DOC_BODY})
    code, report = lint_json(run_cli, fresh, "product_viewed.liquid")
    both = ("empty", "complete")
    assert code == 1
    assert rows(report) == [
        (
            "BL401",
            1,
            1,
            "error",
            'comment "// Turns "now" into epoch seconds for the event…" is not valid JSON',
            both,
        ),
        (
            "BL401",
            4,
            1,
            "error",
            'comment "// Known users send their id; the others a hash…" is not valid JSON',
            both,
        ),
        (
            "BL405",
            13,
            16,
            "error",
            "$.timestamp is a time in seconds; the partner expects milliseconds",
            both,
        ),
        ("BL401", 14, 18, "error", "trailing comma before '}'", both),
    ]


def test_a_body_behind_an_id_guard_is_checked_with_no_profiles(run_cli: Run, fresh: Path) -> None:
    write(fresh, {"guarded.liquid": GUARDED})
    code, report = lint_json(run_cli, fresh, "guarded.liquid")
    assert code == 1
    assert rows(report) == [
        ("BL401", 3, 34, "error", 'missing comma before "tier"', ("complete",)),
    ]
    assert report["coverage"] == {
        "guarded.liquid": {"lines": 5, "rendered": 5, "percent": 100.0, "unrendered": []}
    }


def test_generated_users_off_and_no_profiles_is_never_a_pass(run_cli: Run, fresh: Path) -> None:
    write(fresh, {"guarded.liquid": GUARDED})
    code, report = lint_json(run_cli, fresh, "guarded.liquid", "--no-generated-profiles")
    assert code == 1
    assert rows(report) == [
        (
            "BL308",
            1,
            1,
            "warning",
            "nothing was checked: no profile renders this template",
            (),
        )
    ]


def test_attribute_missing_reports_its_own_example_with_no_profiles(
    run_cli: Run, fresh: Path
) -> None:
    write(fresh, {"hi.liquid": "Hi {{${first_name}}},\n"})
    code, report = lint_json(run_cli, fresh, "hi.liquid")
    assert code == 1
    assert rows(report) == [
        (
            "BL203",
            1,
            6,
            "warning",
            "first_name is not set for this profile and renders empty",
            ("empty",),
        )
    ]
    # a project that does not want it for the generated user with nothing set says so
    write(fresh, {"brazelint.toml": '[profile-ignores]\nempty = ["BL203"]\n'})
    code, report = lint_json(run_cli, fresh, "hi.liquid")
    assert (code, rows(report)) == (0, [])


def test_a_branch_no_profile_renders_is_reported_at_its_lines(run_cli: Run, fresh: Path) -> None:
    write(
        fresh,
        {
            "brazelint.toml": 'profiles = "profiles"\n',
            "profiles/gold.yaml": "custom_attributes: {tier: gold}\n",
            "perks.liquid": BRANCHES,
        },
    )
    code, report = lint_json(run_cli, fresh, "perks.liquid")
    assert code == 0  # info: it does not fail the run
    assert rows(report) == [
        (
            "BL307",
            5,
            1,
            "info",
            "no profile renders lines 5\N{EN DASH}6, the `elsif tier == 'silver'` branch of "
            "`if tier == 'gold'`",
            (),
        )
    ]
    [finding] = report["diagnostics"]
    assert (finding["end_line"], finding["end_column"]) == (6, 37)
    assert finding["hint"] == "a profile where custom_attribute.${tier} is 'silver' renders it"
    assert report["coverage"] == {
        "perks.liquid": {"lines": 9, "rendered": 7, "percent": 77.8, "unrendered": [[5, 6]]}
    }
    text = run_cli("lint", "perks.liquid", "--no-cache", cwd=fresh).stdout
    assert text.endswith(
        "Rendered 7 of 9 template lines (77.8%); not rendered:\n"
        "  perks.liquid: 77.8% (lines 5\N{EN DASH}6)\n\n"
        "Found 1 info in 1 file (1 file checked).\n"
    )
    # a second run answers from the cache, coverage included
    cached = run_cli("lint", "perks.liquid", "--format", "json", cwd=fresh)
    first = run_cli("lint", "perks.liquid", "--format", "json", cwd=fresh)
    assert json.loads(cached.stdout)["coverage"] == json.loads(first.stdout)["coverage"]
    assert json.loads(first.stdout)["coverage"] == report["coverage"]


def test_a_template_every_profile_aborts_on_is_a_warning(run_cli: Run, fresh: Path) -> None:
    write(fresh, {"paused.liquid": 'Sale!\n{% abort_message("paused") %}\n{"a": 1,}\n'})
    code, report = lint_json(run_cli, fresh, "paused.liquid")
    assert code == 1
    assert rows(report) == [
        (
            "BL308",
            2,
            4,
            "warning",
            # it reads nothing of a user, so the complete user would be the empty one
            "nothing past line 2 was checked: every profile aborted — "
            "empty, adversarial: aborted (paused)",
            (),
        )
    ]
    assert report["coverage"]["paused.liquid"]["unrendered"] == [[3, 3]]


def test_a_filter_braze_cannot_render_fails_at_every_fail_level(run_cli: Run, fresh: Path) -> None:
    source = '{"a": "{{ ${first_name} | money_with_currency }}", "b": "{{${last_name}}}"}\n'
    write(fresh, {"money.liquid": source})
    code, report = lint_json(run_cli, fresh, "money.liquid", "--fail-level", "error")
    assert code == 1
    assert rows(report) == [
        (
            "BL205",
            1,
            27,
            "error",
            "filter 'money_with_currency' is not supported in Braze",
            (),
        ),
        # the render goes on past the filter, so the rest of the line is still checked
        (
            "BL203",
            1,
            60,
            "warning",
            "last_name is not set for this profile and renders empty",
            ("empty",),
        ),
    ]


def test_schema_violations_are_worded_for_people(run_cli: Run, fresh: Path) -> None:
    source = (
        '{% comment %}brazelint: schema=movable-ink/event{% endcomment %}{"type": "track", '
        '"user_id": "u-1", "timestamp": 1767258000000, "timezone": "UTC",\n'
        '"properties": "{{ event_properties.${title} | default: \'x\' | json_escape }}"}\n'
    )
    write(fresh, {"event.liquid": source})
    code, report = lint_json(run_cli, fresh, "event.liquid")
    assert code == 1
    messages = {(d["line"], d["column"], d["message"]) for d in report["diagnostics"]}
    assert messages == {
        (1, 65, "missing required `event`"),
        (2, 16, '`properties` must be an object; got a string ("x")'),
        (2, 16, '`properties` must be an object; got a string ("sample title")'),
    }
