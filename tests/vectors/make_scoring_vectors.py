"""Write tests/vectors/scoring.json: answers in, expected scores, outcomes and coverage out.

The expected values are worked out here, independently of assessment/lib/scoring.js, with exact
fractions and rounding half up to 2 decimal places. The settings below (LEVELS, BANDS, WEAK,
EVIDENCE, CLOSED) are written out on purpose rather than read from
criteria/syv-2023/assessment.yml: the vectors are a second, independent statement of the rules,
and tests/test_assessment_schemas.py, tests/js/scoring.test.js and the browser test check that
assessment.yml still says the same.
tests/test_scoring_vectors.py runs this script in-process and fails when scoring.json is not
exactly what it makes. Run it by hand when the rules, the settings or the real criteria change,
and review the diff:

    .venv/bin/python tests/vectors/make_scoring_vectors.py
"""

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]

LEVELS = {"consistently": 4, "mostly": 3, "partly": 2, "rarely": 1}
OUTSIDE = ["dont-know"]
BANDS = [
    ("strength", Fraction(7, 2)),
    ("no-significant-finding", Fraction(5, 2)),
    ("area-for-improvement", Fraction(3, 2)),
    ("potential-priority-action", Fraction(1)),
]
# The weak-answers rule (assessment.yml weak_answers): one rated statement at value 1 (Rarely) or
# lower, or half or more of the rated statements at value 2 (Partly) or lower, and the criterion is
# suggested no better than an area for improvement, whatever its mean.
WEAK: dict[str, Any] = {
    "best_outcome": "area-for-improvement",
    "any_level": "rarely",
    "share_level": "partly",
    "share": Fraction(1, 2),
}
EVIDENCE = ["know", "how"]
CLOSED = {"not-started": False, "in-progress": False, "done": True, "dropped": True}


def r2(fr):
    """Exact fraction -> float rounded half up to 2 decimal places."""
    hundredths = fr * 100
    whole = hundredths.numerator // hundredths.denominator
    if hundredths - whole >= Fraction(1, 2):
        whole += 1
    return whole / 100


def band(score):
    if score is None:
        return None
    for bid, m in BANDS:
        if Fraction(str(score)) >= m:
            return bid
    return BANDS[-1][0]


def held(vals):
    """Does the weak-answers rule hold these rated values back?"""
    if not vals:
        return False
    one = any(v <= LEVELS[WEAK["any_level"]] for v in vals)
    low = sum(1 for v in vals if v <= LEVELS[WEAK["share_level"]])
    return one or Fraction(low, len(vals)) >= WEAK["share"]


def worse(a, b):
    """The lower of two bands."""
    order = [bid for bid, _ in BANDS]
    return order[max(order.index(a), order.index(b))]


def crit(c, ans):
    ans = ans or {}
    given = ans.get("indicators", {})
    vals = [LEVELS[given[i]] for i in c["indicators"] if given.get(i) in LEVELS]
    dk = sum(1 for i in c["indicators"] if given.get(i) in OUTSIDE)
    score = r2(Fraction(sum(vals), len(vals))) if vals else None
    score_band = band(score)
    sug = worse(score_band, WEAK["best_outcome"]) if held(vals) else score_band
    o = ans.get("override")
    valid = o and o.get("outcome") in [b for b, _ in BANDS]
    reasoned = bool(valid and o.get("reason", "").strip())
    outcome = o["outcome"] if reasoned else sug
    ev = ans.get("evidence", {})
    has_ev = any(ev.get(k, "").strip() for k in EVIDENCE) or bool(ans.get("documents"))
    return {
        "score": score,
        "rated": len(vals),
        "dont_know": dk,
        "unrated": len(c["indicators"]) - len(vals) - dk,
        "total": len(c["indicators"]),
        "score_band": score_band,
        "suggested": sug,
        "held_back": sug != score_band,
        "outcome": outcome,
        "overridden": reasoned,
        "override_pending": bool(valid and not reasoned),
        "has_evidence": has_ev,
        "strength_without_evidence": outcome == "strength" and not has_ev,
        "actions": len(ans.get("actions", [])),
    }


def agg(rs):
    counts = {b: 0 for b, _ in BANDS}
    counts["none"] = 0
    for r in rs:
        counts[r["outcome"] or "none"] += 1
    sc = [round(r["score"] * 100) for r in rs if r["score"] is not None]
    score = r2(Fraction(sum(sc), len(sc)) / 100) if sc else None
    return {"criteria": len(rs), "scored": len(sc), "score": score, "counts": counts}


def expected(fw, answers, today):
    res = {c["id"]: crit(c, answers.get(c["id"])) for c in fw["criteria"]}
    rl = [res[c["id"]] for c in fw["criteria"]]
    focus = {}
    for f in fw["focus_areas"]:
        ids = [c["id"] for c in fw["criteria"] if c["focus"] == f]
        focus[f] = agg([res[i] for i in ids])
    cov = {
        "indicators_total": sum(r["total"] for r in rl),
        "indicators_rated": sum(r["rated"] for r in rl),
        "indicators_dont_know": sum(r["dont_know"] for r in rl),
        "indicators_unrated": sum(r["unrated"] for r in rl),
        "criteria_total": len(rl),
        "criteria_scored": sum(1 for r in rl if r["score"] is not None),
        "criteria_complete": sum(1 for r in rl if r["unrated"] == 0),
        "criteria_with_evidence": sum(1 for r in rl if r["has_evidence"]),
        "criteria_with_actions": sum(1 for r in rl if r["actions"]),
    }
    lists = {b: [c["id"] for c in fw["criteria"] if res[c["id"]]["outcome"] == b] for b, _ in BANDS}
    acts = []
    for order, c in enumerate(fw["criteria"]):
        for idx, a in enumerate(answers.get(c["id"], {}).get("actions", [])):
            done = CLOSED.get(a["status"], False)
            acts.append(
                (
                    a["due"] == "",
                    a["due"],
                    order,
                    idx,
                    {
                        "criterion": c["id"],
                        "id": a["id"],
                        "due": a["due"],
                        "done": done,
                        "overdue": (not done) and bool(a["due"]) and a["due"] < today,
                    },
                )
            )
    acts.sort(key=lambda t: t[:4])
    for r in res.values():
        del r["total"]
    return {
        "criteria": res,
        "focus": focus,
        "overall": agg(rl),
        "coverage": cov,
        "lists": lists,
        "strengths_without_evidence": [
            c["id"] for c in fw["criteria"] if res[c["id"]]["strength_without_evidence"]
        ],
        "overrides": [c["id"] for c in fw["criteria"] if res[c["id"]]["overridden"]],
        "actions": [t[4] for t in acts],
    }


MINI = {
    "focus_areas": ["strategic", "individual", "places-spaces"],
    "criteria": [
        {"id": "EC1", "focus": "individual", "indicators": ["EC1.1", "EC1.2", "EC1.3"]},
        {"id": "EC2", "focus": "individual", "indicators": ["EC2.1", "EC2.2"]},
        {"id": "EC3", "focus": "strategic", "indicators": ["EC3.1", "EC3.2", "EC3.3", "EC3.4"]},
        {"id": "EC4", "focus": "places-spaces", "indicators": ["EC4.1"]},
    ],
}


def ind(cid, *ratings):
    return {f"{cid}.{n}": r for n, r in enumerate(ratings, 1) if r}


def rated(**crits):
    return {cid: {"indicators": ind(cid, *rs)} for cid, rs in crits.items()}


C, M, P, R, D = "consistently", "mostly", "partly", "rarely", "dont-know"
cases: list[dict[str, Any]] = []


def case(name, answers, note, framework="mini", today="2025-03-01", compare=None):
    cases.append(
        {
            "name": name,
            "note": note,
            "framework": framework,
            "today": today,
            "answers": answers,
            **({"compare": compare} if compare else {}),
        }
    )


case(
    "empty assessment",
    {},
    "Nothing answered: no scores (never zero), no outcomes, nothing covered.",
)
case(
    "all consistently, no evidence",
    rated(EC1=[C, C, C], EC2=[C, C], EC3=[C, C, C, C], EC4=[C]),
    "Every criterion scores 4 and is a strength; with no evidence every strength is flagged.",
)
case(
    "don't know is never counted",
    rated(EC1=[C, D, D], EC2=[D, D], EC3=[D, None, None, None]),
    "EC1 scores 4 (not 4/3); EC2 and EC3 have only don't know, so no score.",
)
case(
    "unrated is never counted",
    rated(EC1=[R, None, None], EC3=[None, M, None, None]),
    "EC1 scores 1 from its one rated indicator; the two unrated ones are not zeros.",
)
case(
    "means and rounding",
    rated(EC1=[C, M, M], EC2=[M, P], EC3=[C, C, M, P], EC4=[P]),
    (
        "10/3 = 3.33; 5/2 = 2.5 reaches the middle band, but half of EC2 is Partly, so it is held "
        "back to an area for improvement; 13/4 = 3.25; 2 is an area for improvement."
    ),
)
case(
    "band boundaries",
    rated(EC1=[C, M], EC2=[P, R], EC3=[R, R, R, P], EC4=[M]),
    (
        "3.5 is a strength, 1.5 an area for improvement, 1.25 a potential priority action, 3 the "
        "middle band."
    ),
)
case(
    "rounding half up",
    rated(EC1=[C, C, M], EC3=[C, M, M, M]),
    "11/3 = 3.666... rounds to 3.67, a strength; overall (3.67 + 3.25) / 2 = 3.46.",
)
ov = rated(EC1=[C, C, C], EC2=[M, M], EC4=[P])
ov["EC1"]["override"] = {"outcome": "area-for-improvement", "reason": "Audit in March found gaps."}
ov["EC2"]["override"] = {"outcome": "strength", "reason": "   "}
ov["EC3"] = {
    "indicators": {},
    "override": {"outcome": "strength", "reason": "Peer review."},
    "evidence": {"know": "", "how": "Peer review by a neighbouring partnership.", "doing": ""},
}
ov["EC4"]["override"] = {"outcome": "outstanding", "reason": "Not a band."}
case(
    "overrides",
    ov,
    (
        "A reasoned override wins, even without a score; an override without a reason is pending "
        "and changes nothing; an unknown band is ignored."
    ),
)
ev = rated(EC1=[C, C, C], EC2=[C, C], EC3=[C, C, C, C], EC4=[C])
ev["EC1"]["documents"] = ["A-1.4"]
ev["EC2"]["evidence"] = {"know": "", "how": "", "doing": "New audit programme."}
ev["EC3"]["evidence"] = {"know": "", "how": "   \n ", "doing": ""}
ev["EC4"]["evidence"] = {
    "know": "Patrols around the station reduced incidents.",
    "how": "",
    "doing": "",
}
case(
    "strength without evidence",
    ev,
    (
        "An Annex A document or an answer to 'what do we know' or 'how do we know it' counts as "
        "evidence; 'what are we doing about it' and blank text do not."
    ),
)
case(
    "focus and overall means",
    rated(EC1=[C, M, M], EC2=[C, M], EC3=[P, P, P, R], EC4=[M]),
    (
        "Individual: mean of 3.33 and 3.5 = 3.415, rounds to 3.42. Overall: (3.33 + 3.5 + 1.75 + "
        "3) / 4 = 2.895, rounds to 2.9."
    ),
)
ac = rated(EC1=[M, None, None])
ac["EC1"]["actions"] = [
    {
        "id": "a1",
        "what": "Refresh the exploitation screening tool",
        "lead": "police",
        "due": "2025-06-30",
        "status": "in-progress",
    },
    {
        "id": "a2",
        "what": "Agree a shared chronology template",
        "lead": "partnership",
        "due": "",
        "status": "not-started",
    },
    {
        "id": "a3",
        "what": "Run a multi-agency audit",
        "lead": "social-care",
        "due": "2025-02-01",
        "status": "not-started",
    },
]
ac["EC3"] = {
    "indicators": {},
    "actions": [
        {
            "id": "b1",
            "what": "Publish the problem profile",
            "lead": "csp",
            "due": "2025-02-01",
            "status": "done",
        },
        {
            "id": "b2",
            "what": "Update the strategy",
            "lead": "leaders",
            "due": "2025-04-15",
            "status": "dropped",
        },
    ],
}
case(
    "actions by due date",
    ac,
    (
        "Soonest first, then criterion order; no date last; overdue only when open and due before "
        "today."
    ),
)
case(
    "answers that are not on the scale",
    {"EC1": {"indicators": {"EC1.1": "excellent", "EC1.2": "4", "EC1.3": M}}},
    "Unknown answers (which import rejects anyway) count as not assessed.",
)

case(
    "mostly, mostly, partly, partly is not 'no significant finding'",
    rated(EC3=[M, M, P, P]),
    (
        "The mean is 2.5, the bottom of 'no significant finding', but half the statements are "
        "Partly: the criterion is held back to an area for improvement."
    ),
)
case(
    "one rarely holds back a criterion rated well otherwise",
    rated(EC1=[C, C, R], EC3=[C, C, C, R]),
    (
        "Means of 3 and 3.25 would be 'no significant finding'; one Rarely makes each an area for "
        "improvement."
    ),
)
case(
    "fewer than half partly is not held back; don't know is left out of the share",
    rated(EC1=[M, P, D], EC2=[P, None], EC3=[C, M, M, P], EC4=[M]),
    (
        "EC3 has 1 Partly of 4 and stays in the middle band. EC1 has 1 Partly of its 2 rated "
        "statements (the don't know is left out), so it is held back. EC2 scores 2, already an "
        "area for improvement: nothing to hold back."
    ),
)
case(
    "a lower band is never raised by the rule",
    rated(EC3=[R, R, R, P], EC4=[R]),
    "1.25 and 1 stay potential areas for priority action: the rule only ever lowers a band.",
)
wk = rated(EC3=[M, M, P, P])
wk["EC3"]["override"] = {
    "outcome": "no-significant-finding",
    "reason": "The two Partly statements are about one team, now restructured.",
}
case(
    "an override with a reason still wins over a held-back suggestion",
    wk,
    "The suggestion is an area for improvement; the respondent's reasoned override is the outcome.",
)

SITE_PLAN = {
    "EC1": [C, C],
    "EC2": [C, M],
    "EC3": [M, M],
    "EC4": [M, P, D],
    "EC5": [P, P],
    "EC6": [P, R],
    "EC7": [R, R],
    "EC8": [D, D],
    "EC9": [C, R],
    "EC10": [M, C, C],
    "EC11": [P, M],
    "EC12": [R, P, P],
    "EC13": [],
    "EC14": [C, C],
    "EC15": [M, P],
    "EC16": [M, M, M],
    "EC17": [P, R, R],
    "EC18": [C, M],
    "EC19": [P, P],
    "EC20": [M, C],
    "EC21": [R, M],
}
site_answers = rated(**{k: v for k, v in SITE_PLAN.items() if v})
site_answers["EC1"]["evidence"] = {
    "know": "",
    "how": "Quarterly multi-agency audit of 20 cases.",
    "doing": "",
}
site_answers["EC14"]["evidence"] = {
    "know": "Schools attend every MACE meeting.",
    "how": "",
    "doing": "",
}
site_answers["EC6"]["override"] = {
    "outcome": "potential-priority-action",
    "reason": "Strategy meetings are often late.",
}
site_answers["EC6"]["actions"] = [
    {
        "id": "s1",
        "what": "Review strategy meeting timeliness",
        "lead": "social-care",
        "due": "2025-05-31",
        "status": "not-started",
    }
]
site_answers["EC17"]["actions"] = [
    {
        "id": "s2",
        "what": "Evaluate the town centre patrol pilot",
        "lead": "csp",
        "due": "2025-04-30",
        "status": "in-progress",
    }
]

real = yaml.safe_load((ROOT / "criteria" / "syv-2023" / "criteria.yml").read_text(encoding="utf-8"))
SITE: dict[str, Any] = {
    "focus_areas": ["strategic", "individual", "places-spaces"],
    "criteria": [
        {"id": c["id"], "focus": c["focus"], "indicators": [i["id"] for i in c["indicators"]]}
        for c in real["criteria"]
    ],
}
case(
    "a practitioner's assessment of all 21 criteria",
    site_answers,
    (
        "Run against the framework's real criteria (fixture and built site). The browser test "
        "fills in these answers through the form and compares the results on screen."
    ),
    framework="syv-2023",
    today="2025-05-01",
    compare=[
        "criteria",
        "overall",
        "focus",
        "lists",
        "strengths_without_evidence",
        "overrides",
        "actions",
        "coverage.indicators_rated",
        "coverage.indicators_dont_know",
        "coverage.criteria_total",
        "coverage.criteria_scored",
        "coverage.criteria_with_evidence",
        "coverage.criteria_with_actions",
    ],
)

case(
    "weak answers are counted, not averaged away",
    rated(
        EC1=[M, M, P, P],
        EC5=[P, P],
        EC9=[C, C, C, C],
        EC10=[C, C, C],
        EC11=[P, M],
        EC14=[C, C, C, C],
    ),
    (
        "Six criteria rated on the real framework. EC1 (Mostly, Mostly, Partly, Partly) and EC11 "
        "(Partly, Mostly) average 2.5 but are held back; with EC5 that is 3 areas for improvement "
        "and 3 strengths. Their average, (2.5 + 2 + 4 + 4 + 2.5 + 4) / 6 = 3.17, would read as "
        "'no significant finding': the overall line counts the bands instead. The browser test "
        "enters these answers through the form."
    ),
    framework="syv-2023",
    today="2025-05-01",
    compare=["criteria", "overall", "focus", "lists"],
)

TARGET = ROOT / "tests" / "vectors" / "scoring.json"


def vectors() -> dict:
    """The whole vectors file: the settings assumed, every case and its expected results."""
    out = []
    for c in cases:
        fw = MINI if c["framework"] == "mini" else SITE
        want = expected(fw, c["answers"], c["today"])
        if c["framework"] == "syv-2023":
            for r in want["criteria"].values():
                del r["unrated"]
        out.append({**c, "expected": want})
    return {
        "description": (
            "Test vectors for assessment/lib/scoring.js: answers in; criterion scores, "
            "suggested outcomes (held back by the weak-answers rule) and effective outcomes, "
            "focus-area and overall results, coverage, lists and "
            "the action list out. Expected values were worked out independently of scoring.js with "
            "exact fractions, rounding half up to 2 decimal places. Made by "
            "tests/vectors/make_scoring_vectors.py (tests/test_scoring_vectors.py checks this file "
            "is what it makes). Used by tests/js/scoring.test.js and "
            "tests/browser/test_assessment.py."
        ),
        "scale": {"levels": LEVELS, "outside": OUTSIDE},
        "outcomes": [{"id": b, "min": float(m)} for b, m in BANDS],
        "weak_answers": {**WEAK, "share": float(WEAK["share"])},
        "evidence_prompts_counted": EVIDENCE,
        "closed_statuses": [k for k, v in CLOSED.items() if v],
        "frameworks": {
            "mini": MINI,
            "syv-2023": {
                "focus": {c["id"]: c["focus"] for c in SITE["criteria"]},
                "note": (
                    "The real framework (criteria/syv-2023). 'focus' records the focus areas "
                    "the expected values assume."
                ),
            },
        },
        "cases": out,
    }


def text() -> str:
    """The file's text, exactly as written."""
    return json.dumps(vectors(), indent=1, ensure_ascii=False)


def main() -> None:
    TARGET.write_text(text(), encoding="utf-8")
    print(f"{len(cases)} cases written to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
