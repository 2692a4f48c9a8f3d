"""``--format sarif``: SARIF 2.1.0, checked against the official OASIS schema (vendored)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from brazelint import __version__
from brazelint.checks.diagnostic import Diagnostic, LintReport
from brazelint.report.sarif import artifact_uri, format_report
from brazelint.rules.registry import RULES

SCHEMA_PATH = Path(__file__).parents[1] / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def _errors(validator: jsonschema.Draft4Validator, document: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def test_sample_report_is_valid_sarif(
    report: LintReport, validator: jsonschema.Draft4Validator
) -> None:
    document = json.loads(format_report(report))
    assert _errors(validator, document) == []
    run = document["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == report.rules
    results = run["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results] == [
        ("BL201", 0, "error"),
        ("BL203", 1, "warning"),
        ("BL303", 2, "note"),
        ("BL401", 3, "error"),
    ]
    assert [r["properties"]["profiles"] for r in results] == [
        [],
        ["anonymous_user"],
        ["no_email"],
        ["known_user", "anonymous_user"],
    ]
    assert results[0]["message"]["text"] == (
        "unknown attribute ${frist_name}: 100% sure, not ${first_name}\nBraze renders it empty"
    )
    assert results[1]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 12,
        "endLine": 2,
        "endColumn": 40,
    }


def test_empty_report_describes_every_rule(validator: jsonschema.Draft4Validator) -> None:
    document = json.loads(format_report(LintReport()))
    assert _errors(validator, document) == []
    run = document["runs"][0]
    assert run["results"] == []
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in RULES]
    by_id = {r["id"]: r for r in rules}
    assert by_id["BL303"]["defaultConfiguration"] == {"level": "note"}
    assert by_id["BL403"]["fullDescription"]["text"].startswith("A quote, backslash")
    assert by_id["BL203"]["help"]["text"] == (
        "Bad:\n    Hi {{${first_name}}},\n\nGood:\n    Hi {{${first_name} | default: 'there'}},"
    )
    assert by_id["BL001"]["properties"]["tags"] == ["brazelint", "syntax"]


def test_the_schema_rejects_what_code_scanning_would(
    report: LintReport, validator: jsonschema.Draft4Validator
) -> None:
    """The check is not vacuous: a bad level, a column 0 and an unknown key all fail."""
    document = json.loads(format_report(report))
    result = document["runs"][0]["results"][0]
    result["level"] = "fatal"
    result["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    document["runs"][0]["surprise"] = True
    assert len(_errors(validator, document)) == 3


def test_one_result_exactly(invalid_json: Diagnostic) -> None:
    output = format_report(
        LintReport(diagnostics=[invalid_json], files=[invalid_json.path], rules=["BL401"])
    )
    assert output == EXPECTED_ONE.replace("VERSION", __version__)


def test_points_get_one_column_and_unknown_codes_a_rule(
    validator: jsonschema.Draft4Validator,
) -> None:
    point = Diagnostic("./a b.liquid", 1, 5, "BL777", "future-rule", "warning", "m")
    document = json.loads(format_report(LintReport(diagnostics=[point], rules=["BL001"])))
    assert _errors(validator, document) == []
    run = document["runs"][0]
    assert run["tool"]["driver"]["rules"][1] == {
        "id": "BL777",
        "name": "future-rule",
        "shortDescription": {"text": "future-rule"},
    }
    (result,) = run["results"]
    assert result["ruleIndex"] == 1
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "a%20b.liquid", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 1, "startColumn": 5, "endLine": 1, "endColumn": 6}


def _fingerprints(report: LintReport) -> list[str]:
    results = json.loads(format_report(report))["runs"][0]["results"]
    return [r["partialFingerprints"]["brazelint/v1"] for r in results]


def test_fingerprints_survive_moved_lines(report: LintReport) -> None:
    moved = LintReport(
        diagnostics=[
            dataclasses.replace(d, line=d.line + 5, end_line=d.end_line + 5)
            for d in report.diagnostics
        ]
    )
    before = _fingerprints(report)
    assert len(set(before)) == 4
    assert _fingerprints(moved) == before


def test_repeated_findings_get_distinct_fingerprints(invalid_json: Diagnostic) -> None:
    again = dataclasses.replace(invalid_json, line=9, end_line=9)
    first, second = _fingerprints(LintReport(diagnostics=[again, invalid_json]))
    assert first.rsplit(":", 1) == [second.rsplit(":", 1)[0], "1"]
    assert second.endswith(":2")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("templates/a.liquid", ("templates/a.liquid", "%SRCROOT%")),
        ("./templates/a.liquid", ("templates/a.liquid", "%SRCROOT%")),
        ("templates\\win.liquid", ("templates/win.liquid", "%SRCROOT%")),
        ("/abs/a b.liquid", ("file:///abs/a%20b.liquid", None)),
        ("C:\\work\\a.liquid", ("file:///C:/work/a.liquid", None)),
    ],
)
def test_artifact_uri(path: str, expected: tuple[str, str | None]) -> None:
    assert artifact_uri(path) == expected


EXPECTED_ONE = """\
{
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "brazelint",
          "version": "VERSION",
          "semanticVersion": "VERSION",
          "informationUri": "https://github.com/brazelint/brazelint",
          "rules": [
            {
              "id": "BL401",
              "name": "invalid-json",
              "shortDescription": {
                "text": "The rendered body is not valid JSON."
              },
              "fullDescription": {
                "text": "A partner API rejects a body it cannot parse, so the webhook fails for every user; a missing or trailing comma is enough."
              },
              "help": {
                "text": "Bad:\\n    {\\n      \\"user_id\\": \\"{{${user_id}}}\\"\\n      \\"type\\": \\"track\\",\\n    }\\n\\nGood:\\n    {\\n      \\"user_id\\": \\"{{${user_id}}}\\",\\n      \\"type\\": \\"track\\"\\n    }",
                "markdown": "A partner API rejects a body it cannot parse, so the webhook fails for every user; a missing or trailing comma is enough.\\n\\n**Bad:**\\n\\n```liquid\\n{\\n  \\"user_id\\": \\"{{${user_id}}}\\"\\n  \\"type\\": \\"track\\",\\n}\\n```\\n\\n**Good:**\\n\\n```liquid\\n{\\n  \\"user_id\\": \\"{{${user_id}}}\\",\\n  \\"type\\": \\"track\\"\\n}\\n```\\n"
              },
              "defaultConfiguration": {
                "level": "error"
              },
              "properties": {
                "tags": [
                  "brazelint",
                  "payload"
                ]
              }
            }
          ]
        }
      },
      "originalUriBaseIds": {
        "%SRCROOT%": {
          "description": {
            "text": "The directory brazelint was run from."
          }
        }
      },
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "BL401",
          "ruleIndex": 0,
          "level": "error",
          "message": {
            "text": "missing comma before \\"event\\" — hint: add a comma after the previous value"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "webhooks/track.liquid",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 2,
                  "startColumn": 3,
                  "endLine": 3,
                  "endColumn": 10
                }
              }
            }
          ],
          "partialFingerprints": {
            "brazelint/v1": "d23fd3cc37a5713c836f486aa48ec3db:1"
          },
          "properties": {
            "profiles": [
              "known_user",
              "anonymous_user"
            ]
          }
        }
      ]
    }
  ]
}
"""
