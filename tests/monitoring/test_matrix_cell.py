"""Drill-down: a cell of the matrix opens on its States and the status of each of their answers."""

from __future__ import annotations

from test_monitoring_sample import IMPL as I
from test_monitoring_sample import NA, NI, NOTS, PART, visible_text

from viennaplan.monitoring.queries import cell_detail


def test_a_cell_lists_its_counted_states_with_the_status_of_each_answer(sample, anonymous):
    cycle, _ = sample
    detail = cell_detail(anonymous, cycle, "VIII", "region", "Europe")
    assert [q.citation for q in detail.questions] == list(
        cycle.questions.filter(chapter="VIII").order_by("position").values_list("citation", flat=True)
    )
    assert [(line.state.alpha3, line.report_status, line.statuses) for line in detail.states] == [
        ("ESP", "published", [NOTS, NOTS, "", NI]),  # by name: Spain, Switzerland
        ("CHE", "published", [I, I, PART, NA]),
    ]
    assert detail.shares.total == 8 and detail.shares.counts["implemented"] == 2
    not_counted = [entry.alpha3 for entry in detail.not_counted]
    assert "DEU" in not_counted and "FRA" in not_counted and "CHE" not in not_counted


def test_the_secretariat_sees_validated_reports_in_the_cell(sample, secretariat):
    cycle, _ = sample
    detail = cell_detail(secretariat, cycle, "VIII", "region", "Europe")
    assert {line.state.alpha3: line.report_status for line in detail.states} == {
        "CHE": "published",
        "ESP": "published",
        "DEU": "validated",
    }


def test_the_cell_page_shows_a_grid_of_states_and_questions_linked_to_profiles(sample, client):
    cycle, _ = sample
    response = client.get(f"/reporting/progress/cell?cycle={cycle.pk}&chapter=VIII&by=region&area=Europe")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'href="/reporting/states/CHE#cycle-{cycle.pk}"' in body
    first = cycle.questions.filter(chapter="VIII").order_by("position").first()
    assert f'data-question="{first.citation}" data-status="implemented"' in body
    text = visible_text(response)
    assert "Chapter VIII (Action against terrorism) in Europe" in text and "2 States counted." in text
    assert "States without a counted report" in text and "France" in text


def test_the_cell_by_group_and_its_json_twin_agree(sample, client):
    cycle, _ = sample
    query = f"cycle={cycle.pk}&chapter=VIII&by=group&area=western_european_others"
    page = client.get(f"/reporting/progress/cell?{query}")
    assert page.status_code == 200 and "Western European and other States" in visible_text(page)
    data = client.get(f"/api/reporting/progress/matrix/cell?{query}").json()
    assert sorted(s["state"] for s in data["states"]) == ["CHE", "ESP"]
    che = next(s for s in data["states"] if s["state"] == "CHE")
    assert che["statuses"] == [I, I, PART, NA] and che["answers"]["progress"] == 0.8333
    assert data["answers"]["total"] == 8 and len(data["questions"]) == 4


def test_a_cell_of_an_unknown_area_or_chapter_is_a_clear_400(sample, client):
    cycle, _ = sample
    response = client.get(f"/reporting/progress/cell?cycle={cycle.pk}&chapter=VIII&by=region&area=Atlantis")
    assert response.status_code == 400 and "?area='Atlantis' is not one of the regions" in visible_text(response)
    response = client.get(f"/api/reporting/progress/matrix/cell?cycle={cycle.pk}&chapter=III&by=region&area=Europe")
    assert response.status_code == 400 and "not asked in 2002 review" in response.json()["detail"]
