"""The model of what a framework is (framework.yml's descriptive parts), as typed objects.

The about page and the three weeks page read these, never framework.yml's mappings: the scope as
a list of titled sections (whatever a theme's scope holds), the language notes, the team, the
background facts, the policy context, the footnotes and the source document. Built by model.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CitedText:
    text: str
    paras: tuple[int, ...] = ()


@dataclass(frozen=True)
class Section:
    """A titled text with its paragraphs: a scope section, a language note, a policy item."""

    id: str
    title: str
    text: str
    paras: tuple[int, ...]
    footnotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Member:
    count: int
    role: str
    inspectorate: str


@dataclass(frozen=True)
class Team:
    lead_in: str
    members: tuple[Member, ...]
    quality_assurance: CitedText
    paras: tuple[int, ...]


@dataclass(frozen=True)
class Fact:
    id: str
    statement: str
    source: str
    paras: tuple[int, ...]
    topic: str = ""


@dataclass(frozen=True)
class Footnote:
    id: str
    number: int
    text: str


@dataclass(frozen=True)
class SourceDocument:
    title: str
    publisher: str
    licence: str
    url: str = ""


@dataclass(frozen=True)
class About:
    applies_to: str
    legal_basis: CitedText
    purpose: CitedText
    source: SourceDocument
    inspectorate_paras: tuple[int, ...]  # where the guidance names the inspectorates
    scope: tuple[Section, ...]
    language: tuple[Section, ...]
    team: Team
    background: tuple[Fact, ...]
    policy: tuple[Section, ...] = ()
    footnotes: tuple[Footnote, ...] = ()


TEAM_LEAD_IN = "The inspection team will usually consist of:"


def _t(values: Any) -> tuple[Any, ...]:
    return tuple(values or ())


def _cited(data: dict[str, Any]) -> CitedText:
    return CitedText(data["text"], _t(data.get("paras")))


def _section(data: dict[str, Any]) -> Section:
    return Section(
        data["id"], data["title"], data["text"], _t(data.get("paras")), _t(data.get("footnotes"))
    )


def build(fw: dict[str, Any]) -> About:
    team = fw["team"]
    return About(
        applies_to=fw["applies_to"],
        legal_basis=_cited(fw["legal_basis"]),
        purpose=_cited(fw["purpose"]),
        source=SourceDocument(**fw["source"]),
        inspectorate_paras=tuple(p for i in fw["inspectorates"][:1] for p in i["paras"]),
        scope=tuple(_section(s) for s in fw["scope"]),
        language=tuple(_section(s) for s in fw["language"]),
        team=Team(
            team.get("lead_in", TEAM_LEAD_IN),
            tuple(Member(m["count"], m["role"], m["inspectorate"]) for m in team["members"]),
            _cited(team["quality_assurance"]),
            _t(team.get("paras")),
        ),
        background=tuple(
            Fact(f["id"], f["statement"], f["source"], _t(f.get("paras")), f.get("topic", ""))
            for f in fw["background"]
            if not f.get("retired")
        ),
        policy=tuple(_section(s) for s in fw.get("policy", ())),
        footnotes=tuple(Footnote(f["id"], f["number"], f["text"]) for f in fw["footnotes"]),
    )
