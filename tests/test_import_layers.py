"""Imports point down the pipeline: no import cycles, and the lower layers never import the
orchestration above them.

Every import counts, wherever it is written: at module level, under ``TYPE_CHECKING`` and
inside functions (a function-local import is still a dependency, only a later one).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "brazelint"

PENDING: frozenset[str] = frozenset()
"""Modules (and packages, with everything below them) whose cycles are still being untangled:
a cycle made only of these is tolerated for now. Empty: there are none."""

LOWER_LAYERS = (
    "brazelint.analysis",
    "brazelint.checks",
    "brazelint.clock",
    "brazelint.compat",
    "brazelint.config",
    "brazelint.engine",
    "brazelint.events",
    "brazelint.http",
    "brazelint.profiles",
    "brazelint.renderer",
    "brazelint.report",
    "brazelint.result",
    "brazelint.schemas",
    "brazelint.send_values",
)
UPPER_LAYERS = ("brazelint.api", "brazelint.cli", "brazelint.lint")
"""What the lower layers must never import (nor the package root, ``brazelint`` itself,
whose ``__init__`` is the public API built on top of everything)."""


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str | None:
    """The module that ``import name`` runs last (``a.b.C`` names ``a.b``'s attribute)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str, path: Path) -> set[str]:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            names = [source] + [f"{source}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            target = _resolve(name) if name.startswith("brazelint") else None
            if target is not None and target != module:
                found.add(target)
    return found


GRAPH = {module: _imports(module, path) for module, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def _within(module: str, names: frozenset[str] | tuple[str, ...]) -> bool:
    return any(
        module == name or (name != "brazelint" and module.startswith(name + ".")) for name in names
    )


def test_the_cycle_finder_finds_a_cycle_through_a_function_local_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_import_graph_sees_function_local_and_type_checking_imports() -> None:
    # json_syntax imports the recovering parser only inside a function, and the package
    # root imports the API only for type checkers: both are edges.
    assert "brazelint.checks.json_recovery" in GRAPH["brazelint.checks.json_syntax"]
    assert "brazelint.api" in GRAPH["brazelint"]


def test_no_import_cycles_outside_the_modules_still_being_untangled() -> None:
    offending = [cycle for cycle in _cycles(GRAPH) if not all(_within(m, PENDING) for m in cycle)]
    assert offending == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _within(m, LOWER_LAYERS)))
def test_lower_layers_never_import_the_layers_above(module: str) -> None:
    upward = sorted(
        target for target in GRAPH[module] if target == "brazelint" or _within(target, UPPER_LAYERS)
    )
    assert upward == []


BELOW_THE_RULES = (
    "brazelint.analysis",
    "brazelint.checks",
    "brazelint.compat",
    "brazelint.engine",
    "brazelint.events",
    "brazelint.http",
)
"""The scanners and what they stand on: the lint layer hands them the rules
(``checks.positions.RuleBook``), so they never import ``brazelint.rules``."""


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _within(m, BELOW_THE_RULES)))
def test_the_checks_never_import_the_rules(module: str) -> None:
    assert sorted(t for t in GRAPH[module] if _within(t, ("brazelint.rules",))) == []
