"""Deferred imports at CLI start (brazelint.cli.startup): the saving holds, and code that
does use a deferred module still gets the real thing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, cwd: Path = ROOT) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_a_lint_never_loads_the_deferred_modules() -> None:
    out = run_python(
        """
        import sys
        from brazelint.cli import main
        from brazelint.cli.startup import UNUSED_AT_START, is_deferred

        code = main(["lint", "templates/movable_ink/product_viewed.liquid",
                     "--no-cache", "--format", "concise"])
        print(code, [name for name in UNUSED_AT_START if not is_deferred(name)])
        print("multiprocessing" in sys.modules, "brazelint.checks.json_recovery" in sys.modules)
        import gc
        print(gc.get_threshold())
        """
    )
    # valid bodies never load the recovering JSON parser either
    assert out.splitlines()[-3:-1] == ["0 []", "False False"]
    # and the collector runs less often than Python's default (700, 10, 10)
    assert out.splitlines()[-1] == "(10000, 50, 50)"


def test_deferred_modules_work_when_used_even_through_a_submodule_first() -> None:
    out = run_python(
        """
        import sys
        from brazelint.cli.startup import defer_imports, is_deferred

        defer_imports()
        import asyncio.events  # the submodule before anything reads the package
        import asyncio

        async def answer():
            return 42

        print(is_deferred("asyncio"), asyncio.run(answer()))
        print(asyncio.events is sys.modules["asyncio.events"], asyncio is sys.modules["asyncio"])
        import asyncio.base_events  # one copy of each submodule, shared by the package
        print(asyncio.base_events.events is asyncio.events)

        from dateutil import parser
        print(is_deferred("dateutil.parser"), parser.parse("2026-11-23").month)  # used here
        """
    )
    assert out.splitlines() == ["False 42", "True True", "True", "True 11"]


def test_a_module_that_fails_raises_at_first_use_and_can_be_imported_again(
    tmp_path: Path,
) -> None:
    (tmp_path / "flaky.py").write_text(
        "import os\nif not os.environ.get('FLAKY_OK'):\n    raise RuntimeError('no')\nVALUE = 7\n"
    )
    out = run_python(
        """
        import os, sys
        from brazelint.cli.startup import defer_imports, is_deferred

        defer_imports(["flaky", "no_such_module_anywhere", "os"])
        print(is_deferred("flaky"), is_deferred("os"), "no_such_module_anywhere" in sys.modules)
        import flaky
        try:
            flaky.VALUE
        except RuntimeError as err:
            print("raised", err, "flaky" in sys.modules)
        os.environ["FLAKY_OK"] = "1"
        import flaky
        print(flaky.VALUE)
        """,
        cwd=tmp_path,
    )
    assert out.splitlines() == ["True False False", "raised no False", "7"]
