"""generator/parallel.py: a job run in a copy of the process gives back what it returned, or
raises what it raised, as if it had run here; where forking is unsafe it runs here."""

from __future__ import annotations

import os
import threading

import pytest

from generator import parallel


class Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("not this one")


def where_and_what(x: int) -> tuple[int, int]:
    return os.getpid(), x * 2


def fails() -> None:
    raise ValueError("the workbook could not be written")


def fails_oddly() -> None:
    raise Unpicklable("odd")


def dies() -> None:
    os._exit(7)


def test_a_job_runs_in_another_process_and_gives_back_its_result():
    pending = parallel.started(where_and_what, 21)
    pid, value = pending.result()
    assert value == 42
    assert pid != os.getpid()


def test_an_exception_in_the_copy_is_raised_here_with_the_copys_traceback():
    pending = parallel.started(fails)
    with pytest.raises(ValueError, match="the workbook could not be written") as err:
        pending.result()
    assert any("In a build process" in note and "in fails" in note for note in err.value.__notes__)


def test_an_exception_that_cannot_travel_is_raised_as_its_text():
    with pytest.raises(RuntimeError, match="odd"):
        parallel.started(fails_oddly).result()


def test_a_copy_that_dies_without_a_result_is_an_error_not_a_hang():
    with pytest.raises(RuntimeError, match="ended with no result"):
        parallel.started(dies).result()


def test_while_other_threads_run_the_job_runs_here():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        pending = parallel.started(where_and_what, 1)
    finally:
        stop.set()
        thread.join()
    assert pending.pid == 0
    assert pending.result() == (os.getpid(), 2)
