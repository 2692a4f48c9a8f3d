"""``brazelint:`` directives in Liquid comments (or ``#`` comments in webhook files).

- ``disable CODES`` … ``enable CODES``: a range (to the end of the file if never enabled,
  so ``disable`` on the first line covers the whole file);
- ``disable-next-line CODES``: the line after the comment;
- ``disable-file CODES``: the whole file, wherever it is written;
- ``schema=ID`` (or ``schema ID``): the schema the output must match.

CODES are codes, prefixes or rule names separated by commas or spaces; none means all.
The comments render as nothing in Braze.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from brazelint.rules.registry import codes_matching

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.checks.positions import Reporter

LIQUID_DIRECTIVE = re.compile(
    r"\{%-?\s*comment\s*-?%\}\s*brazelint:\s*(?P<body>.*?)\s*\{%-?\s*endcomment\s*-?%\}", re.S
)
HASH_DIRECTIVE = re.compile(r"#\s*brazelint:\s*(?P<body>[^\n]*)")
SCHEMA = re.compile(r"schema\s*[=:]?\s*(\S+)$")
FORMS = ("disable-next-line", "disable-file", "disable", "enable")


class Suppression:
    __slots__ = ("codes", "column", "first_line", "last_line", "line", "text", "used")

    def __init__(
        self,
        codes: Optional[frozenset[str]],
        first_line: int,
        last_line: int,
        line: int,
        column: int,
        text: str,
        used: bool = False,
    ) -> None:
        self.codes = codes
        """``None`` suppresses every code."""
        self.first_line = first_line
        self.last_line = last_line
        self.line = line
        self.column = column
        self.text = text
        self.used = used

    def covers(self, diagnostic: Diagnostic) -> bool:
        return self.first_line <= diagnostic.line <= self.last_line and (
            self.codes is None or diagnostic.code in self.codes
        )


class Directives:
    __slots__ = ("schema", "schema_at", "suppressions")

    def __init__(
        self, suppressions: Optional[list[Suppression]] = None, schema: Optional[str] = None
    ) -> None:
        self.suppressions: list[Suppression] = [] if suppressions is None else suppressions
        self.schema = schema
        self.schema_at = (1, 1)
        """Line and column of the ``schema=`` directive, for a finding about its value."""


def read_directives(source: str, reporter: Reporter, *, hash_comments: bool = False) -> Directives:
    """Find every directive; report malformed ones (BL902) on the reporter."""
    directives = Directives()
    open_ranges: list[Suppression] = []
    last_line = source.count("\n") + 1
    pattern = HASH_DIRECTIVE if hash_comments else LIQUID_DIRECTIVE
    for found in pattern.finditer(source):
        body = found.group("body").strip()
        line, column = reporter.index.position(found.start())
        end_line, _ = reporter.index.position(found.end())
        schema = SCHEMA.match(body)
        if schema:
            directives.schema = schema.group(1)
            directives.schema_at = (line, column)
            continue
        form = next((f for f in FORMS if body == f or body.startswith(f + " ")), None)
        if form is None:
            reporter.at(
                "BL902",
                line,
                column,
                f"unknown brazelint directive {body!r}",
                hint="use disable, enable, disable-next-line, disable-file or schema=ID",
            )
            continue
        codes = _codes(body[len(form) :], line, column, reporter)
        if codes is not None and not codes:
            continue  # every code was unknown: BL902 said so, and it suppresses nothing
        if form == "enable":
            _close(open_ranges, codes, line)
            continue
        first, last = {
            "disable-next-line": (end_line + 1, end_line + 1),
            "disable-file": (1, last_line),
            "disable": (line, last_line),
        }[form]
        suppression = Suppression(codes, first, last, line, column, body)
        directives.suppressions.append(suppression)
        if form == "disable":
            open_ranges.append(suppression)
    return directives


def _codes(text: str, line: int, column: int, reporter: Reporter) -> Optional[frozenset[str]]:
    words = [w for w in re.split(r"[\s,]+", text) if w]
    if not words:
        return None
    codes: set[str] = set()
    for word in words:
        matched = codes_matching(word)
        if not matched:
            reporter.at(
                "BL902",
                line,
                column,
                f"unknown rule {word!r} in a brazelint directive",
                hint="`brazelint rules` lists the codes",
            )
        codes.update(matched)
    return frozenset(codes)


def _close(open_ranges: list[Suppression], codes: Optional[frozenset[str]], line: int) -> None:
    for suppression in reversed(open_ranges):
        if codes is None or suppression.codes is None or suppression.codes & codes:
            suppression.last_line = line
            open_ranges.remove(suppression)
            if codes is not None:
                return


def apply_suppressions(
    diagnostics: list[Diagnostic], directives: Directives, reporter: Reporter
) -> list[Diagnostic]:
    """Drop suppressed diagnostics; report suppressions that matched nothing (BL901)."""
    kept = []
    for diagnostic in diagnostics:
        covering = [s for s in directives.suppressions if s.covers(diagnostic)]
        for suppression in covering:
            suppression.used = True
        if not covering or diagnostic.code in ("BL901", "BL902"):
            kept.append(diagnostic)
    for suppression in directives.suppressions:
        if not suppression.used:
            before = len(reporter.found)
            reporter.at(
                "BL901",
                suppression.line,
                suppression.column,
                f"'brazelint: {suppression.text}' suppresses nothing",
                hint="remove the comment",
            )
            kept.extend(reporter.found[before:])
    return kept
