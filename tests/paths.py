"""Where things are, for every test.

CONTENT is the tests' own copy of the content (tests/content/: the shipped serious youth violence
theme, the glossary, the bank holidays and empty settings), refreshed from criteria/ only by
`make test-content`. LIVE is the partnership's criteria/: no test reads it (tests/conftest.py
fails one that does); `make test` checks and builds it strictly instead.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "tests" / "content"
LIVE = ROOT / "criteria"
THEME = "syv-2023"  # the shipped theme the copy holds
SOURCES = ROOT / "tests" / "sources"
SOURCE = SOURCES / "004_e19ff684d5e0a5fb.txt"
