"""The plan's dated deadlines as rules (monitoring/deadlines.py, plain Python): ratification of the
Convention and its Protocols before the end of 2002 (paragraphs 10 and 39) and the review of
practices on victims by 2002 (79(e)). Each State is met / not met / insufficient data with the
reason and the figures that decided it. The last tests read stored reports: drafts never count."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from viennaplan.monitoring.deadlines import (
    DEADLINES,
    RATIFICATION,
    REVIEW,
    Evidence,
    Measure,
    TreatyRow,
    find_deadline,
    judge_ratification,
    judge_review,
    measure_of,
)
from viennaplan.monitoring.indicator_targets import INSUFFICIENT, MET, NOT_MET
from viennaplan.monitoring.targets import TARGET_DATE

UNTOC = find_deadline("ratify-untoc")
VICTIMS = find_deadline("review-victims")
LIST_DAY = date(2014, 1, 27)
TODAY = date(2026, 1, 1)
SIGNED = date(2000, 12, 12)


def ratification(at_due: TreatyRow | None, latest: TreatyRow | None = None, **kwargs):
    options = {"on_file": True, "listed_on": LIST_DAY, "today": TODAY, **kwargs}
    return judge_ratification(at_due, latest if latest is not None else at_due, UNTOC, **options)


# -- the declared deadlines -----------------------------------------------------------------------


def test_one_deadline_per_instrument_due_by_2002_and_one_for_79e():
    assert [(d.key, d.kind) for d in DEADLINES] == [
        ("ratify-untoc", RATIFICATION),
        ("ratify-tip", RATIFICATION),
        ("ratify-som", RATIFICATION),
        ("ratify-firearms", RATIFICATION),
        ("review-victims", REVIEW),
    ]
    assert {d.due for d in DEADLINES} == {TARGET_DATE} == {date(2002, 12, 31)}
    assert {d.instrument: d.provisions for d in DEADLINES if d.instrument} == {
        "UNTOC": ("10",),
        "TIP": ("10", "39"),
        "SOM": ("10", "39"),
        "FIREARMS": ("10",),
    }
    assert (VICTIMS.provisions, VICTIMS.chapter) == (("79(e)",), "X")
    assert find_deadline(" RATIFY-TIP ") is DEADLINES[1] and find_deadline("uncac") is None


# -- ratification ---------------------------------------------------------------------------------


def test_consent_deposited_on_31_december_2002_is_met():
    verdict = ratification(TreatyRow(SIGNED, "ratification", date(2002, 12, 31)))
    assert verdict.outcome == MET and verdict.outcome_label == "met"
    assert verdict.reason == "ratification deposited 31 December 2002, on or before 31 December 2002"
    assert verdict.figures == {
        "signature": "2000-12-12",
        "consent_kind": "ratification",
        "consent_date": "2002-12-31",
        "denounced": None,
        "listed_on": "2014-01-27",
    }


def test_consent_deposited_on_1_january_2003_is_not_met_and_says_so():
    latest = TreatyRow(SIGNED, "ratification", date(2003, 1, 1))
    verdict = ratification(TreatyRow(SIGNED), latest)  # on 31 Dec 2002 the State had only signed
    assert verdict.outcome == NOT_MET
    assert verdict.reason == "ratification deposited 1 January 2003, after the deadline"
    assert verdict.figures["consent_date"] == "2003-01-01"


def test_a_denunciation_effective_by_the_deadline_is_not_met_one_effective_after_it_is_met():
    denounced = ratification(TreatyRow(SIGNED, "accession", date(2001, 3, 1), denounced=date(2002, 12, 31)))
    assert denounced.outcome == NOT_MET
    assert denounced.reason == (
        "accession deposited 1 March 2001, but denounced with effect from 31 December 2002, on or before the deadline"
    )
    assert denounced.figures["denounced"] == "2002-12-31"
    later = ratification(TreatyRow(None, "accession", date(2001, 3, 1), denounced=date(2003, 1, 1)))
    assert later.outcome == MET
    assert later.reason.endswith("; denounced with effect from 1 January 2003, after the deadline")


def test_a_state_that_denounced_and_consented_again_after_the_deadline_is_not_met_and_both_are_named():
    at_due = TreatyRow(SIGNED, "ratification", date(2001, 3, 1), denounced=date(2002, 6, 1))
    latest = TreatyRow(SIGNED, "accession", date(2005, 5, 5))
    verdict = ratification(at_due, latest)
    assert verdict.outcome == NOT_MET
    assert verdict.reason.endswith("on or before the deadline; accession deposited again 5 May 2005")
    assert verdict.figures["consent_date"] == "2005-05-05"


def test_a_signatory_without_consent_is_not_met_as_of_the_depositarys_list():
    verdict = ratification(TreatyRow(SIGNED))
    assert verdict.outcome == NOT_MET
    assert verdict.reason == "signed 12 December 2000, no consent as of the depositary's list of 27 January 2014"
    unlisted = ratification(TreatyRow(SIGNED), listed_on=None)  # an operator's list, no complete list on file
    assert unlisted.reason == "signed 12 December 2000, no consent on file on 1 January 2026"


def test_neither_signed_nor_consented_is_not_met():
    verdict = ratification(None)
    assert (verdict.outcome, verdict.reason) == (
        NOT_MET,
        "neither signed nor consented as of the depositary's list of 27 January 2014",
    )


def test_without_a_status_list_every_state_is_insufficient_data():
    verdict = ratification(TreatyRow(SIGNED, "ratification", date(2001, 1, 1)), on_file=False)
    assert verdict.outcome == INSUFFICIENT and verdict.outcome_label == "insufficient data"
    assert verdict.reason == "no status list of UNTOC is on file"


# -- the review of practices on victims (79(e)) -----------------------------------------------------


def answer(citation: str, *measures: Measure, status: str = "implemented", cycle: str = "2002 review") -> Evidence:
    return Evidence(cycle, citation, status, measures)


def test_a_measure_dated_1_june_2002_meets_79e_and_is_named():
    evidence = [
        answer("82(a)", Measure("law", "Victims Act", date(2004, 3, 12))),
        answer("82(c)", Measure("policy", "Review of victim support", date(2002, 6, 1), "https://example.org/r")),
    ]
    verdict = judge_review(evidence, VICTIMS)
    assert verdict.outcome == MET
    assert verdict.reason == "“Review of victim support” (policy) dated 1 June 2002, answer to 82(c) in 2002 review"
    assert verdict.figures == {
        "measure_title": "Review of victim support",
        "measure_kind": "policy",
        "measure_date": "2002-06-01",
        "measure_url": "https://example.org/r",
        "citation": "82(c)",
        "cycle": "2002 review",
        "answers": 2,
    }


def test_a_measure_dated_2004_does_not_meet_79e_and_the_earliest_is_named():
    evidence = [
        answer("82(b)", Measure("law", "Victims Act", date(2004, 3, 12))),
        answer("82(a)", Measure("study", "Later study", date(2006, 1, 1))),
    ]
    verdict = judge_review(evidence, VICTIMS)
    assert verdict.outcome == NOT_MET
    assert verdict.reason == (
        "answered 82(a), 82(b) in a published report, but no measure is dated on or before 31 December 2002; "
        "the earliest dated measure: “Victims Act” (law) dated 12 March 2004, answer to 82(b) in 2002 review"
    )
    assert verdict.figures["measure_date"] == "2004-03-12"


def test_answers_without_a_dated_measure_are_not_met_and_say_so():
    verdict = judge_review([answer("82(a)", Measure("law", "Undated act", None)), answer("82(b)")], VICTIMS)
    assert verdict.outcome == NOT_MET
    assert verdict.reason.endswith("no measure is dated on or before 31 December 2002: no dated measure")
    assert verdict.figures == {"answers": 2}


def test_no_answer_is_insufficient_data_and_blank_answers_are_no_answer():
    for evidence in ([], [answer("82(a)", status="")]):
        verdict = judge_review(evidence, VICTIMS)
        assert verdict.outcome == INSUFFICIENT
        assert verdict.reason == "no published national report answers the national actions of chapter X"


def test_a_stored_measure_is_read_with_its_date_or_as_undated():
    assert measure_of({"kind": "law", "title": "A", "url": "", "date": "2002-06-01"}) == Measure(
        "law", "A", date(2002, 6, 1)
    )
    assert measure_of({"kind": "law", "title": "B", "date": ""}).day is None
    assert measure_of({"title": "C", "date": "June 2002"}).day is None


# -- stored reports: only published ones count ---------------------------------------------------------

# State: (report status, {index of the chapter X question: measure date}); every X question answered.
VICTIMS_REPORTS = {
    "CHE": ("published", {2: "2002-06-01", 0: "2004-03-12"}),
    "ESP": ("published", {1: "2004-03-12"}),
    "NGA": ("published", {}),
    "DEU": ("validated", {0: "2002-06-01"}),
    "FRA": ("draft", {0: "2002-06-01"}),
}
DRAFT_TITLE = "State B's draft policy, not published"


def build_victims_reports(secretariat, reviewer):
    """A cycle on chapter X (82(a)-(e)) with the reports of VICTIMS_REPORTS."""
    from django.utils import timezone
    from test_monitoring_sample import PATH_TO, set_answers

    from viennaplan.reporting.cycles import open_cycle, report_for
    from viennaplan.reporting.transitions import apply_transition

    closes = timezone.localdate() + timedelta(days=60)
    cycle = open_cycle(secretariat, "Victims 2003", date(2003, 1, 1), closes, ["X"])
    reports = {}
    for state, (status, dated) in VICTIMS_REPORTS.items():
        report = report_for(cycle, state)
        title = DRAFT_TITLE if state == "FRA" else f"Victims policy of {state}"
        extra = {
            ("X", i): {"measures": [{"kind": "policy", "title": title, "url": "", "date": day}]}
            for i, day in dated.items()
        }
        set_answers(secretariat, report, {"X": ["implemented"] * 5}, extra)
        for name in PATH_TO[status]:
            apply_transition(reviewer if name == "validate" else secretariat, report, name)
        report.refresh_from_db()
        reports[state] = report
    return cycle, reports


@pytest.fixture
def victims_reports(imported_plan, secretariat, reviewer):
    return build_victims_reports(secretariat, reviewer)


def test_stored_answers_count_only_in_published_reports(victims_reports):
    from viennaplan.monitoring.deadline_results import deadline_results

    results = deadline_results(VICTIMS)
    verdicts = {r.alpha3: r.verdict for r in results.results}
    assert verdicts["CHE"].outcome == MET
    assert (
        verdicts["CHE"].reason == "“Victims policy of CHE” (policy) dated 1 June 2002, answer to 82(c) in Victims 2003"
    )
    assert verdicts["ESP"].outcome == NOT_MET and "dated 12 March 2004, answer to 82(b)" in verdicts["ESP"].reason
    assert verdicts["NGA"].outcome == NOT_MET and verdicts["NGA"].reason.endswith(": no dated measure")
    assert verdicts["DEU"].outcome == INSUFFICIENT  # validated, not published: the public's figures, for everyone
    assert verdicts["FRA"].outcome == INSUFFICIENT  # a draft never counts
    assert results.counts == {MET: 1, NOT_MET: 2, INSUFFICIENT: len(results.results) - 3}
    assert "82(a), 82(b), 82(c), 82(d), 82(e)" in results.evidence
