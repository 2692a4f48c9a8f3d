"""``brazelint rules``: the rule table, one rule explained, unknown rules, JSON."""

from __future__ import annotations

import json
import subprocess
from typing import Callable

from brazelint.rules.registry import RULES

Run = Callable[..., subprocess.CompletedProcess[str]]

HEADINGS = [
    "BL0xx  Syntax",
    "BL1xx  Braze tags and Connected Content",
    "BL2xx  Attributes, variables and filters",
    "BL3xx  Render time",
    "BL4xx  JSON, schema and payload",
    "BL9xx  Suppressions",
]


def test_table(run_cli: Run) -> None:
    proc = run_cli("rules")
    assert (proc.returncode, proc.stderr) == (0, "")
    lines = proc.stdout.splitlines()
    assert lines[:3] == [
        "BL0xx  Syntax",
        "  BL001  syntax-error               error    The template is not valid Liquid, so Braze cannot send it.",
        "  BL002  unknown-tag                error    A tag that neither Liquid nor Braze defines.",
    ]
    assert [line for line in lines if line.startswith("BL")] == HEADINGS
    assert (
        "  BL303  message-aborted            info     "
        "The message aborts for a profile; Braze would not send it to that user."
    ) in lines
    assert (
        "  BL101  connected-content-option   warning  A Connected Content option Braze ignores "
        "or rejects (old spelling, cache age out of range). [fix: safe]"
    ) in lines
    assert lines[-1] == (
        "  BL902  invalid-suppression        warning  "
        "A brazelint: comment with an unknown code or form."
    )
    rows = [line for line in lines if line.startswith("  BL")]
    assert [row.split()[0] for row in rows] == [rule.code for rule in RULES]
    # one blank line before each heading but the first
    assert [lines[lines.index(h) - 1] for h in HEADINGS[1:]] == [""] * 5
    assert proc.stdout.endswith(".\n")


def test_one_rule(run_cli: Run) -> None:
    proc = run_cli("rules", "BL203")
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == (
        "BL203 attribute-missing (warning)\n"
        "\n"
        "A value a profile does not have is printed without a default, so it renders empty.\n"
        "\n"
        "Any attribute can be unset for some users, and an unset one prints nothing, leaving "
        "a gap such as `Hi ,` in what they receive.\n"
        "\n"
        "Bad:\n"
        "    Hi {{${first_name}}},\n"
        "\n"
        "Good:\n"
        "    Hi {{${first_name} | default: 'there'}},\n"
        "\n"
        "Fix (unsafe, with --unsafe-fixes): add | default: '' where a value renders empty\n"
    )


def test_one_rule_whose_good_example_needs_a_stub(run_cli: Run) -> None:
    proc = run_cli("rules", "BL102")
    assert proc.returncode == 0
    assert proc.stdout.splitlines() == [
        "BL102 connected-content-no-stub (error)",
        "",
        "A Connected Content request that no stub answers, so the preview is not what users get.",
        "",
        "brazelint never calls the network during lint; add a stub, or record one with "
        "`brazelint stubs record`.",
        "",
        "Bad:",
        "    {% connected_content https://api.example.com/offers :save offers %}",
        "",
        "Good:",
        "    {% connected_content https://api.example.com/offers :save offers %}",
        "  with stubs/offers.yaml:",
        "    - request: {url: https://api.example.com/offers}",
        "      response: {json: {offers: []}}",
    ]


def test_one_rule_whose_examples_share_a_project(run_cli: Run) -> None:
    proc = run_cli("rules", "BL411")
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert lines[lines.index("Both examples:") :] == [
        "Both examples:",
        "  (as tag.webhook.yaml)",
        "",
        "Bad:",
        '    url: "https://api.example.com/users/{{${user_id}}}/tags"',
        "    body: |",
        '      {"tags": ["vip"]}',
        "",
        "Good:",
        "    url: \"https://api.example.com/users/{{${user_id} | default: 'unknown' | "
        'url_param_escape}}/tags"',
        "    body: |",
        '      {"tags": ["vip"]}',
    ]


def test_by_name_and_any_case(run_cli: Run) -> None:
    by_code = run_cli("rules", "BL401").stdout
    assert by_code.startswith("BL401 invalid-json (error)\n")
    assert run_cli("rules", "invalid-json").stdout == by_code
    assert run_cli("rules", "bl401").stdout == by_code


def test_unknown_code_suggests_the_closest(run_cli: Run) -> None:
    proc = run_cli("rules", "BL4O1")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == (
        "error: unknown rule 'BL4O1'; did you mean BL401? (`brazelint rules` lists them all)\n"
    )


def test_unknown_name_suggests_the_closest(run_cli: Run) -> None:
    proc = run_cli("rules", "invalid-jsn")
    assert proc.returncode == 2
    assert proc.stderr == (
        "error: unknown rule 'invalid-jsn'; did you mean invalid-json? "
        "(`brazelint rules` lists them all)\n"
    )


def test_unknown_without_a_close_match(run_cli: Run) -> None:
    proc = run_cli("rules", "zzz")
    assert proc.returncode == 2
    assert proc.stderr == "error: unknown rule 'zzz' (`brazelint rules` lists them all)\n"


def test_json(run_cli: Run) -> None:
    proc = run_cli("rules", "--format", "json")
    assert (proc.returncode, proc.stderr) == (0, "")
    fields = ("code", "name", "severity", "summary", "bad", "good", "why")
    document = json.loads(proc.stdout)
    assert [{name: entry[name] for name in fields} for entry in document] == [
        {name: getattr(rule, name) for name in fields} for rule in RULES
    ]
    assert all(
        list(entry) == [*fields, "fix", "fixes", "setup", "good_setup", "overrides", "overrides_at"]
        for entry in document
    )
    by_name = {entry["name"]: entry for entry in document}
    assert by_name["invalid-json"]["fix"] == "safe"
    assert by_name["timestamp-in-seconds"]["fix"] == "unsafe"
    assert by_name["schema-violation"]["fix"] is None
    assert {"summary": "remove a trailing comma before } or ]", "safe": True} in by_name[
        "invalid-json"
    ]["fixes"]
    assert by_name["webhook-url"]["setup"] == {
        "file": "tag.webhook.yaml",
        "config": "",
        "files": {},
    }
    assert by_name["unknown-filter"]["overrides"] == ["BL301", "BL302"]
    assert by_name["unknown-filter"]["overrides_at"] == "position"


def test_json_one_rule(run_cli: Run) -> None:
    proc = run_cli("rules", "BL303", "--format", "json")
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == [
        {
            "code": "BL303",
            "name": "message-aborted",
            "severity": "info",
            "summary": "The message aborts for a profile; Braze would not send it to that user.",
            "bad": "{% if ${email_address} == blank %}{% abort_message('no email') %}{% endif %}Hi",
            "good": "{% if ${email_address} == blank %}{% abort_message('no email') %}{% endif %}Hi",
            "why": "An abort is often intended, but it silently drops that user from the send, "
            "so the lint shows which profiles it drops and why.",
            "fix": None,
            "fixes": [],
            "setup": {
                "file": "example.liquid",
                "config": "",
                "files": {"profiles/anonymous_user.yaml": "name: anonymous_user\nattributes: {}\n"},
            },
            "good_setup": {
                "file": "example.liquid",
                "config": "",
                "files": {
                    "profiles/known_user.yaml": "name: known_user\n"
                    "attributes: {email_address: jane@example.com}\n"
                },
            },
            "overrides": [],
            "overrides_at": "line",
        }
    ]
