"""A ``multiprocessing`` pool whose worker-watching thread sleeps until there is news.

CPython's process pool (3.8 and later) has a thread that waits until a worker exits or
the pool changes, then checks on the workers. Among what it waits on is the pipe the
results come back through, which that thread never reads: while a result sits there,
waiting for the result thread, the wait returns at once and the thread spins. On the
benchmark tree it went round 3,000 to 4,000 times a lint, taking 45 to 65 ms of CPU from
the workers on a two-core machine. Leaving the result pipe out (as CPython's own thread
pool does) keeps every other wake-up: a worker's exit, ``close``, ``terminate`` and the
last result.
"""

from __future__ import annotations

from multiprocessing.pool import Pool
from typing import Any


class QuietPool(Pool):
    """``multiprocessing.pool.Pool`` without the spinning worker handler."""

    def _get_sentinels(self) -> list[Any]:
        return [self._change_notifier._reader]  # type: ignore[attr-defined]
