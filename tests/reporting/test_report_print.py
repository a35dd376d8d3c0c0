"""A State's report for paper (issue 10, part 6): /reporting/<cycle>/<A3>/print and its PDF
/reporting/<cycle>/<A3>/report.pdf: the identification (State, cycle, status, date printed) on every
page, no site header, menu, banners, forms or buttons; every chapter, question and answer; the
workflow events; access exactly as the report page's."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import timezone

from viennaplan.dates import long_date
from viennaplan.printing import rendered_text
from viennaplan.reporting.answers import save_answer
from viennaplan.reporting.views.printing import report_print_html

NARRATIVE = "The Federal Act on firearms entered into force."
INSTITUTION = "Federal Office of Police"
NEED = "Training of customs officers in tracing firearms."
FRA_SECRET = "DRAFT OF STATE B, NOT FOR ANYONE ELSE"


def answer_all(user, report, **first) -> None:
    answers = list(report.answers.select_related("question").order_by("question__position"))
    for index, answer in enumerate(answers):
        data = {"status": "implemented" if index % 2 else "in_progress", "narrative": f"Answer {index + 1}."}
        if index == 0:
            data.update(first)
        save_answer(user, answer, data, expected_version=answer.version)


@pytest.fixture
def filled(report_a, focal_point_a):
    answer_all(
        focal_point_a,
        report_a,
        narrative=NARRATIVE,
        responsible_institution=INSTITUTION,
        assistance_needed=True,
        assistance_description=NEED,
        measures=[{"kind": "law", "title": "Federal Act on Weapons", "url": "https://example.org/act", "date": ""}],
    )
    report_a.refresh_from_db()
    return report_a


def url(report, suffix: str = "print") -> str:
    return f"/reporting/{report.cycle_id}/{report.state_id}/{suffix}"


def doc_id(report, status: str) -> str:
    return f"Report of Switzerland (CHE) · 2002 review · {status} · printed {long_date(timezone.localdate())}"


def text_of(html: str) -> str:
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace("&#x27;", "'")


def test_the_focal_point_prints_their_draft_whole_without_the_site_around_it(filled, client_as, focal_point_a):
    response = client_as(focal_point_a).get(url(filled))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    text = text_of(html)
    assert doc_id(filled, "Draft") in text
    for absent in ('class="site-header"', 'class="site-nav"', "<form", "<button", "demo-banner", "site-footer"):
        assert absent not in html
    questions = list(filled.cycle.questions.order_by("position"))
    assert len(questions) > 5
    for question in questions:  # every question of both chapters, with its answer
        assert f'data-citation="{question.citation}"' in html
    assert "Chapter VI." in text and "Chapter VII." in text
    assert f"{len(questions)} of {len(questions)} questions" in text
    for words in (NARRATIVE, INSTITUTION, NEED, "Federal Act on Weapons", "Implemented", "In progress"):
        assert words in text, words
    assert f"Answer {len(questions)}." in text
    assert "has never been submitted" in text  # no workflow event yet
    # browsers that print no @page margin box repeat the identification at each chapter and the events
    assert html.count(f'<p class="running" aria-hidden="true">{doc_id(filled, "Draft")}</p>') == 3


def test_the_identification_is_on_every_page_of_the_pdf(filled, client_as, focal_point_a, move):
    move(filled, "submit", "return")
    response = client_as(focal_point_a).get(url(filled, "report.pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and "report-CHE-" in response["Content-Disposition"]
    html = report_print_html(filled, timezone.localdate(), for_pdf=True)  # the PDF's HTML
    identification = doc_id(filled, "Returned to the focal point")
    assert f"@top-left {{ content: {css(identification)};" in html  # the running header, browsers too
    pages = [" ".join(page.split()) for page in rendered_text(html).split("\f")]
    assert len(pages) >= 3  # the cover, a page per chapter, the events
    for number, page in enumerate(pages, start=1):
        assert identification in page, number
        assert f"Page {number} of {len(pages)}" in page
        assert "CHE · 2002 review · Returned to the focal point (not published)" in page
    events = " ".join(pages)
    assert "Submit Submitted → Returned" not in events and "Return Submitted → Returned to the focal point" in events


def css(text: str) -> str:
    from viennaplan.printing import css_string

    return str(css_string(text))


@pytest.mark.parametrize("suffix", ["print", "report.pdf"])
def test_another_states_focal_point_and_the_public_get_404_for_a_draft(
    filled, client_as, focal_point_b, report_b, suffix
):
    answer_all(focal_point_b, report_b, narrative=FRA_SECRET)
    for client in (client_as(focal_point_b), Client()):
        assert client.get(url(filled, suffix)).status_code == 404
    own = client_as(focal_point_b).get(url(report_b, "print"))
    assert own.status_code == 200 and FRA_SECRET in own.content.decode()
    assert client_as(focal_point_b).get(f"/reporting/{report_b.cycle_id}/XYZ/{suffix}").status_code == 404


def test_a_published_report_prints_for_everyone_and_the_view_only_reads(filled, move, client_as, reviewer):
    move(filled, "submit", "validate", "publish")
    public = Client().get(url(filled))
    assert public.status_code == 200 and doc_id(filled, "Published") in text_of(public.content.decode())
    assert "not published" not in text_of(public.content.decode())
    assert Client().post(url(filled)).status_code == 405
    assert client_as(reviewer).get(url(filled, "report.pdf")).status_code == 200


def test_a_report_not_started_prints_its_questions_for_the_secretariat(cycle, client_as, secretariat):
    response = client_as(secretariat).get(f"/reporting/{cycle.pk}/DEU/print")
    text = text_of(response.content.decode())
    assert response.status_code == 200 and "Report of Germany (DEU) · 2002 review · Not started · printed" in text
    assert "The State has not started this report yet" in text
    assert text.count("Not answered yet.") == cycle.questions.count() > 0


def test_the_report_page_links_to_its_print_view_and_pdf(filled, client_as, focal_point_a):
    html = client_as(focal_point_a).get(filled.get_absolute_url()).content.decode()
    assert f'id="report-print" href="{url(filled)}"' in html
    assert f'id="report-pdf" href="{filled.get_absolute_url()}report.pdf"' in html
