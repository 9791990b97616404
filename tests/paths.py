"""Where things are, for every test."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "criteria"
SOURCES = ROOT / "tests" / "sources"
SOURCE = SOURCES / "004_e19ff684d5e0a5fb.txt"
