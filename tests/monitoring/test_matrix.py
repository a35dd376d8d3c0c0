"""The progress matrix: chapters x regions (or UN regional groups), each cell the share of the
counted States' answers in each status; exact numbers on the hand-made sample."""

from __future__ import annotations

import pytest
from test_monitoring_sample import visible_text

from viennaplan.monitoring.matrix import AreaCount, StateEntry, build_matrix
from viennaplan.monitoring.queries import matrix_for
from viennaplan.monitoring.shares import implementation_of, shares_of


def percents(cell) -> dict[str, float]:
    return {status: round(cell.shares.percent(status), 2) for status in cell.shares.counts}


# Plain computations


def test_implementation_weighs_implemented_1_and_partially_half_and_leaves_out_not_applicable():
    counts = {"implemented": 2, "partially_implemented": 1, "not_applicable": 1, "not_started": 2, "": 1}
    assert implementation_of(counts) == pytest.approx(2.5 / 6)


def test_implementation_is_unknown_not_zero_when_no_answer_applies():
    assert implementation_of({"not_applicable": 3}) is None
    assert implementation_of({}) is None
    assert implementation_of({"not_started": 3}) == 0


def test_shares_count_missing_answers_as_not_answered_and_refuse_unknown_statuses():
    shares = shares_of({"implemented": 3}, 4)
    assert shares.counts == {"implemented": 3, "": 1} and shares.percent("implemented") == 75
    assert [(s.status, s.offset, s.percent) for s in shares.segments] == [("implemented", 0, 75), ("", 75, 25)]
    with pytest.raises(ValueError, match="'done' are not on the scale"):
        shares_of({"done": 1})
    with pytest.raises(ValueError, match="5 answers counted but only 4 expected"):
        shares_of({"implemented": 5}, 4)


def test_build_matrix_puts_each_state_in_its_area_and_divides_by_states_times_questions():
    states = [StateEntry("AAA", "A", "Africa", "african"), StateEntry("BBB", "B", "Africa", "african")]
    rows = [
        AreaCount("Africa", "III", "implemented", 1),
        AreaCount("Africa", "III", "not_started", 1),
        AreaCount("Africa", "III", "implemented", 1),  # rows of one cell add up
    ]
    matrix = build_matrix(rows, by="region", chapters=["III"], questions_per_chapter={"III": 2}, counted_states=states)
    cell = matrix.cells[("III", "Africa")]
    assert cell.states == 2 and cell.shares.total == 4
    assert cell.shares.counts == {"implemented": 2, "not_started": 1, "": 1}
    assert matrix.cells[("III", "Europe")].states == 0 and matrix.totals["III"].shares.total == 4
    assert [a.key for a in matrix.areas] == ["Africa", "Americas", "Asia", "Europe", "Oceania"]


# On the sample


def test_matrix_by_region_counts_published_reports_only_for_the_public(sample, anonymous):
    cycle, _ = sample
    matrix = matrix_for(anonymous, cycle, "region")
    assert matrix.states_counted == 3  # CHE, ESP, NGA
    europe = matrix.cells[("VIII", "Europe")]
    assert europe.states == 2 and europe.shares.total == 8
    assert percents(europe) == {
        "implemented": 25.0,
        "partially_implemented": 12.5,
        "not_applicable": 12.5,
        "not_started": 25.0,
        "no_information": 12.5,
        "": 12.5,
    }
    assert europe.shares.implementation == pytest.approx(2.5 / 7)
    assert percents(matrix.cells[("VIII", "Africa")]) == {"implemented": 100.0}
    assert matrix.cells[("VIII", "Asia")].states == 0 and matrix.cells[("VIII", "Americas")].states == 0
    assert percents(matrix.cells[("X", "Europe")]) == {
        "implemented": 10.0,
        "partially_implemented": 20.0,
        "in_progress": 50.0,
        "not_applicable": 20.0,
    }
    every = matrix.totals["VIII"]
    assert every.states == 3 and every.shares.total == 12 and every.shares.counts["implemented"] == 6
    assert every.shares.implementation == pytest.approx(6.5 / 11)


def test_matrix_by_group_uses_the_primary_un_regional_group(sample, anonymous):
    cycle, _ = sample
    matrix = matrix_for(anonymous, cycle, "group")
    weog = matrix.cells[("VIII", "western_european_others")]
    assert weog.states == 2 and weog.shares.counts["implemented"] == 2
    assert matrix.cells[("VIII", "african")].shares.counts == {"implemented": 4}
    assert [a.label for a in matrix.areas][0] == "African States"


def test_secretariat_and_reviewers_also_count_validated_reports(sample, secretariat, reviewer, focal_point_a):
    cycle, _ = sample
    for user in (secretariat, reviewer):
        europe = matrix_for(user, cycle, "region").cells[("VIII", "Europe")]
        assert europe.states == 3 and europe.shares.total == 12 and europe.shares.counts["implemented"] == 6
    assert matrix_for(focal_point_a, cycle, "region").cells[("VIII", "Europe")].states == 2


def test_matrix_page_draws_stacked_bars_with_the_numbers_in_text_and_links_cells(sample, client):
    cycle, _ = sample
    response = client.get(f"/reporting/progress?cycle={cycle.pk}&by=region")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<svg class="bar"' in body and 'aria-hidden="true"' in body
    text = visible_text(response)
    # each cell: its States (a link), the bar, the progress figure; the share in each status on demand
    assert "2 States 36% progress I Implemented 25% PI Partially implemented 13% NS Not started 25%" in text
    europe = body[body.index('data-chapter="VIII" data-area="Europe"') :]
    europe = europe[: europe.index("</td>")]
    assert '<details class="figures"><summary><span class="progress-number">36%</span> progress</summary>' in europe
    assert europe.index('<svg class="bar"') < europe.index("<details") < europe.index('<p class="shares">')
    assert '<th scope="col" class="all">All States</th>' in body
    assert "Counted: published reports — 3 States." in text
    assert f"/reporting/progress/cell?cycle={cycle.pk}&amp;chapter=VIII&amp;by=region&amp;area=Europe" in body
    assert f'href="/api/reporting/progress/matrix?cycle={cycle.pk}&amp;by=region"' in body


def test_the_switch_between_regions_and_groups_changes_the_columns(sample, client):
    cycle, _ = sample
    text = visible_text(client.get(f"/reporting/progress?cycle={cycle.pk}&by=group"))
    assert "Western European and other States" in text and "Oceania" not in text


def test_bad_filters_answer_400_saying_what_is_possible(sample, client):
    cycle, _ = sample
    response = client.get(f"/reporting/progress?cycle={cycle.pk}&by=continent")
    assert response.status_code == 400 and "use ?by=region or ?by=group" in visible_text(response)
    response = client.get("/reporting/progress?cycle=999")
    assert response.status_code == 400 and f"{cycle.pk} (2002 review)" in visible_text(response)
    api = client.get("/api/reporting/progress/matrix?by=continent")
    assert api.status_code == 400 and "use ?by=region or ?by=group" in api.json()["detail"]


def test_without_any_cycle_the_pages_say_so(db, client):
    assert "No reporting cycle has been opened yet" in visible_text(client.get("/reporting/progress"))
    assert client.get("/api/reporting/progress/matrix").status_code == 404
