"""``brazelint rules [CODE|NAME]``: list the rules, or explain one with examples."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, Optional

from brazelint.errors import ConfigError

if TYPE_CHECKING:
    from brazelint.rules.base import Rule, Setup


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "rules",
        help="list the lint rules, or explain one",
        description=(
            "Without RULE, list every rule with its code, name, default severity and "
            "summary. With a code (BL401) or a name (invalid-json), explain that rule "
            "with a bad and a good example."
        ),
    )
    parser.add_argument("rule", nargs="?", metavar="RULE", help="a rule code or name")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json (a list of rules with every field)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from brazelint.rules.registry import RULES

    rules = [find_rule(args.rule)] if args.rule else list(RULES)
    if args.format == "json":
        import json

        document = [rule_dict(rule) for rule in rules]
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    elif args.rule:
        sys.stdout.write(explain(rules[0]))
    else:
        sys.stdout.write(table(rules))
    return 0


def rule_dict(rule: Rule) -> dict[str, Any]:
    """Every field of ``rule``: the ones reports name it by, its documentation and
    examples, how it can be fixed, the example's project and which findings it replaces."""
    from brazelint.fixes.registry import summaries

    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "summary": rule.summary,
        "bad": rule.bad,
        "good": rule.good,
        "why": rule.why,
        "fix": rule.fix,
        "fixes": [{"summary": text, "safe": safe} for text, safe in summaries(rule.name)],
        "setup": _setup_dict(rule.setup),
        "good_setup": None if rule.good_setup is None else _setup_dict(rule.good_setup),
        "overrides": list(rule.overrides),
        "overrides_at": rule.overrides_at,
    }


def _setup_dict(setup: Setup) -> dict[str, Any]:
    return {"file": setup.file, "config": setup.config, "files": dict(setup.files)}


def find_rule(text: str) -> Rule:
    """The rule named by a code (any case) or a name; ``ConfigError`` with a suggestion."""
    from brazelint.rules.registry import RULES, get_rule

    found = get_rule(text.strip()) or get_rule(text.strip().lower())
    if found is not None:
        return found
    wanted = text.strip()
    as_code = wanted.upper()
    if as_code.startswith("BL"):  # BL4O1: a letter O typed for a zero
        as_code = "BL" + as_code[2:].replace("O", "0")
    code = _closest(as_code, [r.code for r in RULES])
    name = _closest(wanted.lower(), [r.name for r in RULES])
    guesses = [g for g in ((code, name) if as_code.startswith("BL") else (name, code)) if g]
    suggestion = f"; did you mean {guesses[0]}?" if guesses else ""
    raise ConfigError(f"unknown rule {text!r}{suggestion} (`brazelint rules` lists them all)")


def _closest(word: str, options: list[str]) -> Optional[str]:
    """The option most like ``word`` (the first of equals), if any is close enough."""
    import difflib

    best, best_score = None, 0.6
    for option in options:
        score = difflib.SequenceMatcher(None, word, option).ratio()
        if score > best_score:
            best, best_score = option, score
    return best


def table(rules: list[Rule]) -> str:
    """Every rule, aligned, under a heading per family."""
    from brazelint.report.common import family_of

    name_width = max(len(r.name) for r in rules)
    severity_width = max(len(r.severity) for r in rules)
    lines: list[str] = []
    heading = None
    for rule in rules:
        prefix, title, _tag = family_of(rule.code)
        if (prefix, title) != heading:
            if lines:
                lines.append("")
            lines.append(f"{prefix}xx  {title}")
            heading = (prefix, title)
        lines.append(
            f"  {rule.code}  {rule.name:<{name_width}}  {rule.severity:<{severity_width}}  "
            f"{rule.summary}" + (f" [fix: {rule.fix}]" if rule.fix else "")
        )
    return "\n".join(lines) + "\n"


def explain(rule: Rule) -> str:
    """One rule: code, name and severity, what it finds, why it matters, bad and good (each
    with the project it needs, when a bare template is not enough), and its fixes."""
    from brazelint.fixes.registry import summaries

    lines = [f"{rule.code} {rule.name} ({rule.severity})", "", rule.summary, "", rule.why]
    if rule.good_setup is None:  # one project for both examples: say so once, first
        shared = _project(rule.setup)
        lines += ["", "Both examples:", *shared] if shared else []
        lines += ["", "Bad:", *_indented(rule.bad), "", "Good:", *_indented(rule.good)]
    else:
        lines += ["", "Bad:", *_indented(rule.bad), *_project(rule.setup)]
        lines += ["", "Good:", *_indented(rule.good), *_project(rule.good_setup)]
    fixes = summaries(rule.name)
    if fixes:
        lines.append("")
        lines += [
            f"Fix ({'safe' if safe else 'unsafe, with --unsafe-fixes'}): {text}"
            for text, safe in fixes
        ]
    return "\n".join(lines) + "\n"


def _project(setup: Setup) -> list[str]:
    """What an example needs around it: its file name, brazelint.toml and other files."""
    from brazelint.rules.base import Setup

    lines = [f"  (as {setup.file})"] if setup.file != Setup.file else []
    files = ((("brazelint.toml", setup.config),) if setup.config else ()) + setup.files
    for path, text in files:
        lines += [f"  with {path}:", *_indented(text)]
    return lines


def _indented(example: str) -> list[str]:
    return [f"    {line}".rstrip() for line in example.splitlines()]
