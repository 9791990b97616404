"""The browser code's shape (assessment/ and assessment/apps.json), one invariant per test.

- every app's bundle starts with the namespace and ends with the boot script;
- an app's own scripts come from its own folder or assessment/lib/, never another app's;
- every script and stylesheet in assessment/ is in some bundle (nothing left behind);
- a broken manifest is a clear problem at file:line, not a traceback: JSON syntax, the schema
  (a misspelt key), a missing file, a missing boot, a module loaded before a module it needs;
- every module declares what it needs (`// needs:`), and the declaration matches what it reads;
- a bundle carries its generated data first, then its scripts in the declared order.
"""

from __future__ import annotations

import json
import re
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


def _problems(web: Path) -> list[str]:
    with pytest.raises(GenerationError) as err:
        bundle.read_manifest(web)
    return [str(p) for p in err.value.problems]


def _line_of(web: Path, text: str, after: str = "") -> int:
    source = (web / bundle.MANIFEST).read_text(encoding="utf-8")
    return source[: source.index(text, source.index(after))].count("\n") + 1


def test_a_missing_file_and_a_missing_boot_are_each_reported(web_copy: Path):
    path = web_copy / bundle.MANIFEST
    text = path.read_text(encoding="utf-8")
    used = '"lib/plan-store.js", "lib/date-input.js", "planner/ics.js"'  # the planner's only
    text = text.replace(used, used.replace(", ", ', "lib/nowhere.js", ', 1))
    assert "lib/nowhere.js" in text
    path.write_text(text, encoding="utf-8")
    _edit_scripts_after(web_copy, "tracker", lambda s: s[:-1])
    nowhere = _line_of(web_copy, "lib/nowhere.js")
    tracker = _line_of(web_copy, '"scripts"', '"tracker"')
    assert _problems(web_copy) == [
        f"assessment/apps.json:{nowhere}: $.apps.planner.scripts[7]: lib/nowhere.js does not "
        "exist in assessment/",
        f"assessment/apps.json:{tracker}: $.apps.tracker.scripts: must start with lib/jtai.js and "
        "end with lib/boot.js",
    ]


def _edit_scripts_after(web: Path, app: str, change) -> None:
    """Change one app's script list, keeping the rest of the file as it is written."""
    path = web / bundle.MANIFEST
    text = path.read_text(encoding="utf-8")
    manifest = json.loads(text)
    start = text.index('"scripts"', text.index(f'"{app}"'))
    end = text.index("]", start) + 1
    scripts = change(manifest["apps"][app]["scripts"])
    path.write_text(text[:start] + f'"scripts": {json.dumps(scripts)}' + text[end:], "utf-8")


def test_a_misspelt_key_is_named_at_its_line(web_copy: Path):
    path = web_copy / bundle.MANIFEST
    text = path.read_text(encoding="utf-8")
    start = text.index('"styles"', text.index('"planner"'))
    path.write_text(text[:start] + '"style"' + text[start + len('"styles"') :], "utf-8")
    line = _line_of(web_copy, '"style"', '"planner"')
    assert _problems(web_copy) == [
        f"assessment/apps.json:{line}: $.apps.planner.style: unknown field 'style': did you mean "
        "'styles'? allowed fields: data, scripts, styles"
    ]


def test_a_syntax_error_is_a_problem_not_a_traceback(web_copy: Path):
    path = web_copy / bundle.MANIFEST
    text = path.read_text(encoding="utf-8")
    at = text.index('"lib/dates.js"')
    path.write_text(text[:at] + text[at:].replace(",", "", 1), "utf-8")  # a comma forgotten
    line = text[:at].count("\n") + 1
    (problem,) = _problems(web_copy)
    assert problem.startswith(
        f"assessment/apps.json:{line}: $: not valid JSON: Expecting ',' delimiter (column "
    )


def test_a_module_before_what_it_needs_is_refused(web_copy: Path):
    def dates_last(scripts):
        scripts.remove("lib/dates.js")
        return [*scripts[:-1], "lib/dates.js", scripts[-1]]

    _edit_scripts_after(web_copy, "planner", dates_last)
    problems = _problems(web_copy)
    assert problems, "moving lib/dates.js after the modules that use it must fail the build"
    after = "needs lib/dates.js (its first line), which is loaded after it"
    assert all(after in p for p in problems)
    assert any("$.apps.planner.scripts[2]: lib/plan.js needs lib/dates.js" in p for p in problems)


def test_a_need_the_bundle_does_not_load_is_refused(web_copy: Path):
    _edit_scripts_after(web_copy, "planner", lambda s: [x for x in s if x != "lib/csv.js"])
    problems = _problems(web_copy)
    assert any(
        "lib/plan.js needs lib/csv.js (its first line), which this app does not load" in p
        for p in problems
    ), problems


# What a module reads from the namespace (JTAI.dates, J.dom ...) or require()s in Node.
_ASSIGNED = re.compile(r"\b(?:J|JTAI)\.([A-Za-z_]\w*)\s*=(?!=)")
_READ = re.compile(r"\b(?:J|JTAI)\.([A-Za-z_]\w*)")
_REQUIRED = re.compile(r"require\(\"(\.[^\"]+)\"\)")
_COMMENTS = re.compile(r"/\*.*?\*/|^[ \t]*//[^\n]*", re.S | re.M)
_NAMESPACE = {"app": "lib/jtai.js", "apps": "lib/jtai.js", "data": "lib/jtai.js"}


def _modules() -> dict[str, str]:
    return {
        p.relative_to(WEB).as_posix(): _COMMENTS.sub("", p.read_text(encoding="utf-8"))
        for p in sorted(WEB.rglob("*.js"))
    }


def test_every_module_declares_what_it_needs():
    missing = [rel for rel in _modules() if bundle.declared(WEB / rel) is None]
    assert not missing, "add a first line `// needs: ...` (or `// needs: nothing`) to " + ", ".join(
        missing
    )


def test_each_declaration_names_what_the_module_reads():
    """Every module a file reads (its namespace, or require() in Node) is declared, and every
    declared module exists: a new use of JTAI.dates without `// needs: lib/dates.js` fails."""
    code = _modules()
    provider = dict(_NAMESPACE)
    for rel, text in code.items():
        provider.update({name: rel for name in _ASSIGNED.findall(text)})
    offenders = []
    for rel, text in code.items():
        said = bundle.declared(WEB / rel)
        known = set(said.needs + said.later) if said else set()
        read = {provider[n] for n in _READ.findall(text) if n in provider} - {rel}
        read |= {
            (WEB / rel).parent.joinpath(r).resolve().relative_to(WEB.resolve()).as_posix()
            for r in _REQUIRED.findall(text)
        }
        offenders += [f"{rel} reads {need}, not declared" for need in sorted(read - known)]
        offenders += [f"{rel} declares {n}, which does not exist" for n in known if n not in code]
    assert not offenders, "\n".join(offenders)


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
