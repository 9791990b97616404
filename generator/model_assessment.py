"""The model of the self-assessment's settings (assessment.yml), as typed objects.

The self-assessment and the partnership view read these through the browser data, never
assessment.yml's mappings: the notices, the rating scale, the outcome bands, the rule that weak
answers are never averaged away, confidence, the evidence prompts, answering jointly, the action
statuses and the partnership view's disagreement gap. `browser_data` gives them as the file does,
field for field and in the schema's order; an optional part left out of the file (weak_answers, a
band's paragraphs) is left out there too. Built by model.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model_timeline import Status, plain, tuples


@dataclass(frozen=True)
class Notices:
    purpose: str
    indicative: str
    privacy: str
    no_child_details: str
    no_names: str


@dataclass(frozen=True)
class Level:
    id: str
    label: str
    value: int
    description: str


@dataclass(frozen=True)
class Option:
    """A choice with an ID, a label and a description (an answer outside the scale, a confidence
    level)."""

    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Unrated:
    label: str
    description: str


@dataclass(frozen=True)
class Scale:
    question: str
    levels: tuple[Level, ...]
    outside: tuple[Option, ...]
    unrated: Unrated


@dataclass(frozen=True)
class Outcome:
    id: str
    label: str
    min: float
    description: str
    paras: tuple[int, ...] = ()  # none for a band that is the site's own


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    url: str
    says: str


@dataclass(frozen=True)
class WeakAnswers:
    best_outcome: str
    any_level: str
    share_level: str
    share: float
    reason: str
    source: Source
    our_reading: str


@dataclass(frozen=True)
class Confidence:
    question: str
    levels: tuple[Option, ...]


@dataclass(frozen=True)
class EvidencePrompt:
    id: str
    label: str
    hint: str
    counts_as_evidence: bool


@dataclass(frozen=True)
class Jointly:
    id: str
    label: str


@dataclass(frozen=True)
class Partnership:
    disagreement_gap: int


@dataclass(frozen=True, kw_only=True)
class Assessment:
    title: str
    notices: Notices
    scale: Scale
    outcomes: tuple[Outcome, ...]
    weak_answers: WeakAnswers | None = None  # optional: outcomes from the mean alone
    confidence: Confidence
    evidence_prompts: tuple[EvidencePrompt, ...]
    jointly: Jointly
    action_statuses: tuple[Status, ...]  # the same shape as the tracker's statuses
    partnership: Partnership


def build(assessment: dict[str, Any]) -> Assessment:
    """assessment.yml's data (checked against its schema) as the model."""
    scale, confidence, weak = (
        assessment["scale"],
        assessment["confidence"],
        assessment.get("weak_answers"),
    )
    return Assessment(
        title=assessment["title"],
        notices=Notices(**assessment["notices"]),
        scale=Scale(
            scale["question"],
            tuple(Level(**x) for x in scale["levels"]),
            tuple(Option(**x) for x in scale["outside"]),
            Unrated(**scale["unrated"]),
        ),
        outcomes=tuple(Outcome(**tuples(o, "paras")) for o in assessment["outcomes"]),
        weak_answers=WeakAnswers(**{**weak, "source": Source(**weak["source"])}) if weak else None,
        confidence=Confidence(
            confidence["question"], tuple(Option(**x) for x in confidence["levels"])
        ),
        evidence_prompts=tuple(EvidencePrompt(**p) for p in assessment["evidence_prompts"]),
        jointly=Jointly(**assessment["jointly"]),
        action_statuses=tuple(Status(**s) for s in assessment["action_statuses"]),
        partnership=Partnership(**assessment["partnership"]),
    )


def browser_data(assessment: Assessment) -> dict[str, Any]:
    """The settings as the JSON the self-assessment and the partnership view read."""
    data: dict[str, Any] = plain(assessment)
    return data
