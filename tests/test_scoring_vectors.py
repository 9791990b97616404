"""tests/vectors/scoring.json is exactly what tests/vectors/make_scoring_vectors.py makes.

The script works the expected scores out independently of assessment/lib/scoring.js; the Node and
browser tests read the JSON file. Running the script here, in-process, means the committed file
can never drift from it (a changed case, rule or real criterion shows up as a failure here).
"""

from __future__ import annotations

import importlib.util
from types import ModuleType

from paths import ROOT

SCRIPT = ROOT / "tests" / "vectors" / "make_scoring_vectors.py"
VECTORS = ROOT / "tests" / "vectors" / "scoring.json"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_scoring_vectors", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scoring_json_is_what_the_script_makes():
    made = load_script().text()
    assert VECTORS.read_text(encoding="utf-8") == made, (
        "tests/vectors/scoring.json is stale: run "
        "`.venv/bin/python tests/vectors/make_scoring_vectors.py` and review the diff"
    )


def test_importing_the_script_writes_nothing():
    before = VECTORS.stat().st_mtime_ns
    load_script()
    assert VECTORS.stat().st_mtime_ns == before
