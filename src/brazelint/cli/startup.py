"""Defer modules that python-liquid imports at start but a lint or render never uses.

``import liquid`` pulls in ``asyncio`` (for its async file loaders) and dateutil's
parser (for its stock ``date`` filter, which brazelint replaces), and a pre-commit hook
starts once per commit. Measured on a one-file lint (``brazelint lint ONE_FILE
--no-cache``, bench/run.py's cold start): without the deferral it took 9% more CPU time
(median of 21 runs alternating with and without, on the shared 2-core machine; quartiles
of the paired ratio 1.04 and 1.18) and 6.5% more instructions (cachegrind).

The CLI puts a stand-in module for each in ``sys.modules`` before python-liquid is
imported. The stand-in carries the real module's spec and package path, so ``import``
statements and submodule imports see a normal module; the first read of any other
attribute runs the real module's code in the stand-in itself (as
``importlib.util.LazyLoader`` does, but without loading on the ``__spec__`` check that
every ``import`` statement makes). Code that does use the module works unchanged, only
its import cost moves to that first use.

Only the command line defers: importing brazelint as a library changes nothing. The finder
and loader below are plain classes, not ``importlib.abc`` subclasses: importing that module
costs more than the whole of this one saves on some machines.
"""

from __future__ import annotations

import copy
import importlib.machinery
import importlib.util
import sys
import types
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

UNUSED_AT_START = ("asyncio", "dateutil.parser")

COLLECTION_THRESHOLDS = (10_000, 50, 50)
"""Allocations between young collections, and young collections between older ones.

Parsing builds tokens and nodes by the hundred thousand, nearly all short-lived and free of
cycles. At Python's default (700, 10, 10) the collector ran some 600 times in a lint of
2,000 templates, about 4% of its time; with these it runs a few dozen times, and a
lint holds no cyclic garbage worth collecting sooner. (mypy raises them for the same reason.)
"""


def tune_collector() -> None:
    """Collect garbage less often, for a process that allocates much and keeps little."""
    import gc

    gc.set_threshold(*COLLECTION_THRESHOLDS)


def defer_imports(names: Iterable[str] = UNUSED_AT_START) -> None:
    """Install a stand-in for each module in ``names`` that is not imported yet."""
    for name in names:
        if name in sys.modules:
            continue
        try:
            spec = importlib.util.find_spec(name)  # imports the parent of a dotted name
        except (ImportError, ValueError):
            continue
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            continue
        module = importlib.util.module_from_spec(spec)
        module.__class__ = _Deferred
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, module)
        if spec.submodule_search_locations is not None and _PARENT_FIRST not in sys.meta_path:
            sys.meta_path.insert(0, _PARENT_FIRST)


def is_deferred(name: str) -> bool:
    """Whether ``name`` is still a stand-in whose code has not run."""
    return isinstance(sys.modules.get(name), _Deferred)


class _Deferred(types.ModuleType):
    """A module whose code runs on the first read of an attribute it does not have yet."""

    def __getattr__(self, attr: str) -> Any:
        _run(self)
        return getattr(self, attr)


def _run(module: types.ModuleType) -> None:
    spec = module.__spec__
    assert spec is not None and spec.loader is not None
    module.__class__ = types.ModuleType  # from here on, a plain module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(spec.name, None)  # a later import tries again from scratch
        raise


class _ParentFirst:
    """Runs a deferred package before one of its submodules is imported.

    ``import asyncio.events`` finds the stand-in ``asyncio`` already in ``sys.modules``
    and goes straight to the submodule; the package's own code must run first, as it
    would have at a normal import. When that code has imported the submodule itself,
    the import is handed the module it made instead of a second copy.
    """

    def find_spec(
        self,
        fullname: str,
        path: Optional[Sequence[str]],
        target: Optional[types.ModuleType] = None,
    ) -> Optional[importlib.machinery.ModuleSpec]:
        parent = sys.modules.get(fullname.rpartition(".")[0])
        if not isinstance(parent, _Deferred):
            return None
        _run(parent)
        made = sys.modules.get(fullname)
        if made is None or made.__spec__ is None:
            return None  # the package did not import it: the usual finders go on
        # The import system takes the spec of a module that appeared meanwhile from the
        # module itself, so the stand-in spec goes there until the import is over.
        spec = copy.copy(made.__spec__)
        spec.loader = cast("Loader", _Imported(made.__spec__))
        made.__spec__ = spec
        return spec


class _Imported:
    """Hands the import system a module that is already loaded, then puts its spec back."""

    def __init__(self, spec: importlib.machinery.ModuleSpec) -> None:
        self.spec = spec

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return sys.modules[spec.name]

    def exec_module(self, module: types.ModuleType) -> None:
        module.__spec__ = self.spec


_PARENT_FIRST = _ParentFirst()
