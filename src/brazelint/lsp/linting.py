"""The language server's one door into the lint layer: a buffer in, findings and renders out.

Everything the server needs from ``brazelint.lint`` goes through ``ProjectLinter``, which
lints buffers through the ``LintSession`` ``brazelint lint`` uses (its settings, linter and
cache). A project is the nearest configuration above a document, as ``brazelint lint``
finds it: its profiles, stubs, Content Blocks, schemas and rule selection.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional

from brazelint.errors import TemplateRenderError

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.config import Config
    from brazelint.fixes.registry import Fix
    from brazelint.lint.linter import Linter
    from brazelint.profiles import Profile
    from brazelint.rules.base import Rule


class ProfileOutput:
    """What one profile's render of a buffer produced, for the preview request."""

    __slots__ = ("abort_reason", "aborted", "error", "output", "profile", "requests")

    def __init__(
        self,
        profile: str,
        output: str = "",
        *,
        aborted: bool = False,
        abort_reason: Optional[str] = None,
        error: Optional[str] = None,
        requests: Optional[list[dict[str, Any]]] = None,
    ) -> None:
        self.profile = profile
        self.output = output
        self.aborted = aborted
        self.abort_reason = abort_reason
        self.error = error
        self.requests: list[dict[str, Any]] = [] if requests is None else requests

    def to_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile,
            "output": self.output,
            "aborted": self.aborted,
            "abort_reason": self.abort_reason,
            "error": self.error,
            "requests": self.requests,
        }


class ProjectLinter:
    """One project's linter, built once and reused for every buffer until its inputs change."""

    def __init__(self, config: Config) -> None:
        from brazelint.config_lookup import ConfigLookup
        from brazelint.lint.session import LintSession

        self.config = config
        self.session = LintSession(lookup=ConfigLookup.fixed(config))
        """The session ``brazelint lint`` uses, with its cache: an unchanged buffer's
        verdict is the one the last lint (in the editor or the terminal) stored."""
        self._linter: Linter = self.session.linter_for(self.session.settings_for(config))

    @property
    def profiles(self) -> list[Profile]:
        """The project's own profiles (not the generated users)."""
        return list(self._linter.profiles)

    @property
    def content_blocks(self) -> Optional[Path]:
        directory = self.config.content_blocks
        return directory if directory.is_dir() else None

    def inputs(self) -> list[Path]:
        """Files and folders whose change makes this linter stale."""
        config = self.config
        found = [config.profiles, config.stubs, config.content_blocks, config.catalogs]
        if config.path is not None:
            found.append(config.path)
        return found

    def lint(self, path: Path, text: str) -> list[Diagnostic]:
        """The findings ``brazelint lint`` would report for ``path`` if it held ``text``.

        A webhook's findings inside its body file belong to that file, not to this buffer,
        so only the buffer's own findings are returned.
        """
        display = str(path)
        result = self.session.lint_text(text, path, display)
        return [d for d in result.diagnostics if d.path == display]

    def fixes(self, path: Path, text: str, wanted: Callable[[Diagnostic], bool]) -> list[Fix]:
        """The proven fix of each ``wanted`` finding of ``path`` if it held ``text``, as the
        preview page applies one (a webhook: its inline body, never its body file)."""
        from brazelint.fixes.preview import proven_fixes
        from brazelint.fixes.run import own_target

        return proven_fixes(own_target(self._linter, path, str(path)), text, wanted)

    def fix_all(self, path: Path, text: str) -> str:
        """``text`` with every safe fix made, in the passes of ``brazelint lint --fix``."""
        from brazelint.fixes.apply import fix_text
        from brazelint.fixes.run import own_target

        target = own_target(self._linter, path, str(path))
        return fix_text(text, target.lint, parses=target.parses).text

    def render(self, path: Path, text: str, profile: Optional[str] = None) -> list[ProfileOutput]:
        """``text`` rendered for every profile (or the one named), generated users last.

        A webhook renders its body. A template that does not parse raises
        ``TemplateSyntaxError``; an unknown profile name raises ``ConfigError``.
        """
        from brazelint.errors import ConfigError
        from brazelint.http.redact import redact_request

        linter = self._linter
        source = self._body_of(path, text)
        template = linter.renderer.parse(source, path=str(path))
        everyone = [*linter.profiles, *linter.generated]
        chosen = [p for p in everyone if profile is None or p.name == profile]
        if not chosen:
            names = ", ".join(p.name for p in everyone) or "none"
            raise ConfigError(f"unknown profile '{profile}'", hint=f"profiles: {names}")
        outputs = []
        for each in chosen:
            try:
                result = linter.renderer.render(template, each, now=linter.clock, path=str(path))
            except TemplateRenderError as err:
                outputs.append(ProfileOutput(each.name, error=err.message))
                continue
            requests = [_request_dict(redact_request(r)) for r in result.requests]
            outputs.append(
                ProfileOutput(
                    each.name,
                    result.output,
                    aborted=result.aborted,
                    abort_reason=result.abort_reason,
                    requests=requests,
                )
            )
        return outputs

    @staticmethod
    def _body_of(path: Path, text: str) -> str:
        if not is_webhook_file(path):
            return text
        from brazelint.lint.webhook import load_webhook
        from brazelint.sources import read_template

        webhook = load_webhook(path, text)
        if webhook.body is not None:
            return webhook.body.text
        if webhook.body_file is not None:
            return read_template(webhook.body_file)
        return ""


def _request_dict(request: Any) -> dict[str, Any]:
    return {
        "method": request.method,
        "url": request.url,
        "headers": dict(request.headers),
        "body": request.body,
        "line": request.line,
        "status": request.status,
        "stub": request.stub,
    }


def is_webhook_file(path: Path) -> bool:
    """Whether ``path`` is linted as a webhook file (``*.webhook.yaml``)."""
    from brazelint.lint.targets import is_webhook

    return is_webhook(path)


def rule_for(code: str) -> Optional[Rule]:
    """The rule with this code or name, for its documentation."""
    from brazelint.rules.registry import get_rule

    return get_rule(code)


def has_fix(rule: str) -> bool:
    """Whether any fix is registered for the rule named ``rule``."""
    from brazelint.fixes.registry import fixability

    return fixability(rule) is not None


def config_file_for(path: Path) -> Optional[Path]:
    """The configuration file that applies to ``path``, as ``brazelint lint`` finds it."""
    from brazelint.config import find_config_file

    return find_config_file(path.parent.resolve())


def open_project(path: Path) -> ProjectLinter:
    """The configuration of ``path`` as ``brazelint lint`` looks it up (the defaults, rooted
    at the working directory, when there is none), and its linter.

    Raises ``BrazelintError`` (a bad configuration, profile or stub) for the caller to show.
    """
    from brazelint.config_lookup import ConfigLookup

    return ProjectLinter(ConfigLookup().for_path(path))
