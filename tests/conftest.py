"""Shared fixtures for the generator tests.

Every test reads the tests' own copy of the content (paths.CONTENT, tests/content/), never the
partnership's criteria/: live_guard fails a test that does, and builds started from a test get
JTAI_CONTENT pointing at the copy unless they say otherwise.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import tiny_content
from paths import CONTENT, ROOT, SOURCE

from generator import model, pipeline, render_data

pytest_plugins = ["live_guard"]
os.environ.setdefault("JTAI_CONTENT", str(CONTENT))


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A scratch copy of the tests' content, to break as a tired maintainer would (named criteria/
    so that messages read as they do for a maintainer)."""
    target = tmp_path / "criteria"
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns("README.md"))
    return target


@pytest.fixture
def tiny(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> Path:
    """A content folder of the tiny framework alone, as ingest wrote it (tests/tiny_content.py),
    at tmp_path/content; ingest's checklist is not left in the test's output."""
    content = tmp_path / "content"
    tiny_content.make(content)
    capfd.readouterr()
    return content


@pytest.fixture(scope="session")
def source_text() -> str:
    """The framework guidance, kept in the repo so tests never read outside it."""
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site() -> model.Site:
    """The tests' content, checked clean and modelled once for the whole run."""
    checked = pipeline.check(CONTENT, ROOT)
    assert not checked.problems, "\n".join(map(str, checked.problems))
    return model.build(checked.docs, CONTENT)


@pytest.fixture(scope="session")
def fw(site: model.Site) -> model.Framework:
    return site.framework


@pytest.fixture(scope="session")
def web_data(tmp_path_factory: pytest.TempPathFactory, site: model.Site) -> Path:
    """The generator's real browser data as JSON files, for Node scripts (JTAI_WEB_DATA)."""
    out = tmp_path_factory.mktemp("web-data")
    pipeline.write_json({f"{k}.json": v for k, v in render_data.browser_data(site).items()}, out)
    return out


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "syv: reads the serious youth violence content (tests/content/syv-2023 or its guidance); "
        "select with -m syv, leave out with -m 'not syv'",
    )
    config.addinivalue_line(
        "markers",
        "slow: end to end through builds of its own (the suite again on a copy of the project, "
        "the new-theme guide up to make dist, a site of eight themes); make test runs it, "
        "make test-fast leaves it out",
    )


# Fixtures that hand a test the real serious youth violence content, its guidance or the site
# built from it: a test using one is about that content, and is marked so.
REAL_CONTENT = frozenset(
    {"site", "fw", "source_text", "web_data", "content_copy", "session_site", "built_site"}
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if REAL_CONTENT & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.syv)


@pytest.fixture(scope="session")
def session_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built strictly once for the whole run, with every variation a test reads
    (tests/site_build.py): tests that need built HTML read this one."""
    import site_build

    return site_build.build_variant(tmp_path_factory.mktemp("session-site"))
