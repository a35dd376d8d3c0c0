"""A cycle asks only about chapters with national actions: chapters I and II of the plan have none,
so the open-cycle form does not offer them, and asking for one (form, API or code) is refused with
the chapters that can be asked, and nothing is saved (issue 10)."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest

from viennaplan.reporting.cycles import CycleError, open_cycle, reporting_chapters
from viennaplan.reporting.models import ReportingCycle


def test_the_plans_chapters_with_national_actions_are_iii_to_xii(imported_plan):
    assert reporting_chapters(imported_plan) == ["III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def test_the_form_offers_only_chapters_with_national_actions(imported_plan, client_as, secretariat):
    page = client_as(secretariat).get("/reporting/").content.decode()
    offered = re.findall(r'name="chapters" value="([IVX]+)"', page)
    assert offered == ["III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def test_a_chapter_without_national_actions_is_refused_and_nothing_is_saved(imported_plan, client_as, secretariat):
    with pytest.raises(CycleError, match=r"chapter I has no national action to report on; the chapters with"):
        open_cycle(secretariat, "2002 review", date(2002, 1, 1), date(2002, 12, 31), ["I", "III"])
    with pytest.raises(CycleError, match=r"chapters I, II have no national action"):
        open_cycle(secretariat, "2002 review", date(2002, 1, 1), date(2002, 12, 31), ["II", "I"])
    response = client_as(secretariat).post(
        "/reporting/", {"name": "2002 review", "opens": "2002-01-01", "closes": "2002-12-31", "chapters": ["I", "VI"]}
    )
    assert response.status_code == 400
    assert not ReportingCycle.objects.exists()
    assert "I is not one of the available choices" in unescape(response.content.decode())  # not offered
