"""tests/make_build.py builds the site as the Makefile's build_site does: the same one command.

The tests' shared site and the build benchmark both run make_build.command, so a step added to
(or dropped from) `make build` and not to them would leave them testing and timing another build.
"""

from __future__ import annotations

import re
from pathlib import Path

from make_build import command
from paths import ROOT

BUILD_SITE = re.compile(r"^define build_site\n(?P<body>.*?)^endef", re.M | re.S)


def makefile_steps(makefile: str) -> list[str]:
    """'generator site', or 'generator build', 'mkdocs build', …: what build_site runs, in order,
    with the options each is given."""
    body = BUILD_SITE.search(makefile)
    assert body, "the Makefile has no `define build_site`"
    found = []
    for line in body["body"].splitlines():
        if m := re.search(r'"\$\(PY\)" -m generator (\S+)', line):
            found.append(f"generator {m[1]}")
        elif m := re.search(r'"\$\(MKDOCS\)" (\S+)', line):
            found.append(f"mkdocs {m[1]}")
        line = line.replace("$(CHECK_CONTENT)", "--content")  # make build CONTENT=DIR
        found += sorted(f"  {option}" for option in re.findall(r"(?<!\S)(--[a-z]+)", line))
    return found


def helper_steps() -> list[str]:
    run = command(Path("site"), Path("tree"))
    return [" ".join(run[2:4]), *sorted(f"  {word}" for word in run if word.startswith("--"))]


def test_make_build_runs_the_makefiles_steps_in_order() -> None:
    assert helper_steps() == makefile_steps((ROOT / "Makefile").read_text(encoding="utf-8"))


def test_a_step_added_to_the_makefile_is_noticed() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    added = makefile.replace(
        '"$(PY)" -m generator site',
        '"$(PY)" -m generator lint "$(SITE_DIR)" && "$(PY)" -m generator site',
    )
    assert added != makefile
    assert makefile_steps(added) != helper_steps()
    dropped = makefile.replace('--tree "$(TREE)" ', "")
    assert dropped != makefile
    assert makefile_steps(dropped) != helper_steps()
