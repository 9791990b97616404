"""The self-assessment's JSON Schemas: its settings (assessment.yml), its export file and the
partnership view's combined export.

- assessment.yml fits generator/schemas/assessment.schema.json, its bands are usable, and its
  scale and bands are the ones the scoring vectors (tests/vectors/scoring.json) were worked out for;
- every import fixture is accepted or refused by assessment/schemas/assessment-export.schema.json
  exactly as the page's hand-written checks (assessment/lib/importexport.js) do, so the two
  never drift.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from schema_checks import gaps

pytestmark = pytest.mark.syv  # about the real serious youth violence content

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "criteria" / "syv-2023" / "assessment.yml"
SETTINGS_SCHEMA = ROOT / "generator" / "schemas" / "assessment.schema.json"
EXPORT_SCHEMA = ROOT / "assessment" / "schemas" / "assessment-export.schema.json"
PARTNERSHIP_SCHEMA = ROOT / "assessment" / "schemas" / "partnership-export.schema.json"
IMPORTS = ROOT / "tests" / "fixtures" / "imports"
VECTORS = ROOT / "tests" / "vectors" / "scoring.json"
FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def settings() -> dict:
    return yaml.safe_load(SETTINGS.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "path", [SETTINGS_SCHEMA, EXPORT_SCHEMA, PARTNERSHIP_SCHEMA], ids=lambda p: p.name
)
def test_schema_is_valid_draft_2020_12_with_titles_everywhere(path):
    schema = load_json(path)
    jsonschema.Draft202012Validator.check_schema(schema)
    missing = gaps(schema)
    assert not missing, "\n".join(missing)


def test_settings_start_with_the_modeline_and_fit_their_schema(settings):
    first = SETTINGS.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../generator/schemas/assessment.schema.json"
    errors = sorted(
        jsonschema.Draft202012Validator(load_json(SETTINGS_SCHEMA)).iter_errors(settings),
        key=lambda e: list(e.path),
    )
    assert not errors, "\n".join(f"$.{'.'.join(map(str, e.path))}: {e.message}" for e in errors)


def test_bands_cover_the_whole_scale(settings):
    values = [level["value"] for level in settings["scale"]["levels"]]
    mins = [band["min"] for band in settings["outcomes"]]
    assert mins == sorted(mins, reverse=True) and len(set(mins)) == len(mins), "bands best first"
    assert mins[-1] == min(values), "the lowest band must start at the lowest value"
    assert mins[0] <= max(values), "the top band must be reachable"
    ids = [x["id"] for x in settings["scale"]["levels"] + settings["scale"]["outside"]]
    assert len(ids) == len(set(ids)), "level and outside-the-scale IDs must differ"


def test_outcome_labels_are_the_inspectorates_words_never_grades(settings):
    labels = [band["label"].lower() for band in settings["outcomes"]]
    for grade in ("outstanding", "good", "requires improvement", "inadequate", "grade"):
        assert not any(grade in label for label in labels), grade
    assert "strength" in labels[0]
    assert any("area for improvement" in label for label in labels)
    assert any("priority action" in label for label in labels)


def test_vectors_assume_the_settings_in_use(settings):
    vectors = load_json(VECTORS)
    levels = {level["id"]: level["value"] for level in settings["scale"]["levels"]}
    assert levels == vectors["scale"]["levels"]
    assert [o["id"] for o in settings["scale"]["outside"]] == vectors["scale"]["outside"]
    assert [{"id": b["id"], "min": b["min"]} for b in settings["outcomes"]] == vectors["outcomes"]
    counted = [p["id"] for p in settings["evidence_prompts"] if p["counts_as_evidence"]]
    assert counted == vectors["evidence_prompts_counted"]
    closed = [s["id"] for s in settings["action_statuses"] if s["done"]]
    assert closed == vectors["closed_statuses"]
    rule = {k: settings["weak_answers"][k] for k in vectors["weak_answers"]}
    assert rule == vectors["weak_answers"], "the weak-answers rule the vectors assume"


CASES = load_json(IMPORTS / "cases.json")["cases"]
SCHEMA_VALID = {"ok", "unknown-id", "other-framework"}  # IDs are checked against the data


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_export_schema_agrees_with_the_pages_checks(case):
    raw = (IMPORTS / case["file"]).read_bytes()
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        assert case["code"] in {"not-json", "empty"}
        return
    validator = jsonschema.Draft202012Validator(load_json(EXPORT_SCHEMA), format_checker=FORMATS)
    errors = list(validator.iter_errors(document))
    if case["code"] in SCHEMA_VALID:
        assert not errors, [e.message for e in errors]
    else:
        assert errors, f"{case['file']} should fail the schema ({case['code']})"
