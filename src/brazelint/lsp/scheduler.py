"""Lint documents off the event loop: debounced, one at a time, newest text wins.

Each document has a generation that every edit, close or re-lint request moves on. A
lint waits out the debounce delay, reads the document's text at that moment, runs on the
single worker thread (so the server keeps answering hovers and completions meanwhile),
and publishes only if no newer request came in since: an older pending lint is cancelled,
and one already running is superseded (its result is dropped).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Executor
from typing import Callable, Generic, Optional, TypeVar

Snapshot = TypeVar("Snapshot")
Result = TypeVar("Result")


class LintScheduler(Generic[Snapshot, Result]):
    """Runs ``lint(snapshot(uri))`` on ``executor`` and hands the result to ``publish``.

    ``snapshot`` runs on the event loop (it reads the editor's text); ``lint`` runs on the
    worker; ``publish`` runs on the event loop again. Call the methods on the event loop.
    """

    def __init__(
        self,
        snapshot: Callable[[str], Optional[Snapshot]],
        lint: Callable[[Snapshot], Result],
        publish: Callable[[str, Snapshot, Result], None],
        executor: Executor,
    ) -> None:
        self._snapshot = snapshot
        self._lint = lint
        self._publish = publish
        self._executor = executor
        self._generation: dict[str, int] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing any lint not yet published."""
        generation = self._advance(uri)
        self._pending[uri] = asyncio.get_running_loop().create_task(
            self._run(uri, generation, delay)
        )

    def forget(self, uri: str) -> None:
        """Stop linting ``uri``: nothing pending or running for it will be published."""
        self._advance(uri)
        self._pending.pop(uri, None)

    def pending(self) -> list[asyncio.Task[None]]:
        """The lints not finished yet (for tests and orderly shutdown)."""
        return [task for task in self._pending.values() if not task.done()]

    def _advance(self, uri: str) -> int:
        previous = self._pending.pop(uri, None)
        if previous is not None and not previous.done():
            previous.cancel()
        generation = self._generation.get(uri, 0) + 1
        self._generation[uri] = generation
        return generation

    async def _run(self, uri: str, generation: int, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        snapshot = self._snapshot(uri)
        if snapshot is None:
            return
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(self._executor, self._lint, snapshot)
        if self._generation.get(uri) == generation:
            self._publish(uri, snapshot, result)
            if self._pending.get(uri) is asyncio.current_task():
                del self._pending[uri]
