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
    from brazelint.cli.lint_cmd import FAIL_RANK, _emit, build_linter
    from brazelint.config_lookup import ConfigLookup
    from brazelint.lint.project import selection_for
    from brazelint.lint.targets import is_webhook

    named: Optional[Path] = args.stdin_filename
    path = named.resolve() if named is not None else None
    lookup = ConfigLookup(args.config)
    config = lookup.for_path(path) if path is not None else lookup.for_cwd()
    if args.no_generated_profiles:
        config.generated_profiles = False
    if args.fail_level:
        config.fail_level = args.fail_level
    source = sys.stdin.read()
    display = str(named) if named is not None else STDIN_NAME
    linter = build_linter(args, config)
    if path is not None and is_webhook(path):
        from brazelint.lint.webhook_lint import lint_webhook

        result = lint_webhook(linter, path, display, source)
    else:
        result = linter.lint_template(source, display, path=path)
    report = LintReport(
        result.diagnostics,
        files=[display],
        sources={display: source, **result.extra_sources},
        rules=selection_for(config).codes(),
    )
    _emit(report, args)
    threshold = FAIL_RANK[config.fail_level]
    failed = any(FAIL_RANK[d.severity] >= threshold for d in report.diagnostics)
    return 0 if args.exit_zero or not failed else 1
