"""Fixtures: the small preview project in a tmp dir, and its preview server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from previewkit import make_project, running_server

from brazelint.preview.server import PreviewServer


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture
def server(project: Path) -> Iterator[PreviewServer]:
    with running_server(project) as running:
        yield running
