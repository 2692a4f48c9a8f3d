"""The preview's HTML: an index of templates and one page per template.

Every piece of text from the project (template source, output, profile values, messages,
file names) goes through ``html.escape`` here, or through Pygments, which escapes too.
The script only swaps in fragments built here; it never builds markup from data.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from typing import TYPE_CHECKING, Optional
from urllib.parse import quote

from brazelint.http.redact import mask_text
from brazelint.preview.highlight import highlight_lines

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.fixes.preview import FixPreview
    from brazelint.preview.project import (
        FileView,
        Index,
        IndexEntry,
        ProfileChoice,
        RenderView,
        RequestView,
    )

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _counts(entry: IndexEntry) -> list[tuple[str, int]]:
    return [("error", entry.errors), ("warning", entry.warnings), ("info", entry.infos)]


def e(text: object) -> str:
    """Escape for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


def file_href(path: str) -> str:
    return "/file/" + quote(path, safe="/")


def document(title: str, body: str, *, page: str, path: str = "") -> str:
    """A whole page around ``body`` (the part the script refreshes)."""
    crumb = f'<span class="crumb">{e(path)}</span>' if path else ""
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)} · brazelint preview</title>\n"
        '<link rel="stylesheet" href="/static/preview.css">\n'
        '<link rel="stylesheet" href="/static/pygments.css">\n'
        '<script src="/static/preview.js" defer></script>\n'
        "</head>\n"
        f'<body data-page="{e(page)}" data-path="{e(path)}">\n'
        '<header class="top"><a class="brand" href="/">brazelint <span>preview</span></a>'
        f'{crumb}<span id="live" class="live" title="reloads when a file is saved">'
        "connecting…</span></header>\n"
        f'<main id="view">{body}</main>\n'
        "</body>\n</html>\n"
    )


# -- index ---------------------------------------------------------------------------------


def index_page(index: Index) -> str:
    return document("Templates", index_fragment(index), page="index")


def index_fragment(index: Index) -> str:
    parts = ['<section class="index">', "<h1>Templates</h1>"]
    parts.append(f'<p class="root">Project root <code>{e(index.root)}</code></p>')
    parts += _errors(index.errors)
    if not index.entries and not index.errors:
        parts.append(
            '<p class="empty">No templates found (<code>*.liquid</code>, '
            "<code>*.webhook.yaml</code>).</p>"
        )
    if index.entries:
        parts.append(
            '<table class="templates"><thead><tr><th>Template</th><th>Diagnostics</th>'
            "<th>Errors</th><th>Warnings</th><th>Info</th></tr></thead><tbody>"
        )
        for entry in index.entries:
            state = next((name for name, n in _counts(entry) if n), "clean")
            body = (
                f' <small>body of <a href="{e(file_href(entry.body_of))}">{e(entry.body_of)}</a>'
                "</small>"
                if entry.body_of
                else ""
            )
            parts.append(
                f'<tr class="{state}" data-template="{e(entry.path)}">'
                f'<td><a href="{e(file_href(entry.path))}">{e(entry.path)}</a>{body}</td>'
                f'<td class="n total" data-count="{entry.total}">'
                f"{entry.total if entry.total else '✓'}</td>"
                f'<td class="n">{entry.errors or ""}</td>'
                f'<td class="n">{entry.warnings or ""}</td>'
                f'<td class="n">{entry.infos or ""}</td></tr>'
            )
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


# -- one template --------------------------------------------------------------------------


def file_page(view: FileView) -> str:
    return document(view.path, file_fragment(view), page="file", path=view.path)


def file_fragment(view: FileView) -> str:
    parts = [_controls(view)]
    parts += _errors(view.errors)
    parts.append('<div class="layout">')
    parts.append(_source(view))
    parts.append(_renders(view))
    parts.append("</div>")
    parts.append(_editor(view))
    return "".join(parts)


def not_found_page(message: str) -> str:
    body = (
        f'<section class="index"><h1>Not found</h1><p>{e(message)}</p>'
        '<p><a href="/">All templates</a></p></section>'
    )
    return document("Not found", body, page="error")


def _errors(errors: list[str]) -> list[str]:
    return [f'<div class="banner error" role="alert">{e(message)}</div>' for message in errors]


def _controls(view: FileView) -> str:
    chips = []
    for choice in view.profiles:
        name = "show" if choice.generated else "profile"
        checked = " checked" if choice.selected else ""
        extra = " <small>generated</small>" if choice.generated else ""
        edited = ' <small class="edited">edited</small>' if choice.edited else ""
        chips.append(
            f'<label class="chip{" generated" if choice.generated else ""}">'
            f'<input type="checkbox" name="{name}" value="{e(choice.name)}"{checked}> '
            f"{e(choice.name)}{extra}{edited}</label>"
        )
    return (
        '<form id="controls" class="controls" autocomplete="off">'
        f'<fieldset class="profiles"><legend>Profiles</legend>{"".join(chips)}</fieldset>'
        '<label class="clock">Clock <input id="now" name="now" type="text" spellcheck="false" '
        f'value="{e(view.now)}" data-default="{e(view.default_now)}" '
        'title="ISO 8601, e.g. 2026-01-01T09:00:00Z"></label>'
        '<button type="submit">Render</button>'
        "</form>"
    )


def _source(view: FileView) -> str:
    by_line: dict[int, list[Diagnostic]] = defaultdict(list)
    elsewhere: list[Diagnostic] = []
    line_count = view.source.count("\n") + (0 if view.source.endswith("\n") else 1)
    for diagnostic in view.diagnostics:
        if diagnostic.path == view.path and 1 <= diagnostic.line <= max(line_count, 1):
            by_line[diagnostic.line].append(diagnostic)
        else:
            elsewhere.append(diagnostic)
    count = len(view.diagnostics)
    summary = f"{count} diagnostic{'s' if count != 1 else ''}" if count else "no diagnostics"
    unrendered = len(view.unrendered)
    shaded = (
        f' <span class="unrendered-count" title="shaded: no profile renders these lines">'
        f"{unrendered} line{'s' if unrendered != 1 else ''} not rendered</span>"
        if unrendered
        else ""
    )
    parts = [
        '<section class="pane source-pane">',
        f'<h2>Source <span class="count" data-count="{count}">{summary}</span>{shaded}</h2>',
        '<div class="source hl">',
    ]
    # a ?token= written in the template is masked, keeping every column where it was
    shown_source = mask_text(view.source)
    for number, code in enumerate(highlight_lines(shown_source, view.language), start=1):
        found = by_line.get(number, [])
        level = _worst(found)
        css = f" diag diag-{level}" if level else ""
        title = ""
        if number in view.unrendered:
            css += " unrendered"
            title = ' title="no profile renders this line"'
        parts.append(
            f'<div class="line{css}" id="L{number}"{title}><a class="ln" href="#L{number}">'
            f'{number}</a><span class="code">{code or " "}</span></div>'
        )
        for diagnostic in found:
            fix = view.fixes.get((diagnostic.code, diagnostic.line, diagnostic.column))
            parts.append(_note(diagnostic) + (_fix(diagnostic, fix) if fix else ""))
    parts.append("</div>")
    if elsewhere:
        parts.append('<ul class="notes elsewhere">')
        parts += [f"<li>{_note(d, where=True)}</li>" for d in elsewhere]
        parts.append("</ul>")
    parts.append("</section>")
    return "".join(parts)


def _note(diagnostic: Diagnostic, *, where: bool = False) -> str:
    place = (
        f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}"
        if where
        else (f"{diagnostic.line}:{diagnostic.column}")
    )
    profiles = (
        f' <span class="who">{e(", ".join(diagnostic.profiles))}</span>'
        if diagnostic.profiles
        else ""
    )
    hint = f'<div class="hint">hint: {e(diagnostic.hint)}</div>' if diagnostic.hint else ""
    return (
        f'<div class="note {e(diagnostic.severity)}" data-code="{e(diagnostic.code)}">'
        f'<span class="where">{e(place)}</span> '
        f'<span class="code-name">{e(diagnostic.code)} {e(diagnostic.name)}</span> '
        f'<span class="message">{e(diagnostic.message)}</span>{profiles}{hint}</div>'
    )


def _fix(diagnostic: Diagnostic, fix: FixPreview) -> str:
    """The fix of one finding as a diff, with the button that writes it to the file."""
    safety = "safe" if fix.safe else "unsafe: it changes what a user receives"
    return (
        f'<details class="fix"><summary>Fix ({e(safety)}): {e(fix.title)}</summary>'
        f'<pre class="fix-diff">{e(fix.diff)}</pre>'
        f'<button type="button" class="apply-fix" data-code="{e(diagnostic.code)}" '
        f'data-line="{diagnostic.line}" data-column="{diagnostic.column}">'
        "Apply to the file</button></details>"
    )


def _worst(diagnostics: list[Diagnostic]) -> Optional[str]:
    if not diagnostics:
        return None
    return min((d.severity for d in diagnostics), key=lambda s: SEVERITY_ORDER.get(s, 3))


def _renders(view: FileView) -> str:
    parts = ['<section class="pane renders-pane">', "<h2>Rendered</h2>"]
    if view.body_of:
        parts.append(
            f'<p class="help">The body of <a href="{e(file_href(view.body_of))}">'
            f"{e(view.body_of)}</a>: <code>brazelint lint</code> reports it with that "
            "webhook (and its schema); here it renders on its own.</p>"
        )
    if view.webhook:
        body = (
            f' Its body renders on <a href="{e(file_href(view.body))}">{e(view.body)}</a>.'
            if view.body
            else ""
        )
        parts.append(
            '<p class="help">A webhook file: its URL, headers and body are checked for every '
            "profile; the diagnostics are on the left. Each profile shows the request it "
            f"sends.{body}</p>"
        )
    if not view.renders:
        parts.append('<p class="empty">No profile selected.</p>')
    parts.append('<div class="renders">')
    parts += [_render(render) for render in view.renders]
    parts.append("</div></section>")
    return "".join(parts)


def _render(render: RenderView) -> str:
    css, verdict = render.verdict
    generated = " <small>generated</small>" if render.generated else ""
    parts = [
        f'<article class="render" data-profile="{e(render.profile)}">',
        f"<header><h3>{e(render.profile)}{generated}</h3>"
        f'<span class="badge {css}">{e(verdict)}</span></header>',
    ]
    if render.request_head is not None and not render.aborted:
        parts.append(f'<pre class="request-head">{e(render.request_head)}</pre>')
    if render.error is not None:
        parts.append(f'<div class="state error">Render error: {e(render.error)}</div>')
    elif render.aborted:
        reason = render.abort_reason or "(no reason given)"
        parts.append(
            f'<div class="state aborted">Message aborted: <span class="reason">{e(reason)}'
            "</span></div>"
        )
    elif render.pretty is not None:
        lines = "\n".join(highlight_lines(render.pretty, "json"))
        parts.append(f'<pre class="output hl json">{lines}</pre>')
        parts.append(
            '<details class="raw"><summary>exact output</summary>'
            f'<pre class="output">{e(render.output)}</pre></details>'
        )
    elif render.output.strip():
        parts.append(f'<pre class="output">{e(render.output)}</pre>')
    else:
        parts.append('<p class="empty">(empty output)</p>')
    if render.requests:
        parts.append(_requests(render.requests))
    if render.undefined:
        names = ", ".join(render.undefined)
        parts.append(f'<p class="undefined">Rendered empty: <code>{e(names)}</code></p>')
    parts.append("</article>")
    return "".join(parts)


def _requests(requests: list[RequestView]) -> str:
    count = len(requests)
    parts = [
        '<details class="requests" open>',
        f"<summary>Connected Content · {count} request{'s' if count != 1 else ''}</summary>",
        "<ol>",
    ]
    for request in requests:
        if request.status is None:
            answer = '<span class="badge bad">no stub matched</span>'
        else:
            answer = f'<span class="status">{request.status}</span>'
            if request.stub:
                answer += f' <span class="stub">stub <code>{e(request.stub)}</code></span>'
            if request.cached:
                answer += ' <span class="badge muted">cached</span>'
        headers = "\n".join(f"{name}: {value}" for name, value in request.headers.items())
        body = f"\n\n{request.body}" if request.body else ""
        parts.append(
            f'<li class="request"><code class="call">{e(request.method)} {e(request.url)}</code>'
            f' <span class="at">line {request.line}</span> → {answer}'
            f"<details><summary>request</summary><pre>{e(headers + body)}</pre></details></li>"
        )
    parts.append("</ol></details>")
    return "".join(parts)


def _editor(view: FileView) -> str:
    editable = [choice for choice in view.profiles if not choice.generated]
    parts = ['<section class="pane editor">', "<h2>Profile values</h2>"]
    if not editable and not view.errors:
        parts.append('<p class="empty">No profiles: add YAML files to the profiles folder.</p>')
    elif editable:
        parts.append(
            '<p class="help">Change a value to re-render with it; the profile file is not '
            "touched. Values of non-text fields are read as JSON.</p>"
        )
    parts.append('<div class="profile-editors">')
    parts += [_profile_editor(choice) for choice in editable]
    parts.append("</div></section>")
    return "".join(parts)


def _profile_editor(choice: ProfileChoice) -> str:
    name = e(choice.name)
    rows = []
    for field in choice.fields:
        original = "" if field.original is None else f' data-original="{e(field.original)}"'
        rows.append(
            f'<tr class="{"edited" if field.edited else ""}"><th scope="row">'
            f"<code>{e(field.label)}</code></th><td>"
            f'<input class="value" type="text" spellcheck="false" value="{e(field.text)}" '
            f'data-profile="{name}" data-path="{e(json.dumps(list(field.path)))}" '
            f'data-kind="{e(field.kind)}"'
            f'{original} aria-label="{name} {e(field.label)}"></td></tr>'
        )
    opened = " open" if choice.edited else ""
    badge = ' <small class="edited">edited</small>' if choice.edited else ""
    return (
        f'<details class="profile-editor" data-profile="{name}"{opened}>'
        f"<summary>{name}{badge}</summary>"
        f'<table class="fields">{"".join(rows)}</table>'
        '<div class="add">'
        '<input class="new-path" type="text" spellcheck="false" '
        f'placeholder="custom_attributes.tier" aria-label="{name}: path of a new value">'
        f'<input class="new-value" type="text" spellcheck="false" placeholder="value" '
        f'aria-label="{name}: new value">'
        f'<button type="button" class="add-value">Add value</button>'
        f'<button type="button" class="reset">Reset</button>'
        "</div></details>"
    )
