"""The matching rules (assistance/matching.py) on hand-made rows: no database."""

from __future__ import annotations

from viennaplan.assistance import matching
from viennaplan.assistance.matching import Earmark, Need, ProjectRow, match

NIGERIA = Need(1, "NGA", "VI", "Africa", "Sub-Saharan Africa", "Western Africa", ("57/f",), "TA-NGA-1")


def reasons(found: matching.Match) -> list[tuple[str, str]]:
    return [(donor.name, donor.reason) for donor in found.donors]


def test_donors_rank_from_the_most_specific_earmarking_to_unearmarked_money():
    earmarks = [
        Earmark(1, "Unearmarked", "", ""),
        Earmark(2, "Region only", "", "africa"),
        Earmark(3, "Chapter only", "VI", ""),
        Earmark(4, "Chapter and region", "VI", "Africa"),
        Earmark(5, "Chapter and sub-region", "vi", "Western Africa"),
        Earmark(6, "Other chapter", "IV", "Africa"),
        Earmark(7, "Other region", "VI", "Europe"),
        Earmark(8, "Other chapter, no region", "IV", ""),
    ]
    found = match([NIGERIA], earmarks, limit=10)[1]
    assert reasons(found) == [
        ("Chapter and sub-region", matching.CHAPTER_SUBREGION),
        ("Chapter and region", matching.CHAPTER_REGION),
        ("Chapter only", matching.CHAPTER),
        ("Region only", matching.REGION),
        ("Unearmarked", matching.UNEARMARKED),
    ]
    assert found.donor_count == 5


def test_a_donor_matching_several_ways_counts_once_by_its_best_reason():
    earmarks = [Earmark(1, "Both", "", ""), Earmark(1, "Both", "VI", "Sub-Saharan Africa")]
    found = match([NIGERIA], earmarks)[1]
    assert reasons(found) == [("Both", matching.CHAPTER_SUBREGION)] and found.donor_count == 1


def test_within_a_reason_a_fund_naming_a_provision_then_the_most_evidence_come_first():
    earmarks = [
        Earmark(1, "Alpha", "VI", "", evidence=1),
        Earmark(2, "Beta", "VI", "", evidence=7),
        Earmark(3, "Gamma", "VI", "", provisions=("57/f", "59/a"), evidence=1),
        Earmark(2, "Beta", "VI", "", evidence=2),  # more of Beta's: added up
    ]
    found = match([NIGERIA], earmarks)[1]
    assert [d.name for d in found.donors] == ["Gamma", "Beta", "Alpha"]
    assert found.donors[0].provisions == ("57/f",)
    assert found.donors[1].evidence == 9


def test_a_state_donor_never_matches_its_own_request_and_the_limit_keeps_the_count():
    earmarks = [Earmark(i, f"Donor {i}", "VI", "") for i in range(1, 9)] + [Earmark(99, "Nigeria", "", "", state="NGA")]
    found = match([NIGERIA], earmarks, limit=3)[1]
    assert [d.donor for d in found.donors] == [1, 2, 3]
    assert found.donor_count == 8
    other = Need(2, "GHA", "VI", "Africa")
    assert match([other], earmarks, limit=20)[2].donor_count == 9


def test_requests_alike_but_for_their_provisions_are_ranked_each_for_its_own():
    earmarks = [Earmark(1, "Plain", "VI", "", evidence=5), Earmark(2, "Named", "VI", "", provisions=("58/a",))]
    plain = Need(1, "NGA", "VI", "Africa", provisions=("57/f",))
    named = Need(2, "NGA", "VI", "Africa", provisions=("58/a",))
    found = match([plain, named], earmarks)
    assert [d.name for d in found[1].donors] == ["Plain", "Named"]
    assert [d.name for d in found[2].donors] == ["Named", "Plain"]


def test_projects_match_by_area_and_region_active_first_never_completed_nor_without_area_and_region():
    projects = [
        ProjectRow(1, "P-PLANNED", "VI", "Western Africa", "planned"),
        ProjectRow(2, "P-ACTIVE", "VI", "Western Africa", "active"),
        ProjectRow(3, "P-DONE", "VI", "Western Africa", "completed"),
        ProjectRow(4, "P-EVERYWHERE", "", "", "active"),
        ProjectRow(5, "P-REGION", "", "Africa", "active"),
        ProjectRow(6, "P-CHAPTER", "VI", "", "planned"),
        ProjectRow(7, "P-ELSEWHERE", "VI", "Asia", "active"),
    ]
    found = match([NIGERIA], [], projects, limit=10)[1]
    assert [(p.key, p.reason) for p in found.projects] == [
        ("P-ACTIVE", matching.CHAPTER_SUBREGION),
        ("P-PLANNED", matching.CHAPTER_SUBREGION),
        ("P-CHAPTER", matching.CHAPTER),
        ("P-REGION", matching.REGION),
    ]
    assert found.project_count == 4 and found.donors == [] and found.donor_count == 0


def test_a_request_without_region_matches_its_area_and_unearmarked_money_only():
    bare = Need(1, "XXX", "VI")
    earmarks = [Earmark(1, "Chapter", "VI", ""), Earmark(2, "Region", "", "Africa"), Earmark(3, "Pool", "", "")]
    assert reasons(match([bare], earmarks)[1]) == [("Chapter", matching.CHAPTER), ("Pool", matching.UNEARMARKED)]
    assert match([], earmarks) == {}
