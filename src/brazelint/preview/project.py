"""What the preview shows: the project's templates, and one template linted for a page.

Every page is a fresh ``brazelint lint`` of one file, built the way the ``lint`` command
builds it, so the diagnostics on the page are the ones ``brazelint lint`` prints. The page
may choose the profiles, move the clock and change profile values; those changes only
ever live in the request (nothing is written).
"""

from __future__ import annotations

import contextlib
import copy
import json
import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Optional, Sequence

from brazelint.errors import BrazelintError, ConfigError

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.config import Config
    from brazelint.fixes.preview import FixKey, FixPreview
    from brazelint.lint.groups import RunFiles
    from brazelint.lint.linter import Linter, ProfileRender
    from brazelint.lint.session import LintSession
    from brazelint.lint.settings import RunOptions
    from brazelint.profiles import Profile

SCHEMA_CODES = frozenset({"BL402", "BL404", "BL407", "BL410"})
"""Findings that come from validating a body against its JSON Schema."""
EditKind = Literal["string", "json", "time", "auto"]
MAX_EDITS = 200


@dataclass(frozen=True)
class Edit:
    """A profile value changed in the page: where (``attributes.first_name``) and to what.

    ``kind`` says how to read ``text``: as it is (``string``), as JSON (``json``, falling
    back to the text), as an ISO time (``time``), or as JSON when it parses (``auto``).
    """

    path: tuple[str, ...]
    text: str
    kind: EditKind = "auto"

    def value(self) -> Any:
        if self.kind == "string":
            return self.text
        if self.kind == "time":
            try:
                return datetime.fromisoformat(self.text.strip().replace("Z", "+00:00"))
            except ValueError:
                return self.text
        try:
            return json.loads(self.text)
        except ValueError:
            return self.text


@dataclass
class ViewRequest:
    """What the page asks for. ``profiles=None`` means every profile."""

    profiles: Optional[list[str]] = None
    show_generated: list[str] = field(default_factory=list)
    now: Optional[str] = None
    edits: dict[str, list[Edit]] = field(default_factory=dict)


@dataclass
class Field:
    """One editable profile value."""

    path: tuple[str, ...]
    text: str
    kind: EditKind
    original: Optional[str] = None
    """The value in the profile file (``None`` for a value the page added)."""
    edited: bool = False

    @property
    def label(self) -> str:
        return ".".join(self.path)


@dataclass
class ProfileChoice:
    name: str
    generated: bool
    selected: bool
    fields: list[Field] = field(default_factory=list)
    edited: bool = False


@dataclass
class RequestView:
    """One Connected Content request, credentials redacted."""

    method: str
    url: str
    line: int
    status: Optional[int]
    stub: Optional[str]
    cached: bool
    headers: dict[str, str]
    body: Optional[str]


@dataclass
class RenderView:
    """One profile's render, ready to show."""

    profile: str
    generated: bool
    output: str = ""
    pretty: Optional[str] = None
    """The output re-indented, when it is JSON."""
    aborted: bool = False
    abort_reason: Optional[str] = None
    error: Optional[str] = None
    json_ok: Optional[bool] = None
    schema: Optional[str] = None
    schema_problems: int = 0
    requests: list[RequestView] = field(default_factory=list)
    undefined: list[str] = field(default_factory=list)
    diagnostics: int = 0
    request_head: Optional[str] = None
    """A webhook's request line and headers (credentials redacted)."""

    @property
    def verdict(self) -> tuple[str, str]:
        """``(css class, text)`` summing up the render."""
        if self.error is not None:
            return "bad", "render error"
        if self.aborted:
            return "muted", "aborted"
        if self.json_ok is None:
            return "muted", "text"
        if not self.json_ok:
            return "bad", "invalid JSON"
        if self.schema is None:
            return "good", "valid JSON"
        if self.schema_problems:
            noun = "problem" if self.schema_problems == 1 else "problems"
            return "bad", f"{self.schema}: {self.schema_problems} schema {noun}"
        return "good", f"valid JSON · matches {self.schema}"


@dataclass
class FileView:
    """Everything a template page shows."""

    path: str
    source: str
    language: str
    now: str = ""
    default_now: str = ""
    """The clock of the configuration (or ``--now``), when the page does not move it."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    renders: list[RenderView] = field(default_factory=list)
    profiles: list[ProfileChoice] = field(default_factory=list)
    schema: Optional[str] = None
    errors: list[str] = field(default_factory=list)
    """Problems that stopped part of the preview (a broken profile file, a bad clock)."""
    webhook: bool = False
    body: Optional[str] = None
    """A webhook's body file, when it is served."""
    body_of: Optional[str] = None
    """The webhook this file is the body of."""
    fixes: dict[FixKey, FixPreview] = field(default_factory=dict)
    """The fix each finding in this file has, by code, line and column."""
    unrendered: set[int] = field(default_factory=set)
    """Lines no shown profile rendered (shaded on the page)."""


@dataclass
class IndexEntry:
    path: str
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    body_of: Optional[str] = None
    """The webhook this file is the body of (lint reports it with the webhook)."""

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.infos


@dataclass
class Index:
    root: str
    entries: list[IndexEntry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class PreviewProject:
    """The served project: a root directory, the files under it, and how to lint them.

    ``options`` are the lint options ``serve`` accepts (config, profiles, profile, stubs,
    Content Blocks, schema, clock); ``paths`` the files and folders to serve (default: the
    configuration's ``templates``).
    """

    def __init__(self, options: RunOptions, paths: Sequence[Path] = ()) -> None:
        from brazelint.config import load_config

        self.options = options
        self.paths = list(paths)
        config = load_config(options.config)
        self.root = config.root.resolve()
        self._lock = threading.Lock()
        self._index: Optional[tuple[int, Index]] = None

    # -- files ---------------------------------------------------------------------------

    def config(self) -> Config:
        """The configuration as it is on disk now (it may have been edited)."""
        from brazelint.config import load_config

        return load_config(self.options.config)

    def files(self, config: Optional[Config] = None) -> dict[str, Path]:
        """Served files by their path relative to the root (never anything outside it).

        The body file of a webhook is served too: ``brazelint lint`` checks it with its
        webhook, but its own page shows how it renders. Each file is found (and excluded)
        by its own configuration, as ``brazelint lint`` finds it.
        """
        config = config or self.config()
        paths = list(self.paths) or list(config.templates)
        if not paths:
            default = self.root / "templates"
            paths = [default if default.is_dir() else self.root]
        served: dict[str, Path] = {}
        for path in self._run_files().discover(paths):
            relative = self.relative(path)
            if relative is not None:
                served[relative] = path
        return served

    def config_of(self, path: Path) -> Config:
        """The configuration ``path`` uses: the nearest one above it (or ``--config``)."""
        from brazelint.config_lookup import ConfigLookup

        return ConfigLookup(self.options.config).for_path(path)

    def _run_files(self) -> RunFiles:
        from brazelint.config_lookup import ConfigLookup
        from brazelint.lint.groups import RunFiles

        return RunFiles(ConfigLookup(self.options.config))

    def webhook_bodies(self, files: dict[str, Path]) -> dict[str, str]:
        """Body file -> the webhook that sends it, among ``files``."""
        from brazelint.lint.session import drop_webhook_bodies
        from brazelint.lint.targets import is_webhook
        from brazelint.lint.webhook import load_webhook

        kept = {path.resolve() for path in drop_webhook_bodies(list(files.values()))}
        bodies: dict[str, str] = {}
        for name, path in files.items():
            if not is_webhook(path):
                continue
            try:
                webhook = load_webhook(path, path.read_text(encoding="utf-8"))
            except (ConfigError, OSError, UnicodeDecodeError):
                continue
            if webhook.body_file is not None and webhook.body_file.resolve() not in kept:
                body = self.relative(webhook.body_file)
                if body is not None:
                    bodies[body] = name
        return bodies

    def relative(self, path: Path) -> Optional[str]:
        """``path`` relative to the root, or ``None`` when it lies outside."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except (ValueError, OSError):
            return None

    def relative_name(self, path: str) -> str:
        """A watched file's name for the page: relative to the root when it is inside."""
        return self.relative(Path(path)) or path

    def lookup(self, relative: str, config: Optional[Config] = None) -> Optional[Path]:
        """The served file at ``relative``; ``None`` for anything else, wherever it is."""
        candidate = self._under_root(relative)
        if candidate is None:
            return None
        try:
            files = self.files(config)
        except ConfigError:  # a PATH or the templates folder is gone: nothing to serve
            return None
        for name, path in files.items():
            if path.resolve() == candidate:
                return self.root / name
        return None

    def watch_roots(self) -> list[Path]:
        """Everything whose change can change a page: templates, inputs and the config."""
        roots: list[Path] = []
        try:
            config = self.config()
        except BrazelintError:
            config = None
        configs = [config] if config is not None else []
        if config is not None:
            with contextlib.suppress(BrazelintError):
                configs += self._configs_in_use(config)
            roots += [Path(p) for p in config.templates]
        for used in configs:
            roots += [used.profiles, used.stubs, used.content_blocks, used.catalogs]
            if used.path is not None:
                roots.append(used.path)
        for name in ("brazelint.toml", "pyproject.toml"):
            roots.append(self.root / name)
        roots += [Path(p) for p in self.paths]
        options = self.options
        for value in (options.profiles, options.stubs, options.content_blocks, options.config):
            if value is not None:
                roots.append(Path(value))
        if not self.paths and config is not None and not config.templates:
            default = self.root / "templates"
            roots.append(default if default.is_dir() else self.root)
        return list(dict.fromkeys(roots))

    # -- linting -------------------------------------------------------------------------

    def session(self, *, keep_renders: bool = False) -> LintSession:
        """A lint session over the files as they are now (the page is built afresh after
        every change, so nothing is cached between sessions)."""
        from brazelint.lint.session import LintSession

        return LintSession(self.options, cache=False, keep_renders=keep_renders)

    def linter(self, config: Config, *, keep_renders: bool = False) -> Linter:
        """The linter of the files under ``config``."""
        session = self.session(keep_renders=keep_renders)
        return session.linter_for(session.settings_for(config))

    def index(self, generation: int) -> Index:
        """Every served file with its diagnostic counts (cached until files change)."""
        with self._lock:
            if self._index is not None and self._index[0] == generation:
                return self._index[1]
        index = Index(root=str(self.root))
        try:
            config = self.config()
            files = self.files(config)
            bodies = self.webhook_bodies(files)
            session = self.session()  # each configuration read once for the whole index
            for name, path in files.items():
                result = session.lint_file(path, name)
                severities = [d.severity for d in result.diagnostics]
                index.entries.append(
                    IndexEntry(
                        name,
                        errors=severities.count("error"),
                        warnings=severities.count("warning"),
                        infos=severities.count("info"),
                        body_of=bodies.get(name),
                    )
                )
        except BrazelintError as err:
            index.errors.append(str(err))
        with self._lock:
            self._index = (generation, index)
        return index

    def view(self, relative: str, request: ViewRequest) -> Optional[FileView]:
        """The page for one served file; ``None`` when ``relative`` is not one."""
        from brazelint.clock import parse_now
        from brazelint.fixes.preview import fix_previews
        from brazelint.lint.files import lint_file
        from brazelint.lint.targets import is_webhook
        from brazelint.sources import read_template

        config: Optional[Config] = None
        problem = ""
        try:
            config = self.config()
        except BrazelintError as err:
            problem = str(err)
        path = self.lookup(relative, config) if config is not None else self._lookup_plain(relative)
        if path is None:
            return None
        relative = self.relative(path) or relative
        try:
            source = read_template(path)
        except ConfigError as err:
            return FileView(relative, "", "text", errors=[str(err)])
        webhook = is_webhook(path)
        view = FileView(relative, source, "yaml" if webhook else _language(path), webhook=webhook)
        if config is None:
            view.errors.append(problem)
            return view
        try:
            bodies = self.webhook_bodies(self.files(config))
        except ConfigError:
            bodies = {}
        view.body_of = bodies.get(relative)
        view.body = next((body for body, hook in bodies.items() if hook == relative), None)
        try:
            config = self.config_of(path)
            base = self.linter(config, keep_renders=True)
        except BrazelintError as err:
            view.errors.append(str(err))
            return view
        now = view.now = view.default_now = base.now
        if request.now and request.now.strip():
            view.now = request.now.strip()
            try:
                parse_now(view.now)
                now = view.now
            except ConfigError as err:
                view.errors.append(f"clock: {err.message} ({err.hint}); showing {now}")
        profiles = self._edited_profiles(base.profiles, request, view)
        chosen = [p for p in profiles if request.profiles is None or p.name in request.profiles]
        linter = base.with_profiles(chosen, now=now)
        view.profiles += [
            ProfileChoice(p.name, True, p.name in request.show_generated) for p in linter.generated
        ]
        try:
            result = lint_file(linter, path, relative)
        except BrazelintError as err:
            view.errors.append(str(err))
            return view
        view.diagnostics = result.diagnostics
        view.schema = result.schema
        view.fixes = fix_previews(source, result.diagnostics, relative)
        if result.coverage is not None:
            view.unrendered = {
                line
                for first, last in result.coverage.unrendered
                for line in range(first, last + 1)
            }
        generated = {p.name for p in linter.generated}
        shown = {p.name for p in chosen} | set(request.show_generated)
        if webhook:
            self._webhook_renders(path, source, linter, shown, view)
            return view
        for entry in result.renders:
            if entry.profile in shown:
                view.renders.append(
                    self._render_view(entry, entry.profile in generated, result.diagnostics, view)
                )
        return view

    def apply_fix(self, relative: str, key: FixKey) -> Optional[str]:
        """Write the fix of one finding (the page's only write); ``None`` when done,
        else why not."""
        from brazelint.fixes.preview import apply_fix

        path = self.lookup(relative, self.config())
        if path is None:
            return "no such file"
        linter = self.linter(self.config_of(path))
        return apply_fix(linter, path, self.relative(path) or relative, key)

    # -- helpers -------------------------------------------------------------------------

    def _configs_in_use(self, config: Config) -> list[Config]:
        """The configurations the served files use (each file uses the one nearest it).

        Found per directory of the served paths, not per file: the watcher asks four
        times a second.
        """
        import os

        from brazelint.config_lookup import ConfigLookup
        from brazelint.lint.targets import SKIPPED_DIRECTORIES

        lookup = ConfigLookup(self.options.config)
        paths = list(self.paths) or list(config.templates) or [self.root]
        for path in paths:
            if not path.is_dir():
                lookup.for_path(path)
                continue
            for directory, children, _ in os.walk(path):
                children[:] = [
                    c for c in children if c not in SKIPPED_DIRECTORIES and not c.startswith(".")
                ]
                lookup.for_path(Path(directory))
        return lookup.loaded()

    def _webhook_renders(
        self, path: Path, source: str, linter: Linter, shown: set[str], view: FileView
    ) -> None:
        """A webhook's page shows, for each profile, the request it sends (as ``render``)."""
        from brazelint.lint.webhook import load_webhook
        from brazelint.lint.webhook_request import render_request, shown_request

        try:
            webhook = load_webhook(path, source)
        except ConfigError:
            return  # the diagnostics say what is wrong with the file
        generated = {p.name for p in linter.generated}
        for profile in [*linter.profiles, *linter.generated]:
            if profile.name not in shown:
                continue
            mine = [d for d in view.diagnostics if profile.name in d.profiles]
            render = RenderView(profile.name, profile.name in generated, diagnostics=len(mine))
            render.schema = view.schema
            render.schema_problems = sum(1 for d in mine if d.code in SCHEMA_CODES)
            try:
                sent = render_request(linter.renderer, webhook, profile, now=linter.clock)
                sent = shown_request(sent, linter.renderer, source)
            except BrazelintError as err:
                render.error = err.message
                view.renders.append(render)
                continue
            render.request_head = sent.head()
            body = sent.body
            if body is not None:
                render.output = body.output
                render.aborted = body.aborted
                render.abort_reason = body.abort_reason
                render.undefined = list(body.undefined)
                if not body.aborted and body.output.strip():
                    try:
                        parsed = json.loads(body.output)
                    except ValueError:
                        render.json_ok = False if view.schema else None
                    else:
                        render.json_ok = True
                        render.pretty = json.dumps(parsed, indent=2, ensure_ascii=False)
            view.renders.append(render)

    def _under_root(self, relative: str) -> Optional[Path]:
        """``relative`` resolved, when it is a plain name that stays inside the root."""
        if not relative or "\x00" in relative or "\\" in relative:
            return None
        try:
            candidate = (self.root / relative).resolve()
            candidate.relative_to(self.root)
        except (ValueError, OSError):
            return None
        return candidate

    def _lookup_plain(self, relative: str) -> Optional[Path]:
        """Without a readable config only a file directly under the root is shown."""
        candidate = self._under_root(relative)
        if candidate is None:
            return None
        from brazelint.lint.targets import is_lint_target

        return candidate if candidate.is_file() and is_lint_target(candidate) else None

    def _edited_profiles(
        self, profiles: list[Profile], request: ViewRequest, view: FileView
    ) -> list[Profile]:
        result: list[Profile] = []
        for profile in profiles:
            edits = request.edits.get(profile.name, [])
            document = profile_document(profile)
            choice = ProfileChoice(
                profile.name,
                False,
                request.profiles is None or profile.name in request.profiles,
            )
            view.profiles.append(choice)
            edited = profile
            if edits:
                try:
                    edited = apply_edits(profile, edits)
                    choice.edited = True
                except ConfigError as err:
                    view.errors.append(str(err))
            choice.fields = editor_fields(document, edits)
            result.append(edited)
        return result

    def _render_view(
        self,
        entry: ProfileRender,
        generated: bool,
        diagnostics: list[Diagnostic],
        view: FileView,
    ) -> RenderView:
        from brazelint.http.redact import redact_request

        render = RenderView(entry.profile, generated, error=entry.error, json_ok=entry.json_ok)
        render.schema = view.schema
        mine = [d for d in diagnostics if entry.profile in d.profiles]
        render.diagnostics = len(mine)
        render.schema_problems = sum(1 for d in mine if d.code in SCHEMA_CODES)
        result = entry.result
        if result is None:
            return render
        render.output = result.output
        render.aborted = result.aborted
        render.abort_reason = result.abort_reason
        render.undefined = list(result.undefined)
        if entry.json_ok:
            try:
                render.pretty = json.dumps(json.loads(result.output), indent=2, ensure_ascii=False)
            except ValueError:
                render.pretty = None
        for request in result.requests:
            shown = redact_request(request)
            render.requests.append(
                RequestView(
                    shown.method,
                    shown.url,
                    shown.line,
                    shown.status,
                    self._stub_name(shown.stub),
                    shown.cached,
                    dict(shown.headers),
                    shown.body,
                )
            )
        return render

    def _stub_name(self, stub: Optional[str]) -> Optional[str]:
        """``stubs/offers.yaml #2`` for a stub under the root."""
        if stub is None:
            return None
        file, sep, number = stub.rpartition(" #")
        if not sep:
            return stub
        relative = self.relative(Path(file)) if Path(file).is_absolute() else file
        return f"{relative or file} #{number}"


# -- profiles as documents ---------------------------------------------------------------


def profile_document(profile: Profile) -> dict[str, Any]:
    """The profile in its file format (without ``name``)."""
    from brazelint.profiles import NAMESPACES

    document: dict[str, Any] = {"attributes": copy.deepcopy(dict(profile.attributes))}
    for key, liquid_name in NAMESPACES.items():
        value = profile.namespaces.get(liquid_name)
        if value:
            document[key] = copy.deepcopy(dict(value))
    return document


def apply_edits(profile: Profile, edits: list[Edit]) -> Profile:
    """A copy of ``profile`` with ``edits`` applied, validated like a profile file."""
    from brazelint.profiles import Profile

    document = profile_document(profile)
    for edit in edits:
        _set(document, edit.path, edit.value())
    where = f"{profile.name} (edited in the page)"
    edited = Profile.from_dict({"name": profile.name, **document}, where=where)
    return Profile(edited.name, edited.attributes, edited.namespaces, path=profile.path)


def editor_fields(document: dict[str, Any], edits: list[Edit]) -> list[Field]:
    """Every value of the profile as an editable field, edits applied and marked."""
    fields: dict[tuple[str, ...], Field] = {}
    _flatten(document, (), fields)
    for edit in edits:
        known = fields.get(edit.path)
        if known is None:
            fields[edit.path] = Field(edit.path, edit.text, edit.kind, edited=True)
        else:
            known.text = edit.text
            known.edited = edit.text != known.original
    return list(fields.values())


def _flatten(value: Any, path: tuple[str, ...], out: dict[tuple[str, ...], Field]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, (*path, str(key)), out)
        return
    if isinstance(value, str):
        out[path] = Field(path, value, "string", original=value)
    elif isinstance(value, (datetime, date)):
        text = value.isoformat()
        out[path] = Field(path, text, "time", original=text)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
        out[path] = Field(path, text, "json", original=text)


def _set(document: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    from brazelint.profiles import NAMESPACES

    if not path or path[0] not in ("attributes", *NAMESPACES):
        known = ", ".join(("attributes", *NAMESPACES))
        shown = ".".join(path) or "(empty)"
        raise ConfigError(f"'{shown}': a profile value starts with one of {known}")
    target: Any = document
    for key in path[:-1]:
        if isinstance(target, list) and key.isdigit() and int(key) < len(target):
            target = target[int(key)]
            continue
        if not isinstance(target, dict):
            raise ConfigError(f"'{'.'.join(path)}': '{key}' is not a mapping")
        if not isinstance(target.get(key), (dict, list)):
            target[key] = {}
        target = target[key]
    last = path[-1]
    if isinstance(target, list) and last.isdigit() and int(last) < len(target):
        target[int(last)] = value
    elif isinstance(target, dict):
        target[last] = value
    else:
        raise ConfigError(f"'{'.'.join(path)}': cannot set a value there")


def _language(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".liquid"):
        return "liquid"
    if name.endswith(".json"):
        return "json"
    if name.endswith((".yaml", ".yml")):
        return "yaml"
    return "liquid"
