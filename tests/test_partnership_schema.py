"""The partnership view's JSON export fits assessment/schemas/partnership-export.schema.json.

Node makes a real export from a small, realistic set of assessments (several agencies, an earlier
version, an override, "don't know" answers, an assessment with no agency, actions), calling the
page's own scripts (assessment/partnership/aggregate.js and export.js) on the generator's real
data. The file must fit the partnership schema, and every assessment inside it the
self-assessment's export schema (assessment/schemas/assessment-export.schema.json), so the page and
other tools can read it back. Tampered copies must not fit.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "assessment" / "schemas" / "partnership-export.schema.json"
EXPORT_SCHEMA = ROOT / "assessment" / "schemas" / "assessment-export.schema.json"

MAKE_EXPORT = r"""
"use strict";
const path = require("node:path");
const root = process.argv[1];
const { webData, record } = require(path.join(root, "tests", "js", "helpers.js"));
const P = require(path.join(root, "assessment", "partnership", "aggregate.js"));
const X = require(path.join(root, "assessment", "partnership", "export.js"));
const B = require(path.join(root, "assessment", "partnership", "board.js"));
const data = webData("assessment");
const four = (r) => [r, r, r, r];
const specs = [
  { id: "sa-police-jan", agency: "police", title: "Police, January", date: "2025-01-10",
    updated: "2025-01-10T09:00:00.000Z", answers: { EC1: four("partly") } },
  { id: "sa-police-mar", agency: "police", title: "Police, March", date: "2025-03-01",
    updated: "2025-03-01T09:00:00.000Z", answers: {
      EC1: { indicators: four("consistently"), actions: [
        { id: "a1", what: "Joint audit", lead: "health", due: "2025-02-01", status: "in-progress" },
        { id: "a2", lead: "", due: "", status: "not-started" }] },
      EC2: ["partly", "partly", "rarely", "dont-know", null] } },
  { id: "sa-health", agency: "health", title: "Health", date: "2025-03-02",
    updated: "2025-03-02T09:30:00.000Z", answers: {
      EC1: { indicators: ["mostly", "mostly", "partly", null],
             override: { outcome: "area-for-improvement", reason: "Audit found gaps." } },
      EC2: ["dont-know", "dont-know", "dont-know", "dont-know", "dont-know"] } },
  { id: "sa-workshop", agency: "", title: "Partners' workshop", date: "",
    updated: "2025-03-05T16:00:00.000Z", answers: {
      EC4: { indicators: Array(8).fill("mostly"),
             actions: [{ id: "w1", lead: "partnership", due: "2025-06-30", status: "done" }] } } },
  { id: "sa-joint", agency: "partnership", title: "Joint", date: "2025-03-06",
    updated: "2025-03-06T10:00:00.000Z", answers: { EC17: ["consistently", "mostly"] } }
];
const records = process.argv[2] === "empty" ? [] : specs.map((s) => record(data, s));
const combined = P.combine(data, records, { today: "2025-04-01" });
const set = records.map((r) => ({ record: r, source: r.id + ".json" }));
let board = B.empty(data.framework.id);
if (process.argv[2] !== "empty") {
  board = B.setNote(board, "For the board on 10 April.", "2025-04-01T11:00:00.000Z");
  const at = "2025-04-01T11:05:00Z";
  board = B.setField(board, "EC1", "position", "Police and health to audit together.", at);
  board = B.setField(board, "EC2", "next_step", "Bring back in May.", "2025-04-01T11:06:00Z");
}
process.stdout.write(X.toJSON(data, combined, set, "2025-04-01T12:00:00.000Z", board));
"""


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def make_export(web_data: Path, which: str = "full") -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node makes the partnership export: run `make browser`", pytrace=False)
    result = subprocess.run(
        [node, "-e", MAKE_EXPORT, str(ROOT), which],
        env={**os.environ, "JTAI_WEB_DATA": str(web_data)},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def exported(web_data: Path) -> dict:
    return make_export(web_data)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = load_json(SCHEMA)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def export_validator() -> jsonschema.Draft202012Validator:
    schema = load_json(EXPORT_SCHEMA)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def problems(validator: jsonschema.Draft202012Validator, instance) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(instance)]


def test_the_export_is_the_set_made(exported):
    assert exported["format"] == "jtai-ready-partnership"
    assert [c["key"] for c in exported["columns"]] == [
        "agency:police",
        "agency:health",
        "agency:partnership",
        "assessment:sa-workshop",
    ]
    assert len(exported["assessments"]) == 5
    assert exported["flagged"] == ["EC1"]
    assert len(exported["criteria"]) == 21
    assert {a["from"] for a in exported["actions"]} == {"agency:police", "assessment:sa-workshop"}
    assert exported["format_version"] == 2
    assert exported["board"]["cover_note"] == "For the board on 10 April."
    assert [(e["id"], e["position"], e["next_step"]) for e in exported["board"]["criteria"]] == [
        ("EC1", "Police and health to audit together.", ""),
        ("EC2", "", "Bring back in May."),
    ]


def test_the_export_fits_the_partnership_schema(exported, validator):
    assert problems(validator, exported) == []


def test_an_export_of_nothing_fits_the_partnership_schema(validator, web_data):
    empty = make_export(web_data, "empty")
    assert empty["columns"] == [] and empty["assessments"] == []
    assert problems(validator, empty) == []


def test_a_version_1_file_still_fits(exported, validator):
    """Files saved before the board's record (format version 1, no `board`) are still valid."""
    old = {k: v for k, v in copy.deepcopy(exported).items() if k != "board"}
    old["format_version"] = 1
    assert problems(validator, old) == []


def test_every_assessment_inside_fits_the_export_schema(exported, export_validator):
    for item in exported["assessments"]:
        assert problems(export_validator, item) == [], item["id"]


def _set(path: list, value):
    def edit(doc: dict) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


def _drop(path: list):
    def edit(doc: dict) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return edit


TAMPERED = {
    "no flagged list": _drop(["flagged"]),
    "newer format version": _set(["format_version"], 3),
    "version 2 with no board": _drop(["board"]),
    "version 1 with a board": _set(["format_version"], 1),
    "cover note not text": _set(["board", "cover_note"], 5),
    "agreed position with no next step field": _drop(["board", "criteria", 0, "next_step"]),
    "agreed position on a criterion with a bad ID": _set(["board", "criteria", 0, "id"], "EC 1"),
    "board entry with an extra field": _set(["board", "criteria", 0, "owner"], "Anne"),
    "another format": _set(["format"], "jtai-ready-assessment"),
    "gap of zero": _set(["disagreement_gap"], 0),
    "created not UTC": _set(["created"], "2025-04-01 12:00"),
    "column key without its kind": _set(["columns", 0, "key"], "police"),
    "unknown status": _set(["criteria", 0, "status"], "argue"),
    "unknown cell state": _set(["criteria", 0, "cells", "agency:police", "state"], "maybe"),
    "negative gap": _set(["criteria", 0, "gap"], -1),
    "spread with a field missing": _drop(["criteria", 0, "spread", "median"]),
    "action with a UK date": _set(["actions", 0, "due"], "01/02/2025"),
    "extra field": _set(["remarks"], "hello"),
    "assessment of another kind": _set(["assessments", 0, "format"], "jtai-ready-partnership"),
}


@pytest.mark.parametrize("name", TAMPERED)
def test_a_tampered_export_does_not_fit(exported, validator, name):
    doc = copy.deepcopy(exported)
    TAMPERED[name](doc)
    assert problems(validator, doc) != [], name


def test_a_tampered_assessment_inside_does_not_fit_the_export_schema(exported, export_validator):
    doc = copy.deepcopy(exported)
    item = doc["assessments"][1]
    del item["answers"]
    item["respondent"]["date"] = "1 March 2025"
    found = problems(export_validator, item)
    assert any("answers" in p for p in found), found
    assert any("respondent.date" in p for p in found), found
