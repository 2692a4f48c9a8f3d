"""Render throughput on the bundled Movable Ink template.

Usage: ``python bench/bench_render.py [--seconds N] [--template PATH] [--profile PATH]``

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
    parser.add_argument(
        "--template", type=Path, default=ROOT / "templates/movable_ink/product_viewed.liquid"
    )
    parser.add_argument("--profile", type=Path, default=ROOT / "profiles/known_user.yaml")
    args = parser.parse_args()

    from brazelint.profiles import load_profile
    from brazelint.renderer import Renderer

    source = args.template.read_text(encoding="utf-8")
    profile = load_profile(args.profile)
    renderer = Renderer(content_blocks=ROOT / "content_blocks")
    template = renderer.parse(source)
    now = "2024-03-01T12:00:00Z"
    name = args.template.relative_to(ROOT)
    print(f"template: {name} ({len(source)} chars), profile: {profile.name}")
    renderer.render(template, profile, now=now)  # warm up and fail early

    def fresh_parse_and_render() -> None:
        Renderer(content_blocks=ROOT / "content_blocks").render(source, profile, now=now)

    measure("cached render", lambda: renderer.render(template, profile, now=now), args.seconds)
    uncached = Renderer(content_blocks=ROOT / "content_blocks", cache_size=0)
    measure("parse+render", lambda: uncached.render(source, profile, now=now), args.seconds)
    lexer = renderer.env.tokenizer()
    measure("lex only", lambda: list(lexer(source)), args.seconds)


if __name__ == "__main__":
    main()
