"""The report to the Commission carries the assistance app's figures per area (issue 13): requests by
status as of the report's day, those awaiting resources and their estimated cost per currency, the
area's funds' balances per currency, projects and the outputs they delivered, events held; counts and
sums only: the page and its JSON twin never show the text of a request or a reason for declining.

Fixture, by hand (chapter VI: firearms; chapter IV: corruption):

    TA-CHE …-001  VI  filed 10 Jan 2003, assessed 1 Feb 2003, awaiting resources 1 Mar 2003, 25000 CHF
    TA-FRA …-001  VI  awaiting resources, 10000 USD            TA-FRA …-002  VI  awaiting, no estimate
    TA-DEU …-001  VI  assessed                                 TA-NOR …-001  VI  in delivery (project output)
    TA-CHE …-002  IV  declined (with a reason)
    fund gp-firearms (VI): 500 EUR received, 200 EUR disbursed; a contribution after the as-of day aside
    gp-corruption (IV, seeded): 1000 USD received, 400 USD disbursed
    project on VI, one output "seminar held" (quantity 1, 12 June 2002)
    events: published, 57(f), held 10-12 June 2002 (counts); a draft (never); one held after the day (not yet)

So as of today, VI: 5 requests: 1 assessed, 3 awaiting resources (CHF 25000.00 by 1, USD 10000.00 by 1,
1 without an estimate), 1 in delivery; funds' balance EUR 300.00; 1 project, 1 output; 1 event.
As of 15 February 2003 only TA-CHE-001 was filed, and it was assessed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from viennaplan.assistance.events.models import Event, EventProvision
from viennaplan.assistance.filing import file_request
from viennaplan.assistance.models import AssistanceRequest
from viennaplan.assistance.projects import attach_requests, create_project, record_output
from viennaplan.assistance.resources.models import Donor, Fund
from viennaplan.assistance.resources.operations import record_contribution, record_disbursement
from viennaplan.assistance.transitions import apply_transition
from viennaplan.monitoring.commission_report_data import build_report

SECRET = "Confidential: the border post at Chiasso lacks marking equipment"
REASON = "Declined: the ministry's own budget covers it (confidential)"
TODAY = timezone.localdate()


def aware(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


@pytest.fixture
def assisted(imported_plan, secretariat):
    def filed(state: str, chapter: str = "VI", **fields) -> AssistanceRequest:
        return file_request(secretariat, state, chapter=chapter, need=SECRET, kind="equipment", **fields)

    def move(request, *names, comment=""):
        for name in names:
            apply_transition(secretariat, request, name, comment)

    che = filed("CHE", estimated_cost=Decimal("25000"), currency="CHF", provisions=["57/f"])
    move(che, "assess", "await")
    AssistanceRequest.objects.filter(pk=che.pk).update(created_at=aware(date(2003, 1, 10)))
    for event, day in zip(che.events.order_by("at", "id"), (date(2003, 2, 1), date(2003, 3, 1)), strict=True):
        type(event).objects.filter(pk=event.pk).update(at=aware(day))
    move(filed("FRA", estimated_cost=Decimal("10000"), currency="USD"), "assess", "await")
    move(filed("FRA"), "assess", "await")
    move(filed("DEU"), "assess")
    move(filed("CHE", chapter="IV"), "decline", comment=REASON)
    nor = filed("NOR")
    move(nor, "assess", "await", "fund")
    project = create_project(secretariat, title="Firearms marking", region="Europe", chapter="VI")
    attach_requests(secretariat, project, [nor])
    record_output(secretariat, project, kind="seminar_held", quantity=1, date=date(2002, 6, 12))

    donor = Donor.objects.create(name="Kingdom of Norway", kind="state", state_id="NOR")
    firearms = Fund.objects.create(key="gp-firearms", name="Firearms programme", kind="global_programme", chapter="VI")
    corruption = Fund.objects.get(key="gp-corruption")
    for fund, currency, received, paid in ((firearms, "EUR", "500", "200"), (corruption, "USD", "1000", "400")):
        record_contribution(
            secretariat, donor=donor, fund=fund, amount=received, currency=currency, on=date(2002, 1, 5)
        )
        record_disbursement(
            secretariat, fund=fund, project=project, amount=paid, currency=currency, on=date(2002, 2, 5)
        )
    record_contribution(secretariat, donor=donor, fund=firearms, amount="70", currency="EUR", on=TODAY + timedelta(1))

    for key, published, start in (("held", True, date(2002, 6, 10)), ("draft", False, date(2002, 6, 10))) + (
        ("later", True, TODAY + timedelta(days=3)),
    ):
        end = start + timedelta(days=2)
        event = Event.objects.create(
            key=key, title=f"Seminar {key}", kind="regional_seminar", start=start, end=end, published=published
        )
        EventProvision.objects.create(event=event, path="57/f")
    return project


def chapter(report, number: str):
    return next(section for section in report.chapters if section.number == number)


def test_the_figures_of_an_area_are_those_counted_by_hand(assisted):
    figures = chapter(build_report(None, TODAY, TODAY), "VI").requests
    assert dict((status, n) for status, _label, n in figures.statuses) == {
        "received": 0,
        "assessed": 1,
        "awaiting_resources": 3,
        "funded": 0,
        "in_delivery": 1,
        "delivered": 0,
        "closed": 0,
        "declined": 0,
    }
    assert (figures.requests, figures.awaiting, figures.awaiting_without_cost) == (5, 3, 1)
    assert figures.awaiting_costs == (("CHF", Decimal("25000.00"), 1), ("USD", Decimal("10000.00"), 1))
    assert figures.funds == (("gp-firearms", "Firearms programme", (("EUR", Decimal("300.00")),)),)
    assert (figures.projects, figures.events) == (1, 1)
    assert [(kind, n, quantity) for kind, _label, n, quantity in figures.outputs] == [("seminar_held", 1, 1)]
    corruption = chapter(build_report(None, TODAY, TODAY), "IV").requests
    assert dict((s, n) for s, _label, n in corruption.statuses)["declined"] == 1
    assert corruption.balances == [("USD", Decimal("600.00"))]


def test_as_of_a_past_day_a_request_counts_in_the_status_it_had_then(assisted):
    figures = chapter(build_report(None, date(2003, 2, 15), TODAY), "VI").requests
    assert [(status, n) for status, _label, n in figures.statuses if n] == [("assessed", 1)]
    assert (figures.awaiting, figures.awaiting_costs, figures.projects) == (0, (), 0)  # projects: filed today
    assert figures.events == 1 and figures.funds[0][2] == (("EUR", Decimal("300.00")),)
    before = chapter(build_report(None, date(2003, 3, 2), TODAY), "VI").requests
    assert before.awaiting_costs == (("CHF", Decimal("25000.00"), 1),)


def test_the_page_and_its_json_twin_carry_the_counts_and_never_a_requests_text(assisted, client):
    page = client.get("/reporting/commission-report").content.decode()
    section = page[page.index('id="requests-VI"') :]
    section = section[: section.index("</section>")]
    assert '<td class="num" data-status="awaiting_resources">3</td>' in section
    assert '<td class="num" data-status="all">5</td>' in section
    assert '<span class="amount" data-currency="CHF">25000.00 <span class="iso">CHF</span></span>' in section
    assert 'data-fund="gp-firearms"' in section and "300.00" in section and "/assistance/areas/VI" in section
    data = client.get("/api/reporting/commission-report").json()
    vi = next(c for c in data["chapters"] if c["chapter"] == "VI")["technical_assistance"]["requests"]
    assert vi["by_status"]["awaiting_resources"] == 3 and vi["requests"] == 5
    assert vi["awaiting_resources"] == {
        "requests": 3,
        "estimated_cost": [
            {"currency": "CHF", "amount": "25000.00", "requests": 1},
            {"currency": "USD", "amount": "10000.00", "requests": 1},
        ],
        "without_estimate": 1,
    }
    assert vi["balances"] == [{"currency": "EUR", "amount": "300.00"}]
    assert (vi["projects"], vi["events"], vi["outputs"][0]["quantity"]) == (1, 1, 1)
    for text in (page, str(data)):
        assert SECRET not in text and REASON not in text and "Chiasso" not in text


def test_an_area_without_requests_says_so(imported_plan, client):
    page = client.get("/reporting/commission-report").content.decode()
    assert "No request for technical assistance, fund, project or event on this area." in page
    data = client.get("/api/reporting/commission-report").json()
    assert all(c["technical_assistance"]["requests"]["requests"] == 0 for c in data["chapters"])
