"""How counts of victims are shown: 1 to 4 is "fewer than 5", 0 is 0, and no hidden figure can be
worked out from the figures shown (secondary suppression), checked against a brute-force attacker."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from viennaplan.knowledge.trafficking import suppression
from viennaplan.knowledge.trafficking.suppression import SHOWN, SMALL, WITHHELD

CAP = 100  # the attacker's "no bound": above any total generated (6 cells of at most 12)


def test_a_count_from_one_to_four_is_fewer_than_five_and_zero_is_zero():
    assert [suppression.count(n).text for n in (0, 1, 2, 3, 4, 5, 17)] == [
        "0",
        "fewer than 5",
        "fewer than 5",
        "fewer than 5",
        "fewer than 5",
        "5",
        "17",
    ]
    assert suppression.count(3).as_json() == {"value": None, "suppressed": True, "shown": "fewer than 5"}
    assert suppression.count(0).as_json() == {"value": 0, "suppressed": False, "shown": "0"}
    assert suppression.count(12).as_json() == {"value": 12, "suppressed": False, "shown": "12"}


def test_a_figure_printed_in_a_template_prints_only_what_may_be_shown():
    assert str(suppression.count(3)) == "fewer than 5"
    assert suppression.count(3).public is None


def test_one_small_cell_beside_a_shown_total_hides_another_cell():
    cells, total = suppression.breakdown({"girls": 3, "women": 12, "boys": 0})
    assert (cells["girls"].status, cells["women"].status, cells["boys"].text) == (SMALL, WITHHELD, "0")
    assert total.text == "15"
    assert cells["women"].as_json() == {"value": None, "suppressed": True, "shown": "not shown"}


def test_the_smallest_other_cell_is_the_one_hidden():
    cells, _total = suppression.breakdown({"a": 3, "b": 60, "c": 37})
    assert [cells[key].status for key in "abc"] == [SMALL, SHOWN, WITHHELD]


def test_a_small_total_hides_every_cell_zeros_included():
    cells, total = suppression.breakdown({"a": 3, "b": 0, "c": 0})
    assert total.text == "fewer than 5"
    assert {cell.text for cell in cells.values()} == {"fewer than 5"}


def test_when_no_cell_can_hide_the_small_one_the_total_is_hidden():
    cells, total = suppression.breakdown({"a": 1, "b": 5, "c": 0})
    assert cells["a"].status == SMALL and total.status == WITHHELD


def test_two_small_cells_that_add_up_to_the_only_possible_sum_are_protected():
    cells, total = suppression.breakdown({"a": 1, "b": 1, "c": 20})  # 1 + 1: the only pair of 1..4 summing to 2
    assert cells["c"].status == WITHHELD and total.text == "22"


def test_a_sum_of_small_counts_of_five_or_more_is_shown_and_under_five_is_not():
    assert suppression.sum_of([suppression.count(3), suppression.count(3)]).text == "6"
    assert suppression.sum_of([suppression.count(1), suppression.count(2)]).text == "fewer than 5"


def test_a_sum_that_would_reveal_its_one_hidden_part_is_not_shown():
    assert suppression.sum_of([suppression.count(3), suppression.count(10)]).text == "not shown"
    assert suppression.sum_of([suppression.withheld(12), suppression.count(0)]).text == "not shown"


def test_a_table_hides_a_second_row_beside_a_small_one():
    rows, total = suppression.table({"CHE": suppression.count(3), "FRA": suppression.count(27)})
    assert rows["CHE"].text == "fewer than 5" and rows["FRA"].text == "not shown" and total.text == "30"


# -- the attacker ---------------------------------------------------------------------------------


def possible_values(figure) -> range:
    """What the public knows of a figure from its label alone."""
    if figure.status == SHOWN:
        return range(figure.value, figure.value + 1)
    return range(figure.low, (figure.high if figure.high is not None else CAP) + 1)


breakdowns = st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=6)


@settings(max_examples=400, deadline=None)
@given(breakdowns)
def test_no_hidden_value_of_a_breakdown_can_be_worked_out_from_what_is_shown(values):
    cells, total = suppression.breakdown(dict(enumerate(values)))
    figures = [cells[index] for index in range(len(values))]
    for figure, true in zip([*figures, total], [*values, sum(values)], strict=True):
        assert figure.value == true  # nothing is altered, only hidden
        if 0 < true < suppression.THRESHOLD:
            assert figure.suppressed  # every small count is hidden
    everything = [*figures, total]
    # the attacker's domains: the cells and the total as they are shown
    domains = [set(possible_values(figure)) for figure in everything]
    for index, figure in enumerate(everything):
        if not figure.suppressed:
            continue
        candidates = set()
        for value in domains[index]:
            if feasible(domains, index, value, len(values)):
                candidates.add(value)
        assert values_or_total(values, index) in candidates  # the truth is always possible
        assert len(candidates) > 1, f"{figure} recoverable in {[f.text for f in everything]}"


def values_or_total(values: list[int], index: int) -> int:
    return values[index] if index < len(values) else sum(values)


def feasible(domains: list[set[int]], index: int, value: int, cells: int) -> bool:
    """Whether the figure at `index` can be `value` with every other figure in its domain and the
    cells adding up to the total (a reachable-sums search over the cells)."""
    fixed = [({value} if position == index else domain) for position, domain in enumerate(domains)]
    sums = {0}
    for domain in fixed[:cells]:
        sums = {s + v for s in sums for v in domain if s + v <= CAP}
    return bool(sums & fixed[cells])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=5))
def test_no_hidden_record_of_a_sum_can_be_worked_out_from_the_sum(totals):
    parts = [suppression.breakdown({"only": value})[1] for value in totals]
    whole = suppression.sum_of(parts)
    if whole.suppressed:
        return
    domains = [set(possible_values(part)) for part in parts] + [{whole.value}]
    for index, part in enumerate(parts):
        if part.suppressed:
            candidates = {v for v in domains[index] if feasible(domains, index, v, len(parts))}
            assert len(candidates) > 1
