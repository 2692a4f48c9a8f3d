"""Render throughput on the bundled Movable Ink templates.

Usage: ``python bench/bench_render.py [--seconds N] [--template PATH]... [--profile PATH]``
(default: every template in templates/movable_ink/). Pin it to one core with
``taskset -c 0`` to measure single-core throughput.

Reports, on one core:
- cached: the template parsed once, rendered again and again (what lint does per profile);
- parse+render: a fresh parse for every render (what a cache miss costs);
- lex: the Braze lexer alone.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Callable

from brazelint.profiles import Profile, load_profile
from brazelint.renderer import Renderer

ROOT = Path(__file__).resolve().parents[1]


def measure(label: str, work: Callable[[], object], seconds: float) -> float:
    """Best-of-5 rate of ``work`` in calls per second, printed as one line."""
    rates = []
    for _ in range(5):
        calls = 0
        start = time.perf_counter()
        deadline = start + seconds / 5
        while True:
            for _ in range(50):
                work()
            calls += 50
            now = time.perf_counter()
            if now >= deadline:
                break
        rates.append(calls / (now - start))
    best = max(rates)
    median = statistics.median(rates)
    print(f"{label:<14} {best:>10,.0f} /s  {1e6 / best:>8.1f} µs each  (median {median:,.0f} /s)")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="time per measurement")
    parser.add_argument("--template", type=Path, action="append", help="repeatable")
    parser.add_argument("--profile", type=Path, default=ROOT / "profiles/known_user.yaml")
    args = parser.parse_args()

    profile = load_profile(args.profile)
    templates = args.template or sorted((ROOT / "templates/movable_ink").glob("*.liquid"))
    for path in templates:
        print(f"\n{path.name} ({path.stat().st_size} bytes), profile {profile.name}")
        bench_template(path.read_text(encoding="utf-8"), profile, args.seconds)


def bench_template(source: str, profile: Profile, seconds: float) -> None:
    now = "2024-03-01T12:00:00Z"
    blocks = ROOT / "content_blocks"
    renderer = Renderer(content_blocks=blocks)
    template = renderer.parse(source)
    renderer.render(template, profile, now=now)  # warm up and fail early
    measure("cached render", lambda: renderer.render(template, profile, now=now), seconds)
    uncached = Renderer(content_blocks=blocks, cache_size=0)
    measure("parse+render", lambda: uncached.render(source, profile, now=now), seconds)
    lexer = renderer.env.tokenizer()
    measure("lex only", lambda: list(lexer(source)), seconds)


if __name__ == "__main__":
    main()
