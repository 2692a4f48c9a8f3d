"""Hover texts (Markdown): a filter's behaviour, a value in each profile, a Content Block's
first lines, a rule's documentation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Sequence

from brazelint.lsp import RULES_DOCS_URL
from brazelint.lsp.cursor import Target
from brazelint.lsp.filter_docs import filter_markdown

if TYPE_CHECKING:
    from brazelint.profiles import Profile

BLOCK_PREVIEW_LINES = 12
"""Lines of a Content Block shown on hover."""
VALUE_WIDTH = 80
"""Characters of a profile value shown in the hover table; longer ones are cut."""

_UNSET = object()


def hover_markdown(
    target: Target, profiles: Sequence[Profile], blocks: Optional[Path]
) -> Optional[str]:
    """The hover text for ``target``, or ``None`` when there is nothing to say."""
    if target.kind == "filter":
        return filter_markdown(target.name)
    if target.kind == "rule":
        return rule_markdown(target.name)
    if target.kind == "content_block":
        return block_markdown(target.name, blocks)
    return attribute_markdown(target.namespace, target.name, profiles)


def rule_markdown(code: str) -> Optional[str]:
    from brazelint.lsp.linting import rule_for

    found = rule_for(code)
    if found is None:
        return f"`{code}` is not a brazelint rule (BL902)."
    parts = [f"**{found.code} {found.name}** ({found.severity})", "", found.summary]
    if found.why:
        parts += ["", found.why]
    parts += ["", "Bad:", f"```liquid\n{found.bad}\n```", "Good:", f"```liquid\n{found.good}\n```"]
    parts += ["", f"[Rule docs]({RULES_DOCS_URL}) · `brazelint rules {found.code}`"]
    return "\n".join(parts)


def block_markdown(name: str, blocks: Optional[Path]) -> str:
    path = block_path(name, blocks)
    if path is None:
        where = f" in `{blocks}`" if blocks is not None else " (no content_blocks folder)"
        return f"Content Block `{name}` not found{where}."
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        return f"Content Block `{name}`: cannot read `{path}` ({err})."
    shown = "\n".join(lines[:BLOCK_PREVIEW_LINES])
    more = (
        f"\n\n… {len(lines) - BLOCK_PREVIEW_LINES} more lines"
        if len(lines) > BLOCK_PREVIEW_LINES
        else ""
    )
    return f"**Content Block** `{name}` ({path.name})\n```liquid\n{shown}\n```{more}"


def block_path(name: str, blocks: Optional[Path]) -> Optional[Path]:
    """The file of Content Block ``name`` (``<blocks>/<name>.liquid``), if it exists."""
    if blocks is None or not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    path = blocks / f"{name}.liquid"
    return path if path.is_file() else None


def attribute_markdown(namespace: str, name: str, profiles: Sequence[Profile]) -> str:
    """The value of ``namespace.${name}`` in each profile, as a table."""
    shown = f"{namespace}.${{{name}}}" if namespace else f"${{{name}}}"
    header = f"**`{shown}`**"
    if not namespace:
        from brazelint.profiles import STANDARD_ATTRIBUTES

        if name.split(".")[0].split("[")[0] not in STANDARD_ATTRIBUTES:
            header += " — not a standard Braze attribute (BL201)"
        elif name == "user_id":
            header += " — the external id"
    if not profiles:
        return header + "\n\nNo profiles in this project."
    rows = ["| profile | value |", "| --- | --- |"]
    for profile in profiles:
        data = profile.namespaces.get(namespace, {}) if namespace else profile.attributes
        value = lookup(data, name)
        rows.append(f"| {profile.name} | {_cell(value)} |")
    return header + "\n\n" + "\n".join(rows)


def lookup(data: Any, name: str) -> Any:
    """``name`` in ``data``: the key itself, else a path inside the braces (``address.city``)."""
    if isinstance(data, dict) and name in data:
        return data[name]
    current = data
    for part in name.replace("[", ".").replace("]", "").split("."):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return _UNSET
    return current


def _cell(value: Any) -> str:
    if value is _UNSET:
        return "*unset*"
    if value is None:
        return "*nil*"
    text = json.dumps(value, ensure_ascii=False, default=str)
    if len(text) > VALUE_WIDTH:
        text = text[: VALUE_WIDTH - 1] + "…"
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`"
