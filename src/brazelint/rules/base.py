"""What a rule is: its code and name, what it finds and why that matters, a bad and a good
example that prove it, how it can be fixed, and which findings it replaces.

Each rule module holds one ``Rule`` (``RULE``) beside its check; ``rules/registry.py``
lists them. ``brazelint rules``, SARIF rule metadata, ``--select`` and the example tests
(``tests/rules``) all read these fields, so a rule documents and proves itself in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Literal, Optional, Protocol

from brazelint.checks.diagnostic import Severity

if TYPE_CHECKING:
    from brazelint.checks.coverage import CoverageFacts
    from brazelint.checks.payload import JsonBody
    from brazelint.checks.positions import Reporter
    from brazelint.checks.render_checks import RenderFacts
    from brazelint.checks.source_scan import SourceFacts
    from brazelint.result import RenderResult

Fixability = Literal["safe", "unsafe"]
Place = Literal["line", "position"]


@dataclass(frozen=True)
class Setup:
    """The project an example is linted in, when a bare template cannot show the rule."""

    file: str = "example.liquid"
    """The example's own file name (``tag.webhook.yaml`` for a webhook file)."""
    files: tuple[tuple[str, str], ...] = ()
    """Other project files as (path, text): profiles, stubs, Content Blocks."""
    config: str = ""
    """The ``brazelint.toml`` beside the example (schemas, credentials, generated users)."""

    def __bool__(self) -> bool:
        return bool(self.files or self.config or self.file != Setup.file)


@dataclass(frozen=True)
class Rule:
    """One lint rule. ``code``, ``name``, ``severity`` and ``summary`` are public: reports,
    ``--select`` and suppressions name rules by them, so they never change."""

    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    """Why the finding matters in Braze, in a sentence or two."""
    bad: str
    """A template (the example file's text) that the rule reports."""
    good: str
    """The same template made right: the rule does not report it."""
    fix: Optional[Fixability] = None
    """Whether ``brazelint lint --fix`` can repair a finding (``unsafe``: only with
    ``--unsafe-fixes``); the fixes themselves are in ``fixes/``, keyed by ``name``."""
    setup: Setup = field(default_factory=Setup)
    """The project both examples are linted in."""
    good_setup: Optional[Setup] = None
    """A different project for the good example, when what makes it right is not in the
    template (a stub that answers, a profile that reaches a branch)."""
    overrides: tuple[str, ...] = ()
    """Codes whose findings at the same place this rule's finding replaces (a sharper
    explanation of the same problem); a code of its own replaces only findings that
    depend on a profile, with one that does not."""
    overrides_at: Place = "line"
    """What "the same place" means for ``overrides``: the same line, or the same line and
    column."""

    @property
    def good_project(self) -> Setup:
        """The project the good example is linted in."""
        return self.good_setup if self.good_setup is not None else self.setup


# What a rule module's check looks like at each stage the registry lists it for.

SourceCheck = Callable[[str, "SourceFacts", "Reporter"], None]
"""``check(source, facts, reporter)``: the template text, its markups and assigned names."""
FilterCheck = Callable[[str, int, tuple[str, ...], "Reporter"], None]
"""``check_filter(name, offset, known_filters, reporter)``: one filter the template applies."""
JsonCheck = Callable[["JsonBody", "Reporter"], None]
"""``check_json(body, reporter)``: one profile's rendered JSON body, parsed."""
CoverageCheck = Callable[["CoverageFacts", "Reporter"], None]
"""``check_coverage(facts, reporter)``: what the profiles of a file rendered, and what not."""


class UrlCheck(Protocol):
    """``check_url(url, offset, reporter, connected_content=...)``: a Connected Content or
    webhook URL at ``offset`` in the template."""

    def __call__(
        self, url: str, offset: int, reporter: Reporter, *, connected_content: bool
    ) -> None: ...


class RenderCheck(Protocol):
    """``check_render(result, profile, reporter, facts, generated=...)``: one profile's
    render (``generated`` for the users brazelint makes up)."""

    def __call__(
        self,
        result: RenderResult,
        profile: str,
        reporter: Reporter,
        facts: RenderFacts,
        *,
        generated: bool,
    ) -> None: ...
