"""Issue 13's "Done when", tried as its users would, through the pages and forms with Django's test
client: CHE's focal point answers 57(f) asking for assistance and files the request with one click
under the answer; the secretariat assesses it and puts it on the list awaiting resources; a donor's
pledge earmarked for firearms (chapter VI, where 57(f) is) in CHE's sub-region is recorded and matched
to it; a contribution and a disbursement to a project serving it fund it; it is delivered through a
seminar recorded as an event; the State's assistance page, the State profile, the pipeline board and
the fund's ledger all show it, and the ledger balances; the report to the Commission counts it.

Money, donors and funds are entered on the Secretariat's admin pages (the resources' only forms: they
record through resources/operations.py). The event has no form of its own but the admin with its four
inlines: it is recorded through the events' CSV import (`events_csv.import_events`), the Secretariat's
way in for events. An event does not move requests itself: the project's output (a seminar held)
starts the delivery, and completing the project delivers.
"""

from __future__ import annotations

import re
from decimal import Decimal

from request_paths import NEED

from viennaplan.assistance.events.events_csv import import_events
from viennaplan.assistance.events.models import Event
from viennaplan.assistance.models import AssistanceRequest, Project
from viennaplan.assistance.resources.models import Donor, Fund, Pledge
from viennaplan.assistance.resources.operations import ledger_of
from viennaplan.reporting.models import Answer

FIREARMS = "VI"  # the plan's chapter on firearms: 57(f) is in it
SUBREGION = "Western Europe"  # CHE's sub-region (UN M49)


def admin_add(client, model: str, data: dict) -> None:
    """Add a row on the admin's form for `model` (assistance_resources.<model>): it must be stored."""
    response = client.post(f"/admin/assistance_resources/{model}/add/", data)
    errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S)
    assert response.status_code == 302, errors


def moved(client, key: str, name: str, comment: str = "") -> None:
    response = client.post(f"/assistance/requests/{key}/transitions/{name}", {"comment": comment})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_request_from_an_answer_on_57f_goes_from_received_to_delivered_and_every_page_shows_it(
    ta_cycle, client_as, focal_point_a, secretariat, reviewer
):
    focal = client_as(focal_point_a)
    office = client_as(secretariat)
    cycle = ta_cycle.pk

    # -- the focal point answers 57(f), asking for assistance ------------------------------------
    assert focal.post(f"/reporting/{cycle}/CHE/start").status_code == 302
    answer = Answer.objects.get(report__cycle=ta_cycle, report__state_id="CHE", question__path="57/f")
    form = {
        "status": "partially_implemented",
        "narrative": "Marking at import is required; tracing is not yet possible.",
        "responsible_institution": "Federal Office of Police",
        "assistance_needed": "on",
        "assistance_description": NEED,
        "version": str(answer.version),
    }
    saved = focal.post(f"/reporting/{cycle}/CHE/answers/{answer.pk}", form)
    assert saved.status_code == 302, saved.content.decode()[:2000]
    section = focal.get(f"/reporting/{cycle}/CHE/chapter/{FIREARMS}").content.decode()
    one_click = f'action="/assistance/answers/{answer.pk}/request"'
    assert one_click in section  # the form under the answer

    # -- one click: the request appears, received, linked both ways ------------------------------
    filed = focal.post(f"/assistance/answers/{answer.pk}/request")
    assert filed.status_code == 302
    request = AssistanceRequest.objects.get()
    assert filed["Location"] == f"/assistance/requests/{request.key}"
    assert (request.state_id, request.chapter, request.status, request.need) == ("CHE", FIREARMS, "received", NEED)
    assert [p.path for p in request.provisions.all()] == ["57/f"]
    detail = focal.get(filed["Location"]).content.decode()
    assert 'id="from-answer"' in detail and f'href="/reporting/{cycle}/CHE/"' in detail  # back to the report
    section = focal.get(f"/reporting/{cycle}/CHE/chapter/{FIREARMS}").content.decode()
    assert f'href="/assistance/requests/{request.key}"' in section and one_click not in section
    assert focal.post(f"/assistance/answers/{answer.pk}/request")["Location"] == filed["Location"]  # one per answer
    assert AssistanceRequest.objects.count() == 1

    # the report goes its way to publication, so that the public profile counts the answer
    assert focal.post(f"/reporting/{cycle}/CHE/transitions/submit").status_code == 302
    assert client_as(reviewer).post(f"/reporting/{cycle}/CHE/transitions/validate").status_code == 302
    assert office.post(f"/reporting/{cycle}/CHE/transitions/publish").status_code == 302

    # -- the secretariat assesses it; it waits for resources --------------------------------------
    moved(office, request.key, "assess", "Marking and tracing: within the firearms programme.")
    moved(office, request.key, "await")
    request.refresh_from_db()
    assert request.status == "awaiting_resources"
    assert [e.transition for e in request.events.all()] == ["assess", "await"]

    # -- a donor's pledge earmarked for firearms in CHE's sub-region ------------------------------
    admin_add(
        office,
        "fund",
        {"key": "gp-firearms", "name": "Firearms programme", "kind": "global_programme", "chapter": FIREARMS}
        | {"region": "", "provisions": '["57/f"]', "description": ""},
    )
    fund = Fund.objects.get(key="gp-firearms")
    admin_add(office, "donor", {"name": "Kingdom of Norway", "kind": "state", "state": "NOR"})
    donor = Donor.objects.get(state_id="NOR")
    pledge_form = {"donor": donor.pk, "fund": fund.pk, "amount": "50000.00", "currency": "USD", "date": "2002-03-01"}
    admin_add(office, "pledge", pledge_form | {"chapter": FIREARMS, "region": SUBREGION, "note": ""})
    pledge = Pledge.objects.get()

    # -- the matching page shows that donor for the request ---------------------------------------
    matching = office.get("/assistance/matching").content.decode()
    row = matching[matching.index(f'<tr id="match-{request.key}">') :]
    row = row[: row.index("</tr>")]
    assert f'<li data-donor="{donor.pk}" data-reason="chapter_subregion">' in row and "Kingdom of Norway" in row
    api = office.get("/api/assistance/matching").json()
    found = next(item for item in api["requests"] if item["request"] == request.key)
    assert [(d["name"], d["reason"], d["provisions"]) for d in found["donors"]] == [
        ("Kingdom of Norway", "chapter_subregion", ["57/f"])
    ]

    # -- a project serves it; a contribution and a disbursement to it fund it ----------------------
    created = office.post(
        "/assistance/projects/new",
        {"title": "Firearms marking and tracing, Western Europe", "region": SUBREGION, "chapter": FIREARMS},
    )
    assert created.status_code == 302
    project = Project.objects.get()
    assert office.post(f"/assistance/projects/{project.key}/requests", {"requests": request.key}).status_code == 302
    paid = {"donor": donor.pk, "fund": fund.pk, "pledge": pledge.pk, "amount": "30000.00", "currency": "USD"}
    admin_add(office, "contribution", paid | {"date": "2002-04-01", "note": ""})
    spent = {"fund": fund.pk, "project": project.pk, "amount": "12500.00", "currency": "USD", "date": "2002-05-01"}
    admin_add(office, "disbursement", spent | {"purpose": "Regional seminar on marking"})
    request.refresh_from_db()
    assert request.status == "funded"  # the disbursement to its project funded it
    funded = request.events.get(transition="fund")
    assert funded.user == secretariat and f"12500.00 USD from {fund.key} to {project.key}" in funded.comment

    # -- delivered through a seminar recorded as an event -----------------------------------------
    csv = (
        "record,key,kind,title,start,end,city,host,organizer,provisions,published,requests,project,"
        "state,participants,symbol,url,quantity,description\r\n"
        f"event,seminar-firearms-bern-2002,regional_seminar,Regional seminar on firearms marking,2002-06-10,"
        f"2002-06-12,Bern,CHE,Centre for International Crime Prevention,10/c; 57/f,yes,{request.key},{project.key},"
        ",,,,,Marking and tracing of firearms\r\n"
        "participation,seminar-firearms-bern-2002,,,,,,,,,,,,CHE,12,,,,\r\n"
        "output,seminar-firearms-bern-2002,officials_trained,,,,,,,,,,,,,,,12,Customs officers trained in marking\r\n"
    )
    import_events(csv.encode(), source_name="seminar.csv")  # no form but the admin's: the Secretariat's import
    event = Event.objects.get()
    assert list(event.requests.all()) == [request] and event.project == project
    output = {"kind": "seminar_held", "quantity": "1", "date": "2002-06-12", "description": "Regional seminar, Bern"}
    assert office.post(f"/assistance/projects/{project.key}/outputs", output).status_code == 302
    request.refresh_from_db()
    assert request.status == "in_delivery"
    assert office.post(f"/assistance/projects/{project.key}/complete").status_code == 302
    request.refresh_from_db()
    assert request.status == "delivered"
    assert [e.transition for e in request.events.all()] == ["assess", "await", "fund", "deliver", "complete"]
    seminar = focal.get("/assistance/events/seminar-firearms-bern-2002").content.decode()
    assert request.key in seminar

    # -- the State's assistance page ---------------------------------------------------------------
    state_page = focal.get("/assistance/states/CHE").content.decode()
    assert f'href="/assistance/requests/{request.key}"' in state_page and project.key in state_page
    assert "12500.00" in state_page or "12,500.00" in state_page  # what was disbursed to the project serving it
    public_state = client_as(None).get("/assistance/states/CHE").content.decode()
    assert request.key not in public_state and NEED not in public_state  # the public sees counts only

    # -- the State profile (the public's view: the published answer asks for assistance) -----------
    profile = client_as(None).get("/reporting/states/CHE").content.decode()
    need = profile[profile.index('id="assistance-needs"') :]
    assert 'data-need="57(f)"' in need and NEED in need
    assert '<a href="/assistance/states/CHE" id="state-assistance">' in profile  # and on to the State's assistance

    # -- the pipeline board ------------------------------------------------------------------------
    board = office.get("/assistance/board").content.decode()
    assert f'id="cell-{FIREARMS}-delivered" data-count="1"' in board
    assert f'id="cell-{FIREARMS}-awaiting_resources" data-count="0"' in board

    # -- the fund's ledger, and it balances --------------------------------------------------------
    ledger_page = client_as(None).get(f"/assistance/funds/{fund.key}").content.decode()
    assert "Kingdom of Norway" in ledger_page and project.key in ledger_page
    totals = ledger_page[ledger_page.index('id="total-USD"') :]
    assert re.search(r"30000\.00</td><td class=\"num\">12500\.00</td><td class=\"num balance\">17500\.00<", totals)
    statement = client_as(None).get(f"/api/assistance/funds/{fund.key}").json()
    for total in statement["totals"]:
        assert Decimal(total["received"]) - Decimal(total["disbursed"]) == Decimal(total["balance"])
    assert {t["currency"]: Decimal(t["balance"]) for t in statement["totals"]} == {"USD": Decimal("17500.00")}
    assert ledger_of(fund).balances() == {"USD": Decimal("17500.00")}

    # -- and the report to the Commission counts it in the firearms chapter ------------------------
    report = client_as(None).get("/api/reporting/commission-report").json()
    figures = next(c for c in report["chapters"] if c["chapter"] == FIREARMS)["technical_assistance"]["requests"]
    assert (figures["requests"], figures["by_status"]["delivered"], figures["projects"], figures["events"]) == (
        1,
        1,
        1,
        1,
    )
    assert figures["balances"] == [{"currency": "USD", "amount": "17500.00"}]
