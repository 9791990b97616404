"""The browser code's shape (assessment/ and assessment/apps.json), one invariant per test.

- every app's bundle starts with the namespace and ends with the boot script;
- an app's own scripts come from its own folder or assessment/lib/, never another app's;
- every script and stylesheet in assessment/ is in some bundle (nothing left behind);
- a broken manifest is a clear problem, not a traceback;
- a bundle carries its generated data first, then its scripts in the declared order.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from paths import ROOT

from generator import bundle, render_data
from generator.problems import GenerationError

WEB = ROOT / "assessment"
APPS = bundle.read_manifest(WEB)


def test_every_bundle_starts_with_the_namespace_and_ends_with_boot():
    offenders = [
        a.name for a in APPS if (a.scripts[0], a.scripts[-1]) != (bundle.FIRST, bundle.LAST)
    ]
    assert not offenders


def test_apps_never_use_another_apps_files():
    offenders = [
        f"{a.name}: {rel}"
        for a in APPS
        for rel in (*a.scripts, *a.styles)
        if rel.split("/")[0] not in ("lib", a.name)
    ]
    assert not offenders, "an app may use assessment/lib/ and its own folder only:\n" + "\n".join(
        offenders
    )


def test_every_script_and_stylesheet_is_bundled():
    used = {rel for a in APPS for rel in (*a.scripts, *a.styles)}
    present = {p.relative_to(WEB).as_posix() for p in WEB.rglob("*") if p.suffix in {".js", ".css"}}
    assert not sorted(present - used), "files in assessment/ that no app loads"


def test_each_app_folder_has_an_app_with_its_name():
    folders = {p.name for p in WEB.iterdir() if p.is_dir() and p.name not in ("lib", "schemas")}
    assert folders == {a.name for a in APPS}


@pytest.fixture
def web_copy(tmp_path: Path) -> Path:
    target = tmp_path / "assessment"
    shutil.copytree(WEB, target)
    return target


def _edit_manifest(web: Path, change) -> None:
    path = web / bundle.MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    change(manifest["apps"])
    path.write_text(json.dumps(manifest), encoding="utf-8")


def test_a_missing_file_and_a_missing_boot_are_each_reported(web_copy: Path):
    def change(apps):
        apps["planner"]["scripts"].insert(1, "lib/nowhere.js")
        apps["tracker"]["scripts"].pop()

    _edit_manifest(web_copy, change)
    with pytest.raises(GenerationError) as err:
        bundle.read_manifest(web_copy)
    messages = [str(p) for p in err.value.problems]
    assert messages == [
        "assessment/apps.json: $.apps.planner.scripts: lib/nowhere.js does not exist in "
        "assessment/",
        "assessment/apps.json: $.apps.tracker.scripts: must start with lib/jtai.js and end with "
        "lib/boot.js",
    ]


def test_a_bundle_is_its_data_then_its_scripts_in_order(site):
    data = render_data.browser_data(site)
    built = bundle.bundles(WEB, data)
    planner = next(a for a in APPS if a.name == "planner")
    text = built["assets/assessment/planner.js"]
    assert text.startswith(render_data.BANNER)
    assert text.index('self.JTAI.data["planner"] = ') < text.index("/* ---- assessment/lib/jtai.js")
    positions = [text.index(f"/* ---- assessment/{rel} ---- */") for rel in planner.scripts]
    assert positions == sorted(positions)
    assert set(built) == {f"assets/assessment/{a.name}.{k}" for a in APPS for k in ("js", "css")}
