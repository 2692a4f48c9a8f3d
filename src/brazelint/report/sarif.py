"""``lint --format sarif``: SARIF 2.1.0 for GitHub code scanning and other viewers.

One run; ``tool.driver.rules`` describes the rules that were checked (every rule in the
registry when the report does not say), each result points into it by ``ruleIndex``.
Paths are relative URIs against ``%SRCROOT%``, whose absolute location is left out so the
output is the same on every machine (SARIF §3.14.14). ``partialFingerprints`` hashes
path, code and message (plus an occurrence number for repeats), so an alert keeps its
identity when lines move. Regions use SARIF's one-past-the-end ``endColumn``.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import TYPE_CHECKING, Any, Optional
from urllib.parse import quote

from brazelint._version import __version__
from brazelint.report.common import family_of, sorted_diagnostics
from brazelint.rules.registry import RULES, get_rule

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic, LintReport
    from brazelint.rules.base import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://github.com/brazelint/brazelint"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "brazelint/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def format_report(report: LintReport, *, color: bool = False) -> str:
    """``color`` is ignored: SARIF is for programs."""
    return json.dumps(sarif_log(report), indent=2, ensure_ascii=False) + "\n"


def sarif_log(report: LintReport) -> dict[str, Any]:
    diagnostics = sorted_diagnostics(report)
    codes = list(dict.fromkeys(report.rules or [r.code for r in RULES]))
    codes += [code for code in dict.fromkeys(d.code for d in diagnostics) if code not in codes]
    index = {code: i for i, code in enumerate(codes)}
    names = {d.code: d.name for d in diagnostics}
    seen: dict[str, int] = {}
    results = []
    for d in diagnostics:
        fingerprint = _fingerprint(d)
        seen[fingerprint] = seen.get(fingerprint, 0) + 1
        results.append(_result(d, index[d.code], f"{fingerprint}:{seen[fingerprint]}"))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "brazelint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_descriptor(code, names.get(code)) for code in codes],
            }
        },
        "originalUriBaseIds": {
            SRCROOT: {"description": {"text": "The directory brazelint was run from."}}
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _descriptor(code: str, name: Optional[str]) -> dict[str, Any]:
    found = get_rule(code)
    if found is None:  # a code the registry does not know: describe it as well as we can
        return {"id": code, "name": name or code, "shortDescription": {"text": name or code}}
    return {
        "id": found.code,
        "name": found.name,
        "shortDescription": {"text": found.summary},
        "fullDescription": {"text": found.why},
        "help": {"text": _help_text(found), "markdown": _help_markdown(found)},
        "defaultConfiguration": {"level": _LEVEL[found.severity]},
        "properties": {"tags": ["brazelint", family_of(found.code)[2]]},
    }


def _help_text(rule: Rule) -> str:
    def indented(example: str) -> str:
        return "\n".join(f"    {line}" for line in example.splitlines())

    return f"Bad:\n{indented(rule.bad)}\n\nGood:\n{indented(rule.good)}"


def _help_markdown(rule: Rule) -> str:
    fence = "````" if "```" in rule.bad + rule.good else "```"
    return (
        f"{rule.why}\n\n"
        f"**Bad:**\n\n{fence}liquid\n{rule.bad}\n{fence}\n\n"
        f"**Good:**\n\n{fence}liquid\n{rule.good}\n{fence}\n"
    )


def _result(d: Diagnostic, rule_index: int, fingerprint: str) -> dict[str, Any]:
    uri, base = artifact_uri(d.path)
    location: dict[str, Any] = {"uri": uri}
    if base is not None:
        location["uriBaseId"] = base
    line, column = max(d.line, 1), max(d.column, 1)  # the schema's minimum is 1
    if d.end_line > line:
        end_line, end_column = d.end_line, max(d.end_column, 1)
    else:  # a point becomes one character: viewers hide empty regions
        end_line, end_column = line, max(d.end_column, column + 1)
    text = d.message + (f" — hint: {d.hint}" if d.hint else "")
    return {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[d.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": location,
                    "region": {
                        "startLine": line,
                        "startColumn": column,
                        "endLine": end_line,
                        "endColumn": end_column,
                    },
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"profiles": list(d.profiles)},
    }


def _fingerprint(d: Diagnostic) -> str:
    key = "\0".join((artifact_uri(d.path)[0], d.code, d.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def artifact_uri(path: str) -> tuple[str, Optional[str]]:
    """(URI, base id): a relative POSIX path against ``%SRCROOT%``, or an absolute file URI."""
    posix = path.replace("\\", "/")
    if _WINDOWS_DRIVE.match(posix):
        return "file:///" + quote(posix, safe="/:"), None
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/"), None
    while posix.startswith("./"):
        posix = posix[2:]
    return quote(posix, safe="/"), SRCROOT
