"""The browser data's contracts: generator/schemas/web/*.schema.json.

- each schema is valid draft 2020-12, closed (additionalProperties) and titled everywhere;
- the generator's real data fits, and tampered copies (a missing key, a wrong type, an unknown
  key) do not, each with the message a maintainer would read;
- `python -m generator data --out DIR` writes exactly the three kinds, equal to browser_data();
- a generator change that breaks a contract stops the build with a clear message.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from paths import ROOT
from schema_checks import gaps

from generator import __main__ as cli
from generator import planner, render_data
from generator.problems import GenerationError
from generator.validate import check_data

SCHEMAS = ROOT / "generator" / "schemas" / "web"
KINDS = ("assessment", "planner", "findings")


def schema_name(kind: str) -> str:
    return f"web/{kind}.schema.json"


@pytest.fixture(scope="module")
def data(site) -> dict[str, dict[str, Any]]:
    return render_data.browser_data(site)


@pytest.mark.parametrize("path", sorted(SCHEMAS.glob("*.schema.json")), ids=lambda p: p.name)
def test_each_schema_is_valid_draft_2020_12_closed_and_titled(path: Path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    missing = gaps(schema, closed=True)
    assert not missing, "\n".join(missing)


def test_there_is_one_schema_per_kind_of_data(data):
    assert set(data) == set(KINDS)
    assert {p.name for p in SCHEMAS.glob("*.schema.json")} == {
        *(f"{k}.schema.json" for k in KINDS),
        "head.schema.json",  # the parts every kind shares
    }


@pytest.mark.parametrize("kind", KINDS)
def test_the_real_data_fits_its_schema(data, kind):
    assert check_data(kind, schema_name(kind), data[kind]) == []


def _drop(*path: Any) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        _at(d, path[:-1]).pop(path[-1])

    return change


def _set(value: Any, *path: Any) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        _at(d, path[:-1])[path[-1]] = value

    return change


def _at(d: Any, path: tuple) -> Any:
    for key in path:
        d = d[key]
    return d


# (kind, what is wrong, the change, the path reported, the message reported)
TAMPERED = [
    (
        "assessment",
        "missing key",
        _drop("criteria", 0, "indicators"),
        "$.criteria[0]",
        "missing required field 'indicators'",
    ),
    (
        "assessment",
        "wrong type",
        _set("3.5", "assessment", "outcomes", 0, "min"),
        "$.assessment.outcomes[0].min",
        "expected a number, found text '3.5'",
    ),
    (
        "assessment",
        "unknown key",
        _set("x", "criteria", 0, "colour"),
        "$.criteria[0].colour",
        "unknown field 'colour'; allowed fields: agencies, annex_a, focus, found, id, "
        "indicators, text, title, url",
    ),
    (
        "assessment",
        "bad value in the settings from assessment.yml",
        _set("blue", "assessment", "action_statuses", 0, "done"),
        "$.assessment.action_statuses[0].done",
        "expected true or false, found text 'blue'",
    ),
    (
        "planner",
        "missing key",
        _drop("annex_a", 0, "deadline", "label"),
        "$.annex_a[0].deadline",
        "missing required field 'label'",
    ),
    (
        "planner",
        "wrong type",
        _set("10", "rules", "notice_working_days"),
        "$.rules.notice_working_days",
        "expected a whole number, found text '10'",
    ),
    (
        "planner",
        "unknown key",
        _set(True, "milestones", 0, "urgent"),
        "$.milestones[0].urgent",
        "unknown field 'urgent'; allowed fields: annex_a, by, contributors, id, label, lead, "
        "our_reading, paras, time, title, week, weekday, what, who",
    ),
    (
        "planner",
        "a weekday that is not one",
        _set("saturday", "milestones", 0, "weekday"),
        "$.milestones[0].weekday",
        "text 'saturday' is not one of 'monday', 'tuesday', 'wednesday', 'thursday', 'friday'",
    ),
    (
        "findings",
        "missing key",
        _drop("examples", 0, "findings", 0, "criteria"),
        "$.examples[0].findings[0]",
        "missing required field 'criteria'",
    ),
    (
        "findings",
        "wrong type",
        _set("1", "examples", 0, "findings", 0, "number"),
        "$.examples[0].findings[0].number",
        "expected a whole number, found text '1'",
    ),
    (
        "findings",
        "unknown key",
        _set([], "extra"),
        "$.extra",
        "unknown field 'extra'; allowed fields: agencies, app_version, criteria, examples, "
        "focus_areas, framework, kinds, types",
    ),
    (
        "findings",
        "a finding type that does not exist",
        _set("weakness", "examples", 0, "findings", 0, "type"),
        "$.examples[0].findings[0].type",
        "text 'weakness' is not one of 'headline', 'area-for-priority-action', "
        "'area-for-improvement', 'strength', 'main-finding', 'observation'",
    ),
]


@pytest.mark.parametrize(
    ("kind", "change", "path", "message"),
    [(k, c, p, m) for k, _, c, p, m in TAMPERED],
    ids=[f"{k}: {what}" for k, what, *_ in TAMPERED],
)
def test_tampered_data_does_not_fit(data, kind, change, path, message):
    broken = copy.deepcopy(data[kind])
    change(broken)
    problems = check_data(f"browser data {kind!r}", schema_name(kind), broken)
    assert [(p.path, p.message) for p in problems] == [(path, message)]
    assert str(problems[0]) == f"browser data {kind!r}: {path}: {message}"


def test_generator_data_writes_exactly_the_three_kinds(tmp_path, data, capsys):
    out = tmp_path / "web-data"
    assert cli.main(["data", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.json" for k in KINDS)
    for kind in KINDS:
        assert json.loads((out / f"{kind}.json").read_text(encoding="utf-8")) == data[kind], kind
    assert "OK: wrote 3 files" in capsys.readouterr().out


def test_a_generator_change_that_breaks_a_contract_stops_the_build(
    site, monkeypatch, tmp_path, capsys
):
    real = planner.planner_data

    def broken(s):
        out = real(s)
        out["annex_a"][0]["deadline"]["week"] = "1"
        del out["holidays"]
        return out

    monkeypatch.setattr(planner, "planner_data", broken)
    with pytest.raises(GenerationError) as err:
        render_data.browser_data(site)
    assert [str(p) for p in err.value.problems] == [
        "browser data 'planner': $: missing required field 'holidays'",
        "browser data 'planner': $.annex_a[0].deadline.week: expected a whole number, "
        "found text '1'",
    ]
    out = tmp_path / "web-data"
    assert cli.main(["data", "--out", str(out)]) == 1
    assert not out.exists()
    stderr = capsys.readouterr().err
    assert "browser data 'planner': $: missing required field 'holidays'" in stderr
    assert "2 problems found." in stderr
