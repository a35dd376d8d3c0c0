"""A State's report in a new cycle starts from its answers in the previous cycle."""

from __future__ import annotations

from datetime import date

from viennaplan.reporting.answers import save_answer
from viennaplan.reporting.cycles import open_cycle, report_for
from viennaplan.reporting.models import Answer

LAW = {"kind": "law", "title": "Firearms Act", "url": "", "date": "2001-06-01"}


def test_answers_are_carried_over_where_the_same_provision_is_asked(cycle, report_a, focal_point_a, secretariat):
    answer = Answer.objects.get(report=report_a, question__path="57/k")
    save_answer(
        focal_point_a,
        answer,
        {
            "status": "partially_implemented",
            "narrative": "Marking law adopted.",
            "measures": [LAW],
            "responsible_institution": "Federal Police",
            "assistance_needed": True,
            "assistance_description": "Record-keeping software",
        },
        1,
    )
    later = open_cycle(secretariat, "2005 review", date(2005, 1, 1), date(2005, 12, 31), ["VI", "VII", "VIII"])
    report = report_for(later, "CHE")
    carried = Answer.objects.get(report=report, question__path="57/k")
    assert (carried.status, carried.narrative, carried.measures) == (
        "partially_implemented",
        "Marking law adopted.",
        [LAW],
    )
    assert (carried.responsible_institution, carried.assistance_needed, carried.assistance_description) == (
        "Federal Police",
        True,
        "Record-keeping software",
    )
    assert carried.version == 1 and carried.carried_over_from == answer and report.carried_over_from == report_a
    assert carried.history.first().history_change_reason == "carried over from 2002 review"


def test_questions_new_in_the_cycle_start_blank(cycle, report_a, secretariat):
    later = open_cycle(secretariat, "2005 review", date(2005, 1, 1), date(2005, 12, 31), ["VI", "VII", "VIII"])
    report = report_for(later, "CHE")
    new = Answer.objects.filter(report=report, question__chapter="VIII")
    assert new.exists() and all(a.status == "" and a.carried_over_from is None for a in new)
    assert report.answers.count() == later.questions.count()


def test_a_state_without_an_earlier_report_starts_blank(cycle, secretariat):
    later = open_cycle(secretariat, "2005 review", date(2005, 1, 1), date(2005, 12, 31), ["VI"])
    report = report_for(later, "FRA")
    assert report.carried_over_from is None and not report.answers.exclude(status="").exists()


def test_the_latest_earlier_cycle_is_the_source(cycle, report_a, focal_point_a, secretariat):
    middle = open_cycle(secretariat, "2003 review", date(2003, 1, 1), date(2003, 12, 31), ["VI", "VII"])
    middle_report = report_for(middle, "CHE")
    save_answer(
        focal_point_a, Answer.objects.get(report=middle_report, question__path="57/k"), {"status": "implemented"}, 1
    )
    later = open_cycle(secretariat, "2005 review", date(2005, 1, 1), date(2005, 12, 31), ["VI", "VII"])
    assert Answer.objects.get(report=report_for(later, "CHE"), question__path="57/k").status == "implemented"


def test_report_for_returns_the_same_report_every_time(cycle):
    first = report_for(cycle, "CHE")
    assert report_for(cycle, "CHE") == first and first.answers.count() == cycle.questions.count()


def test_the_answers_list_names_the_cycle_each_answer_came_from(cycle, report_a, focal_point_a, secretariat, client_as):
    answer = Answer.objects.get(report=report_a, question__path="57/k")
    save_answer(focal_point_a, answer, {"status": "implemented", "narrative": "Marking law adopted."}, 1)
    later = open_cycle(secretariat, "2005 review", date(2005, 1, 1), date(2005, 12, 31), ["VI", "VIII"])
    report = report_for(later, "CHE")
    listed = client_as(focal_point_a).get(f"/api/reporting/reports/{later.pk}/CHE/answers").json()
    came_from = {line["question"]["path"]: line["carried_over_from_cycle"] for line in listed}
    assert came_from["57/k"] == "2002 review"
    new = set(report.answers.filter(carried_over_from=None).values_list("question__path", flat=True))
    assert new and all(came_from[path] is None for path in new)
    assert all(came_from[path] == "2002 review" for path in set(came_from) - new)
