"""tests/make_build.py builds the site as the Makefile's build_site does: same steps, same order.

The tests' shared site and the build benchmark both run make_build.steps, so a step added to (or
dropped from) `make build` and not to them would leave them testing and timing another build.
"""

from __future__ import annotations

import re
from pathlib import Path

from make_build import steps
from paths import ROOT

BUILD_SITE = re.compile(r"^define build_site\n(?P<body>.*?)^endef", re.M | re.S)


def makefile_steps(makefile: str) -> list[str]:
    """'generator build', 'mkdocs build', … in the order build_site runs them."""
    body = BUILD_SITE.search(makefile)
    assert body, "the Makefile has no `define build_site`"
    found = []
    for line in body["body"].splitlines():
        if m := re.search(r'"\$\(PY\)" -m generator (\S+)', line):
            found.append(f"generator {m[1]}")
        elif m := re.search(r'"\$\(MKDOCS\)" (\S+)', line):
            found.append(f"mkdocs {m[1]}")
    return found


def helper_steps() -> list[str]:
    return [" ".join(step[2:4]) for step in steps(Path("site"), Path("tree"))]


def test_make_build_runs_the_makefiles_steps_in_order() -> None:
    assert helper_steps() == makefile_steps((ROOT / "Makefile").read_text(encoding="utf-8"))


def test_a_step_added_to_the_makefile_is_noticed() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    added = makefile.replace(
        '"$(PY)" -m generator finish',
        '"$(PY)" -m generator lint "$$new" && "$(PY)" -m generator finish',
    )
    assert makefile_steps(added) != helper_steps()
