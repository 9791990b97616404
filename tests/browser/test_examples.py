"""Worked examples in headless Chromium: the findings explorer, the training exercise, handouts.

The expected numbers are worked out here from the same generated data the page uses
(window.JTAI.data.findings), so the tests follow the content when it changes. Every state the
scripts create (filtered lists, each step of the exercise, the error message) is checked with
axe-core; the pages themselves are also covered by test_site_pages.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    assert_no_outside_requests,
    horizontal_overflow,
    run_axe,
    wait_until_still,
)

pytestmark = pytest.mark.browser

EXPLORER = "examples/explorer.html"
TRAINING = "examples/training.html"
PRACTICE = "alfie-2019"  # the example the full exercise runs through
MAX_TABS = 80


def findings_data(page: Any) -> dict[str, Any]:
    return page.evaluate("() => window.JTAI.data.findings")


def rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        dict(f, example=e["id"], area=e["area"]) for e in data["examples"] for f in e["findings"]
    ]


def shows(finding: dict[str, Any]) -> str:
    """What a finding shows: the letter's words in quotation marks, or ours."""
    return f"\u201c{finding['quote']}\u201d" if finding["quote"] else finding["text"]


def expected(
    data: dict[str, Any], criterion="", type="", agency="", example="", area=""
) -> list[str]:
    return [
        f["id"]
        for f in rows(data)
        if (not criterion or criterion in [c["id"] for c in f["criteria"]])
        and (not type or f["type"] == type)
        and (not agency or agency in f["agencies"])
        and (not example or f["example"] == example)
        and (not area or f["area"] == area)
    ]


def shown(page: Any) -> list[str]:
    return page.eval_on_selector_all(".jtai-result", "els => els.map(e => e.dataset.finding)")


def count_text(page: Any) -> str:
    return page.locator("#jtai-explorer-count").inner_text()


def assert_clean(recorded: Any, where: str) -> None:
    """axe-core finds nothing once the theme's transitions (such as "Back to top") have ended
    (a cancelled transition never finishes, so wait for none to be running, not for each)."""
    wait_until_still(recorded.page)
    violations = run_axe(recorded.page)
    assert not violations, f"{where}:\n" + "\n".join(violations)
    assert not recorded.console_errors, recorded.console_errors


# --- The explorer ----------------------------------------------------------------------------


def test_the_explorer_filters_change_the_count(page, site_server) -> None:
    recorded = page(f"{site_server}/{EXPLORER}")
    p = recorded.page
    data = findings_data(p)
    total = len(rows(data))
    assert total >= 30
    assert shown(p) == expected(data)
    assert count_text(p) == f"Showing {total} of {total} findings."
    status = p.locator("#jtai-explorer-count")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    assert p.locator("fieldset legend", has_text="Filter the findings").count() == 1

    steps = [
        ({"criterion": "EC9"}, "Criterion"),
        ({"criterion": "EC9", "type": "area-for-improvement"}, "Type of finding"),
        ({"criterion": "", "type": "area-for-improvement"}, "Criterion"),
        ({"type": "area-for-improvement", "example": "somerset-2024"}, "Example"),
        ({"type": "", "example": "somerset-2024", "agency": "health"}, "Agency"),
    ]
    filters: dict[str, str] = {}
    for change, _ in steps:
        for name, value in change.items():
            p.select_option(f"#jtai-filter-{name}", value)
        filters.update(change)
        want = expected(data, **filters)
        assert shown(p) == want, filters
        assert p.locator("#jtai-explorer-count").get_attribute("data-count") == str(len(want))
        assert count_text(p) == f"Showing {len(want)} of {total} findings.", filters
    assert_clean(recorded, f"explorer filtered by {filters}")

    p.select_option("#jtai-filter-criterion", "EC11")
    p.select_option("#jtai-filter-agency", "")
    if not expected(data, criterion="EC11", example="somerset-2024"):
        assert shown(p) == []
        assert count_text(p) == f"No findings match these filters. Showing 0 of {total}."
        assert_clean(recorded, "explorer with no results")

    p.get_by_role("button", name="Clear the filters").click()
    assert shown(p) == expected(data)
    assert p.evaluate("() => document.activeElement.id") == "jtai-filter-criterion"
    assert_no_outside_requests(recorded.requests, site_server)


def test_the_explorer_filters_by_keyboard_and_from_the_address(page, site_server) -> None:
    recorded = page(f"{site_server}/{EXPLORER}?criterion=EC16&type=strength")
    p = recorded.page
    data = findings_data(p)
    assert shown(p) == expected(data, criterion="EC16", type="strength")
    p.locator("#jtai-filter-type").focus()
    p.keyboard.press("Home")  # "Any type", chosen with the keyboard alone
    assert p.locator("#jtai-filter-type").input_value() == ""
    assert shown(p) == expected(data, criterion="EC16")


def test_each_result_links_to_its_example_and_criteria(page, site_server) -> None:
    recorded = page(f"{site_server}/{EXPLORER}?example=somerset-2024")
    p = recorded.page
    somerset = next(e for e in findings_data(p)["examples"] if e["id"] == "somerset-2024")
    top = somerset["findings"][0]["id"]
    first = p.locator(".jtai-result").first
    assert shows(somerset["findings"][0]) in first.inner_text()
    letter = first.locator(".jtai-result__from a")
    assert letter.get_attribute("href") == somerset["letter"]["address"]
    link = first.locator(".jtai-result__meta a")
    assert link.get_attribute("href") == f"../examples/somerset-2024.html#{top}"
    with p.expect_navigation():
        link.click()
    assert p.url.endswith(f"somerset-2024.html#{top}")
    assert p.locator(f"#{top}").is_visible()


def test_the_explorer_filters_by_area_and_kind(page, site_server) -> None:
    recorded = page(f"{site_server}/{EXPLORER}?area=Merton&type=strength")
    p = recorded.page
    data = findings_data(p)
    want = expected(data, area="Merton", type="strength")
    merton = next(e for e in data["examples"] if e["area"] == "Merton")
    assert len(want) == merton["letter"]["counts"]["strengths"] == 14
    assert shown(p) == want
    p.select_option("#jtai-filter-area", "Leeds")
    assert shown(p) == expected(data, area="Leeds", type="strength")
    assert_clean(recorded, "explorer: filtered by area and kind")


# --- The training exercise ------------------------------------------------------------------


def mark(model: list[str], chosen: list[str]) -> dict[str, Any]:
    matches = [c for c in model if c in chosen]
    misses = [c for c in model if c not in chosen]
    extras = [c for c in chosen if c not in model]
    result = "right" if matches and not misses and not extras else "partly" if matches else "wrong"
    return {"result": result, "matches": matches, "misses": misses, "extras": extras}


def plan_answers(data: dict[str, Any], example_id: str) -> list[list[str]]:
    """Right, partly right (one right plus one extra), wrong, then round again."""
    every = [c["id"] for c in data["criteria"]]
    findings = next(e for e in data["examples"] if e["id"] == example_id)["findings"]
    answers = []
    for i, f in enumerate(findings):
        model = [c["id"] for c in f["criteria"]]
        other = next(c for c in every if c not in model)
        answers.append([model, [model[0], other], [other]][i % 3])
    return answers


def choose(p: Any, criteria: list[str]) -> None:
    for criterion in criteria:
        p.locator(f"input[name=criterion][value={criterion}]").check()


def focused_heading(p: Any) -> str:
    return p.evaluate(
        "() => document.activeElement.tagName === 'H2' ? document.activeElement.textContent : ''"
    )


def test_a_full_exercise_with_right_partly_right_and_wrong_answers(page, site_server) -> None:
    recorded = page(f"{site_server}/{TRAINING}?example={PRACTICE}")
    p = recorded.page
    data = findings_data(p)
    findings = next(e for e in data["examples"] if e["id"] == PRACTICE)["findings"]
    answers = plan_answers(data, PRACTICE)
    assert p.locator(f"input[name=example][value={PRACTICE}]").is_checked()
    assert_clean(recorded, "exercise: choose an example")
    p.get_by_role("button", name="Start the exercise").click()

    words = {"right": "right", "partly": "partly right", "wrong": "not right"}
    marks = []
    for n, (finding, chosen) in enumerate(zip(findings, answers, strict=True), start=1):
        assert focused_heading(p) == f"Finding {n} of {len(findings)}"
        assert shows(finding) in p.locator(".jtai-finding-card").inner_text()
        if n == 1:
            assert_clean(recorded, "exercise: a question")
            p.get_by_role("button", name="Check my answer").click()  # nothing ticked yet
            assert "Choose at least one criterion" in p.locator(".jtai-error").inner_text()
            assert_clean(recorded, "exercise: nothing chosen")
        choose(p, chosen)
        p.get_by_role("button", name="Check my answer").click()
        model = [c["id"] for c in finding["criteria"]]
        m = mark(model, chosen)
        marks.append(m)
        assert focused_heading(p) == f"Finding {n}: {words[m['result']]}"
        assert p.locator(".jtai-verdict").get_attribute("data-result") == m["result"]
        outcomes = p.eval_on_selector_all(
            ".jtai-mapping__item", "els => els.map(e => [e.dataset.criterion, e.dataset.outcome])"
        )
        assert outcomes == (
            [[c, "match"] if c in m["matches"] else [c, "miss"] for c in model]
            + [[c, "extra"] for c in m["extras"]]
        )
        for c in finding["criteria"]:
            assert c["rationale"] in p.locator(".jtai-mapping").first.inner_text()
        if n <= 3:
            assert_clean(recorded, f"exercise: feedback on finding {n}")
        last = n == len(findings)
        p.get_by_role("button", name="See your score" if last else "Next finding").click()

    assert {m["result"] for m in marks} == {"right", "partly", "wrong"}
    right = sum(m["result"] == "right" for m in marks)
    partly = sum(m["result"] == "partly" for m in marks)
    found = sum(len(m["matches"]) for m in marks)
    in_model = sum(len(m["matches"]) + len(m["misses"]) for m in marks)
    extras = sum(len(m["extras"]) for m in marks)
    assert focused_heading(p) == "Your score"
    score = p.locator("#jtai-score")
    assert score.inner_text() == (
        f"You got {right} of {len(findings)} findings right and {partly} partly right. "
        f"You found {found} of the {in_model} criteria in our mapping and chose {extras} others."
    )
    assert score.get_attribute("data-wrong") == str(len(findings) - right - partly)
    assert p.locator(".jtai-score-list li").count() == len(findings)
    assert_clean(recorded, "exercise: the score")

    p.get_by_role("button", name="Start again").click()
    assert focused_heading(p) == f"Finding 1 of {len(findings)}"
    assert not p.locator("input[name=criterion]:checked").count()
    assert_no_outside_requests(recorded.requests, site_server)


def tab_to(p: Any, selector: str) -> None:
    """Press Tab until the focused element matches the selector."""
    for _ in range(MAX_TABS):
        p.keyboard.press("Tab")
        if p.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{MAX_TABS} Tabs never reached {selector}")


def test_the_exercise_works_by_keyboard_alone(page, site_server) -> None:
    recorded = page(f"{site_server}/{TRAINING}")
    p = recorded.page
    data = findings_data(p)
    second = data["examples"][0]  # the choice after the set drawn from every letter
    tab_to(p, "input[name=example]")
    p.keyboard.press("ArrowDown")  # radios: arrow keys move the choice
    assert p.locator(f"input[name=example][value={second['id']}]").is_checked()
    tab_to(p, "button[type=submit]")
    p.keyboard.press("Enter")
    assert focused_heading(p) == f"Finding 1 of {len(second['findings'])}"

    order = [c for g in data["focus_areas"] for c in g["criteria"]]  # the boxes' tab order
    model = sorted((c["id"] for c in second["findings"][0]["criteria"]), key=order.index)
    for criterion in model:
        tab_to(p, f"input[value={criterion}]")
        p.keyboard.press("Space")
    tab_to(p, "button[type=submit]")
    p.keyboard.press("Enter")
    assert focused_heading(p) == "Finding 1: right"
    tab_to(p, "button.md-button")
    p.keyboard.press("Enter")
    assert focused_heading(p) == f"Finding 2 of {len(second['findings'])}"
    assert not recorded.console_errors, recorded.console_errors


def test_the_exercise_and_explorer_work_from_disk(page, built_site: Path) -> None:
    recorded = page((built_site / "examples" / "training.html").as_uri() + f"?example={PRACTICE}")
    p = recorded.page
    p.get_by_role("button", name="Start the exercise").click()
    assert focused_heading(p).startswith("Finding 1 of ")
    recorded.goto((built_site / "examples" / "explorer.html").as_uri() + "?criterion=EC8")
    data = findings_data(p)
    assert shown(p) == expected(data, criterion="EC8")
    assert not recorded.console_errors, recorded.console_errors
    assert_no_outside_requests(recorded.requests, None)


def test_nothing_is_stored(page, site_server) -> None:
    recorded = page(f"{site_server}/{TRAINING}?example={PRACTICE}")
    p = recorded.page
    p.get_by_role("button", name="Start the exercise").click()
    choose(p, ["EC1"])
    p.get_by_role("button", name="Check my answer").click()
    stored = p.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert stored == [0, 0, ""]


@pytest.mark.parametrize("path", [EXPLORER, TRAINING])
def test_the_scripted_pages_fit_320px(page, site_server, path) -> None:
    recorded = page(f"{site_server}/{path}?example={PRACTICE}", width=320, height=640)
    p = recorded.page
    if path == TRAINING:
        p.get_by_role("button", name="Start the exercise").click()
    overflow = horizontal_overflow(p)
    assert overflow["scrollWidth"] <= 320, overflow


def test_the_exercise_offers_a_set_from_every_letter_first(page, site_server) -> None:
    recorded = page(f"{site_server}/{TRAINING}")
    p = recorded.page
    data = findings_data(p)
    letters = [e for e in data["examples"] if e["letter"]]
    first = p.locator("input[name=example]").first
    assert first.get_attribute("value") == "every-letter" and first.is_checked()
    p.get_by_role("button", name="Start the exercise").click()
    heading = p.locator("h2.jtai-step-heading").inner_text()
    total = int(heading.rsplit(" ", 1)[1])
    areas = []
    for n in range(1, total + 1):
        card = p.locator(".jtai-finding-card")
        areas.append(card.locator(".jtai-finding-card__from").inner_text().split(":", 1)[0])
        if n == 1:
            assert_clean(recorded, "exercise from every letter: a question")
        choose(p, ["EC1"])
        p.get_by_role("button", name="Check my answer").click()
        p.get_by_role("button", name="See your score" if n == total else "Next finding").click()
    assert set(areas) == {e["area"] for e in letters}
    assert focused_heading(p) == "Your score"


# --- Print views ---------------------------------------------------------------------------


def test_the_handout_prints_without_answers_or_site_chrome(page, site_server) -> None:
    recorded = page(f"{site_server}/examples/handout-somerset-2024.html")
    p = recorded.page
    data = findings_data_from_site(page, site_server)
    somerset = next(e for e in data["examples"] if e["id"] == "somerset-2024")
    p.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".jtai-no-print"):
        assert not p.locator(selector).first.is_visible(), selector
    text = p.locator(".md-content").inner_text()
    assert all(shows(f) in text for f in somerset["findings"])
    assert not [
        c["rationale"]
        for f in somerset["findings"]
        for c in f["criteria"]
        if c["rationale"] in text
    ]


def test_the_facilitator_copy_prints_with_answers(page, site_server) -> None:
    recorded = page(f"{site_server}/examples/somerset-2024.html")
    p = recorded.page
    p.emulate_media(media="print")
    assert not p.locator(".md-header").is_visible()
    assert not p.locator(".md-content .md-button").first.is_visible()
    text = p.locator(".md-content").inner_text()
    assert "Questions to discuss" in text
    assert p.locator(".jtai-finding li a[href$='ec9.html']").count() >= 1


def findings_data_from_site(page, site_server) -> dict[str, Any]:
    recorded = page(f"{site_server}/{EXPLORER}")
    return findings_data(recorded.page)


# --- A web address the page cannot use (issue 23, point 7) -------------------------------------


@pytest.mark.parametrize(
    "query, says",
    [
        ("criterion=%E0%A4%A&type=strength", "The criterion in the web address could not be read"),
        ("criterion=EC99&type=strength", "asks for the criterion \u201cEC99\u201d"),
    ],
    ids=["unreadable", "unknown"],
)
def test_the_explorer_ignores_a_bad_address_with_a_message(page, site_server, query, says) -> None:
    recorded = page(f"{site_server}/{EXPLORER}?{query}")
    p = recorded.page
    data = findings_data(p)
    note = p.locator("[data-address-note]")
    assert says in note.inner_text()
    assert "so it was ignored" in note.inner_text()
    assert shown(p) == expected(data, type="strength"), "the readable filter still applies"
    assert p.locator("#jtai-filter-criterion").input_value() == ""
    p.select_option("#jtai-filter-criterion", "EC16")
    assert shown(p) == expected(data, criterion="EC16", type="strength"), "the filters still work"
    assert_clean(recorded, "explorer with an address it ignored")


def test_the_exercise_ignores_a_bad_address_with_a_message(page, site_server) -> None:
    recorded = page(f"{site_server}/{TRAINING}?example=%E0%A4%A&criterion=%E0%A4%A")
    p = recorded.page
    note = p.locator("[data-address-note]")
    assert note.inner_text().count("could not be read, so it was ignored") == 1, (
        "only the example is read here"
    )
    assert "The example in the web address" in note.inner_text()
    assert p.locator("input[name=example]:checked").count() == 1, "the first example is chosen"
    p.get_by_role("button", name="Start the exercise").click()
    assert p.locator("input[name=criterion]").count() > 0, "the exercise runs"
    assert p.locator("[data-address-note]").count() == 0, "said once, not on every step"
    assert_clean(recorded, "exercise with an address it ignored")
