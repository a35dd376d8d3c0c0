"""The questionnaire one can work in (issue 10, part 2): chapter sections with the contents
(answered / total), "next unanswered", saving one answer in place with htmx, and each
question's own clause first."""

from __future__ import annotations

import re
from datetime import date

import pytest

from viennaplan.reporting.answers import save_answer
from viennaplan.reporting.cycles import open_cycle, reporting_chapters
from viennaplan.reporting.models import Answer, Question
from viennaplan.reporting.questionnaire import clause_of

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(report, rest: str = "") -> str:
    return f"/reporting/{report.cycle_id}/{report.state_id}/{rest}"


def answer(report, path="57/k") -> Answer:
    return Answer.objects.select_related("question").get(report=report, question__path=path)


def count_of(page: str, chapter: str) -> str:
    found = re.search(rf'data-chapter="{chapter}">(\d+/\d+)<', page)
    assert found, f"no count for chapter {chapter}"
    return found.group(1)


# --- the item's own clause ---------------------------------------------------------------------


def test_the_clause_comes_apart_from_the_lead_in():
    text = "National actions will include the following: (k) Marking firearms: (i) at manufacture; (ii) on import"
    clause = clause_of(text, "57/k", "National actions will include the following:")
    assert (clause.label, clause.lead_in) == ("k", "National actions will include the following:")
    assert clause.text == "Marking firearms: (i) at manufacture; (ii) on import"
    assert clause_of(text, "57/k") == clause  # without the plan's lead-in: the first "(k) " after a space
    assert clause_of("Whole paragraph.", "16").text == "Whole paragraph." and clause_of("x", "16").lead_in == ""
    assert clause_of("Under article 3 (k) and (l): (k) Act.", "9/k", "Under article 3 (k) and (l):").text == "Act."
    assert clause_of("No label here", "9/k") == clause_of("No label here", "16")  # shown whole, as stored


def test_every_question_of_the_whole_plan_splits_back_into_its_stored_text(imported_plan, secretariat):
    cycle = open_cycle(
        secretariat, "Full plan", date(2002, 1, 1), date(2002, 12, 31), reporting_chapters(imported_plan)
    )
    from viennaplan.plan.models import Provision

    paragraphs = dict(Provision.objects.filter(version=imported_plan, depth=0).values_list("path", "text"))
    questions = list(Question.objects.filter(cycle=cycle))
    assert len(questions) == 106
    for question in questions:
        clause = clause_of(question.text, question.path, paragraphs[question.path.split("/")[0]])
        if clause.label:
            assert f"{clause.lead_in} ({clause.label}) {clause.text}".strip() == question.text, question.path
            assert clause_of(question.text, question.path) == clause, question.path
        else:
            assert "/" not in question.path and clause.text == question.text


def test_a_section_shows_the_clause_first_and_the_lead_in_folded(report_a, client_as, focal_point_a):
    page = client_as(focal_point_a).get(url(report_a, "chapter/VI")).content.decode()
    block = page[page.index('href="/plan/57/k"') :]
    block = block[: block.index("</article>")]
    clause = re.search(r'<p class="question-clause">(.*?)</p>', block, re.S).group(1)
    assert clause.startswith('<strong class="question-clause__label">(k)</strong>')
    assert "National actions" not in clause
    assert re.search(r"<details class=\"question-lead-in\">\s*<summary>How paragraph 57 opens</summary>", block)


# --- sections and the contents -----------------------------------------------------------------


def test_each_chapter_has_a_section_with_the_contents_beside_it(report_a, client_as, focal_point_a):
    client = client_as(focal_point_a)
    save_answer(focal_point_a, answer(report_a), {"status": "implemented"}, 1)
    page = client.get(url(report_a, "chapter/VI")).content.decode()
    total_vi = report_a.answers.filter(question__chapter="VI").count()
    total_vii = report_a.answers.filter(question__chapter="VII").count()
    assert count_of(page, "VI") == f"1/{total_vi}" and count_of(page, "VII") == f"0/{total_vii}"
    assert f"1 of {total_vi + total_vii} answered" in page
    assert re.search(rf'<a href="{url(report_a, "chapter/VI")}" aria-current="page">', page)
    assert 'aria-current="page"><span class="contents__number">VII' not in page
    assert page.count('class="answer-form"') == total_vi and 'href="/plan/57/k"' in page
    assert f'href="{url(report_a, "chapter/VII")}" rel="next"' in page
    assert 'class="skip-link" href="#contents"' in page and 'id="contents"' in page
    home = client.get(url(report_a)).content.decode()
    assert count_of(home, "VI") == f"1/{total_vi}" and "aria-current" not in home.split('id="contents"')[1][:2000]


def test_an_unknown_chapter_is_a_404_naming_the_chapters_asked(report_a, client_as, focal_point_a):
    response = client_as(focal_point_a).get(url(report_a, "chapter/III"))
    assert response.status_code == 404
    assert "This cycle has no chapter &#x27;III&#x27; in its questionnaire; it asks about chapters VI, VII." in (
        response.content.decode()
    )
    assert client_as(focal_point_a).get(url(report_a, "chapter/vi")).status_code == 200


@pytest.mark.parametrize("rest", ["chapter/VI", "chapter/XX", "next"])
def test_another_states_focal_point_gets_the_same_404_as_for_the_report(report_b, client_as, focal_point_a, rest):
    client = client_as(focal_point_a)
    response = client.get(url(report_b, rest))
    report_page = client.get(url(report_b))
    assert response.status_code == report_page.status_code == 404
    assert "There is no report of FRA in this cycle that you may see." in response.content.decode()


def test_the_public_reads_sections_of_published_reports_only(report_a, report_b, bring, client_as, anonymous):
    bring(report_a, "published")
    bring(report_b, "validated")
    client = client_as(anonymous)
    published = client.get(url(report_a, "chapter/VI"))
    assert published.status_code == 200 and "answer-form" not in published.content.decode()
    assert client.get(url(report_b, "chapter/VI")).status_code == 404
    home = client.get(url(report_a)).content.decode()  # the public reads every chapter on the home
    assert 'id="chapter-VI"' in home and 'id="chapter-VII"' in home and 'href="/plan/57/k"' in home


def test_the_editor_reads_every_chapter_on_the_home_on_request(report_a, client_as, focal_point_a):
    client = client_as(focal_point_a)
    home = client.get(url(report_a)).content.decode()
    assert 'href="/plan/57/k"' not in home and "?view=all" in home
    everything = client.get(url(report_a) + "?view=all").content.decode()
    assert 'id="chapter-VI"' in everything and 'id="chapter-VII"' in everything
    assert "answer-form" not in everything


# --- next unanswered ---------------------------------------------------------------------------


def test_next_unanswered_goes_to_the_questions_anchor_in_its_section(report_a, client_as, focal_point_a):
    client = client_as(focal_point_a)
    answers = list(report_a.answers.select_related("question").order_by("question__position"))
    first, second = answers[0], answers[1]
    response = client.get(url(report_a, "next"))
    assert response.status_code == 302
    assert response["Location"] == url(report_a, f"chapter/{first.question.chapter}#question-{first.question_id}")
    save_answer(focal_point_a, first, {"status": "implemented"}, 1)
    after = client.get(url(report_a, "next") + f"?after={first.question_id}")
    assert after["Location"].endswith(f"#question-{second.question_id}")
    last_vi = [a for a in answers if a.question.chapter == "VI"][-1]
    first_vii = next(a for a in answers if a.question.chapter == "VII")
    across = client.get(url(report_a, "next") + f"?after={last_vi.question_id}")
    assert across["Location"] == url(report_a, f"chapter/VII#question-{first_vii.question_id}")


def test_next_unanswered_when_all_are_answered_goes_home_with_a_message(report_a, client_as, focal_point_a):
    for a in report_a.answers.all():
        save_answer(focal_point_a, a, {"status": "in_progress"}, a.version)
    client = client_as(focal_point_a)
    response = client.get(url(report_a, "next"))
    assert response.status_code == 302 and response["Location"] == url(report_a)
    assert "Every question of this report is answered." in client.get(response["Location"]).content.decode()


def test_next_unanswered_after_a_question_not_of_the_cycle_says_so(report_a, client_as, focal_point_a):
    response = client_as(focal_point_a).get(url(report_a, "next") + "?after=abc")
    assert response.status_code == 400
    assert "after: &#x27;abc&#x27; is not a question of this cycle" in response.content.decode()


# --- saving in place ---------------------------------------------------------------------------


def test_a_save_in_place_answers_the_questions_block_with_the_confirmation(report_a, client_as, focal_point_a):
    client = client_as(focal_point_a)
    a = answer(report_a)
    response = client.post(url(report_a, f"answers/{a.pk}"), {"status": "implemented", "version": "1"}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert body.lstrip().startswith(f'<article class="question" id="question-{a.question_id}"')
    saved = answer(report_a)
    assert saved.version == 2 and saved.status == "implemented"
    confirmation = re.search(r'<p class="saved" role="status" tabindex="-1">(Saved — version 2, \d\d:\d\d)', body)
    assert confirmation, body
    assert f'data-draft-key="{report_a.pk}:{a.pk}:2"' in body and 'name="version" value="2"' in body
    assert 'id="contents" aria-labelledby="contents-heading" tabindex="-1" hx-swap-oob="true"' in body
    assert count_of(body, "VI").startswith("1/")
    assert f"?after={a.question_id}" in body  # on to the next unanswered question
    # the message framework is not used: nothing waits for the next page
    assert "Saved your answer" not in client.get(url(report_a, "chapter/VI")).content.decode()


def test_a_section_form_posts_in_place_and_still_works_without_javascript(report_a, client_as, focal_point_a):
    client = client_as(focal_point_a)
    a = answer(report_a)
    page = client.get(url(report_a, "chapter/VI")).content.decode()
    assert f'hx-post="{url(report_a, f"answers/{a.pk}")}" hx-target="#question-{a.question_id}"' in page
    assert f'action="{url(report_a, f"answers/{a.pk}")}"' in page and 'name="htmx-config"' in page
    response = client.post(url(report_a, f"answers/{a.pk}"), {"status": "in_progress", "version": "1"})
    assert response.status_code == 302 and response["Location"] == url(report_a, f"chapter/VI#answer-{a.pk}")


def test_wrong_input_in_place_comes_back_in_the_block_with_400(report_a, client_as, focal_point_a):
    a = answer(report_a)
    response = client_as(focal_point_a).post(
        url(report_a, f"answers/{a.pk}"),
        {"narrative": "Kept.", "measure_kind": ["law"], "measure_title": [""], "version": "1"},
        **HTMX,
    )
    body = response.content.decode()
    assert response.status_code == 400 and "<html" not in body
    assert "measures[1].title: say what it is" in body and "Kept." in body and 'class="saved"' not in body
    assert answer(report_a).version == 1


def test_a_conflict_in_place_shows_both_versions_with_409(report_a, client_as, focal_point_a, secretariat):
    a = answer(report_a)
    save_answer(secretariat, a, {"narrative": "Saved first by the Secretariat."}, 1)
    response = client_as(focal_point_a).post(
        url(report_a, f"answers/{a.pk}"), {"narrative": "Typed by the focal point.", "version": "1"}, **HTMX
    )
    body = response.content.decode()
    assert response.status_code == 409 and "<html" not in body
    assert "Saved version 2" in body and "Your version (not saved)" in body
    assert "Saved first by the Secretariat." in body and "Typed by the focal point." in body
    assert 'name="version" value="2"' in body
    assert answer(report_a).narrative == "Saved first by the Secretariat."


def test_a_busy_database_in_place_answers_503_in_the_block(report_a, client_as, focal_point_a, monkeypatch):
    from django.db import OperationalError

    from viennaplan.reporting.views import reports

    def busy(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(reports, "save_answer", busy)
    a = answer(report_a)
    response = client_as(focal_point_a).post(
        url(report_a, f"answers/{a.pk}"), {"narrative": "Not lost.", "version": "1"}, **HTMX
    )
    body = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"] and "<html" not in body
    assert "Not lost." in body and 'role="alert"' in body


def test_saving_in_place_is_refused_like_a_normal_save(report_a, report_b, bring, client_as, focal_point_a):
    other = answer(report_b)
    client = client_as(focal_point_a)
    assert client.post(url(report_b, f"answers/{other.pk}"), {"version": "1"}, **HTMX).status_code == 404
    bring(report_a, "submitted")
    mine = answer(report_a)
    assert client.post(url(report_a, f"answers/{mine.pk}"), {"version": "1"}, **HTMX).status_code == 403
    assert answer(report_a).version == answer(report_b).version == 1
