"""A seeded mutator over the bundled templates: render and lint never fail on their own.

Each round takes a template from ``templates/`` (or two, spliced), applies a few random
edits (insert a hostile fragment, delete, duplicate or swap a span) and runs
``brazelint.render`` and the lint of one file with the repository's own configuration.
Anything raised that is not a ``BrazelintError``, and any finding that only says an
internal exception was caught (``failures.describe_failure``'s fallback), is a failure.

The budget is ``BRAZELINT_FUZZ_SECONDS`` (default 40, so CI spends under a minute);
``BRAZELINT_FUZZ_SEED`` picks the sequence, and ``BRAZELINT_FUZZ_REPORT`` names a JSON
file that receives the counts (rounds, and failures by kind) for long runs.
"""

from __future__ import annotations

import json
import os
import random
import time
import traceback
from collections import Counter
from pathlib import Path

import pytest

import brazelint
from brazelint.config import load_config
from brazelint.config_lookup import ConfigLookup
from brazelint.lint.session import LintSession
from brazelint.lint.settings import RunOptions

ROOT = Path(__file__).resolve().parents[2]
BUDGET = float(os.environ.get("BRAZELINT_FUZZ_SECONDS", "40"))
SEED = int(os.environ.get("BRAZELINT_FUZZ_SEED", "21"))
INTERNAL = "brazelint could not check this input ("
"""What a finding says when the last-resort guard caught an exception (failures.py)."""

# fmt: off
FRAGMENTS = (
    "{%", "%}", "{{", "}}", "{{-", "-}}", "(", ")", "((((", "))))", "..", "(1..", "..3)",
    "[", "]", "'", '"', "\\", "|", ":", ",", "${", "}", "${first_name}", " | plus: ",
    " | divided_by: 0", " | date: '%s'", " | json_parse", " | slice: -99999999999999999999",
    "99999999999999999999", "9" * 5000, "-1", " limit:-1 ", " offset:-5 ", " limit:99999999999999999999 ",
    "{% for i in (1..99999999999999999999) %}", "{% endfor %}", "{% if ", "{% endif %}",
    "{% capture x %}", "{% endcapture %}", "{% assign a = ", "{% case x %}{% when ",
    "{% connected_content http://[ :save cc %}", "{% connected_content https://x.example/?token=abc ",
    ":save r %}", ":retry", ":cache_max_age -1", ":basic_auth nope", ":headers {\"A\": \"b\"} ",
    "{% abort_message('x') %}", "{{content_blocks.${mi_identity}}}", "{% catalog_items p 1 %}",
    "{% promotion('x') %}", "{% raw %}", "{% endraw %}", "{% comment %}", "{% endcomment %}",
    "\x00", "\x1b[31m", "\u202e", "\ud7ff", "é", "𝄞", "\r\n", "\t", "\n" * 3,
    " | hmac_sha256: ", " | url_escape", " | number_with_delimiter", " | time_zone: 'Nowhere/Zone'",
    " | money", " | property_accessor: ", " | as_json_string", " | truncate: -3", " | round: 999",
    " | times: 1e308", " | plus: 1e308", "1e309", "-0", "0.0000000000001",
)
# fmt: on


def _templates() -> list[str]:
    return [
        path.read_text(encoding="utf-8") for path in sorted((ROOT / "templates").rglob("*.liquid"))
    ]


def _mutate(rng: random.Random, sources: list[str]) -> str:
    text = rng.choice(sources)
    if rng.random() < 0.2:  # splice two templates
        other = rng.choice(sources)
        text = text[: rng.randrange(len(text) + 1)] + other[rng.randrange(len(other) + 1) :]
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(text) + 1)
        end = min(len(text), at + rng.randint(0, 40))
        choice = rng.random()
        if choice < 0.5:
            text = text[:at] + rng.choice(FRAGMENTS) + text[at:]
        elif choice < 0.7:
            text = text[:at] + text[end:]
        elif choice < 0.85:
            text = text[:at] + text[at:end] * rng.randint(2, 5) + text[end:]
        else:
            other = rng.randrange(len(text) + 1)
            text = text[:at] + text[other : other + 30] + text[at:]
    return text


def _kind(err: BaseException) -> str:
    frame = traceback.extract_tb(err.__traceback__)[-1] if err.__traceback__ else None
    where = f"{Path(frame.filename).name}:{frame.name}" if frame else "?"
    return f"{err.__class__.__name__} in {where}"


def test_mutated_bundled_templates_never_fail_internally() -> None:
    sources = _templates()
    assert sources, "no bundled templates to mutate"
    config = load_config(ROOT / "brazelint.toml")
    session = LintSession(
        RunOptions(now="2026-01-01T09:00:00Z"), lookup=ConfigLookup.fixed(config), cache=False
    )
    linter = session.linter_for(session.settings_for(config))
    profiles = [str(p) for p in sorted((ROOT / "profiles").glob("*.yaml"))]
    rng = random.Random(SEED)
    failures: Counter[str] = Counter()
    examples: dict[str, str] = {}
    rounds = 0
    deadline = time.monotonic() + BUDGET
    while time.monotonic() < deadline:
        rounds += 1
        source = _mutate(rng, sources)
        kinds = []
        try:
            brazelint.render(
                source,
                rng.choice(profiles),
                now="2026-01-01T09:00:00Z",
                stubs=ROOT / "stubs",
                content_blocks=ROOT / "content_blocks",
            )
        except brazelint.BrazelintError as err:
            if err.message.startswith(INTERNAL):
                kinds.append(f"render: {err.message[len(INTERNAL) :].split(':')[0]}")
        except Exception as err:
            kinds.append(f"render: {_kind(err)}")
        try:
            result = linter.lint_template(source, "fuzz.liquid")
        except brazelint.BrazelintError:
            pass  # brazelint's own (a schema typo): lint_file reports it as BL306
        except Exception as err:
            kinds.append(f"lint: {_kind(err)}")
        else:
            for diagnostic in result.diagnostics:
                if diagnostic.message.startswith(INTERNAL):
                    kinds.append(f"lint {diagnostic.code}: {diagnostic.message[len(INTERNAL) :]}")
        for kind in kinds:
            failures[kind[:160]] += 1
            examples.setdefault(kind[:160], source[:600])
    report = os.environ.get("BRAZELINT_FUZZ_REPORT")
    if report:
        Path(report).write_text(
            json.dumps(
                {"seed": SEED, "seconds": BUDGET, "rounds": rounds, "failures": failures},
                indent=2,
            ),
            encoding="utf-8",
        )
    if failures:
        shown = "\n".join(
            f"{count} x {kind}\n    {examples[kind]!r}" for kind, count in failures.most_common()
        )
        pytest.fail(f"{sum(failures.values())} internal failures in {rounds} rounds:\n{shown}")
    assert rounds > 0
