"""Shared fixtures for the generator tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import CONTENT, ROOT, SOURCE

from generator import model, pipeline


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A scratch copy of the real content folder, to break as a tired maintainer would."""
    target = tmp_path / "criteria"
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns("README.md"))
    return target


@pytest.fixture(scope="session")
def source_text() -> str:
    """The framework guidance, kept in the repo so tests never read outside it."""
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site() -> model.Site:
    """The real content, checked clean and modelled once for the whole run."""
    checked = pipeline.check(CONTENT, ROOT)
    assert not checked.problems, "\n".join(map(str, checked.problems))
    return model.build(checked.docs, CONTENT)


@pytest.fixture(scope="session")
def fw(site: model.Site) -> model.Framework:
    return site.framework
