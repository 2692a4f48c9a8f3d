"""The by-value net of :mod:`brazelint.http.redact`, applied to findings and renders.

A ``Redactor`` knows the credential values of a run and hides them, in every form they
travel in, in the text of a finding, a request or a whole ``RenderResult``; it then applies
the by-name net (``redact_text``) too.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Iterable, Optional

from brazelint.events import Problem
from brazelint.http.redact import REDACTED, redact_request, redact_text, secret_forms

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.http.types import Request
    from brazelint.result import RenderResult


class Redactor:
    """Hides known secret values, and secrets found by name, in text and results."""

    def __init__(self, values: Iterable[str] = ()) -> None:
        forms: set[str] = set()
        for value in values:
            forms |= secret_forms(value)
        # longest first, so a value is replaced before a part of it
        self._forms = sorted(forms, key=len, reverse=True)

    def __bool__(self) -> bool:
        return bool(self._forms)

    def with_values(self, values: Iterable[str]) -> Redactor:
        """This redactor plus ``values`` (say, the environment variables a webhook reads)."""
        extra = [v for v in values if v]
        if not extra:
            return self
        combined = Redactor()
        combined._forms = sorted(
            set(self._forms).union(*map(secret_forms, extra)), key=len, reverse=True
        )
        return combined

    def text(self, text: str) -> str:
        for form in self._forms:
            if form in text:
                text = text.replace(form, REDACTED)
        return redact_text(text)

    def optional(self, text: Optional[str]) -> Optional[str]:
        return None if text is None else self.text(text)

    def diagnostic(self, diagnostic: Diagnostic) -> Diagnostic:
        message = self.text(diagnostic.message)
        hint = self.optional(diagnostic.hint)
        excerpt = self.optional(diagnostic.excerpt)
        if (message, hint, excerpt) == (diagnostic.message, diagnostic.hint, diagnostic.excerpt):
            return diagnostic
        return dataclasses.replace(diagnostic, message=message, hint=hint, excerpt=excerpt)

    def request(self, request: Request) -> Request:
        shown = redact_request(request)
        return dataclasses.replace(
            shown,
            url=self.text(shown.url),
            headers={k: self.text(v) for k, v in shown.headers.items()},
            body=self.optional(shown.body),
        )

    def result(self, result: RenderResult) -> RenderResult:
        """A copy of ``result`` fit to print: output, abort reason, requests and problems."""
        return dataclasses.replace(
            result,
            output=self._forms_only(result.output),
            abort_reason=self.optional(result.abort_reason),
            requests=[self.request(r) for r in result.requests],
            problems=[
                Problem(p.name, self.text(p.message), p.line, p.column, p.severity)
                for p in result.problems
            ],
        )

    def _forms_only(self, text: str) -> str:
        """By value only: a rendered body's own ``token`` fields are the user's business."""
        for form in self._forms:
            if form in text:
                text = text.replace(form, REDACTED)
        return text
