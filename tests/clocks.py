"""Two clocks years apart, in two time zones, to show that an output leaks no time.

`clock(FIRST)` and `clock(SECOND)` move every clock Python reads (time.time, datetime.now,
time.localtime) with time-machine and, as both are ZoneInfo times, the local time zone too
(TZ), so anything that stamps "now" or local time into its output differs between the two.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine

FIRST = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=ZoneInfo("Europe/London"))
SECOND = dt.datetime(2031, 7, 8, 21, 10, 11, tzinfo=ZoneInfo("Pacific/Auckland"))


def clock(moment: dt.datetime) -> time_machine.travel:
    """Stand still at `moment` (in its time zone) inside a `with` block."""
    return time_machine.travel(moment, tick=False)
