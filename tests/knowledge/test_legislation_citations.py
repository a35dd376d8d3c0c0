"""An answer of a national report cites a law of the database: the focal point picks one of the
State's published laws for a measure, the answer keeps the law's page, and the law's page lists the
answers citing it that the reader may see."""

from __future__ import annotations

from datetime import date

import pytest
from legislation_sample import LAWS

from viennaplan.knowledge.legislation_csv import import_legislation
from viennaplan.reporting.answer_data import AnswerDataError
from viennaplan.reporting.answers import save_answer
from viennaplan.reporting.cycles import open_cycle, report_for
from viennaplan.reporting.transitions import apply_transition

pytestmark = pytest.mark.django_db

LAW = "/knowledge/legislation/CHE/SR-514.54"


@pytest.fixture
def report(imported_plan, secretariat):
    import_legislation(LAWS.encode(), source_name="laws.csv")
    cycle = open_cycle(secretariat, "2002 review", date(2002, 1, 1), date(2002, 12, 31), ["VI"])
    return report_for(cycle, "CHE")


def answer_to(report, path="57/a"):
    return report.answers.get(question__path=path)


def test_the_form_offers_the_states_published_laws(report, client_as, focal_point_a):
    page = client_as(focal_point_a).get(f"/reporting/{report.cycle_id}/CHE/chapter/VI").content.decode()
    assert f'<option value="{LAW}">Federal Act on Weapons, Weapon Equipment and Ammunition</option>' in page
    assert "/knowledge/legislation/FRA/" not in page  # another State's (and a draft)


def test_a_picked_law_is_saved_with_its_kind_and_title(report, client_as, focal_point_a):
    answer = answer_to(report)
    response = client_as(focal_point_a).post(
        f"/reporting/{report.cycle_id}/CHE/answers/{answer.pk}",
        {
            "status": "implemented",
            "measure_kind": ["", ""],
            "measure_title": ["", ""],
            "measure_url": ["", ""],
            "measure_date": ["", ""],
            "measure_record": [LAW, ""],
            "version": "1",
        },
    )
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.measures == [
        {"kind": "law", "title": "Federal Act on Weapons, Weapon Equipment and Ammunition", "url": LAW, "date": ""}
    ]


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("/knowledge/legislation/FRA/CP-2001", "no published record"),  # a draft, and France's
        ("/knowledge/legislation/CHE/NO-SUCH-LAW", "no published record"),
    ],
)
def test_a_law_not_on_file_is_refused_and_nothing_is_saved(report, focal_point_a, url, why):
    answer = answer_to(report)
    with pytest.raises(AnswerDataError, match=why):
        save_answer(focal_point_a, answer, {"measures": [{"kind": "law", "title": "A law", "url": url}]}, 1)
    answer.refresh_from_db()
    assert answer.measures == [] and answer.version == 1


def test_another_states_law_is_refused(report, focal_point_a):
    import_legislation(
        (LAWS.splitlines()[0] + "\nFRA,CP-1994,Code pénal,Criminal Code,act,fr,,,in_force,,,,,,yes,\n").encode(),
        source_name="fra.csv",
    )
    with pytest.raises(AnswerDataError, match="is a record of FRA; a report of CHE cites its own"):
        save_answer(
            focal_point_a,
            answer_to(report),
            {"measures": [{"kind": "law", "title": "x", "url": "/knowledge/legislation/FRA/CP-1994"}]},
            1,
        )


def test_the_laws_page_lists_the_answers_citing_it_that_the_reader_may_see(
    report, client, client_as, focal_point_a, focal_point_b, reviewer, secretariat
):
    save_answer(
        focal_point_a, answer_to(report), {"measures": [{"kind": "law", "title": "Weapons Act", "url": LAW}]}, 1
    )
    assert 'id="citing-answers"' in client_as(focal_point_a).get(LAW).content.decode()
    assert 'id="citing-answers"' not in client.get(LAW).content.decode()  # a draft report
    assert 'id="citing-answers"' not in client_as(focal_point_b).get(LAW).content.decode()
    apply_transition(focal_point_a, report, "submit", "")
    apply_transition(reviewer, report, "validate", "")
    apply_transition(secretariat, report, "publish", "")
    page = client.get(LAW).content.decode()
    assert 'id="citing-answers"' in page and f"/reporting/{report.cycle_id}/CHE/chapter/VI#question-" in page
