"""`make dist` zips the built site under one folder, the same bytes every time."""

from __future__ import annotations

import importlib.util
import os
import zipfile
from pathlib import Path

import pytest
from clocks import FIRST, SECOND, clock

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_dist.py"


def _load():
    spec = importlib.util.spec_from_file_location("make_dist", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGES = {"index.html": "<h1>Home</h1>", "criteria/ec1.html": "<h1>EC1</h1>"}


def _site(root: Path, order: list[str] | None = None) -> Path:
    site = root / "site"
    for name in order or PAGES:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(PAGES[name], encoding="utf-8")
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


def test_zip_is_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same pages give the same bytes, whatever their folder, file dates, permissions,
    creation order, the order the file system lists them in, and the time and time zone of
    the build."""
    make_dist = _load()
    one = _site(tmp_path / "one")
    backwards = list(reversed(PAGES))
    two = _site(tmp_path / "two", order=backwards)
    for name in backwards:
        os.utime(two / name, (1_000_000_000, 1_000_000_000))  # 9 September 2001
        (two / name).chmod(0o600)
    first, second = tmp_path / "a" / "x.zip", tmp_path / "b" / "x.zip"
    with clock(FIRST):
        make_dist.make_dist(one, first)
    listed = Path.rglob
    monkeypatch.setattr(Path, "rglob", lambda *args, **kw: reversed(list(listed(*args, **kw))))
    with clock(SECOND):
        make_dist.make_dist(two, second)
    assert first.read_bytes() == second.read_bytes()


def test_refuses_a_folder_that_is_not_a_built_site(tmp_path: Path) -> None:
    make_dist = _load()
    with pytest.raises(SystemExit, match="build the site first"):
        make_dist.make_dist(tmp_path, tmp_path / "x.zip")
