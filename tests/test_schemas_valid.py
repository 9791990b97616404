"""Every JSON Schema the generator ships is itself valid (Draft 2020-12). The build relies on
this test instead of checking each schema against the metaschema every time it runs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from paths import ROOT

SCHEMAS = sorted((ROOT / "generator" / "schemas").rglob("*.schema.json"))


def test_there_are_schemas() -> None:
    assert len(SCHEMAS) > 10


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_each_schema_is_valid(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
