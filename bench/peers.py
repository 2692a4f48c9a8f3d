"""Measurements of brazelint's peers (and of brazelint's own renderer) for bench/run.py.

Each ``*_rate`` helper returns render throughput in (template, profile) pairs per second on
one core, timed around the render loop only: every template is parsed once beforehand.
``interleaved_wall_seconds`` times fresh processes of several commands, taking turns.

Peers are installed outside the repository, under ``~/.cache/brazelint-bench/`` (or
``$BRAZELINT_BENCH_CACHE``), so reruns are fast:

- brazejs (npm, the Braze Liquid renderer in Node; peers.md §2) in ``node/``;
- check-jsonschema (PyPI; peers.md §4.3) in a virtual environment ``check-jsonschema/``.

Connected Content: brazejs would make real HTTP calls, so templates that use
``connected_content`` are left out of every render-only measurement (``workload``),
for all engines alike. Templates brazejs cannot render are left out the same way
(``brazejs_failures``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Optional

CACHE = Path(os.environ.get("BRAZELINT_BENCH_CACHE") or Path.home() / ".cache" / "brazelint-bench")
BRAZEJS = "brazejs@1.7.1"
CHECK_JSONSCHEMA = "check-jsonschema"
NOW = "2026-01-01T09:00:00Z"


class PeerUnavailable(Exception):
    """A peer could not be installed or run; the message says why."""


@dataclass
class Workload:
    """Templates (name, source) and profiles, the same for every render-only measurement."""

    templates: list[tuple[str, str]]
    contexts: list[dict[str, Any]]
    """Each profile's Liquid variables (``Profile.liquid_data()``), JSON-safe."""
    profile_paths: list[Path]
    content_blocks: Path

    @property
    def pairs(self) -> int:
        return len(self.templates) * len(self.contexts)

    def without(self, names: set[str]) -> Workload:
        kept = [(name, source) for name, source in self.templates if name not in names]
        return Workload(kept, self.contexts, self.profile_paths, self.content_blocks)


def workload(tree: Path, templates: list[Path]) -> Workload:
    """Every template of ``tree`` without Connected Content, and the tree's profiles."""
    from brazelint.profiles import load_profiles

    profiles = load_profiles(tree / "profiles")
    chosen = []
    for path in templates:
        source = path.read_text(encoding="utf-8")
        if "connected_content" not in source:
            chosen.append((str(path.relative_to(tree)), source))
    contexts = [_json_safe(profile.liquid_data()) for profile in profiles]
    paths = [Path(profile.path) for profile in profiles if profile.path]
    return Workload(chosen, contexts, paths, tree / "content_blocks")


def _json_safe(value: Any) -> Any:
    """Liquid data as JSON values (YAML timestamps become Braze's time text)."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S UTC")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _timed_rounds(render_round: Callable[[], int], seconds: float) -> float:
    """Run whole rounds until ``seconds`` have passed (at least one); pairs per second."""
    pairs = 0
    start = time.perf_counter()
    while True:
        pairs += render_round()
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return pairs / elapsed


# -- brazelint ------------------------------------------------------------------------------


def brazelint_rate(work: Workload, seconds: float) -> float:
    """brazelint's ``Renderer`` in this process: parse once, render every pair."""
    from brazelint.profiles import load_profile
    from brazelint.renderer import Renderer

    renderer = Renderer(content_blocks=work.content_blocks)
    profiles = [load_profile(path) for path in work.profile_paths]
    parsed = [renderer.parse(source, path=name) for name, source in work.templates]

    def one_round() -> int:
        for template in parsed:
            for profile in profiles:
                renderer.render(template, profile, now=NOW)
        return len(parsed) * len(profiles)

    one_round()  # warm up: content blocks, filters
    return _timed_rounds(one_round, seconds)


# -- brazejs (Node) -------------------------------------------------------------------------

_NODE_SCRIPT = r"""
// brazelint bench: brazejs render-only throughput. argv[2]: a JSON job file.
const fs = require("fs");
const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const Liquid = require(job.module);
const engine = new Liquid({ cache: true });  // content blocks are read once, as in brazelint
const contexts = job.contexts.map((c) =>
  Object.assign({}, c, { __contentBlocks: { root: job.contentBlocks } }));

function isAbort(err) { return err && err.name === "AbortError"; }

async function renderPair(template, context) {
  try { await engine.render(template, context); } catch (err) { if (!isAbort(err)) throw err; }
}

(async () => {
  const parsed = [];
  const failed = [];
  for (const [name, source] of job.templates) {
    try {
      const template = engine.parse(source);
      for (const context of contexts) await renderPair(template, context);
      parsed.push(template);
    } catch (err) {
      failed.push([name, String(err && err.message || err).split("\n")[0]]);
    }
  }
  if (job.mode === "probe") {
    process.stdout.write(JSON.stringify({ failed }));
    return;
  }
  let pairs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  do {
    for (const template of parsed) {
      for (const context of contexts) await renderPair(template, context);
    }
    pairs += parsed.length * contexts.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  } while (elapsed < job.seconds);
  process.stdout.write(JSON.stringify({ pairs, seconds: elapsed, failed }));
})().catch((err) => { console.error(String(err && err.stack || err)); process.exit(1); });
"""


def ensure_brazejs() -> Path:
    """The brazejs package directory, installed with npm into the cache on first use."""
    target = CACHE / "node"
    package = target / "node_modules" / "brazejs"
    if (package / "package.json").is_file():
        return package
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        raise PeerUnavailable("node and npm are needed for brazejs")
    target.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [npm, "install", "--prefix", str(target), "--no-audit", "--no-fund", BRAZEJS],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0 or not (package / "package.json").is_file():
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise PeerUnavailable(f"npm install {BRAZEJS} failed: {last}")
    return package


def _run_node(work: Workload, mode: str, seconds: float = 0.0) -> dict[str, Any]:
    package = ensure_brazejs()
    with tempfile.TemporaryDirectory(prefix="brazelint-bench-") as tmp:
        script = Path(tmp) / "bench.js"
        script.write_text(_NODE_SCRIPT, encoding="utf-8")
        job = Path(tmp) / "job.json"
        job.write_text(
            json.dumps(
                {
                    "module": str(package),
                    "mode": mode,
                    "seconds": seconds,
                    "templates": work.templates,
                    "contexts": work.contexts,
                    "contentBlocks": str(work.content_blocks),
                }
            ),
            encoding="utf-8",
        )
        proc = subprocess.run(["node", str(script), str(job)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise PeerUnavailable(f"brazejs run failed: {proc.stderr.strip()[-300:]}")
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def brazejs_failures(work: Workload) -> dict[str, str]:
    """Templates brazejs cannot parse or render for every profile: name -> first error."""
    return {name: message for name, message in _run_node(work, "probe")["failed"]}


def brazejs_rate(work: Workload, seconds: float) -> float:
    """brazejs in Node: parse once, then await ``render`` for every pair."""
    result = _run_node(work, "bench", seconds)
    if result["failed"]:
        raise PeerUnavailable(f"brazejs failed on {len(result['failed'])} templates")
    return float(result["pairs"]) / float(result["seconds"])


# -- bare python-liquid ----------------------------------------------------------------------

_BLOCK_REFERENCE = re.compile(r"\{\{\s*content_blocks\.\$\{\s*([^}]+?)\s*\}\s*\}\}")
_ABORT = re.compile(r"\{%-?\s*abort_message.*?-?%\}", re.S)
_TAG = re.compile(r"\{%.*?%\}", re.S)
_OUTPUT = re.compile(r"\{\{.*?\}\}\}?", re.S)
_ATTRIBUTE = re.compile(r"\$\{\s*([\w ]+?)\s*\}")


def to_standard_liquid(source: str, blocks: Path, depth: int = 0) -> str:
    """The standard-Liquid part of a Braze template, for an engine without Braze syntax.

    Content Blocks are pasted in (Braze renders them in the same context), aborts are
    dropped, ``${name}`` becomes ``name`` and ``{{ }}`` nested in tags or outputs goes.
    """

    def block(match: re.Match[str]) -> str:
        path = blocks / f"{match.group(1)}.liquid"
        if depth > 1 or not path.is_file():
            return ""
        return to_standard_liquid(path.read_text(encoding="utf-8"), blocks, depth + 1)

    text = _BLOCK_REFERENCE.sub(block, source)
    text = _ABORT.sub("", text)

    def plain(markup: re.Match[str]) -> str:
        text = markup.group()
        opening, closing = text[:2], "}}" if text.startswith("{{") else "%}"
        inner = _ATTRIBUTE.sub(lambda m: m.group(1).replace(" ", "_"), text[2:-2])
        inner = inner.replace("{{", " ").replace("}}", " ")
        if opening == "{{":  # `{{${x}}}` left one brace of `${x}` behind
            inner = inner.strip().strip("-").rstrip("}")
            return "{{ " + inner + " }}"
        return opening + inner + closing

    text = _TAG.sub(plain, text)
    return _OUTPUT.sub(plain, text)


def _stand_in_filters() -> dict[str, Callable[..., Any]]:
    """Braze filters the templates use that Liquid lacks, as plain Python (no brazelint)."""
    from urllib.parse import quote

    def number_with_delimiter(value: Any) -> str:
        try:
            return f"{int(value):,}"
        except (TypeError, ValueError):
            return str(value)

    return {
        "md5": lambda value: hashlib.md5(str(value).encode()).hexdigest(),
        "json_escape": lambda value: json.dumps("" if value is None else str(value))[1:-1],
        "url_param_escape": lambda value: quote(str(value), safe=""),
        "number_with_delimiter": number_with_delimiter,
        "as_json_string": lambda value: json.dumps(value, default=str),
    }


def python_liquid_rate(
    work: Workload, seconds: float, failures: Optional[dict[str, str]] = None
) -> float:
    """Bare ``liquid.Environment`` on the standard-Liquid part of each template.

    Templates it cannot parse or render are skipped and listed in ``failures``.
    """
    from liquid import Environment

    env = Environment()
    for name, func in _stand_in_filters().items():
        env.add_filter(name, func)
    templates = []
    for name, source in work.templates:
        try:
            template = env.from_string(to_standard_liquid(source, work.content_blocks))
            for context in work.contexts:
                template.render(**context)
        except Exception as err:  # any failure just leaves the template out
            if failures is not None:
                failures[name] = f"{type(err).__name__}: {err}"
            continue
        templates.append(template)

    def one_round() -> int:
        for template in templates:
            for context in work.contexts:
                template.render(**context)
        return len(templates) * len(work.contexts)

    return _timed_rounds(one_round, seconds)


# -- check-jsonschema ------------------------------------------------------------------------


def ensure_check_jsonschema() -> Path:
    """The ``check-jsonschema`` executable, pip-installed into a cached virtual environment."""
    home = CACHE / "check-jsonschema"
    scripts = home / ("Scripts" if os.name == "nt" else "bin")
    exe = scripts / ("check-jsonschema.exe" if os.name == "nt" else "check-jsonschema")
    if exe.is_file():
        return exe
    venv.create(home, with_pip=True, clear=True)
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    proc = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", CHECK_JSONSCHEMA],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0 or not exe.is_file():
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise PeerUnavailable(f"pip install {CHECK_JSONSCHEMA} failed: {last}")
    return exe


def check_jsonschema_version() -> str:
    """``check-jsonschema --version`` of the cached install."""
    proc = subprocess.run(
        [str(ensure_check_jsonschema()), "--version"], capture_output=True, text=True
    )
    return proc.stdout.strip().split()[-1] if proc.stdout.strip() else "?"


def check_jsonschema_command(schema: Path, instance: Path) -> list[str]:
    """``check-jsonschema --schemafile SCHEMA INSTANCE``, installed on first use."""
    return [str(ensure_check_jsonschema()), "--schemafile", str(schema), str(instance)]


@dataclass
class Timed:
    """A command to time, the exit codes that count as a finished run, its wall times."""

    command: list[str]
    expect: tuple[int, ...]
    cwd: Optional[Path] = None
    seconds: list[float] = field(default_factory=list)


def interleaved_wall_seconds(commands: list[Timed], *, runs: int) -> None:
    """Run each command ``runs`` times, taking turns, recording wall times in ``seconds``.

    Taking turns puts each pair of runs in the same moment of a shared machine, whose
    speed drifts by tens of percent over a minute; timing one command's runs and then the
    other's would put that drift into their ratio.
    """
    for _ in range(runs):
        for timed in commands:
            start = time.perf_counter()
            proc = subprocess.run(timed.command, capture_output=True, text=True, cwd=timed.cwd)
            elapsed = time.perf_counter() - start
            if proc.returncode not in timed.expect:
                detail = (proc.stderr or proc.stdout).strip()[-300:]
                name = Path(timed.command[0]).name
                raise PeerUnavailable(f"{name} exited {proc.returncode}: {detail}")
            timed.seconds.append(elapsed)


if __name__ == "__main__":  # pragma: no cover - a manual check of the installs
    print("brazejs:", ensure_brazejs())
    print("check-jsonschema:", ensure_check_jsonschema())
    sys.exit(0)
