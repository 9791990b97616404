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


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork as the build does, even though the test session runs other threads (the browser
    tests' servers): the jobs here take no lock a thread could hold."""
    monkeypatch.setattr(parallel, "can_fork", lambda: True)


def test_a_job_runs_in_another_process_and_gives_back_its_result(forking):
    pending = parallel.started(where_and_what, 21)
    pid, value = pending.result()
    assert value == 42
    assert pid != os.getpid()


def test_an_exception_in_the_copy_is_raised_here_with_the_copys_traceback(forking):
    pending = parallel.started(fails)
    with pytest.raises(ValueError, match="the workbook could not be written") as err:
        pending.result()
    assert any("In a build process" in note and "in fails" in note for note in err.value.__notes__)


def test_an_exception_that_cannot_travel_is_raised_as_its_text(forking):
    with pytest.raises(RuntimeError, match="odd"):
        parallel.started(fails_oddly).result()


def test_a_copy_that_dies_without_a_result_is_an_error_not_a_hang(forking):
    with pytest.raises(RuntimeError, match="ended with no result"):
        parallel.started(dies).result()


def test_while_other_threads_run_the_job_runs_here():
    assert parallel.can_fork() is (threading.active_count() == 1)
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
