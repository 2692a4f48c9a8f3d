"""The benchmark: brazelint against its peers on a generated tree, as one table.

Usage: ``python bench/run.py [--count 2000] [--quick] [--skip-peers] [--seconds S]
[--few-profiles]``

``--few-profiles`` measures the few-profiles tree instead (bench/generate_tree.py
``generate_few_profiles``): small Movable Ink bodies, two profiles each, generated users
on and a schema assigned, where parsing and the generated users dominate. Its pairs are
templates x the tree's two profiles, the same pairs brazejs renders; the generated users'
renders are part of the lint's cost, as they are for a user. Cold start is not measured
there.

1. Generates COUNT templates (bench/generate_tree.py) in a temporary directory.
2. ``brazelint lint TREE/templates --format json --output-file /dev/null`` as a user runs
   it (all cores, the tree's profiles, ``--no-generated-profiles`` so that pairs =
   templates x profiles exactly): three cold runs, each with an empty cache and each
   followed by a brazejs render-only measurement (step 4), then once more over the
   unchanged tree (the cache). Wall time and the peak memory of the largest lint process.
   The lint / brazejs ratio is the median over those side-by-side pairs.
   Then the generated users' cost: cold lints with them (empty, complete, adversarial)
   and without take turns three times; pairs are still templates x profiles, the
   generated users' renders are extra work.
3. Cold start: ``brazelint lint ONE_FILE --schema movable-ink/event --no-cache`` and
   ``check-jsonschema --schemafile event.json ONE.json`` take turns, 15 runs each (wall).
   The ratio is the median over side-by-side pairs: the machine's speed drifts, and a
   pair shares one moment of it.
4. Render-only throughput on one core, each engine parsing every template once: brazelint
   (its Python API), brazejs (Node, best of the 3 runs of step 2) and bare python-liquid,
   on the same templates (those without Connected Content that brazejs can render; see
   bench/peers.py).

``--quick`` is a smoke run (100 templates, short timings). ``--skip-peers`` measures
brazelint alone. Peers are installed under ~/.cache/brazelint-bench/ on first use.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate_tree
import peers

NOW = peers.NOW
SCHEMA_ID = "movable-ink/event"
ONE_FILE = "templates/movable_ink/product_viewed_0000.liquid"
ONE_PROFILE = "known_user"
LINT_RUNS = 5
"""Cold lint runs (each with an empty cache), each followed by a brazejs measurement."""
COLD_RUNS = 15


@dataclass
class Table:
    rows: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, label: str, value: str, note: str = "") -> None:
        self.rows.append((label, value, note))
        print(f"  done: {label}", file=sys.stderr, flush=True)

    def print(self) -> None:
        width = max(len(label) for label, _, _ in self.rows)
        for label, value, note in self.rows:
            print(f"{label:<{width}}  {value:>16}  {note}".rstrip())


@dataclass
class Run:
    seconds: float
    returncode: int
    stderr: str
    max_rss_kb: int


def run_measured(command: list[str], *, cwd: Path, env: dict[str, str]) -> Run:
    """Run ``command``; wall time and the peak RSS of its largest process (os.wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(elapsed, proc.returncode, stderr, int(usage.ru_maxrss))


def lint_command(*args: str) -> list[str]:
    """``brazelint lint ARGS`` as a user runs it: the installed console script (as
    check-jsonschema is run), or ``python -m brazelint`` when there is none."""
    script = Path(sys.executable).with_name("brazelint")
    if script.is_file():
        return [str(script), "lint", *args]
    return [sys.executable, "-m", "brazelint", "lint", *args]


def lint_unavailable(run: Run) -> Optional[str]:
    """Why lint did not run (None when it did: exit 0 or 1 are both finished runs)."""
    if run.returncode in (0, 1):
        return None
    if "invalid choice" in run.stderr:
        return "not available"
    return f"failed (exit {run.returncode}: {run.stderr.strip().splitlines()[0][:80]})"


def rate(value: float) -> str:
    return f"{value:,.0f} pairs/s"


def attempt(
    table: Table, label: str, work: Callable[[], float], fmt: Callable[[float], str]
) -> Optional[float]:
    """Measure, add a row; a peer that cannot run becomes a row saying why."""
    try:
        value = work()
    except peers.PeerUnavailable as err:
        table.add(label, "n/a", str(err))
        return None
    table.add(label, fmt(value))
    return value


def ratio(
    table: Table, label: str, top: Optional[float], bottom: Optional[float], note: str
) -> None:
    if top is None or bottom is None or bottom == 0:
        table.add(label, "n/a", note)
    else:
        table.add(label, f"{top / bottom:.2f}x", note)


def render_counts(tree: Path, *, generated: bool) -> tuple[int, int, int]:
    """The lint's renders in this process: made, shared between profiles, and files
    whose verdict was copied from an identical file (what sharing saved)."""
    from brazelint.lint.session import LintSession
    from brazelint.lint.settings import RunOptions

    here = os.getcwd()
    os.chdir(tree)
    try:
        session = LintSession(
            RunOptions(now=NOW, generated_profiles=None if generated else False),
            cache=False,
            jobs=1,
        )
        run = session.lint([Path("templates")])
    finally:
        os.chdir(here)
    made, shared = session.render_counts()
    return made, shared, run.copied


def generated_users(
    table: Table,
    tree: Path,
    env: dict[str, str],
    tmp: Path,
    lint_args: tuple[str, ...],
    pairs: int,
    *,
    runs: int,
) -> None:
    """What the generated users (empty, complete, adversarial) cost: cold lints with them
    and without, taking turns; the ratio is the median over the side-by-side pairs.
    Coverage is part of both (it is not an option)."""
    with_args = tuple(arg for arg in lint_args if arg != "--no-generated-profiles")
    seconds: list[float] = []
    ratios: list[float] = []
    for index in range(runs):
        walls = []
        for label, args in (("with", with_args), ("without", lint_args)):
            env["BRAZELINT_CACHE_DIR"] = str(tmp / f"lint-cache-{label}-users-{index}")
            run = run_measured(lint_command(*args), cwd=tree, env=env)
            why = lint_unavailable(run)
            if why:
                table.add("lint, generated users on (all cores)", why)
                return
            walls.append(run.seconds)
        seconds.append(walls[0])
        ratios.append(walls[0] / walls[1])
    table.add(
        "lint, generated users on (all cores)",
        rate(pairs / min(seconds)),
        f"{min(seconds):.2f} s wall, best of {runs}; {statistics.median(ratios):.2f}x the "
        f"time without them (median of {runs} side-by-side pairs)",
    )


def compile_package() -> None:
    """Write brazelint's .pyc files, as ``pip install`` does for a regular install."""
    import compileall

    import brazelint

    compileall.compile_dir(str(Path(brazelint.__file__).parent), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="templates in the tree")
    parser.add_argument("--quick", action="store_true", help="smoke run: 100 templates")
    parser.add_argument("--skip-peers", action="store_true", help="measure brazelint only")
    parser.add_argument("--seconds", type=float, help="time per render-only measurement")
    parser.add_argument("--keep", action="store_true", help="keep the generated tree")
    parser.add_argument(
        "--few-profiles", action="store_true", help="the few-profiles tree (see above)"
    )
    args = parser.parse_args()
    count = 100 if args.quick else args.count
    seconds = args.seconds or (1.0 if args.quick else 5.0)

    tmp = Path(tempfile.mkdtemp(prefix="brazelint-bench-"))
    try:
        measure(
            tmp,
            count,
            seconds,
            skip_peers=args.skip_peers,
            quick=args.quick,
            few_profiles=args.few_profiles,
        )
    finally:
        if args.keep:
            print(f"\ntree kept in {tmp / 'tree'}")
        else:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)


def measure(
    tmp: Path,
    count: int,
    seconds: float,
    *,
    skip_peers: bool,
    quick: bool,
    few_profiles: bool = False,
) -> None:
    from brazelint.profiles import load_profiles
    from brazelint.renderer import Renderer
    from brazelint.schemas import schema_path

    tree = tmp / "tree"
    make = generate_tree.generate_few_profiles if few_profiles else generate_tree.generate
    templates = make(tree, count)
    profiles = load_profiles(tree / "profiles")
    pairs = len(templates) * len(profiles)
    cores = os.cpu_count() or 1
    kind = "few-profiles tree, generated users on" if few_profiles else "bench tree"
    print(
        f"brazelint bench ({kind}): {len(templates)} templates x {len(profiles)} profiles "
        f"= {pairs:,} pairs, {cores} cores, Python {sys.version.split()[0]}\n"
    )
    table = Table()
    env = {**os.environ, "BRAZELINT_CACHE_DIR": str(tmp / "lint-cache"), "NO_COLOR": "1"}
    # Measure as installed tools run: with bytecode. An editable install under
    # PYTHONDONTWRITEBYTECODE would otherwise recompile brazelint's modules at every start,
    # while the peers, installed by pip, start from their .pyc files.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    compile_package()

    # -- lint, taking turns with brazejs -------------------------------------------------
    # Each lint run is a first run (a new, empty cache). A brazejs measurement follows
    # each, so a lint rate and the brazejs rate next to it share one moment of a machine
    # whose speed drifts by tens of percent over a minute.
    #
    # Peak memory comes from the first lint run, made while this process is still small:
    # a child's peak RSS (wait4) also counts the parent's pages it held until its exec.
    lint_args: tuple[str, ...] = (
        "templates",
        "--format",
        "json",
        "--output-file",
        os.devnull,
        "--now",
        NOW,
    )
    if not few_profiles:
        lint_args += ("--no-generated-profiles",)
    first: Optional[Run] = None
    peak_rss_kb = 0
    lint_rates: list[float] = []
    brazejs_rates: list[float] = []
    work: Optional[peers.Workload] = None
    failures: dict[str, str] = {}
    brazejs_ready = not skip_peers
    for attempt_number in range(LINT_RUNS):
        env["BRAZELINT_CACHE_DIR"] = str(tmp / f"lint-cache-{attempt_number}")
        run = run_measured(lint_command(*lint_args), cwd=tree, env=env)
        if lint_unavailable(run):
            first = run
            break
        lint_rates.append(pairs / run.seconds)
        peak_rss_kb = peak_rss_kb or run.max_rss_kb
        if first is None or run.seconds < first.seconds:
            first = run
        if work is None:  # the render-only workload (see below), once
            work = peers.workload(tree, templates)
            with_connected_content = count - len(work.templates)
            if brazejs_ready:
                try:
                    failures = peers.brazejs_failures(work)
                except peers.PeerUnavailable as err:
                    table.add("render-only: brazejs", "n/a", str(err))
                    brazejs_ready = False
            work = work.without(set(failures))
        if brazejs_ready:
            try:
                brazejs_rates.append(peers.brazejs_rate(work, seconds))
            except peers.PeerUnavailable as err:
                table.add("render-only: brazejs", "n/a", str(err))
                brazejs_ready = False
    if work is None:  # lint did not run
        work = peers.workload(tree, templates)
        with_connected_content = count - len(work.templates)
    assert first is not None
    lint_rate = second_wall = None
    why = lint_unavailable(first)
    if why:
        table.add("lint", why)
    else:
        lint_rate = max(lint_rates)
        table.add(
            "lint, first run (all cores)",
            rate(lint_rate),
            f"{first.seconds:.2f} s wall, best of {LINT_RUNS} (each with an empty cache)",
        )
        second = run_measured(lint_command(*lint_args), cwd=tree, env=env)
        second_wall = second.seconds
        table.add(
            "lint, second run (unchanged tree, cache)",
            rate(pairs / second.seconds),
            f"{second.seconds:.2f} s wall",
        )
        table.add(
            "lint peak memory (largest process)", f"{peak_rss_kb / 1024:,.0f} MB", "first run"
        )
        if not few_profiles:
            generated_users(table, tree, env, tmp, lint_args, pairs, runs=1 if quick else 3)
        made, shared, copied = render_counts(tree, generated=few_profiles)
        table.add(
            "lint renders (one core, counted)",
            f"{made:,}",
            f"{shared:,} more shared between profiles that read alike; "
            f"{copied:,} files copied the verdict of a file with the same text",
        )

    # -- cold start ----------------------------------------------------------------------
    # brazelint and check-jsonschema take turns (peers.interleaved_wall_seconds), so the
    # ratio compares runs made at the same moment of a machine whose speed drifts.
    lint_cold = jsonschema_cold = cold_ratio = None
    timed: list[peers.Timed] = []
    if not why and not few_profiles:
        timed.append(
            peers.Timed(
                lint_command(ONE_FILE, "--schema", SCHEMA_ID, "--no-cache", "--now", NOW),
                expect=(0, 1),
                cwd=tree,
            )
        )
    if not skip_peers and not few_profiles:
        instance = tmp / "one.json"
        renderer = Renderer(content_blocks=tree / "content_blocks")
        one = next(p for p in profiles if p.name == ONE_PROFILE)
        source = (tree / ONE_FILE).read_text(encoding="utf-8")
        instance.write_text(renderer.render(source, one, now=NOW).output, encoding="utf-8")
        json.loads(instance.read_text(encoding="utf-8"))  # a valid instance, or fail here
        try:
            command = peers.check_jsonschema_command(schema_path(SCHEMA_ID), instance)
        except peers.PeerUnavailable as err:
            table.add("cold start: check-jsonschema --schemafile (1 file)", "n/a", str(err))
        else:
            timed.append(peers.Timed(command, expect=(0,)))
    runs = 3 if quick else COLD_RUNS
    try:
        peers.interleaved_wall_seconds(timed, runs=runs)
    except peers.PeerUnavailable as err:
        table.add("cold start", "n/a", str(err))
        timed = []
    for entry in timed:
        best, middle = min(entry.seconds), statistics.median(entry.seconds)
        if entry.command[0].endswith("check-jsonschema"):
            jsonschema_cold = best
            label = "cold start: check-jsonschema --schemafile (1 file)"
            note = f"v{peers.check_jsonschema_version()}, "
        else:
            lint_cold = best
            label = f"cold start: lint ONE_FILE --schema {SCHEMA_ID}"
            note = "--no-cache, "
        note += f"best of {runs}; median {middle:.3f} s"
        table.add(label, f"{best:.3f} s", note)
    if lint_cold is not None and jsonschema_cold is not None:
        # each run of brazelint against the check-jsonschema run next to it
        pair_ratios = [a / b for a, b in zip(timed[0].seconds, timed[1].seconds)]
        cold_ratio = statistics.median(pair_ratios)

    # -- render only, one core ------------------------------------------------------------
    brazejs = max(brazejs_rates) if brazejs_ready and brazejs_rates else None
    if brazejs is not None:
        table.add(
            f"render-only: {peers.BRAZEJS} (Node, 1 core)",
            rate(brazejs),
            f"best of {len(brazejs_rates)}, each run right after a lint run",
        )
    note = ""
    if not skip_peers:
        note = f"left out: {with_connected_content} with Connected Content"
        if failures:
            reason = next(iter(failures.values()))[:40]
            note += f", {len(failures)} brazejs cannot render ({reason}...)"
    own = attempt(
        table,
        "render-only: brazelint API (1 core)",
        lambda: peers.brazelint_rate(work, seconds),
        rate,
    )
    if not skip_peers:
        skipped: dict[str, str] = {}
        attempt(
            table,
            "render-only: bare python-liquid (1 core)",
            lambda: peers.python_liquid_rate(work, seconds, skipped),
            rate,
        )
        if skipped:
            first_reason = next(iter(skipped.values()))[:60]
            table.add("  python-liquid left out", f"{len(skipped)} templates", first_reason)
    if note:
        table.add("  templates in the render-only runs", f"{len(work.templates)}", note)

    # -- ratios ------------------------------------------------------------------------
    if lint_rate is None or brazejs is None:
        table.add("ratio: lint / brazejs render-only", "n/a", "")
    else:
        # each lint rate against the brazejs rate measured right after it
        paired = statistics.median(a / b for a, b in zip(lint_rates, brazejs_rates))
        table.add(
            "ratio: lint / brazejs render-only",
            f"{paired:.2f}x",
            f"median over {min(len(lint_rates), len(brazejs_rates))} side-by-side pairs; "
            f"best/best {lint_rate / brazejs:.2f}x; lint on all cores, brazejs on one",
        )
    ratio(table, "ratio: brazelint render-only / brazejs", own, brazejs, "both on one core")
    if cold_ratio is None or lint_cold is None or jsonschema_cold is None:
        table.add("ratio: cold start / check-jsonschema", "n/a", "")
    else:
        table.add(
            "ratio: cold start / check-jsonschema",
            f"{cold_ratio:.2f}x",
            f"median over {len(timed[0].seconds)} side-by-side pairs; best/best "
            f"{lint_cold / jsonschema_cold:.2f}x; lower is faster",
        )
    ratio(
        table,
        "ratio: second lint run / first (wall)",
        second_wall,
        first.seconds if not why else None,
        "lower is faster",
    )
    table.print()


if __name__ == "__main__":
    main()
