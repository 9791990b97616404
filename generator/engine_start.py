"""An engine's command line, started ahead and run when told to (build_site.py starts it).

`python -m generator.engine_start ENGINE ARG…` imports ENGINE's command line (`python -m
mkdocs`, `python -m properdocs`) at once, then waits for a line on standard input: "go" runs
`python -m ENGINE ARG…` exactly, in this process; anything else, or the end of the input, exits
without running it. Starting Python and importing the engine take a tenth of a build, and the
generator has the tree to write first: this way the two overlap.
"""

from __future__ import annotations

import importlib
import runpy
import sys

GO = "go"


def main(argv: list[str]) -> int:
    engine, args = argv[0], argv[1:]
    for module in (f"{engine}.__main__", f"{engine}.commands.build"):
        importlib.import_module(module)  # what the command line needs first
    if sys.stdin.readline().strip() != GO:
        return 0
    sys.argv = [engine, *args]
    del sys.modules[f"{engine}.__main__"]  # runpy runs it afresh as __main__; its imports stay
    runpy.run_module(engine, run_name="__main__", alter_sys=True)  # exits with the engine's code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
