"""The history page of a report shows every saved version: PER_PAGE a page, none dropped (it used to
stop at 500), filtered by question and by person, field names in words, a new report's empty first
versions folded, and no plan-version selector (a template variable once clashed with the base's)."""

from __future__ import annotations

import copy
import re
from html import unescape

from viennaplan.plan.integrity import plan_checksum
from viennaplan.plan.saving import import_plan_document
from viennaplan.reporting.answers import save_answer
from viennaplan.reporting.models import Answer
from viennaplan.reporting.views.history import PER_PAGE

SAVES = 600


def history_url(report, query: str = "") -> str:
    return f"/reporting/{report.cycle_id}/CHE/history{query}"


def shown_versions(html: str) -> list[str]:
    section = html[html.index('id="versions"') :]
    return re.findall(r'<tr data-version="(\d+)">', section)


def test_a_report_with_600_versions_shows_them_all_across_pages(report_a, client_as, focal_point_a):
    answer = Answer.objects.get(report=report_a, question__path="57/k")
    for version in range(1, SAVES + 1):
        answer = save_answer(focal_point_a, answer, {"narrative": f"Round {version}."}, version)
    history = Answer.history.model.objects.filter(report_id=report_a.pk)
    empty_first = history.filter(version=1).count()  # every answer starts empty, 57(k) too
    every = {str(pk) for pk in history.values_list("history_id", flat=True)}
    client = client_as(focal_point_a)
    first = client.get(history_url(report_a)).content.decode()
    pages = -(-len(every) // PER_PAGE)
    assert f"page 1 of {pages}" in first and len(every) >= SAVES
    seen, folded = [], 0
    for number in range(1, pages + 1):
        html = client.get(history_url(report_a, f"?page={number}")).content.decode()
        seen += shown_versions(html)
        folded += len(re.findall(r'<span data-version="(\d+)">', html))
    assert len(seen) == len(set(seen)) and len(seen) + folded == len(every)
    assert folded == empty_first  # the new report's empty answers: folded, still counted
    assert set(seen) | {v for v in every if v not in seen} == every


def test_versions_filter_by_question_and_person_and_bad_input_is_refused(report_a, client_as, focal_point_a):
    answer = Answer.objects.get(report=report_a, question__path="57/k")
    save_answer(focal_point_a, answer, {"responsible_institution": "Ministry of Justice"}, 1)
    client = client_as(focal_point_a)
    html = client.get(history_url(report_a, "?question=57/k")).content.decode()
    rows = re.findall(r'<tr data-version="\d+">.*?</tr>', html[html.index('id="versions"') :], flags=re.S)
    assert rows and all(">57(k)<" in row for row in rows)
    by = client.get(history_url(report_a, f"?by={focal_point_a.pk}")).content.decode()
    assert len(shown_versions(by)) == 1
    for query, words in (
        ("?page=0", "?page='0' does not exist"),
        ("?page=x", "?page='x' does not exist"),
        ("?question=99/z", "is not one of this report's questions"),
        ("?by=999999", "is not one of the people who saved a version"),
    ):
        response = client.get(history_url(report_a, query))
        assert response.status_code == 400 and words in unescape(response.content.decode()), query


def test_field_names_are_words_and_no_plan_version_selector_shows(report_a, client_as, focal_point_a, plan_document):
    revised = copy.deepcopy(plan_document)  # a second plan version: the selector would have something to offer
    revised.paragraphs[0].text += " (revised)"
    revised.checksum = plan_checksum(revised)
    import_plan_document(revised, source_name="revised.txt")
    answer = Answer.objects.get(report=report_a, question__path="57/k")
    save_answer(focal_point_a, answer, {"responsible_institution": "Ministry of Justice"}, 1)
    html = client_as(focal_point_a).get(history_url(report_a)).content.decode()
    assert '<th scope="row">Responsible national institution</th>' in html
    assert ">responsible_institution<" not in html
    assert 'id="version-select"' not in html and "undated" not in html
    assert re.search(r'<details id="versions-unanswered"><summary>\d+ questions started empty', html)
