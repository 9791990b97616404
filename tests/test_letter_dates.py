"""The published letters' dates against the framework's timetable (issue 22 point 4).

The working days are worked out by the generator from each letter's dates (after.yml
published_letters); these tests check them against an independent count with the holidays
package, and that the planner page states the framework's latest date as the headline and cites
each letter.
"""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from generator import letter_dates, model, render

pytestmark = pytest.mark.syv  # about the real serious youth violence content


def count(a: str, b: str) -> int:
    """Working days d with a < d <= b, England and Wales, counted independently."""
    closed = holidays.country_holidays("GB", subdiv="ENG", years=range(2023, 2025))
    start, end = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    days = (start + dt.timedelta(days=n) for n in range(1, (end - start).days + 1))
    return sum(1 for d in days if d.weekday() < 5 and d not in closed)


@pytest.fixture(scope="module")
def found(site: model.Site) -> dict[str, letter_dates.LetterDates]:
    return {x.area: x for x in letter_dates.letters(site)}


def test_five_letters_with_their_addresses(found):
    assert list(found) == ["Manchester", "Merton", "Lancashire", "Leeds", "Somerset"]
    assert all(x.url.startswith("https://files.ofsted.gov.uk/v1/file/") for x in found.values())


def test_publication_took_34_to_66_working_days(found):
    for x in found.values():
        assert x.publication_days == count(x.fieldwork_end, x.published), x.area
    assert found["Manchester"].publication_days == 34
    assert found["Lancashire"].publication_days == 66
    summary = letter_dates.summary(list(found.values()))
    assert (summary["publication_fewest"], summary["publication_most"]) == (34, 66)


def test_how_each_letter_counted_its_statement_of_action_date(found):
    wording = "70 working days after publication"
    plus_70 = [a for a, x in found.items() if x.statement_counted == wording]
    assert plus_70 == ["Merton", "Leeds", "Somerset"]
    assert found["Lancashire"].statement_counted.startswith("70 working days after the standard")
    assert count(found["Lancashire"].standard_publication, "2024-07-10") == 70
    manchester = found["Manchester"]
    assert manchester.statement_weekend and manchester.statement_days == 68
    assert manchester.statement_counted == "68 working days after publication, on a Saturday"


def test_the_late_ones_say_why_as_our_reading(site, found):
    page = render.render(site).pages["planner.md"]
    for x in found.values():
        assert f"[{x.area}]({x.url})" in page, x.area
        row = page.split(f"[{x.area}]({x.url})", 1)[1].split("\n", 1)[0]
        if x.published != x.standard_publication:
            assert "(our reading: " in row or "(we know of no reason)" in row, x.area
    assert "(our reading: Fieldwork ended in December" in page


def test_the_planner_page_gives_the_framework_s_latest_date_as_the_headline(site):
    page = render.render(site).pages["planner.md"]
    statement = page.split("### Statement of action", 1)[1].split("\n### ", 1)[0]
    assert "within 70 working days of\nreceiving the final letter of findings" in statement.replace(
        "of receiving", "of\nreceiving"
    )
    assert "headline date is 70 working days after the\nfinal letter" in statement
    assert "The date written in your letter is the one that counts" in statement
    assert 'id="planner-letter-form"' in page
    assert "34 to 66 working days" in page
