"""A directory of 10,000 templates lints in one run, in bounded memory, with every file counted."""

from __future__ import annotations

import json
from pathlib import Path

from robustness.conftest import RunLimited

COUNT = 10_000


def test_ten_thousand_files_in_one_directory(tmp_path: Path, run_limited: RunLimited) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    for index in range(COUNT):
        # every 1000th file is broken, so the report is not empty and positions are checked
        text = "Hi {{${first_name} | default: 'there'}}" if index % 1000 else "Hi {{ name "
        (templates / f"t{index:05}.liquid").write_text(text, encoding="utf-8")
    profile = tmp_path / "user.yaml"
    profile.write_text("attributes: {first_name: Ada}\n", encoding="utf-8")
    result = run_limited(
        "lint",
        "templates",
        "--profile",
        str(profile),
        "--no-generated-profiles",
        "--no-cache",
        "--format",
        "json",
        "--output-file",
        "report.json",
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["files"] == COUNT
    broken = sorted(d["path"] for d in report["diagnostics"])
    assert broken == [f"templates/t{i:05}.liquid" for i in range(0, COUNT, 1000)]
    # an output statement never closed is reported where it opens: the "{{" at column 4
    assert {(d["code"], d["line"], d["column"]) for d in report["diagnostics"]} == {("BL001", 1, 4)}
