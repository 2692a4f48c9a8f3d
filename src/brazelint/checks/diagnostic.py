"""What a check reports, and the report a lint run hands to the formatters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Optional

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Diagnostic:
    """One finding at a 1-based position in a template (or webhook) file.

    ``profiles`` lists every profile whose render showed the finding (empty when the check
    does not depend on a profile). ``excerpt`` is the rendered text around the problem,
    when the finding is about output rather than source.
    """

    path: str
    line: int
    column: int
    code: str
    name: str
    severity: Severity
    message: str
    end_line: int = 0
    end_column: int = 0
    profiles: tuple[str, ...] = ()
    hint: Optional[str] = None
    excerpt: Optional[str] = None

    def __post_init__(self) -> None:
        if not self.end_line:
            object.__setattr__(self, "end_line", self.line)
        if not self.end_column:
            object.__setattr__(self, "end_column", self.column)

    @property
    def profile(self) -> Optional[str]:
        """The first profile that showed the finding (``None`` for profile-free checks)."""
        return self.profiles[0] if self.profiles else None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON report entry (DESIGN.md), plus ``profiles``, ``hint`` and ``excerpt``."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "profile": self.profile,
            "profiles": list(self.profiles),
            "hint": self.hint,
            "excerpt": self.excerpt,
        }


class Coverage:
    """One file's coverage: lines with template text, and the ranges no profile rendered."""

    __slots__ = ("lines", "unrendered")

    def __init__(self, lines: int, unrendered: Optional[list[tuple[int, int]]] = None) -> None:
        self.lines = lines
        self.unrendered: list[tuple[int, int]] = [] if unrendered is None else unrendered

    @property
    def rendered(self) -> int:
        return self.lines - sum(last - first + 1 for first, last in self.unrendered)

    @property
    def percent(self) -> float:
        return 100.0 if not self.lines else round(100.0 * self.rendered / self.lines, 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": self.lines,
            "rendered": self.rendered,
            "percent": self.percent,
            "unrendered": [list(span) for span in self.unrendered],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Coverage:
        return cls(int(data["lines"]), [(int(a), int(b)) for a, b in data["unrendered"]])


class LintReport:
    """Everything a formatter needs: the findings, the files looked at and their text.

    ``sources`` maps a diagnostic's ``path`` to the file's text (for code frames);
    ``rules`` lists the codes that were checked (JUnit writes one case per file and rule);
    ``coverage`` says which template lines the profiles rendered, per file.
    """

    __slots__ = ("coverage", "diagnostics", "files", "rules", "sources")

    def __init__(
        self,
        diagnostics: Optional[list[Diagnostic]] = None,
        files: Optional[list[str]] = None,
        sources: Optional[dict[str, str]] = None,
        rules: Optional[list[str]] = None,
        coverage: Optional[dict[str, Coverage]] = None,
    ) -> None:
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics
        self.files: list[str] = [] if files is None else files
        self.sources: dict[str, str] = {} if sources is None else sources
        self.rules: list[str] = [] if rules is None else rules
        self.coverage: dict[str, Coverage] = {} if coverage is None else coverage
        """File -> which of its lines the profiles rendered (files that were rendered)."""

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    def summary(self) -> dict[str, int]:
        return {
            "files": len(self.files),
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "infos": self.count("info"),
        }
