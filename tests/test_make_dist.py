"""`make dist` zips the built site under one folder, the same bytes every time."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_dist.py"


def _load():
    spec = importlib.util.spec_from_file_location("make_dist", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _site(root: Path) -> Path:
    site = root / "site"
    (site / "criteria").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (site / "criteria" / "ec1.html").write_text("<h1>EC1</h1>", encoding="utf-8")
    return site


def test_zip_holds_every_file_under_one_folder(tmp_path: Path) -> None:
    make_dist = _load()
    site = _site(tmp_path)
    archive = tmp_path / "dist" / "jtai-ready-site.zip"
    assert make_dist.make_dist(site, archive) == 2
    with zipfile.ZipFile(archive) as zipped:
        assert zipped.namelist() == [
            "jtai-ready-site/criteria/ec1.html",
            "jtai-ready-site/index.html",
        ]
        assert zipped.read("jtai-ready-site/index.html") == b"<h1>Home</h1>"


def test_zip_is_reproducible(tmp_path: Path) -> None:
    make_dist = _load()
    site = _site(tmp_path)
    first, second = tmp_path / "a" / "x.zip", tmp_path / "b" / "x.zip"
    make_dist.make_dist(site, first)
    make_dist.make_dist(site, second)
    assert first.read_bytes() == second.read_bytes()


def test_refuses_a_folder_that_is_not_a_built_site(tmp_path: Path) -> None:
    make_dist = _load()
    with pytest.raises(SystemExit, match="build the site first"):
        make_dist.make_dist(tmp_path, tmp_path / "x.zip")
