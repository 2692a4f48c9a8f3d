"""The ``project`` fixture: a copy of ``tests/fixtures/lint/project`` in a tmp dir."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lintkit import FIXTURES, Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copytree(FIXTURES / "project", tmp_path, dirs_exist_ok=True)
    return Project(tmp_path)
