"""The plan's dated deadlines on the site: /targets/deadlines and /targets/deadlines/<key> (each State
with its outcome, the figures, the depositary list and a map), their JSON twins under
/api/targets/deadlines, `viennaplan targets deadlines` and `state_deadlines` for the profile.

Treaty data are synthetic, imported as a complete list dated 27 January 2014 (UNTOC only):
  FRA  ratification 31 Dec 2002                          met
  NGA  accession 1 Mar 2001, denounced 1 Jun 2002        met (effective 1 Jun 2003, after the deadline)
  ESP  ratification 1 Mar 2001, denounced 1 Jun 2001     not met (effective 1 Jun 2002; accession again 2005)
  CHE  signed 12 Dec 2000, ratification 1 Jan 2003       not met, after the deadline
  CIV  signed 15 Dec 2000                                not met, signatory only
  every other State                                      not met, neither signed nor consented
The Protocols have no list on file: every State is insufficient data under them.
"""

from __future__ import annotations

import json
import re
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from test_monitoring_sample import visible_text
from test_plan_deadlines import DRAFT_TITLE, build_victims_reports

from viennaplan.countries.registry import states
from viennaplan.monitoring.deadline_results import state_deadlines
from viennaplan.treaties.importer import import_status_list, whole_lists

pytestmark = pytest.mark.django_db

UNTOC_LIST = """state,instrument,action,date,source
France,UNTOC,signature,2000-12-12,synthetic
France,UNTOC,ratification,2002-12-31,synthetic
Nigeria,UNTOC,accession,2001-03-01,synthetic
Nigeria,UNTOC,denunciation,2002-06-01,synthetic
Spain,UNTOC,ratification,2001-03-01,synthetic
Spain,UNTOC,denunciation,2001-06-01,synthetic
Spain,UNTOC,accession,2005-05-05,synthetic
Switzerland,UNTOC,signature,2000-12-12,synthetic
Switzerland,UNTOC,ratification,2003-01-01,synthetic
Côte d'Ivoire,UNTOC,signature,2000-12-15,synthetic
"""


def import_untoc(listed_on: date = date(2014, 1, 27), text: str = UNTOC_LIST) -> None:
    import_status_list(text, source_name="untoc-test.csv", lists=whole_lists("untoc-test.csv", listed_on))


@pytest.fixture
def untoc(db):
    import_untoc()


def rows_of(response) -> dict[str, str]:
    """alpha-3 -> outcome of the rows of the results table."""
    return dict(re.findall(r'<tr data-state="([A-Z]{3})" data-outcome="([a-z_]+)">', response.content.decode()))


def reason_of(response, alpha3: str) -> str:
    row = re.search(rf'<tr data-state="{alpha3}".*?</tr>', response.content.decode(), flags=re.S)
    assert row, alpha3
    return visible_text(type("R", (), {"content": row[0].encode()})())


def cli(*args: str) -> str:
    out = StringIO()
    call_command("targets", "deadlines", *args, stdout=out)
    return out.getvalue()


# -- the pages ------------------------------------------------------------------------------------------


def test_the_deadlines_page_counts_every_state_once_under_each_deadline(client, untoc):
    response = client.get("/targets/deadlines")
    assert response.status_code == 200
    body = response.content.decode()
    keys = re.findall(r'<tr data-deadline="([a-z-]+)">', body)
    assert keys == ["ratify-untoc", "ratify-tip", "ratify-som", "ratify-firearms", "review-victims"]
    untoc = body[body.index('data-deadline="ratify-untoc"') : body.index('data-deadline="ratify-tip"')]
    counts = dict(re.findall(r'data-count="([a-z_]+)"><a href="[^"]+">(\d+)</a>', untoc))
    assert counts == {"met": "2", "not_met": str(len(states()) - 2), "insufficient_data": "0"}
    assert 'href="/targets/deadlines/ratify-untoc"' in untoc
    assert 'href="/api/targets/deadlines"' in body


def test_the_indicator_targets_page_links_to_the_deadlines(client, db):
    assert 'href="/targets/deadlines"' in client.get("/targets").content.decode()


def test_a_ratification_deadline_page_gives_each_state_and_what_decided_it(client, untoc):
    response = client.get("/targets/deadlines/ratify-untoc")
    assert response.status_code == 200
    outcomes = rows_of(response)
    assert len(outcomes) == len(states())
    assert {s for s, o in outcomes.items() if o == "met"} == {"FRA", "NGA"}
    assert "ratification deposited 31 December 2002, on or before 31 December 2002" in reason_of(response, "FRA")
    assert "denounced with effect from 1 June 2003, after the deadline" in reason_of(response, "NGA")
    assert (
        "denounced with effect from 1 June 2002, on or before the deadline; accession deposited again 5 May 2005"
        in (reason_of(response, "ESP"))
    )
    assert "ratification deposited 1 January 2003, after the deadline" in reason_of(response, "CHE")
    assert "signed 15 December 2000, no consent as of the depositary's list of 27 January 2014" in reason_of(
        response, "CIV"
    )
    assert "neither signed nor consented as of the depositary's list of 27 January 2014" in reason_of(response, "AUT")
    text = visible_text(response)
    assert "UNTOC as listed by the depositary on 27 January 2014 (untoc-test.csv)" in text
    body = response.content.decode()
    assert "data-warning" not in body  # the list is after the deadline: no warning on the outcomes
    later = re.search(r"<p class=\"help\" data-later-warning>(.*?)</p>", body, flags=re.S)
    assert "Status as listed by the depositary on 27 January 2014; later actions are not included" in later[1]
    svg = response.content.decode()
    assert "<svg" in svg and 'id="map-ratify-untoc' in svg
    legend = dict(re.findall(r'<tr data-category="([a-z_]+)"><th scope="row">.*?</th><td>(\d+)</td>', svg))
    assert legend == {"met": "2", "not_met": str(len(states()) - 2), "insufficient_data": "0"}


def test_the_outcome_filter_shows_only_those_states_and_a_bad_one_is_a_400(client, untoc):
    met = client.get("/targets/deadlines/ratify-untoc?outcome=met")
    assert set(rows_of(met)) == {"FRA", "NGA"}
    assert 'href="/api/targets/deadlines/ratify-untoc?outcome=met"' in met.content.decode()
    bad = client.get("/targets/deadlines/ratify-untoc?outcome=late")
    assert bad.status_code == 400
    assert "?outcome='late' is not an outcome; use met, not_met, insufficient_data" in visible_text(bad)


def test_an_unknown_deadline_is_a_404_naming_the_deadlines(client, db):
    assert client.get("/targets/deadlines/ratify-uncac").status_code == 404
    answer = client.get("/api/targets/deadlines/ratify-uncac")
    assert answer.status_code == 404
    assert answer.json() == {
        "detail": "There is no deadline 'ratify-uncac'; GET /api/targets/deadlines lists them: ratify-untoc, "
        "ratify-tip, ratify-som, ratify-firearms, review-victims.",
        "errors": [],
    }


def test_without_a_list_of_an_instrument_every_state_is_insufficient_data(client, untoc):
    outcomes = rows_of(client.get("/targets/deadlines/ratify-som"))
    assert set(outcomes.values()) == {"insufficient_data"} and len(outcomes) == len(states())
    assert "no status list of SOM is on file" in reason_of(client.get("/targets/deadlines/ratify-som"), "FRA")


def test_a_list_older_than_the_deadline_is_named_with_its_warning(client, db):
    import_untoc(date(2002, 6, 30), "state,instrument,action,date\nFrance,UNTOC,signature,2000-12-12\n")
    text = visible_text(client.get("/targets/deadlines/ratify-untoc"))
    assert "UNTOC as listed by the depositary on 30 June 2002" in text
    assert "Status as listed by the depositary on 30 June 2002; later actions are not included" in text
    data = client.get("/api/targets/deadlines/ratify-untoc").json()
    assert data["listed_on"] == "2002-06-30" and data["warning"].startswith("Status as listed by the depositary")


# -- the JSON twins and the command ---------------------------------------------------------------------


def test_the_json_twins_give_the_same_counts_figures_and_filter(client, untoc):
    listed = client.get("/api/targets/deadlines").json()
    assert [d["key"] for d in listed] == [
        "ratify-untoc",
        "ratify-tip",
        "ratify-som",
        "ratify-firearms",
        "review-victims",
    ]
    assert listed[0]["counts"] == {"met": 2, "not_met": len(states()) - 2, "insufficient_data": 0}
    assert listed[0]["provisions"][0]["citation"] == "10" and listed[0]["listed_on"] == "2014-01-27"
    detail = client.get("/api/targets/deadlines/ratify-untoc?outcome=met").json()
    assert detail["outcome"] == "met" and detail["counts"] == listed[0]["counts"]
    fra = next(r for r in detail["results"] if r["state"] == "FRA")
    assert fra["figures"] == {
        "signature": "2000-12-12",
        "consent_kind": "ratification",
        "consent_date": "2002-12-31",
        "denounced": None,
        "listed_on": "2014-01-27",
    }
    assert [r["state"] for r in detail["results"]] == ["FRA", "NGA"]
    bad = client.get("/api/targets/deadlines/ratify-untoc?outcome=late")
    assert bad.status_code == 422
    assert bad.json()["errors"] == [
        "query outcome: ?outcome='late' is not an outcome; use met, not_met, insufficient_data (or leave it out)."
    ]


def test_the_command_gives_the_apis_json_and_a_text_table(client, untoc):
    assert json.loads(cli("--format", "json")) == client.get("/api/targets/deadlines").json()
    assert (
        json.loads(cli("ratify-untoc", "--format", "json")) == client.get("/api/targets/deadlines/ratify-untoc").json()
    )
    text = cli("ratify-untoc")
    assert "CHE  not met            ratification deposited 1 January 2003, after the deadline" in text
    assert cli().splitlines()[0].startswith("ratify-untoc     Organized Crime Convention (UNTOC) ratified before")
    with pytest.raises(CommandError, match="There is no deadline 'nope'"):
        cli("nope")


# -- 79(e): only published answers, whoever reads ---------------------------------------------------------


def test_a_draft_answer_is_neither_counted_nor_shown_even_to_its_focal_point(
    client_as, imported_plan, secretariat, reviewer, focal_point_b
):
    build_victims_reports(secretariat, reviewer)
    for user in (focal_point_b, secretariat, None):
        response = client_as(user).get("/targets/deadlines/review-victims")
        assert response.status_code == 200
        outcomes = rows_of(response)
        assert (outcomes["CHE"], outcomes["ESP"], outcomes["FRA"], outcomes["DEU"]) == (
            "met",
            "not_met",
            "insufficient_data",
            "insufficient_data",
        )
        assert DRAFT_TITLE not in response.content.decode()
        assert "Victims policy of DEU" not in response.content.decode()  # validated, not yet published
        assert "“Victims policy of CHE” (policy) dated 1 June 2002, answer to 82(c) in Victims 2003" in reason_of(
            response, "CHE"
        )
    data = client_as(focal_point_b).get("/api/targets/deadlines/review-victims").json()
    assert DRAFT_TITLE not in json.dumps(data, ensure_ascii=False)
    assert data["counts"] == {"met": 1, "not_met": 2, "insufficient_data": len(states()) - 3}


def test_a_states_results_under_every_deadline_for_its_profile(untoc):
    mine = state_deadlines("fra")
    assert [(item.deadline.key, item.verdict.outcome) for item in mine] == [
        ("ratify-untoc", "met"),
        ("ratify-tip", "insufficient_data"),
        ("ratify-som", "insufficient_data"),
        ("ratify-firearms", "insufficient_data"),
        ("review-victims", "insufficient_data"),
    ]
    assert mine[0].url == "/targets/deadlines/ratify-untoc"
    assert state_deadlines("XXX") is None and state_deadlines("EUU") is None  # unknown; an organization


# -- the shipped lists: the deadline and the objectives' figure agree ------------------------------------


def test_on_the_shipped_lists_untoc_met_equals_the_objectives_ratified_by_2002(client):
    from viennaplan.monitoring.ratification import ratification_progress
    from viennaplan.treaties.rules import TARGET_DATE

    call_command("treaties", "load-shipped", stdout=StringIO())
    data = client.get("/api/targets/deadlines").json()
    progress = ratification_progress(TARGET_DATE)
    by_target = {i.instrument: i.ratified_by_target for o in progress for i in o.instruments}
    for deadline in data[:4]:
        assert deadline["counts"]["met"] == by_target[deadline["instrument"]], deadline["key"]
        assert deadline["counts"]["insufficient_data"] == 0
    assert data[0]["listed_on"] == "2014-01-27" and data[0]["warning"] is None
