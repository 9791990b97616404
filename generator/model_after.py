"""The model of what happens after the inspection (after.yml), as typed objects.

The after-the-inspection page, the planner page, the planner's data and the letters' working-day
counts read these, never after.yml's mappings: the letter and its timescales, the statement of
action, Annex B and the complaints. A rule ingest could not find in the guidance (a timescale,
the statement of action, the complaints window) carries its "To review" note in `to_review` and
no paragraphs; a reviewed one has its paragraphs and an empty `to_review`. Built by model.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .model_about import CitedText
from .model_timeline import tuples


@dataclass(frozen=True)
class Timescale:
    id: str
    activity: str
    working_days: int
    paras: tuple[int, ...] = ()
    to_review: str = ""  # set by ingest when the guidance did not state it
    retired: bool = False


@dataclass(frozen=True)
class Letter:
    intro: str
    paras: tuple[int, ...]
    timescales: tuple[Timescale, ...]
    publication_note: str = ""  # why publication can be late (from the public record)
    publication_refs: tuple[str, ...] = ()

    def timescale(self, timescale_id: str) -> Timescale:
        return next(t for t in self.timescales if t.id == timescale_id)


@dataclass(frozen=True)
class StatementOfAction:
    working_days: int
    counted_from: str  # publication | final-letter
    text: str
    practice_note: str
    practice_refs: tuple[str, ...]
    paras: tuple[int, ...] = ()
    to_review: str = ""


@dataclass(frozen=True)
class AnnexBEntry:
    id: str
    title: str
    steps: tuple[str, ...]
    paras: tuple[int, ...]
    inspectorate: str = ""
    agency: str = ""
    retired: bool = False


@dataclass(frozen=True)
class RouteMilestone:
    id: str
    when: str
    activity: str
    working_days: int = 0  # 0 when the route gives none
    counted_from: str = ""
    retired: bool = False


@dataclass(frozen=True)
class Route:
    id: str
    title: str
    text: str
    paras: tuple[int, ...]
    milestones: tuple[RouteMilestone, ...]
    retired: bool = False


@dataclass(frozen=True)
class Window:
    """When a complaint can be made: up to so many working days after publication."""

    text: str
    working_days_after_publication: int
    paras: tuple[int, ...] = ()
    to_review: str = ""


@dataclass(frozen=True)
class Combined:
    title: str
    text: str
    paras: tuple[int, ...]


@dataclass(frozen=True)
class Complaints:
    intro: str
    during_inspection: CitedText
    window: Window
    withdrawal: CitedText
    routes: tuple[Route, ...]
    combined: Combined
    paras: tuple[int, ...] = ()


@dataclass(frozen=True)
class After:
    letter: Letter
    quality_assurance: CitedText
    priority_action: CitedText
    feedback_survey: CitedText
    statement_of_action: StatementOfAction
    annex_b: tuple[AnnexBEntry, ...]
    complaints: Complaints
    # The letters of findings published for the theme, as after.yml gives them (letter_dates.py
    # reads them): read-only mappings.
    published_letters: tuple[Mapping[str, Any], ...] = ()


def _cited(data: dict[str, Any]) -> CitedText:
    return CitedText(data["text"], tuple(data["paras"]))


def build(after: dict[str, Any], freeze: Any) -> After:
    """after.yml's data (checked against its schema) as the model; `freeze` makes the published
    letters read-only."""
    letter, soa, complaints = after["letter"], after["statement_of_action"], after["complaints"]
    return After(
        letter=Letter(
            letter["intro"],
            tuple(letter["paras"]),
            tuple(Timescale(**tuples(t, "paras")) for t in letter["timescales"]),
            letter.get("publication_note", ""),
            tuple(letter.get("publication_refs", ())),
        ),
        quality_assurance=_cited(after["quality_assurance"]),
        priority_action=_cited(after["priority_action"]),
        feedback_survey=_cited(after["feedback_survey"]),
        statement_of_action=StatementOfAction(**tuples(soa, "paras", "practice_refs")),
        annex_b=tuple(AnnexBEntry(**tuples(b, "paras", "steps")) for b in after["annex_b"]),
        complaints=Complaints(
            intro=complaints["intro"],
            during_inspection=_cited(complaints["during_inspection"]),
            window=Window(**tuples(complaints["window"], "paras")),
            withdrawal=_cited(complaints["withdrawal"]),
            routes=tuple(
                Route(
                    **{
                        **tuples(r, "paras"),
                        "milestones": tuple(RouteMilestone(**m) for m in r["milestones"]),
                    }
                )
                for r in complaints["routes"]
            ),
            combined=Combined(**tuples(complaints["combined"], "paras")),
            paras=tuple(complaints.get("paras", ())),
        ),
        published_letters=tuple(freeze(e) for e in after.get("published_letters", ())),
    )
