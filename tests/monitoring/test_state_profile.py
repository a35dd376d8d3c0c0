"""A State's profile /reporting/states/CHE: its groups and lists, its treaty status (from the
treaty engine), its published answers per cycle, its technical-assistance needs and the
deadlines of the plan's national actions; the same as JSON under /api/reporting/progress."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from test_monitoring_sample import CHE_NARRATIVE, CHE_NEED, visible_text

from viennaplan.countries.registry import statuses_on
from viennaplan.monitoring.profiles import state_profile
from viennaplan.plan.models import Deadline
from viennaplan.reporting.cycles import open_cycle
from viennaplan.treaties.importer import import_status_list

TREATY_LIST = Path(__file__).parent.parent / "treaties" / "data" / "synthetic_small.csv"


@pytest.fixture
def treaty_status(db):
    import_status_list(TREATY_LIST.read_bytes(), source_name=TREATY_LIST.name)


def test_the_profile_shows_the_treaty_status_from_the_treaty_engine(sample, treaty_status, client):
    response = client.get("/reporting/states/CHE")
    body = response.content.decode()
    assert response.status_code == 200
    row = body[body.index('data-instrument="UNTOC"') :].split("</tr>")[0]
    assert ">Party<" in row and "27 Oct 2006" in row  # ratified 27 October 2006 (synthetic list)
    assert 'href="/treaties/states/CHE"' in body


def test_without_a_treaty_status_list_the_profile_says_so(sample, client):
    assert "No treaty status list has been imported yet." in visible_text(client.get("/reporting/states/CHE"))
    assert client.get("/api/reporting/progress/states/CHE").json()["treaties"] is None


def test_the_profile_shows_the_published_answers_and_the_assistance_asked_for(sample, client):
    cycle, _ = sample
    response = client.get("/reporting/states/CHE")
    text = visible_text(response)
    assert CHE_NARRATIVE in text and "Federal Act of 2003 (2003-01-01)" in text
    assert "Responsible: Federal Office of Justice" in text
    need = cycle.questions.filter(chapter="VIII").order_by("position")[2]
    assert f"{need.citation} (2002 review): {CHE_NEED}" in text
    assert f'id="cycle-{cycle.pk}"' in response.content.decode() and "9 answers" in text


def test_the_profile_lists_the_deadlines_of_national_actions_with_the_latest_answers(sample, client):
    cycle, _ = sample
    deadlines = Deadline.objects.filter(provision__kind="national_action").select_related("provision")
    assert deadlines.exists()
    profile = state_profile(None, "CHE", timezone.localdate())
    assert [line.citation for line in profile.deadlines] == [
        d.provision.citation for d in deadlines.order_by("end", "provision__position")
    ]
    assert all(line.passed for line in profile.deadlines)  # the plan's deadlines (2002, 2005) are past
    text = visible_text(client.get("/reporting/states/CHE"))
    first = profile.deadlines[0]
    assert f"{first.citation} {first.text}" in text


def test_a_deadline_shows_the_states_answers_to_the_questions_it_concerns(sample):
    from viennaplan.monitoring.profiles import ProfileAnswer, ProfileCycle, deadlines_faced
    from viennaplan.monitoring.shares import shares_of

    cycle, _ = sample
    deadline = Deadline.objects.filter(provision__kind="national_action").select_related("provision").first()
    path = deadline.provision.path
    answer = ProfileAnswer(f"{path}/a", f"{path}(a)", "III", "", "implemented", "Implemented", "", [], "", False, "")
    other = ProfileAnswer("999", "999", "III", "", "not_started", "Not started", "", [], "", False, "")
    lines = deadlines_faced(
        [ProfileCycle(cycle, "published", None, [answer, other], shares_of({}))], timezone.localdate()
    )
    line = next(line for line in lines if line.path == path)
    assert line.answers == [(f"{path}(a)", "Implemented", "2002 review")]


def test_the_profile_shows_regional_groups_and_ldc_lldc_sids_status(sample, client):
    text = visible_text(client.get("/reporting/states/CHE"))
    assert "UN regional group Western European and other States" in text
    assert "not an LDC, LLDC or SIDS" in text
    assert statuses_on("NER") >= {"ldc", "lldc"}
    niger = visible_text(client.get("/reporting/states/NER"))
    assert "LDC (least developed country)" in niger and "LLDC (landlocked developing country)" in niger
    assert "African States" in niger and "No published report." in niger


def test_the_profile_json_twin_has_the_same_content(sample, treaty_status, client):
    cycle, _ = sample
    data = client.get("/api/reporting/progress/states/CHE").json()
    assert data["state"] == "CHE" and data["region"] == "Europe"
    assert data["regional_groups"][0] == {
        "code": "western_european_others",
        "name": "Western European and other States",
    }
    assert data["lists"] == [] and data["demonstration"] is False
    untoc = next(t for t in data["treaties"] if t["instrument"] == "UNTOC")
    assert untoc["status"] == "party" and untoc["consent_date"] == "2006-10-27"
    (line,) = data["cycles"]
    assert line["cycle"]["id"] == cycle.pk and line["report_status"] == "published" and len(line["items"]) == 9
    assert line["items"][0]["narrative"] == CHE_NARRATIVE and line["items"][0]["measures"][0]["kind"] == "law"
    assert line["answers"]["progress"] == round((2 + 0.5) / 8, 4)
    assert data["assistance"] == [
        {
            "cycle": "2002 review",
            "citation": line["items"][2]["citation"],
            "path": line["items"][2]["path"],
            "description": CHE_NEED,
        }
    ]
    assert data["deadlines"] and data["deadlines"][0]["passed"] is True


def test_the_profile_json_does_not_count_the_questions_of_its_cycles(sample, secretariat, client):
    first, _ = sample
    second = open_cycle(secretariat, "2004 review", date(2004, 1, 1), timezone.localdate() + timedelta(days=90), ["X"])
    with CaptureQueriesContext(connection) as queries:
        data = client.get("/api/reporting/progress/states/CHE").json()
    assert [line["cycle"]["id"] for line in data["cycles"]] == [second.pk, first.pk]
    counting = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"] and "reporting_question" in q["sql"]]
    assert counting == []  # a cycle's reference carries no question count


def test_an_unknown_state_is_404_and_a_lower_case_code_redirects(sample, client):
    assert client.get("/reporting/states/XYZ").status_code == 404
    assert client.get("/api/reporting/progress/states/XYZ").status_code == 404
    response = client.get("/reporting/states/che")
    assert response.status_code == 301 and response["Location"] == "/reporting/states/CHE"
