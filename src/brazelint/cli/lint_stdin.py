"""``brazelint lint -``: lint a template read from stdin, as editors and formatters pipe it.

``--stdin-filename PATH`` names the file the text stands for: the configuration is the
one nearest to PATH (unless ``--config``), as for any linted file, and suppressions,
``per-file-ignores``, ``schemas``, ``template-profiles`` and the messages all use PATH.
PATH need not exist. A name ending in ``.webhook.yaml`` is linted as a webhook file.
Nothing is cached.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional

STDIN_NAME = "-"


def run_stdin(args: argparse.Namespace) -> int:
    from brazelint.checks.diagnostic import LintReport
    from brazelint.cli.lint_output import emit_report
    from brazelint.cli.options import run_options
    from brazelint.lint.session import FAIL_RANK, LintSession

    named: Optional[Path] = args.stdin_filename
    path = named.resolve() if named is not None else None
    session = LintSession(run_options(args), cache=False)
    settings = session.settings_of(path)
    source = sys.stdin.read()
    display = str(named) if named is not None else STDIN_NAME
    result = session.lint_text(source, path, display)
    report = LintReport(
        result.diagnostics,
        files=[display],
        sources={display: source, **result.extra_sources},
        rules=settings.selection.codes(),
    )
    emit_report(report, args)
    threshold = FAIL_RANK[settings.fail_level]
    failed = any(FAIL_RANK[d.severity] >= threshold for d in report.diagnostics)
    return 0 if args.exit_zero or not failed else 1
