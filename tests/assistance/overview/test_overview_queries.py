"""The overview's queries (assistance/overview.py) on a small world: the board's counts, ages and
totals per currency, a State's and an area's figures, a donor's needs, matching on stored rows, and
the number of queries each takes."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from overview_needs import CONFIDENTIAL_NEED, SHARED_NEED

from viennaplan.assistance import matching, overview
from viennaplan.assistance.models import AssistanceRequest, RequestEvent
from viennaplan.countries.models import Country


def cell(board, chapter, status):
    row = next(r for r in board.rows if r.chapter == chapter)
    return next(c for c in row.cells if c.status == status)


def test_the_board_counts_requests_by_area_and_status_with_what_waits_per_currency(ov_world):
    board = overview.board()
    assert [row.chapter for row in board.rows] == ["IV", "V", "VI"]
    assert cell(board, "VI", "awaiting_resources").count == 2
    assert cell(board, "VI", "received").count == 1
    assert cell(board, "VI", "declined").count == 1
    assert cell(board, "V", "awaiting_resources").count == 2
    assert board.total == 7 and board.totals[2] == 5
    vi = next(r for r in board.rows if r.chapter == "VI")
    assert [(a.currency, a.total, a.count) for a in vi.waiting] == [
        ("CHF", Decimal("1000.00"), 1),
        ("EUR", Decimal("200.00"), 1),
    ]
    v = next(r for r in board.rows if r.chapter == "V")
    assert [(a.currency, a.total) for a in v.waiting] == [("USD", Decimal("300.00"))] and v.waiting_without_cost == 1
    assert cell(board, "VI", "received").url == "/assistance/requests?chapter=VI&status=received"
    assert cell(board, "VI", "declined").median_age is None  # final: no ages


def test_the_board_ages_are_the_median_and_oldest_days_since_received_and_since_the_last_event(ta_file, ta_bring):
    now = timezone.now()
    for days in (10, 20, 40):
        request = ta_file("CHE")
        AssistanceRequest.objects.filter(pk=request.pk).update(created_at=now - timedelta(days=days, hours=1))
    for received, moved in ((30, 2), (50, 6)):
        request = ta_bring(ta_file("FRA"), "assessed")
        AssistanceRequest.objects.filter(pk=request.pk).update(created_at=now - timedelta(days=received, hours=1))
        RequestEvent.objects.filter(request=request).update(at=now - timedelta(days=moved, hours=1))
    board = overview.board(now)
    received = cell(board, "VI", "received")
    assert (received.count, received.median_age, received.oldest_age) == (3, 20, 40)
    assert received.oldest_in_status == 40
    assessed = cell(board, "VI", "assessed")
    assert (assessed.median_age, assessed.oldest_age) == (40, 50)  # the mean of the two middle ones
    assert assessed.oldest_in_status == 6


def test_the_board_takes_a_fixed_number_of_queries(ov_world, ta_file):
    with CaptureQueriesContext(connection) as few:
        overview.board()
    for state in ("DEU", "ITA", "NGA", "GHA"):
        ta_file(state, chapter="VII")
    with CaptureQueriesContext(connection) as more:
        overview.board()
    assert len(few) == len(more) <= 6


def test_a_state_in_full_and_in_counts(ov_world):
    che = Country.objects.get(alpha3="CHE")
    full = overview.state_overview(che, True)
    assert full.total == 3 and [a.chapter for a in full.areas] == ["IV", "VI"]
    assert {row["need"] for row in full.requests} >= {SHARED_NEED, CONFIDENTIAL_NEED}
    assert [p["key"] for p in full.projects] == ["PRJ-OV-1"] and full.projects[0]["requests_served"] == 1
    assert [(a.currency, a.total) for a in full.disbursed] == [("EUR", Decimal("300.00"))]
    counts = overview.state_overview(che, False)
    assert counts.requests == [] and counts.projects == [] and counts.project_count == 1
    assert counts.total == 3 and counts.disbursed == full.disbursed


def test_an_area_shows_its_funds_balances_and_the_gaps_per_currency(ov_world):
    area = overview.area_overview("V")
    assert dict((s, n) for s, _label, n, _url in area.counts)["awaiting_resources"] == 2
    assert [(f.fund.key, f.balances) for f in area.funds] == [("gp-trafficking", {"EUR": Decimal("1700.00")})]
    assert [(g.currency, g.waiting, g.available, g.gap) for g in area.gaps] == [
        ("EUR", Decimal("0.00"), Decimal("1700.00"), Decimal("-1700.00")),
        ("USD", Decimal("300.00"), Decimal("0.00"), Decimal("300.00")),
    ]
    assert area.waiting_count == 2 and area.waiting_without_cost == 1


def test_a_donors_needs_are_in_its_areas_and_the_text_only_of_shareable_requests(ov_world):
    france = overview.donor_needs(ov_world["donors"]["FRA"], True)
    assert (france.chapters, france.every_area, france.count) == (["V"], False, 2)
    assert [(g.chapter, g.region, g.count) for g in france.groups] == [("V", "Africa", 2)]
    assert france.shareable == []
    pool = overview.donor_needs(ov_world["donors"]["foundation"], True)
    assert pool.every_area and pool.count == 5
    assert [r.need for r in pool.shareable] == [SHARED_NEED] and pool.shareable_count == 1
    assert overview.donor_needs(ov_world["donors"]["foundation"], False).shareable == []
    swiss = overview.donor_needs(ov_world["donors"]["CHE"], True)
    assert swiss.chapters == ["IV"] and swiss.count == 1 and swiss.shareable == []


def test_matching_on_stored_rows_in_a_fixed_number_of_queries(ov_world):
    with CaptureQueriesContext(connection) as queries:
        found = {m.need.key: m for m in overview.all_matches()}
    assert len(queries) <= 7
    requests = ov_world["requests"]
    assert set(found) == {r.key for name, r in requests.items() if name not in ("che_vi_new", "fra_declined")}
    nga = found[requests["nga_v"].key]
    assert [(d.name, d.reason, d.provisions) for d in nga.donors] == [
        ("France", matching.CHAPTER, ("44/i",)),
        ("Open Foundation", matching.UNEARMARKED, ()),
    ]
    che_iv = found[requests["che_iv"].key]  # Switzerland's own pledge does not match its own request
    assert [d.name for d in che_iv.donors] == ["Open Foundation"]
    fra_vi = found[requests["fra_vi"].key]
    assert [(p.key, p.reason) for p in fra_vi.projects] == [("PRJ-OV-1", matching.CHAPTER_REGION)]
