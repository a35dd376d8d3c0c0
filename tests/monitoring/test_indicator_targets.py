"""Indicator targets on stored observations: a 2000->2005 reduction target on 35(a) over a small
hand-made file gives the results computed by hand below; its page, JSON twin, the chapter's
commitments page and `viennaplan targets show` say the same; only the Secretariat sets a target.

Hand-computed, threshold 10%, window 1 year:
  CHE 200 (2000) -> 150 (2005)   -25%            met
  ESP 12 (2000) -> <5 (2005)     below 5 <= 10.8  met
  POL 100 (1999) -> 50 (2006)    -50%            met, the nearest years within the window
  FRA 100 (2000) -> 95 (2005)    -5%             not met (review list)
  DEU 80 (2001) -> 100 (2005)    +25%            not met, 2001 the nearest year to 2000
  AUT 50 (2000), nothing near 2005               insufficient data
  ITA 40 (2000), break 2003, 10 (2005)           insufficient data (break in series)
  (CHE's 140 for women in 2005 is another series: the target is on the total)
  every other State: nothing published           insufficient data
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from viennaplan.countries.registry import states
from viennaplan.indicators.importer import import_observations
from viennaplan.indicators.models import Indicator
from viennaplan.monitoring.models import IndicatorTarget
from viennaplan.monitoring.target_results import target_results, targets_by_chapter
from viennaplan.reporting.cycles import open_cycle

pytestmark = pytest.mark.django_db

OBSERVATIONS = """country,iso3,year,indicator,value,unit,source,note,flags,sex
,CHE,2000,tip_victims_detected,200,,T,,
,CHE,2005,tip_victims_detected,150,,T,,
,ESP,2000,tip_victims_detected,12,,T,,
,ESP,2005,tip_victims_detected,<5,,T,,
,FRA,2000,tip_victims_detected,100,,T,,
,FRA,2005,tip_victims_detected,95,,T,,provisional
,DEU,2001,tip_victims_detected,80,,T,,
,DEU,2005,tip_victims_detected,100,,T,,
,AUT,2000,tip_victims_detected,50,,T,,
,ITA,2000,tip_victims_detected,40,,T,,
,ITA,2003,tip_victims_detected,20,,T,,break
,ITA,2005,tip_victims_detected,10,,T,,
,POL,1999,tip_victims_detected,100,,T,,
,POL,2006,tip_victims_detected,50,,T,,
,CHE,2005,tip_victims_detected,140,,T,,,female
"""
FORM = {
    "indicator": "",
    "provision": "35(a)",
    "baseline_year": "2000",
    "target_year": "2005",
    "rule": "reduction",
    "threshold": "10",
    "window": "1",
    "disaggregation": "{}",
    "note": "",
}


@pytest.fixture
def observations(db):
    outcome = import_observations(OBSERVATIONS.encode("utf-8"), source_name="targets.csv")
    assert outcome.created == 15
    return Indicator.objects.get(code="tip_victims_detected")


@pytest.fixture
def target(observations, imported_plan, secretariat):
    return IndicatorTarget.objects.create(
        indicator=observations, provision="35(a)", baseline_year=2000, target_year=2005, created_by=secretariat
    )


def outcomes(results) -> dict[str, list[str]]:
    return {
        "met": [r.alpha3 for r in results.met],
        "review": [r.alpha3 for r in results.review],
        "insufficient": [r.alpha3 for r in results.insufficient],
    }


def test_a_reduction_target_on_35a_gives_the_hand_computed_results(target):
    results = target_results(target)
    found = outcomes(results)
    assert sorted(found["met"]) == ["CHE", "ESP", "POL"]
    assert sorted(found["review"]) == ["DEU", "FRA"]
    assert {"AUT", "ITA"} <= set(found["insufficient"])
    assert len(results.results) == len(states()) == sum(len(v) for v in found.values())
    by_state = {r.alpha3: r.judgement for r in results.results}
    assert (by_state["CHE"].change, by_state["CHE"].years) == (-25, (2000, 2005))
    assert (by_state["DEU"].change, by_state["DEU"].years) == (25, (2001, 2005))
    assert by_state["DEU"].notes[0] == "compared 2001 and 2005 (nearest published years)"
    assert by_state["FRA"].notes[1] == "the 2005 value is provisional"
    assert by_state["ESP"].reason == "<5 is below 10.8, a fall of at least 10.0% from 12"
    assert by_state["ITA"].reason.startswith("the series breaks in 2003")
    assert by_state["POL"].years == (1999, 2006)
    assert by_state["AUT"].reason == "no value published for 2005 or within 1 year of it"
    assert results.place.chapter == "V" and results.place.path == "35/a"


def test_the_target_page_and_its_twin_show_the_review_list(target, client):
    page = client.get(f"/targets/{target.pk}")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-review="DEU"' in html and 'data-review="FRA"' in html and 'data-review="CHE"' not in html
    assert 'data-state="CHE" data-outcome="met"' in html and 'data-insufficient="ITA"' in html
    assert f'href="/api/targets/{target.pk}"' in html
    body = client.get(f"/api/targets/{target.pk}").json()
    assert body["threshold_percent"] == "10"  # not "1E+1"
    assert [r["state"] for r in body["review_list"]] == [r.alpha3 for r in target_results(target).review]
    assert {r["state"] for r in body["met"]} == {"CHE", "ESP", "POL"}
    che = next(r for r in body["results"] if r["state"] == "CHE")
    assert (che["change_percent"], che["baseline"]["published"], che["end"]["year"]) == ("-25.00", "200", 2005)
    assert body["counts"]["met"] == 3 and body["counts"]["not_met"] == 2
    assert body["provision"] == {
        "citation": "35(a)",
        "url": "/plan/35/a",
        "chapter": "V",
        "text": body["provision"]["text"],
    }
    assert client.get("/api/targets").json()[0]["id"] == target.pk
    missing = client.get("/api/targets/999999")
    assert missing.status_code == 404 and "detail" in missing.json()
    listing = client.get("/targets").content.decode()
    assert f'href="/targets/{target.pk}"' in listing and 'data-count="not_met">2<' in listing


def test_chapter_v_commitments_show_the_target_and_its_review_list(target, client, secretariat):
    assert [t.target.pk for t in targets_by_chapter()["V"]] == [target.pk]
    cycle = open_cycle(secretariat, "2005 review", date(2005, 1, 1), timezone.localdate() + timedelta(days=30), ["V"])
    html = client.get(f"/reporting/commitments?cycle={cycle.pk}").content.decode()
    section = html[html.index('id="chapter-V"') :]
    assert f'id="target-{target.pk}"' in section
    assert 'data-review="FRA"' in section and 'data-review="DEU"' in section


def test_only_the_secretariat_sets_or_changes_a_target(
    observations, imported_plan, client_as, secretariat, focal_point_a, reviewer, client
):
    form = {**FORM, "indicator": str(observations.pk)}
    assert client.get("/targets/new").status_code == 403
    for user in (focal_point_a, reviewer):
        assert client_as(user).post("/targets/new", form).status_code == 403
    assert IndicatorTarget.objects.count() == 0
    signed_in = client_as(secretariat)
    assert signed_in.get("/targets/new").status_code == 200
    created = signed_in.post("/targets/new", form)
    target = IndicatorTarget.objects.get()
    assert created.status_code == 302 and created["Location"] == f"/targets/{target.pk}"
    assert target.created_by == secretariat
    assert client_as(focal_point_a).post(f"/targets/{target.pk}/edit", {**form, "threshold": "50"}).status_code == 403
    assert signed_in.post(f"/targets/{target.pk}/edit", {**form, "threshold": "50"}).status_code == 302
    target.refresh_from_db()
    assert target.threshold == 50 and target.history.count() == 2
    assert sorted(outcomes(target_results(target))["met"]) == ["ESP", "POL"]  # 50% asked: not CHE (-25%)
    assert client.get(f"/targets/{target.pk}").status_code == 200  # everyone reads


def test_a_bad_target_is_refused_with_its_field(observations, imported_plan, client_as, secretariat):
    form = {**FORM, "indicator": str(observations.pk), "provision": "paragraph 35", "target_year": "1999"}
    answer = client_as(secretariat).post("/targets/new", form)
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "Cite a provision of the plan as the plan does" in html
    assert "The target year must come after the baseline year." in html
    assert IndicatorTarget.objects.count() == 0


def test_targets_show_and_create_on_the_command_line(target, observations):
    out = StringIO()
    call_command("targets", "show", str(target.pk), "--format", "json", stdout=out)
    body = json.loads(out.getvalue())
    assert sorted(r["state"] for r in body["review_list"]) == ["DEU", "FRA"]
    text = StringIO()
    call_command("targets", "show", str(target.pk), stdout=text)
    assert "CHE  met" in text.getvalue() and "Review list (35(f)): " in text.getvalue()
    created = StringIO()
    call_command(
        "targets",
        "create",
        "--indicator",
        "tip_victims_detected",
        "--provision",
        "35(b)",
        "--baseline",
        "2000",
        "--target",
        "2005",
        "--rule",
        "trend",
        stdout=created,
    )
    assert IndicatorTarget.objects.filter(provision="35(b)", rule="trend").count() == 1
    with pytest.raises(CommandError, match="There is no target 999999"):
        call_command("targets", "show", "999999")
    with pytest.raises(CommandError, match="target_year: The target year must come after"):
        call_command(
            "targets",
            "create",
            "--indicator",
            "tip_victims_detected",
            "--provision",
            "35(a)",
            "--baseline",
            "2005",
            "--target",
            "2000",
        )
