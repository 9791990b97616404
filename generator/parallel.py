"""Work done in a copy of this process, so that a build uses the machine's second core.

`started(job, *args)` forks: the copy runs job(*args) and sends back what it returns, or the
exception it raised, and the caller's `Pending.result()` waits for that. Only where forking is
safe: where os.fork is missing (Windows), or while this process runs other threads (the MkDocs
server's), job runs at once, in this process, and result() gives what it gave.

A copy shares nothing with its parent after the fork: the job must return its whole result (it
is pickled through a pipe) and write nothing the parent reads. It is used for the Annex A
workbook (render.py), which is all openpyxl's work and needs only the model.
"""

from __future__ import annotations

import os
import pickle
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Pending(Generic[T]):
    """A job's result: `done` if it ran here; else the copy's process ID and the pipe's end."""

    done: tuple[T] | None = None
    pid: int = 0
    pipe: int = -1

    def result(self) -> T:
        """What the job returned (or its exception, raised here); waits for the copy."""
        if self.done is not None:
            return self.done[0]
        with os.fdopen(self.pipe, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        if not data:
            raise RuntimeError(f"a build process ended with no result (status {status})")
        value: T
        value, error = pickle.loads(data)
        if error is not None:
            raise error
        return value


def can_fork() -> bool:
    """Whether a copy of this process can run a job safely: not where os.fork is missing
    (Windows), nor while other threads run (the MkDocs server's), which a copy would not have."""
    return hasattr(os, "fork") and threading.active_count() == 1


def started(job: Callable[..., T], *args: object) -> Pending[T]:
    if not can_fork():
        return Pending(done=(job(*args),))
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: run the job, send its outcome, leave without running anything else
        os.close(read)
        try:
            with os.fdopen(write, "wb") as pipe:
                pipe.write(_outcome(job, args))
        finally:
            os._exit(0)
    os.close(write)
    return Pending(pid=pid, pipe=read)


def _outcome(job: Callable[..., object], args: tuple[object, ...]) -> bytes:
    try:
        return pickle.dumps((job(*args), None))
    except Exception as err:  # raised again in the parent, with the copy's traceback as a note
        err.add_note(f"In a build process:\n{traceback.format_exc()}")
        try:
            return pickle.dumps((None, err))
        except Exception:  # an exception that cannot be pickled: its text, then
            return pickle.dumps((None, RuntimeError("\n".join([repr(err), *err.__notes__]))))
