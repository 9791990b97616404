"""Stage 3, link: IDs are unique and every reference resolves.

Definitions and references are declared as tables of (file, path pattern, kind), so that adding a
new kind of reference is one line. Framework files, and the worked examples in the framework's
examples/ folder, are checked within their own framework folder; shared files (glossary, site
settings) once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import bank_holidays, guidance, link_letters, storage_keys
from .load import Document
from .problems import Problem, json_path
from .validate import EXAMPLES, kind_of

FRAMEWORK_FILES = (
    "framework.yml",
    "criteria.yml",
    "timeline.yml",
    "annex-a.yml",
    "after.yml",
    "guides.yml",
    "assessment.yml",
)
SHARED_FILES = ("site.yml", "glossary.yml", "holidays.yml")
EXAMPLE = "example.yml"  # the kind of every file in a framework's examples/ folder

# (file, path pattern, kind of ID it defines)
DEFINITIONS = (
    ("framework.yml", "agencies[*].id", "agency"),
    ("framework.yml", "focus_areas[*].id", "focus area"),
    ("framework.yml", "inspectorates[*].id", "inspectorate"),
    ("framework.yml", "background[*].id", "background fact"),
    ("framework.yml", "policy[*].id", "policy note"),
    ("framework.yml", "scope[*].id", "scope section"),
    ("framework.yml", "language[*].id", "language note"),
    ("framework.yml", "footnotes[*].id", "footnote"),
    ("criteria.yml", "criteria[*].id", "criterion"),
    ("criteria.yml", "criteria[*].indicators[*].id", "indicator"),
    ("annex-a.yml", "sections[*].id", "Annex A section"),
    ("annex-a.yml", "sections[*].items[*].id", "Annex A item"),
    ("timeline.yml", "milestones[*].id", "milestone"),
    ("timeline.yml", "meet[*].id", "person inspectors meet"),
    ("timeline.yml", "methods[*].id", "method"),
    ("after.yml", "letter.timescales[*].id", "letter timescale"),
    ("after.yml", "annex_b[*].id", "Annex B entry"),
    ("guides.yml", "agency_guides[*].id", "guide"),
    ("glossary.yml", "terms[*].id", "glossary term"),
    ("sources.yml", "sources[*].id", "source"),
    (EXAMPLE, "id", "worked example"),
    (EXAMPLE, "findings[*].id", "finding"),
)

# (file, path pattern, kind of ID it must name)
REFERENCES = (
    ("framework.yml", "team.members[*].inspectorate", "inspectorate"),
    ("framework.yml", "*.footnotes[*]", "footnote"),
    ("framework.yml", "*.*.footnotes[*]", "footnote"),
    ("framework.yml", "scope[*].footnotes[*]", "footnote"),
    ("framework.yml", "language[*].footnotes[*]", "footnote"),
    ("criteria.yml", "criteria[*].focus", "focus area"),
    ("criteria.yml", "criteria[*].agencies[*]", "agency"),
    ("annex-a.yml", "sections[*].items[*].agency", "agency"),
    ("annex-a.yml", "sections[*].items[*].contributors[*]", "agency"),
    ("annex-a.yml", "sections[*].items[*].criteria[*]", "criterion"),
    ("timeline.yml", "milestones[*].who[*]", "agency"),
    ("timeline.yml", "milestones[*].lead", "agency"),
    ("timeline.yml", "milestones[*].annex_a[*]", "Annex A item"),
    ("timeline.yml", "milestones[*].leads_to[*]", "milestone"),
    ("timeline.yml", "meet[*].agencies[*]", "agency"),
    ("timeline.yml", "rules.calendar.final_letter_timescale", "letter timescale"),
    ("timeline.yml", "rules.calendar.publication_timescale", "letter timescale"),
    ("after.yml", "annex_b[*].agency", "agency"),
    ("after.yml", "annex_b[*].inspectorate", "inspectorate"),
    ("guides.yml", "agency_guides[*].agency", "agency"),
    (EXAMPLE, "inspectorates[*]", "inspectorate"),
    (EXAMPLE, "evidence.annex_a[*]", "Annex A item"),
    (EXAMPLE, "findings[*].agencies[*]", "agency"),
    (EXAMPLE, "findings[*].criteria[*].id", "criterion"),
)

_STEP = re.compile(r"(\*|[A-Za-z_][A-Za-z0-9_-]*)(\[\*\])?")


def walk(data: Any, pattern: str) -> Iterator[tuple[tuple[object, ...], Any]]:
    """Yield (path, value) for each value a pattern such as 'criteria[*].id' reaches.

    'name[*]' steps into every item of a list; '*' into every value of a mapping.
    """
    found: list[tuple[tuple[object, ...], Any]] = [((), data)]
    for step in pattern.split("."):
        match = _STEP.fullmatch(step)
        if not match:
            raise ValueError(f"bad pattern step {step!r}")
        key, each = match.groups()
        nxt = []
        for parts, value in found:
            if isinstance(value, dict) and key == "*":
                nxt += [((*parts, k), v) for k, v in value.items()]
            elif isinstance(value, dict) and key in value:
                nxt.append(((*parts, key), value[key]))
        if each:
            nxt = [
                ((*p, i), v) for p, seq in nxt if isinstance(seq, list) for i, v in enumerate(seq)
            ]
        found = nxt
    yield from found


@dataclass(frozen=True)
class Defined:
    doc: Document
    parts: tuple[object, ...]


class Scope:
    """The IDs defined in one framework folder plus the shared files."""

    def __init__(self) -> None:
        self.ids: dict[str, dict[str, Defined]] = {}
        self.problems: list[Problem] = []

    def define(self, doc: Document, parts: tuple[object, ...], kind: str, value: Any) -> None:
        if not isinstance(value, str):
            return  # the schema stage has reported it
        table = self.ids.setdefault(kind, {})
        if value in table:
            first = table[value]
            where = f"{first.doc.name}:{first.doc.line_of(first.parts)}"
            msg = f"duplicate {kind} ID '{value}' (first defined at {where}): IDs must be unique"
            self.problems.append(Problem(doc.name, doc.line_of(parts), json_path(parts), msg))
        else:
            table[value] = Defined(doc, parts)

    def resolve(self, doc: Document, parts: tuple[object, ...], kind: str, value: Any) -> None:
        if not isinstance(value, str) or value in self.ids.get(kind, {}):
            return
        known = sorted(self.ids.get(kind, {}))
        hint = _closest(value, known)
        msg = f"unknown {kind} '{value}'" + (f": did you mean '{hint}'?" if hint else "")
        if not hint:
            msg += f"; known: {', '.join(known[:12])}{' …' if len(known) > 12 else ''}"
        self.problems.append(Problem(doc.name, doc.line_of(parts), json_path(parts), msg))


def _closest(value: str, known: list[str]) -> str | None:
    from difflib import get_close_matches

    found = get_close_matches(value, known, n=1, cutoff=0.75)
    return found[0] if found else None


def framework_folder(doc: Document, content_dir: Path) -> Path | None:
    """The framework folder a file belongs to (its examples/ included), or None if shared."""
    parts = doc.path.relative_to(content_dir).parts
    return content_dir / parts[0] if len(parts) > 1 else None


def link(docs: list[Document], content_dir: Path) -> list[Problem]:
    """Every uniqueness and reference problem across the corpus."""
    shared = [d for d in docs if framework_folder(d, content_dir) is None]
    problems: list[Problem] = []
    folders = sorted({f for d in docs if (f := framework_folder(d, content_dir)) is not None})
    shown = _selected(shared, folders)
    for folder in folders:
        own = [d for d in docs if framework_folder(d, content_dir) == folder]
        if folder.name == EXAMPLES:
            problems += _misplaced_examples(own)
            continue
        problems += _link_framework(folder, own, shared, folder.name == shown)
    problems += _check_site(shared, [f for f in folders if f.name != EXAMPLES])
    problems += bank_holidays.problems(shared)
    return problems


def _selected(shared: list[Document], folders: list[Path]) -> str:
    """The framework site.yml shows (the first folder without one): the shared files' citations
    (the glossary's paras and refs) link to its pages, so they are checked against it alone."""
    for doc in shared:
        if doc.path.name == "site.yml":
            listed = [name for name, _ in _listed(doc)]
            if listed and isinstance(listed[0], str):
                return listed[0]
    return folders[0].name if folders else ""


def _listed(doc: Document) -> list[tuple[object, tuple[object, ...]]]:
    """Each framework site.yml names, with its path: `frameworks`, or the older `framework`."""
    if isinstance(doc.data.get("frameworks"), list):
        return [(name, ("frameworks", i)) for i, name in enumerate(doc.data["frameworks"])]
    if "framework" in doc.data:
        return [(doc.data["framework"], ("framework",))]
    return []


def _misplaced_examples(docs: list[Document]) -> list[Problem]:
    msg = (
        f"worked examples belong to one framework: move this file to "
        f"criteria/<framework-id>/{EXAMPLES}/"
    )
    return [Problem(d.name, 1, "$", msg) for d in docs]


def _link_framework(
    folder: Path, own: list[Document], shared: list[Document], shown: bool
) -> list[Problem]:
    scope = Scope()
    docs = own + shared
    citing = docs if shown else own
    for doc in docs:
        for file, pattern, kind in DEFINITIONS:
            if kind_of(doc.path) == file:
                for parts, value in walk(doc.data, pattern):
                    scope.define(doc, parts, kind, value)
    # A kind whose defining file is missing or unreadable has already been reported once;
    # checking references to it would only repeat that problem many times over.
    present = {kind_of(d.path) for d in docs}
    checkable = {kind for file, _, kind in DEFINITIONS if file in present}
    for doc in docs:
        for file, pattern, kind in REFERENCES:
            if kind_of(doc.path) == file and kind in checkable:
                for parts, value in walk(doc.data, pattern):
                    scope.resolve(doc, parts, kind, value)
        for parts, key, value in _citations(doc.data) if doc in citing else ():
            if key != "paras" and isinstance(value, list):
                for i, cited in enumerate(value):
                    scope.resolve(doc, (*parts, i), "source", cited)
    problems = scope.problems if own else []
    problems += _check_folder(folder, own)
    problems += _check_paras(folder, citing)
    problems += _check_leads(own)
    problems += _check_indicator_numbers(own)
    problems += _check_examples(own)
    problems += _check_disagreement_gap(own)
    problems += _check_weak_answers(own)
    return problems


def _citations(
    data: Any, parts: tuple[object, ...] = ()
) -> Iterator[tuple[tuple[object, ...], str, Any]]:
    """Every (path, key, value) whose key is paras, refs or ends in _refs, at any depth."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "paras" or key == "refs" or key.endswith("_refs"):
                yield (*parts, key), key, value
            else:
                yield from _citations(value, (*parts, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _citations(value, (*parts, i))


def _check_leads(own: list[Document]) -> list[Problem]:
    """A milestone's lead agency is one of the agencies in its who list."""
    problems = []
    for doc in own:
        if kind_of(doc.path) != "timeline.yml":
            continue
        for parts, ms in walk(doc.data, "milestones[*]"):
            lead, who = (ms.get("lead"), ms.get("who")) if isinstance(ms, dict) else (None, None)
            if isinstance(lead, str) and isinstance(who, list) and lead not in who:
                where = (*parts, "lead")
                msg = f"lead agency '{lead}' should also be in who: {who}"
                problems.append(Problem(doc.name, doc.line_of(where), json_path(where), msg))
    return problems


def _check_paras(folder: Path, docs: list[Document]) -> list[Problem]:
    """Every cited paragraph is in the framework's guidance text."""
    text = guidance.read(folder)
    if text is None:
        msg = f"framework folder has no {guidance.FILE_NAME} (the framework's text, which "
        msg += "the framework page shows and every paragraph citation links to)"
        return [Problem(f"criteria/{folder.name}", 0, "$", msg)]
    known = text.paragraphs
    problems = []
    for doc in docs:
        for parts, key, value in _citations(doc.data):
            if key != "paras" or not isinstance(value, list):
                continue
            for i, cited in enumerate(value):
                if isinstance(cited, int) and cited not in known:
                    where = (*parts, i)
                    msg = f"paragraph {cited} is not in {folder.name}/{guidance.FILE_NAME}"
                    msg += f" (it has paragraphs {min(known)} to {max(known)})" if known else ""
                    problems.append(Problem(doc.name, doc.line_of(where), json_path(where), msg))
    return problems


def _check_disagreement_gap(own: list[Document]) -> list[Problem]:
    """The partnership view's gap must be reachable: fewer than the number of outcome bands."""
    for doc in own:
        if kind_of(doc.path) != "assessment.yml":
            continue
        settings = doc.data.get("partnership")
        gap = settings.get("disagreement_gap") if isinstance(settings, dict) else None
        bands = doc.data.get("outcomes")
        if isinstance(gap, int) and isinstance(bands, list) and gap >= len(bands) > 0:
            where = ("partnership", "disagreement_gap")
            msg = (
                f"{gap} bands apart can never happen with {len(bands)} outcome bands, so "
                f"nothing would be flagged: use a number from 1 to {len(bands) - 1}"
            )
            return [Problem(doc.name, doc.line_of(where), json_path(where), msg)]
    return []


def _check_weak_answers(own: list[Document]) -> list[Problem]:
    """weak_answers names a band in `outcomes` and levels in `scale.levels`."""
    problems = []
    for doc in own:
        rule = doc.data.get("weak_answers") if kind_of(doc.path) == "assessment.yml" else None
        if not isinstance(rule, dict):
            continue
        bands = [b.get("id") for b in doc.data.get("outcomes") or [] if isinstance(b, dict)]
        scale = doc.data.get("scale")
        levels = [x.get("id") for x in (scale or {}).get("levels") or [] if isinstance(x, dict)]
        for key, known, what in (
            ("best_outcome", bands, "an outcome band"),
            ("any_level", levels, "a scale level"),
            ("share_level", levels, "a scale level"),
        ):
            value = rule.get(key)
            if isinstance(value, str) and value not in known:
                where = ("weak_answers", key)
                names = ", ".join(str(k) for k in known)
                msg = f"'{value}' is not {what} in this file: use one of {names}"
                problems.append(Problem(doc.name, doc.line_of(where), json_path(where), msg))
    return problems


def _check_folder(folder: Path, own: list[Document]) -> list[Problem]:
    problems = []
    names = {kind_of(d.path) for d in own}
    top = [d for d in own if d.path.parent == folder]
    shown = top[0].name.rsplit("/", 1)[0] if top else f"criteria/{folder.name}"
    for missing in sorted(set(FRAMEWORK_FILES) - names):
        if (folder / missing).exists():
            continue  # there, but unreadable: that problem is reported already
        problems.append(Problem(shown, 0, "$", f"framework folder has no {missing}"))
    for doc in own:
        key = "id" if kind_of(doc.path) == "framework.yml" else "framework"
        value = doc.data.get(key)
        if isinstance(value, str) and value != folder.name:
            msg = f"'{value}' should be the framework folder's name, '{folder.name}'"
            problems.append(Problem(doc.name, doc.line_of((key,)), f"$.{key}", msg))
    return problems


def _check_examples(own: list[Document]) -> list[Problem]:
    """An example's ID is its file name; its findings are numbered <example-id>-f1, -f2 …;
    a finding names each criterion once."""
    problems = []
    for doc in own:
        if kind_of(doc.path) != EXAMPLE:
            continue
        example_id = doc.data.get("id")
        if not isinstance(example_id, str):
            continue  # the schema stage has reported it
        if example_id != doc.path.stem:
            msg = f"'{example_id}' should be the file's name without .yml, '{doc.path.stem}'"
            problems.append(Problem(doc.name, doc.line_of(("id",)), "$.id", msg))
        problems += link_letters.problems(doc)
        pattern = re.compile(rf"{re.escape(example_id)}-f[0-9]+")
        for parts, finding in walk(doc.data, "findings[*]"):
            if isinstance(finding, dict):
                problems += _finding_problems(doc, parts, finding, example_id, pattern)
    return problems


def _finding_problems(
    doc: Document,
    parts: tuple[object, ...],
    finding: dict[str, Any],
    example_id: str,
    pattern: re.Pattern[str],
) -> list[Problem]:
    problems = []
    finding_id = finding.get("id")
    if isinstance(finding_id, str) and not pattern.fullmatch(finding_id):
        where = (*parts, "id")
        msg = (
            f"finding ID '{finding_id}' should be the example's ID, '-f' and a number, "
            f"for example '{example_id}-f{int(str(parts[-1])) + 1}'"
        )
        problems.append(Problem(doc.name, doc.line_of(where), json_path(where), msg))
    seen: set[str] = set()
    for inner, crit in walk(finding, "criteria[*].id"):
        if isinstance(crit, str) and crit in seen:
            where = (*parts, *inner)
            msg = f"criterion '{crit}' is named twice in this finding: name each criterion once"
            problems.append(Problem(doc.name, doc.line_of(where), json_path(where), msg))
        if isinstance(crit, str):
            seen.add(crit)
    return problems


def _check_indicator_numbers(own: list[Document]) -> list[Problem]:
    """Indicators are numbered EC4.1, EC4.2 … in order: one message per criterion that is not."""
    problems = []
    for doc in own:
        if kind_of(doc.path) != "criteria.yml":
            continue
        for parts, crit in walk(doc.data, "criteria[*]"):
            problem = _numbering_problem(doc, parts, crit)
            if problem:
                problems.append(problem)
    return problems


def _numbering_problem(doc: Document, parts: tuple[object, ...], crit: Any) -> Problem | None:
    if not isinstance(crit, dict) or not isinstance(crit.get("indicators"), list):
        return None
    crit_id = crit.get("id")
    if not isinstance(crit_id, str) or not re.fullmatch(r"[A-Za-z]+[0-9]+", crit_id):
        return None  # a bad criterion ID is reported by the schema
    for i, ind in enumerate(crit["indicators"], start=1):
        want = f"{crit_id}.{i}"
        if isinstance(ind, dict) and ind.get("id") != want:
            where = (*parts, "indicators", i - 1, "id")
            msg = (
                f"indicator ID should be '{want}': number the indicators of {crit_id} "
                f"{crit_id}.1, {crit_id}.2 … in order"
            )
            return Problem(doc.name, doc.line_of(where), json_path(where), msg)
    return None


def _check_site(shared: list[Document], folders: list[Path]) -> list[Problem]:
    problems = []
    names = [f.name for f in folders]
    for doc in shared:
        if doc.path.name != "site.yml":
            continue
        if "framework" in doc.data and "frameworks" in doc.data:
            msg = "give either frameworks (a list, the default first) or framework, not both"
            problems.append(Problem(doc.name, doc.field_line(("framework",)), "$.framework", msg))
        for chosen, parts in _listed(doc):
            if isinstance(chosen, str) and chosen not in names:
                msg = f"no framework folder '{chosen}'; folders: {', '.join(names) or 'none'}"
                problems.append(Problem(doc.name, doc.line_of(parts), json_path(parts), msg))
        problems += _shared_keys(doc)
    return problems


def _shared_keys(doc: Document) -> list[Problem]:
    """A framework after the first whose ID would share browser storage with the default's."""
    others = [(chosen, parts) for chosen, parts in _listed(doc)[1:] if isinstance(chosen, str)]
    clash = set(storage_keys.clashes(chosen for chosen, _ in others))
    return [
        Problem(
            doc.name,
            doc.line_of(parts),
            json_path(parts),
            f"the framework ID '{chosen}' is a name the default framework's saved work uses in "
            "the browser, so the two would read and overwrite each other's: rename the "
            "framework (its folder and its id), for example to include a year",
        )
        for chosen, parts in others
        if chosen in clash
    ]
