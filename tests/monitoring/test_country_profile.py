"""The country profile: a State's indicators (by chapter, latest value as published, chart and
table) and its result under each indicator target on /reporting/states/A3, the printable page
/reporting/states/A3/print and its PDF /reporting/states/A3.pdf (always the public's view), the
JSON twin, and `viennaplan report profile`.

Fixture: the monitoring `sample` (CHE published, DEU validated, FRA draft with FRA_SECRET) and
these hand-made observations (totals unless a sex is given):

    CHE tip_victims_detected 2000: 200, 2005: <5 (provisional)    chapter V; latest "<5"
    CHE tip_victims_detected 2005, female: 140                    a breakdown: not on the profile
    CHE homicide_rate 2003: 0.6 (UNODC), 2004: 0.55 (estimate, WDI) chapter IX; one series, two sources
    FRA tip_victims_detected 2000: 100, 2005: 95

and a 2000 -> 2005 reduction target of 10% on 35(a): CHE met (200, then below 5 <= 180), FRA not
met (100 -> 95, -5.0%). The SYNTHETIC UNTOC list is the depositary's complete list of 30 June
2004, so today's treaty status is "as listed by the depositary on 30 June 2004", with the warning.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone
from test_monitoring_sample import CHE_NARRATIVE, FRA_SECRET, visible_text

from viennaplan.indicators.importer import import_observations
from viennaplan.indicators.models import Indicator
from viennaplan.monitoring import report_pdf
from viennaplan.monitoring.models import IndicatorTarget
from viennaplan.monitoring.profile_views import PUBLIC_WORDS, profile_html, public_profile
from viennaplan.treaties.importer import import_status_list, whole_lists

OBSERVATIONS = """country,iso3,year,indicator,value,unit,source,note,flags,sex
,CHE,2000,tip_victims_detected,200,,GLOTIP,,
,CHE,2005,tip_victims_detected,<5,,GLOTIP,,provisional
,CHE,2005,tip_victims_detected,140,,GLOTIP,,,female
,CHE,2004,homicide_rate,0.55,,WDI,,estimate
,CHE,2003,homicide_rate,0.6,,UNODC,,
,FRA,2000,tip_victims_detected,100,,GLOTIP,,
,FRA,2005,tip_victims_detected,95,,GLOTIP,,
"""
UNTOC_LIST = "state,instrument,action,date,source\nCHE,UNTOC,signature,2000-12-12,synthetic\n"


@pytest.fixture
def profiled(sample):
    import_observations(OBSERVATIONS.encode("utf-8"), source_name="profile.csv")
    import_status_list(
        UNTOC_LIST.encode(), source_name="synthetic.csv", lists=whole_lists("synthetic", date(2004, 6, 30))
    )
    target = IndicatorTarget.objects.create(
        indicator=Indicator.objects.get(code="tip_victims_detected"),
        provision="35(a)",
        baseline_year=2000,
        target_year=2005,
    )
    return sample[0], target


def section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</section>", start)]


def test_the_profile_shows_the_states_indicators_by_chapter_and_a_withheld_value_as_published(profiled, client):
    html = client.get("/reporting/states/CHE").content.decode()
    indicators = html[html.index('id="indicators"') :]
    v, ix = indicators.index('id="indicators-v"'), indicators.index('id="indicators-ix"')
    assert v < ix  # the plan's order of chapters
    tip = section(indicators, "indicators-v")
    row = tip[tip.index('data-indicator="tip_victims_detected"') :].split("</tr>")[0]
    assert 'data-published="&lt;5"' in row and ">&lt;5<" in row and ">2005<" in row and ">provisional<" in row
    assert ">GLOTIP<" in row and 'href="/indicators/tip_victims_detected?state=CHE"' in row
    assert "140" not in tip  # the female breakdown is not the total
    series = section(html, "indicator-tip-victims-detected")
    assert '<tr data-year="2000"><th scope="row">2000</th><td>200</td>' in series
    assert "<svg" in series and 'href="/plan/35/a"' in series
    homicide = section(indicators, "indicators-ix")
    assert ">0.55<" in homicide and ">estimate<" in homicide and homicide.count('data-indicator="homicide_rate"') == 1
    assert (
        "<td>0.6</td><td>—</td><td>UNODC</td>" in homicide and "<td>0.55</td><td>estimate</td><td>WDI</td>" in homicide
    )
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an id defined twice (each chart's ids are prefixed)"


def test_the_profile_shows_the_states_result_under_each_target_with_the_target_line(profiled, client):
    _, target = profiled
    che = section(client.get("/reporting/states/CHE").content.decode(), f"target-{target.pk}")
    assert 'data-outcome="met"' in che and f'href="/targets/{target.pk}/states/CHE"' in che
    assert "&lt;5 (2005)" in che and "200 (2000)" in che and "Target (2005)" in che  # the dashed line's label
    fra = visible_text(client.get("/reporting/states/FRA"))
    assert "not met" in fra and "Change -5.0%" in fra and "Baseline 100 (2000)" in fra and "End 95 (2005)" in fra


def test_the_json_twin_has_the_indicators_and_the_targets(profiled, client):
    _, target = profiled
    data = client.get("/api/reporting/progress/states/CHE").json()
    codes = [(line["indicator"]["code"], line["chapter"]) for line in data["indicators"]]
    assert codes == [("tip_victims_detected", "V"), ("homicide_rate", "IX")]
    tip = data["indicators"][0]
    assert tip["latest"] == [
        {
            "year": 2005,
            "value": None,
            "suppressed_below": 5,
            "published": "<5",
            "estimate": False,
            "provisional": True,
            "break_in_series": False,
            "source": "GLOTIP",
        }
    ]
    assert [point["published"] for point in tip["series"]] == ["200", "<5"]
    assert tip["measures"][0] == {"citation": "35(a)", "url": "/plan/35/a"} and tip["url"].endswith("?state=CHE")
    (result,) = data["targets"]
    assert result["target"] == target.pk and result["url"] == f"/targets/{target.pk}/states/CHE"
    assert result["result"]["outcome"] == "met" and result["provision"]["chapter"] == "V"
    assert result["target_line"] == {"from_year": 2000, "to_year": 2005, "from_value": "200", "required_value": "180"}


def test_the_printable_profile_is_the_publics_whoever_asks(
    profiled, client_as, secretariat, focal_point_b, monkeypatch
):
    # The fonts WeasyPrint embeds are saved by fontTools, which stamps each with the second it was
    # saved (the `head` table's `modified`) unless SOURCE_DATE_EPOCH names one: two PDFs of the same
    # page made a second apart differ by that stamp. Fixed here so that the bytes compare the pages.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")
    # the secretariat counts validated reports on the page, never in the printable profile
    page = visible_text(client_as(secretariat).get("/reporting/states/DEU"))
    assert "Validated, not yet published" in page
    printable = client_as(secretariat).get("/reporting/states/DEU/print").content.decode()
    assert "data-answer=" not in printable and "Validated" not in printable and "No published report." in printable
    pdf = client_as(secretariat).get("/reporting/states/DEU.pdf")
    assert pdf.status_code == 200 and pdf.content == Client().get("/reporting/states/DEU.pdf").content
    # a focal point's own draft never appears, even when that focal point asks
    own = client_as(focal_point_b)
    assert "Open the report" in own.get("/reporting/states/FRA").content.decode()  # linked on the page, not shown
    response = own.get("/reporting/states/FRA/print")
    assert response.status_code == 200 and FRA_SECRET not in response.content.decode()
    assert str(PUBLIC_WORDS) in response.content.decode()
    # the PDF is that HTML (the same for every reader, as the DEU PDF above shows); its text lacks the draft
    assert FRA_SECRET not in report_pdf.rendered_text(profile_html(public_profile("FRA", timezone.localdate())))


def test_the_printable_profile_says_as_of_when_with_the_depositary_list_and_its_warning(profiled, client):
    html = client.get("/reporting/states/CHE/print").content.decode()
    text = visible_text(client.get("/reporting/states/CHE/print"))
    today = timezone.localdate()
    assert f"as of {today.day} " in html and f"{today.year}, as listed by the depositary on 30 June 2004" in text
    assert '<p class="warning"><strong>UNTOC:</strong> Status as listed by the depositary on 30 June 2004' in html
    assert CHE_NARRATIVE in text and "counter(pages)" in html  # the report's print CSS
    assert 'href="/reporting/states/CHE.pdf"' in client.get("/reporting/states/CHE").content.decode()
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an id defined twice (each chart's ids are prefixed)"


def test_the_pdf_renders_the_state_its_figures_and_withheld_values(profiled, client):
    response = client.get("/reporting/states/CHE.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-") and "CHE" in response["Content-Disposition"]
    text = " ".join(report_pdf.rendered_text(profile_html(public_profile("CHE", timezone.localdate()))).split())
    assert "Switzerland: implementation of the Plans of Action" in text
    assert "Latest: <5 in 2005 (provisional)" in text and "Latest: 0.55 in 2004 (estimate)" in text
    assert "Result met: <5 is below 180" in text and "Page 1 of " in text and "public: published reports only" in text


def test_an_unknown_state_is_404_and_a_lower_case_code_redirects(profiled, client):
    for url in ("/reporting/states/XYZ.pdf", "/reporting/states/XYZ/print", "/reporting/states/XYZ"):
        assert client.get(url).status_code == 404, url
    response = client.get("/reporting/states/che.pdf")
    assert response.status_code == 301 and response["Location"] == "/reporting/states/CHE.pdf"
    assert client.post("/reporting/states/CHE.pdf").status_code == 405


def test_the_command_writes_the_profile_as_html_pdf_and_json(profiled, tmp_path):
    for fmt in ("html", "pdf", "json"):
        path = tmp_path / f"profile.{fmt}"
        call_command("report", "profile", "che", "--format", fmt, "--output", str(path), "--site-url", "https://x.org")
        data = path.read_bytes()
        if fmt == "pdf":
            assert data.startswith(b"%PDF-")
        elif fmt == "html":
            assert 'href="https://x.org/reporting/states/CHE"' in data.decode() and FRA_SECRET not in data.decode()
        else:
            found = json.loads(data)
            assert (
                found["counted_statuses"] == ["published"] and found["indicators"][0]["latest"][0]["published"] == "<5"
            )
            assert found == Client().get("/api/reporting/progress/states/CHE").json()
    with pytest.raises(CommandError, match="no State 'XYZ'"):
        call_command("report", "profile", "XYZ", "--output", str(tmp_path / "x.html"))


def test_the_profile_says_whether_the_state_met_the_deadlines_of_2002(profiled, client):
    """CHE signed UNTOC on 12 December 2000 and, on the complete list of 30 June 2004, never consented:
    not met. No list of the Smuggling of Migrants Protocol is on file: insufficient data."""
    page = client.get("/reporting/states/CHE").content.decode()
    rows = dict(re.findall(r'<tr data-plan-deadline="([a-z-]+)" data-outcome="([a-z_]+)">', page))
    assert rows["ratify-untoc"] == "not_met" and rows["ratify-som"] == "insufficient_data"
    assert "review-victims" in rows
    untoc = section(page, "plan-deadlines-met")
    assert "signed 12 December 2000" in untoc and 'href="/targets/deadlines/ratify-untoc"' in untoc
    printable = client.get("/reporting/states/CHE/print").content.decode()
    assert 'data-plan-deadline="ratify-untoc" data-outcome="not_met"' in printable
    data = client.get("/api/reporting/progress/states/CHE").json()
    found = {item["key"]: item for item in data["plan_deadlines"]}
    assert found["ratify-untoc"]["outcome"] == "not_met" and "12 December 2000" in found["ratify-untoc"]["reason"]
    assert found["ratify-som"]["outcome"] == "insufficient_data"
