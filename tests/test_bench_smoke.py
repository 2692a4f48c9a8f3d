"""bench/generate_tree.py writes templates that render for every bundled profile.

The only part of bench/ the test suite runs; nothing here is timed.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import brazelint
from brazelint.config import load_config
from brazelint.profiles import load_profiles

ROOT = Path(__file__).resolve().parents[1]


def _generate_tree() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_tree", ROOT / "bench" / "generate_tree.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_templates_render_for_every_profile(tmp_path: Path) -> None:
    paths = _generate_tree().generate(tmp_path, count=20)
    assert len(paths) == 20
    assert len({path.read_text(encoding="utf-8") for path in paths}) == 20  # all different
    config = load_config(tmp_path / "brazelint.toml")
    profiles = load_profiles(tmp_path / "profiles")
    assert len(profiles) >= 5
    for path in paths:
        source = path.read_text(encoding="utf-8")
        for profile in profiles:
            result = brazelint.render(
                source,
                profile,
                now="2026-01-01T09:00:00Z",
                stubs=tmp_path / "stubs",
                content_blocks=tmp_path / "content_blocks",
                credentials=config.credentials,
            )
            assert result.aborted or result.output.strip(), (path.name, profile.name)
            assert not [p for p in result.problems if p.severity == "error"], (
                path.name,
                profile.name,
                result.problems,
            )
