"""How the project is set up: one source for the version."""

from __future__ import annotations

import importlib.metadata
import tomllib

from paths import ROOT

import generator


def test_the_version_has_one_source():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"], "the version lives in generator/__init__.py only"
    assert project["project"]["dynamic"] == ["version"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "generator.__version__"}
    assert importlib.metadata.version("jtai-ready") == generator.__version__
