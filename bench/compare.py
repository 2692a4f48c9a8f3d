"""Old code against new code, on this machine, taking turns: what a change costs a lint.

Usage: ``python bench/compare.py --old OLD_SRC --new NEW_SRC [--count 2000] [--rounds 5]``

``OLD_SRC`` and ``NEW_SRC`` are ``src`` folders of two checkouts (``/work/main/src`` and
this tree's ``src``, say); each lint runs ``python -m brazelint lint`` with that folder
first on ``PYTHONPATH``. Two trees from bench/generate_tree.py: the bench tree (five
profiles) linted with and without the generated users, and the few-profiles tree (small
bodies, two profiles, generated users on). Every lint is cold (``--no-cache``) on all
cores. Old and new take turns within every round, so both see the same moments of a
machine whose speed drifts; the table gives the median wall time of each and the median
of the per-round ratios.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate_tree

CASES = (
    ("bench tree, generated users on", "tree", ()),
    ("bench tree, --no-generated-profiles", "tree", ("--no-generated-profiles",)),
    ("few-profiles tree (generated users on)", "few", ()),
)


def lint_seconds(src: Path, tree: Path, extra: tuple[str, ...]) -> float:
    env = {**os.environ, "PYTHONPATH": str(src), "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # both sides start from compiled modules
    command = [sys.executable, "-m", "brazelint", "lint", "templates", "--no-cache"]
    command += ["--format", "json", "--output-file", os.devnull, *extra]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"lint failed with {src}: {done.stderr.strip()[:300]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, help="src folder of the old code")
    parser.add_argument("--new", type=Path, required=True, help="src folder of the new code")
    parser.add_argument("--count", type=int, default=2000, help="templates in the tree")
    parser.add_argument("--rounds", type=int, default=5, help="old/new pairs per case")
    args = parser.parse_args()
    for src in (args.old, args.new):
        # a checkout made for the comparison has no bytecode yet: compiling it at every
        # start would charge one side for work the other does not do
        compileall.compile_dir(str(src), quiet=1)
    tmp = Path(tempfile.mkdtemp(prefix="brazelint-compare-"))
    try:
        trees = {"tree": tmp / "tree", "few": tmp / "few"}
        generate_tree.generate(trees["tree"], args.count)
        generate_tree.generate_few_profiles(trees["few"], args.count)
        print(f"{args.count} templates, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        print(f"{'case':<40} {'old s':>8} {'new s':>8} {'new/old':>8}")
        for label, tree, extra in CASES:
            old: list[float] = []
            new: list[float] = []
            for round_ in range(args.rounds):
                pair = [(args.old, old), (args.new, new)]
                for src, times in pair if round_ % 2 == 0 else pair[::-1]:
                    times.append(lint_seconds(src, trees[tree], extra))
            ratios = [n / o for o, n in zip(old, new)]
            print(
                f"{label:<40} {statistics.median(old):8.2f} {statistics.median(new):8.2f} "
                f"{statistics.median(ratios):8.2f}",
                flush=True,
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
