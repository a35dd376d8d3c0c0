"""Progress of each commitment (national action), objective and chapter, computed from the
counted answers: (implemented + 0.5 x partially implemented) / (answers - not applicable)."""

from __future__ import annotations

import pytest
from test_monitoring_sample import SAMPLE, visible_text

from viennaplan.monitoring.queries import commitments_for
from viennaplan.monitoring.shares import implementation_of


def test_each_commitment_and_chapter_has_the_exact_progress_of_its_published_answers(sample, anonymous):
    cycle, _ = sample
    reports, chapters = commitments_for(anonymous, cycle)
    assert reports == 3
    viii, x = chapters
    assert [c.shares.implementation for c in viii.commitments] == pytest.approx([2 / 3, 2 / 3, 0.5, 0.5])
    assert viii.shares.implementation == pytest.approx(6.5 / 11)
    assert [c.shares.implementation for c in x.commitments] == pytest.approx([1 / 3, 0.5 / 3, 0.5 / 3, 0, 0])
    assert x.shares.implementation == pytest.approx(2 / 13)
    assert viii.title == "Action against terrorism" and x.commitments[0].shares.total == 3


def test_an_objective_adds_up_the_answers_to_the_commitments_serving_it(sample, anonymous):
    cycle, _ = sample
    _, chapters = commitments_for(anonymous, cycle)
    counted = [state for state, (status, _) in SAMPLE.items() if status == "published"]
    for chapter in chapters:
        questions = list(cycle.questions.filter(chapter=chapter.chapter).order_by("position"))
        assert chapter.objectives, f"chapter {chapter.chapter} has objectives"
        for objective in chapter.objectives:
            counts: dict[str, int] = {}
            serving = [i for i, q in enumerate(questions) if objective.number in q.objectives]
            for state in counted:
                for i in serving:
                    status = SAMPLE[state][1][chapter.chapter][i]
                    counts[status] = counts.get(status, 0) + 1
            assert objective.commitments == len(serving)
            assert objective.shares.implementation == pytest.approx(implementation_of(counts))
            assert objective.text


def test_the_secretariat_counts_validated_reports_too(sample, secretariat):
    cycle, _ = sample
    reports, chapters = commitments_for(secretariat, cycle)
    assert reports == 4
    assert chapters[0].commitments[0].shares.implementation == pytest.approx(3 / 4)  # DEU implemented everything


def test_the_commitments_page_and_its_json_twin_show_the_same_numbers(sample, client):
    cycle, _ = sample
    response = client.get(f"/reporting/commitments?cycle={cycle.pk}")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-progress="chapter-VIII">59%<' in body and 'data-progress="chapter-X">15%<' in body
    assert "Progress = (implemented + half of partially implemented)" in visible_text(response)
    data = client.get(f"/api/reporting/progress/commitments?cycle={cycle.pk}").json()
    assert data["reports"] == 3
    assert data["chapters"][0]["answers"]["progress"] == round(6.5 / 11, 4)
    first = data["chapters"][0]["commitments"][0]
    assert first["answers"]["progress"] == round(2 / 3, 4)
    assert {s["status"]: s["count"] for s in first["answers"]["shares"]}["implemented"] == 2


def test_a_commitment_is_shown_by_its_own_words_without_the_paragraphs_lead_in():
    from viennaplan.monitoring.commitments import QuestionRef

    item = QuestionRef(1, "57/k", "57(k)", "VI", (1,), "National actions will include: (k) Adopting laws (i) on x")
    assert item.own_text == "Adopting laws (i) on x"
    paragraph = QuestionRef(2, "16", "16", "III", (), "Each State that ratifies")
    assert paragraph.own_text == "Each State that ratifies"
