"""`make serve`'s preview (mkdocs serve with the hook) in a test: started on a free port with a
content folder of the test's own, polled until it answers as wanted, stopped after."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from paths import ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
WAIT = 120.0  # seconds: a deadline for polling, never a fixed pause


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def poll(url: str, done: Callable[[int, str], bool]) -> tuple[int, str]:
    """Fetch url until done(status, body) holds or the deadline passes."""
    deadline = time.monotonic() + WAIT
    last: tuple[int, str] = (0, "")
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            last = (0, "")
        if done(*last):
            return last
        time.sleep(0.2)  # between polls only
    raise AssertionError(f"{url} never reached the state wanted; last status {last[0]}")


@contextmanager
def serving(content: Path, log: Path) -> Iterator[str]:
    """`mkdocs serve` of the project with `content` (JTAI_CONTENT), its output in `log`; yields
    its origin (http://127.0.0.1:PORT)."""
    port = free_port()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    env = {**ENV, "JTAI_CONTENT": str(content)}
    with log.open("w") as out:
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
