"""The review checklist ingest prints: what it read, and what a maintainer must now write."""

from __future__ import annotations

from .parse import Parsed


def checklist(parsed: Parsed, folder: str, framework_id: str) -> str:
    rules = parsed.rules
    items = sum(len(s.items) for s in parsed.sections)
    read = [
        f"title and date: {parsed.title} ({parsed.version_date})",
        f"{len(parsed.paragraphs)} numbered paragraphs (kept as {folder}/guidance.txt)",
        f"{len(parsed.criteria)} evaluation criteria, verbatim, each with its paragraph",
        f"{len(parsed.sections)} Annex A sections (tables, lists, requests) with {items} items, "
        "verbatim",
        *(
            f"{what}: {found.value} working days (paragraphs {_paras(found.paras)})"
            for what, found in (
                ("notice", rules.notice),
                ("statement of action", rules.statement),
                ("complaints window", rules.complaint_window),
            )
            if found is not None
        ),
        f"{len(rules.timescales)} letter timescales",
        f"{len(parsed.inspectorates)} inspectorates; {len(rules.routes)} complaints routes",
    ]
    review = [
        "framework.yml: theme, agencies (one 'to-review' agency now), focus areas, scope, "
        "language, team, background, legal basis, purpose",
        "criteria.yml: each short title (now the first 5 words), focus area, agencies and "
        "indicators (now one per sentence)",
        "annex-a.yml: section titles, providers, each item's agency and criteria (now the "
        "first criterion), every deadline marked 'To review'",
        "timeline.yml: weeks, milestones, who inspectors meet, methods, the planner's calendar; "
        "add a notification_checklist (optional) from the week-1 paragraphs, as in syv-2023",
        "after.yml: letter intro, quality assurance, priority action, Annex B, complaints texts",
        "guides.yml: the one-minute guide and one guide per agency; assessment.yml: the scale",
        f"examples/: add worked examples (optional); criteria/site.yml: add {framework_id} "
        "to frameworks",
    ]
    review[:0] = [
        f"not found in the guidance: {what}; a default is written, marked 'To review' and shown "
        "on the site as not yet reviewed: check it and cite its paragraph"
        for what in rules.missing
    ]
    if not rules.notification_weekday:
        review.insert(0, "timeline.yml: the guidance names no notification weekday: Monday assumed")
    lines = [f"Wrote {folder}/. Read from the guidance:"]
    lines += [f"  [x] {line}" for line in read]
    lines += ["Not read (add by hand):"] + [
        f"  [ ] {line}" for line in parsed.unread or ("nothing",)
    ]
    lines += ["Review (every value starting 'To review'):"] + [f"  [ ] {line}" for line in review]
    lines += [
        "Then: python -m generator check, and follow docs/maintainers/new-theme.md to publish.",
        f'Find every default: grep -rn "To review" {folder}/',
    ]
    return "\n".join(lines)


def _paras(paras: tuple[int, ...]) -> str:
    return ", ".join(str(p) for p in paras)
