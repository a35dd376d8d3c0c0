"""The report to the Commission: its figures on a small fixture equal values computed by hand here;
the page, its JSON twin, the command and the PDF of the same HTML; the public's view only.

Fixture: the monitoring `sample` (cycle on chapters VIII and X; CHE, ESP, NGA published, DEU
validated, JPN submitted, FRA draft) and a tiny SYNTHETIC UNTOC list (made-up dates, never real):

    38 accessions (SYNTHETIC_STATES ARG..POL), 2003-04-18 .. 2003-07-01, the last the 40th consent
    ROU accession 2002-06-01, SEN accession 2002-11-15      (before the end of 2002)
    SVK signature 2000-12-14, SVN signature 2000-12-12      (signatories only)
    ROU TIP accession 2003-01-10                            (so that a second instrument has a chart)

imported as the depositary's complete list of 30 June 2004, so as of 1 January 2005 the report says
"as listed by the depositary on 30 June 2004" and warns. By hand: signatories 2; ratified before the
end of 2002: 2; ratified by the as-of date 40; UNTOC in force 90 days after the 40th consent
(2003-07-01 + 90 days = 29 September 2003) for all 40, so parties 40.

Indicator target (`targeted`): a 2000 -> 2005 reduction of 10% on 35(a) (chapter V) over the
hand-made observations of test_indicator_targets: met CHE, ESP, POL (3); not met FRA (100 -> 95)
and DEU (80 -> 100): the review list, France and Germany; every other State insufficient data.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils.html import escape
from test_indicator_targets import OBSERVATIONS
from test_monitoring_sample import CHE_NEED, FRA_SECRET

from viennaplan.countries.registry import states
from viennaplan.indicators.importer import import_observations
from viennaplan.indicators.models import Indicator
from viennaplan.monitoring import report_pdf
from viennaplan.monitoring.commission_report import NO_TARGET, NO_TARGET_AT_ALL
from viennaplan.monitoring.commission_report_data import build_report
from viennaplan.monitoring.models import IndicatorTarget
from viennaplan.monitoring.report_views import report_html
from viennaplan.plan.models import Provision
from viennaplan.reporting.international import international_units, record_international_progress
from viennaplan.treaties.importer import import_status_list, whole_lists

AS_OF = date(2005, 1, 1)
LIST_DATE = date(2004, 6, 30)
SYNTHETIC_STATES_38 = (
    "ARG", "AUS", "AUT", "BEL", "BGR", "BRA", "CAN", "CHE", "CHL", "CHN",
    "COL", "CZE", "DEU", "DNK", "DZA", "EGY", "ESP", "EST", "FIN", "FRA",
    "GBR", "GRC", "HUN", "IND", "IRL", "ITA", "JPN", "KEN", "LTU", "LVA",
    "MAR", "MEX", "NGA", "NLD", "NOR", "NZL", "PER", "POL",
)  # fmt: skip
OUTPUT_TITLE = "Regional seminar on terrorist financing (SYNTHETIC)"
RUSSIAN_NEED = "Подготовка прокуроров"  # assistance asked for in Russian: the PDF's fonts must carry it
CHINESE_NEED = "培训检察官"


def synthetic_untoc_csv() -> str:
    rows = ["state,instrument,action,date,source"]
    last = date(2003, 7, 1)
    for index, state in enumerate(SYNTHETIC_STATES_38):
        day = last - timedelta(days=2 * (len(SYNTHETIC_STATES_38) - 1 - index))
        rows.append(f"{state},UNTOC,accession,{day.isoformat()},synthetic")
    rows += [
        "ROU,UNTOC,accession,2002-06-01,synthetic",
        "SEN,UNTOC,accession,2002-11-15,synthetic",
        "SVK,UNTOC,signature,2000-12-14,synthetic",
        "SVN,UNTOC,signature,2000-12-12,synthetic",
        "ROU,TIP,accession,2003-01-10,synthetic",  # a second instrument with a chart
    ]
    return "\n".join(rows) + "\n"


@pytest.fixture
def world(sample, secretariat):
    """The sample, the synthetic UNTOC list and two Secretariat records on chapter VIII."""
    import_status_list(
        synthetic_untoc_csv().encode(), source_name="synthetic-untoc.csv", lists=whole_lists("synthetic", LIST_DATE)
    )
    cycle, reports = sample
    units = [unit for unit in international_units(cycle) if unit.chapter == "VIII"]
    first, second, third = (Provision.objects.get(version=cycle.plan_version, path=u.path) for u in units[:3])
    seminar = {"kind": "seminar", "title": OUTPUT_TITLE, "date": "2002-05-01", "url": ""}
    for provision, status, resources, outputs in (
        (first, "completed", "secured", [seminar]),
        (second, "waiting_for_resources", "partially_secured", []),
        (third, "ongoing", "awaiting_voluntary_contributions", []),
    ):
        data = {"status": status, "resources": resources, "outputs": outputs, "narrative": ""}
        record_international_progress(secretariat, cycle, provision, data)
    return cycle, reports, first.citation, second.citation, third.citation


@pytest.fixture
def targeted(world):
    """The world and one reduction target on 35(a) over the hand-made observations."""
    import_observations(OBSERVATIONS.encode("utf-8"), source_name="targets.csv")
    target = IndicatorTarget.objects.create(
        indicator=Indicator.objects.get(code="tip_victims_detected"),
        provision="35(a)",
        baseline_year=2000,
        target_year=2005,
    )
    return world[0], target


def chapter(report, number):
    return next(c for c in report.chapters if c.number == number)


def test_treaty_figures_equal_those_computed_by_hand(world):
    cycle, *_ = world
    report = build_report(cycle, AS_OF, date(2026, 1, 1))
    untoc = next(t for t in chapter(report, "III").treaties if t.instrument == "UNTOC")
    assert (untoc.signatories, untoc.ratified_by_target, untoc.ratified, untoc.parties) == (2, 2, 40, 40)
    assert untoc.entry_into_force == date(2003, 9, 29)
    assert untoc.listed == "as listed by the depositary on 30 June 2004"
    assert untoc.warning and "30 June 2004" in untoc.warning
    assert untoc.draw_map and untoc.note.source == "/treaties/UNTOC?as_of=2005-01-01"
    assert ("UNTOC", untoc.warning) in report.warnings
    # chapter VI names UNTOC too: its map is the one drawn in chapter III
    again = next(t for t in chapter(report, "VI").treaties if t.instrument == "UNTOC")
    assert not again.draw_map and again.map_chapter == "III"
    # at the end of 2002 itself: no warning (before the list), 2 consents, not in force
    early = build_report(cycle, date(2002, 12, 31), date(2026, 1, 1))
    untoc_2002 = next(t for t in chapter(early, "III").treaties if t.instrument == "UNTOC")
    assert (untoc_2002.ratified, untoc_2002.parties, untoc_2002.warning) == (2, 0, None)


def test_the_deadlines_of_2002_are_counted_for_every_state(world, client):
    """By hand: UNTOC consents by 31 December 2002 are ROU and SEN (met 2); every other State has a later
    consent, a signature only or nothing, on a complete list (not met 195). No list of the Smuggling of
    Migrants Protocol is on file: every State has insufficient data."""
    cycle, *_ = world
    report = build_report(cycle, AS_OF, date(2026, 1, 1))
    by_key = {d.key: d for d in report.deadlines}
    assert (by_key["ratify-untoc"].met, by_key["ratify-untoc"].not_met, by_key["ratify-untoc"].insufficient) == (
        2,
        len(states()) - 2,
        0,
    )
    assert (by_key["ratify-som"].met, by_key["ratify-som"].insufficient) == (0, len(states()))
    assert "review-victims" in by_key and report.deadlines_note.source == "/targets/deadlines"
    html = report_html(report)
    untoc = re.search(r'<tr data-deadline="ratify-untoc">(.*?)</tr>', html, flags=re.S)[1]
    assert re.findall(r'<td class="n">(\d+)</td>', untoc) == ["2", str(len(states()) - 2), "0"]
    data = client.get("/api/reporting/commission-report", {"as_of": AS_OF.isoformat(), "cycle": cycle.pk}).json()
    found = {d["key"]: d["counts"] for d in data["deadlines"]["deadlines"]}
    assert found["ratify-untoc"] == {"met": 2, "not_met": len(states()) - 2, "insufficient_data": 0}


def test_national_action_shares_equal_those_computed_by_hand(world):
    """Published reports only: CHE and ESP (Europe), NGA (Africa)."""
    cycle, *_ = world
    report = build_report(cycle, AS_OF, date(2026, 1, 1))
    viii = chapter(report, "VIII").national
    assert viii.asked and viii.reports == 3
    regions = {line.area: line for line in viii.regions}
    europe, africa = regions["Europe"], regions["Africa"]
    # Europe: CHE [I, I, PI, NA] + ESP [NS, NS, -, NI] = 8 answers
    assert europe.states == 2 and europe.shares.total == 8
    assert europe.shares.counts == {
        "implemented": 2,
        "partially_implemented": 1,
        "not_applicable": 1,
        "not_started": 2,
        "": 1,
        "no_information": 1,
    }
    assert europe.shares.implementation_text == "36%"  # (2 + 0.5) / (8 - 1) = 35.7%
    assert europe.percents == [25, 13, 0, 25, 13, 13, 13]  # 2/8, 1/8 (12.5 halves up), 0, 2/8, 1/8, 1/8, 1/8
    assert africa.states == 1 and africa.shares.implementation_text == "100%"
    assert viii.total.shares.implementation_text == "59%"  # (6 + 0.5) / (12 - 1) = 59.1%
    x = {line.area: line for line in chapter(report, "X").national.regions}
    assert x["Europe"].shares.implementation_text == "25%"  # CHE 5 x IP, ESP I, PI, PI, NA, NA: 2 / 8
    assert x["Africa"].shares.implementation_text == "0%"
    assert not chapter(report, "III").national.asked  # the cycle does not ask about chapter III


def test_reporting_summary_counts_every_state_and_names_those_that_did_not_report(world):
    cycle, *_ = world
    summary = build_report(cycle, AS_OF, date(2026, 1, 1)).reporting
    # 197 States: published CHE, ESP, NGA; received DEU (validated) and JPN (submitted); FRA's draft is not submitted
    assert (summary.states, summary.published, summary.received, summary.not_reported) == (197, 3, 2, 192)
    europe = next(r for r in summary.regions if r.area == "Europe")
    names = {e.alpha3 for e in europe.not_reported}
    assert "FRA" in names and not names & {"CHE", "ESP", "DEU"}


def test_international_actions_and_assistance(world):
    cycle, _, done, waiting, awaiting = world
    viii = chapter(build_report(cycle, AS_OF, date(2026, 1, 1)), "VIII")
    international = viii.international
    assert [row.citation for row in international.records] == [done, waiting, awaiting]
    assert [(key, n) for key, _, n in international.by_status] == [
        ("completed", 1),
        ("ongoing", 1),
        ("waiting_for_resources", 1),
    ]
    # waiting for resources, or awaiting voluntary contributions
    assert [row.citation for row in international.awaiting] == [waiting, awaiting] and international.outputs == 1
    assert international.units == 5 and OUTPUT_TITLE in {t for row in international.records for t in row.outputs}
    assert [(n.state, n.description) for g in viii.assistance for n in g.needs] == [("CHE", CHE_NEED)]
    assert viii.indicators.text == NO_TARGET and not viii.indicators.available  # no target anywhere


def test_a_chapter_shows_its_targets_counts_and_review_list_computed_by_hand(targeted):
    cycle, target = targeted
    report = build_report(cycle, AS_OF, date(2026, 1, 1))
    v = chapter(report, "V").indicators
    assert v.available and v.text == "" and len(v.targets) == 1
    line = v.targets[0]
    row = line.row
    assert (row.target, row.citation, row.plan_url) == (target.pk, "35(a)", "/plan/35/a")
    assert (row.baseline_year, row.target_year, row.rule) == (2000, 2005, "reduction")
    assert row.rule_words.startswith("significant reduction") and "10.0%" in row.rule_words
    assert (row.met, row.not_met, row.insufficient) == (3, 2, len(states()) - 5)
    assert sorted(row.review) == [("DEU", "Germany"), ("FRA", "France")]
    assert line.note.source == f"/targets/{target.pk}" and "1 January 2026" in line.note.as_of
    # a chapter without a target says so plainly
    viii = chapter(report, "VIII").indicators
    assert viii.available and viii.targets == [] and viii.text == NO_TARGET


def test_each_target_has_its_change_chart_across_states_and_the_table_under_it(targeted):
    """By hand: POL 100 -> 50 (-50%), CHE 200 -> 150 (-25%), FRA 100 -> 95 (-5%), DEU 80 -> 100 (+25%);
    ESP ends "<5": met, but with no change in per cent to draw."""
    cycle, target = targeted
    report = build_report(cycle, AS_OF, date(2026, 1, 1))
    row = chapter(report, "V").indicators.targets[0].row
    assert [(c.state, c.baseline, c.end, c.change) for c in row.compared] == [
        ("POL", "100", "50", -50),
        ("CHE", "200", "150", -25),
        ("FRA", "100", "95", -5),
        ("DEU", "80", "100", 25),
    ]
    html = report_html(report)
    section = html[html.index(f'id="target-{target.pk}"') :]
    section = section[: section.index("</section>")]
    assert section.count("<svg") == 1 and f'id="chart-target-{target.pk}-' in section
    desc = re.search(r"<desc>(.*?)</desc>", section, flags=re.S)[1]
    assert "Poland -50.0% (met)" in desc and "Germany 25.0% (not met)" in desc
    table = re.search(r"<caption>The chart's figures</caption>(.*?)</table>", section, flags=re.S)[1]
    cells = [" ".join(re.sub(r"<[^>]+>", " ", tr).split()) for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S)]
    assert cells[1:] == [
        "Poland 100 (1999) 50 (2006) -50.0% met",
        "Switzerland 200 (2000) 150 (2005) -25.0% met",
        "France 100 (2000) 95 (2005) -5.0% not met",
        "Germany 80 (2001) 100 (2005) 25.0% not met",
    ]


def test_the_json_and_the_pdf_carry_the_targets_and_the_review_list(targeted, client):
    cycle, target = targeted
    data = client.get(f"/api/reporting/commission-report?as_of=2005-01-01&cycle={cycle.pk}").json()
    assert data["indicators"]["available"] is True
    assert data["indicators"]["targets"] == [{"id": target.pk, "chapter": "V", "url": f"/targets/{target.pk}"}]
    v = next(c for c in data["chapters"] if c["chapter"] == "V")["indicators"]
    assert v["available"] is True and len(v["targets"]) == 1
    found = v["targets"][0]
    assert found["counts"] == {"met": 3, "not_met": 2, "insufficient_data": len(states()) - 5}
    assert sorted(r["state"] for r in found["review_list"]) == ["DEU", "FRA"]
    assert found["provision"] == {"citation": "35(a)", "url": "/plan/35/a"}
    assert found["note"]["source"] == f"/targets/{target.pk}" and found["threshold_percent"] == "10"
    viii = next(c for c in data["chapters"] if c["chapter"] == "VIII")["indicators"]
    assert viii == {"available": True, "text": NO_TARGET, "targets": []}

    report = build_report(cycle, AS_OF, date(2026, 1, 1))
    html = report_html(report)
    assert 'data-review="CHE"' not in html and '<span data-review="FRA">France</span>' in html
    flat = " ".join(report_pdf.rendered_text(html).split())
    assert "Germany" in flat and "France" in flat and "Review list (paragraph 35(f))" in flat
    assert str(NO_TARGET) in flat


def test_a_draft_never_appears_and_every_reader_gets_the_public_report(world, client_as, secretariat):
    cycle, *_ = world
    url = f"/reporting/commission-report?as_of=2005-01-01&cycle={cycle.pk}"
    from django.test import Client

    anonymous = Client().get(url)
    assert anonymous.status_code == 200
    html = anonymous.content.decode()
    assert FRA_SECRET not in html and CHE_NEED in html
    as_secretariat = client_as(secretariat).get(url).content.decode()
    # the secretariat sees validated reports elsewhere; the report counts published ones for everybody
    assert as_secretariat.count("published reports") == html.count("published reports")
    assert "3 published reports" in as_secretariat
    data = Client().get(f"/api/reporting/commission-report?as_of=2005-01-01&cycle={cycle.pk}").json()
    assert FRA_SECRET not in json.dumps(data)


def test_the_page_carries_notes_links_identification_and_the_map(world, client):
    cycle, *_ = world
    response = client.get(f"/reporting/commission-report?as_of=2005-01-01&cycle={cycle.pk}")
    html = response.content.decode()
    assert "Chapter VIII. " in html and "Chapter III. " in html
    assert "2002 review · as of 1 January 2005" in html  # the document's identification
    assert "counter(pages)" in html and "string-set: docid" in html  # page numbers and the header in print
    assert 'href="/treaties/UNTOC?as_of=2005-01-01"' in html
    assert f'href="/reporting/progress/cell?cycle={cycle.pk}&amp;chapter=VIII&amp;by=region&amp;area=Europe"' in html
    assert html.count('class="world-map"') == 5  # UNTOC, TIP, SOM, FIREARMS, UNCAC: each drawn once
    assert 'data-state="ROU"' in html
    assert escape(str(NO_TARGET)) in html
    # under the UNTOC chart, its figures: (signatories, consents, parties) at each year end and on the as-of date
    untoc = re.search(r"Organized Crime Convention: signatories, consents deposited and parties at the end of each "
                      r"year</caption>(.*?)</table>", html, flags=re.S)  # fmt: skip
    assert untoc, "the parties chart has its data table under it"
    rows = dict(re.findall(r'<tr><th scope="row">([^<]+)</th>((?:<td class="n">\d+</td>)+)</tr>', untoc[1]))
    assert re.findall(r"\d+", rows["31 December 2002"]) == ["2", "2", "0"]  # signatories 2; ROU and SEN by 2002
    assert re.findall(r"\d+", rows["1 January 2005"]) == ["2", "40", "40"]
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an id defined twice (the charts' ids are prefixed)"
    assert html.count('class="note"') >= 3 * len(build_report(cycle, AS_OF, date(2026, 1, 1)).chapters)


def test_json_twin_has_the_same_figures(world, client):
    cycle, *_ = world
    data = client.get(f"/api/reporting/commission-report?as_of=2005-01-01&cycle={cycle.pk}").json()
    assert data["as_of"] == "2005-01-01" and data["cycle"]["id"] == cycle.pk
    iii = next(c for c in data["chapters"] if c["chapter"] == "III")
    untoc = next(t for t in iii["treaties"] if t["instrument"] == "UNTOC")
    assert (untoc["signatories"], untoc["ratified_by_2002"], untoc["ratified"], untoc["parties"]) == (2, 2, 40, 40)
    assert untoc["note"]["source"] == "/treaties/UNTOC?as_of=2005-01-01"
    viii = next(c for c in data["chapters"] if c["chapter"] == "VIII")
    europe = next(r for r in viii["national_actions"]["regions"] if r["region"] == "Europe")
    assert europe["shares"]["implementation_text"] == "36%" and europe["shares"]["counts"]["not_answered"] == 1
    assert data["reporting"]["published"] == 3 and data["indicators"]["available"] is False
    assert data["indicators"]["text"] == NO_TARGET_AT_ALL and data["indicators"]["targets"] == []


def test_bad_parameters_are_refused_with_the_reason(world, client):
    assert client.get("/reporting/commission-report?as_of=yesterday").status_code == 400
    assert client.get("/reporting/commission-report?cycle=999999").status_code == 400
    assert client.get("/api/reporting/commission-report?cycle=999999").status_code == 400
    assert client.post("/reporting/commission-report").status_code == 405


def test_the_pdf_is_the_same_html_and_its_text_holds_the_chapter_titles_and_figures(world, client):
    cycle, reports, *_ = world
    # CHE's need, written in two more official languages: the PDF's fonts must carry them
    answer = reports["CHE"].answers.filter(question__chapter="VIII").order_by("question__position")[2]
    answer.assistance_description = f"{CHE_NEED} {RUSSIAN_NEED} {CHINESE_NEED}"
    answer.save(update_fields=["assistance_description"])
    report = build_report(cycle, AS_OF, date(2026, 1, 1))
    text = report_pdf.rendered_text(report_html(report))
    for section in report.chapters:
        assert f"Chapter {section.number}. {section.title}"[:40] in " ".join(text.split())
    flat = " ".join(text.split())
    assert "Ratified before the end of 2002" in flat
    assert "36%" in flat and "59%" in flat
    assert RUSSIAN_NEED in flat
    assert CHINESE_NEED in flat.replace(" ", "")  # a line may break between Chinese characters
    assert "Page 1 of" in flat and "2002 review · as of 1 January 2005" in flat

    response = client.get(f"/reporting/commission-report.pdf?as_of=2005-01-01&cycle={cycle.pk}")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-") and response.content.rstrip().endswith(b"%%EOF")
    assert "commission-report-2005-01-01" in response["Content-Disposition"]


def test_missing_fonts_give_a_clear_warning_never_a_failure():
    covered = {"ar": ("Noto Sans Arabic",), "zh-cn": (), "en": ("DejaVu Sans",)}
    warning = report_pdf.font_warning(lambda lang: covered.get(lang, ("DejaVu Sans",)))
    assert warning and "Chinese" in warning and "fonts-noto-cjk" in warning and "Arabic" not in warning
    assert report_pdf.font_warning(lambda lang: ("Any",)) is None
    assert "could not be checked" in report_pdf.font_warning(lambda lang: None)


def test_the_installed_fonts_cover_the_six_languages_or_the_warning_says_which_do_not():
    missing = report_pdf.missing_languages()
    if missing is None:
        pytest.skip("fontconfig's fc-list is not installed: the fonts cannot be checked here")
    if missing:
        pytest.skip(f"no font for {', '.join(missing)} here; .ci/run installs {report_pdf.FONT_PACKAGES}")
    assert report_pdf.font_warning() is None


def test_the_command_writes_html_json_and_pdf(world, tmp_path):
    from django.core.management import call_command

    cycle, *_ = world
    for fmt in ("html", "json", "pdf"):
        out = tmp_path / f"report.{fmt}"
        call_command(
            "report",
            "progress",
            "--as-of",
            "2005-01-01",
            "--cycle",
            str(cycle.pk),
            "--format",
            fmt,
            "--output",
            str(out),
        )
        data = out.read_bytes()
        if fmt == "json":
            parsed = json.loads(data)
            assert parsed["reporting"]["published"] == 3
        elif fmt == "pdf":
            assert data.startswith(b"%PDF-")
        else:
            assert b"Chapter VIII. " in data and FRA_SECRET.encode() not in data


@pytest.fixture
def no_cycle_yet(imported_plan):
    """The plan and the synthetic UNTOC list, and no reporting cycle at all (a fresh installation)."""
    import_status_list(
        synthetic_untoc_csv().encode(), source_name="synthetic-untoc.csv", lists=whole_lists("synthetic", LIST_DATE)
    )


def test_without_a_cycle_the_report_has_treaty_status_and_says_no_cycle_is_open(no_cycle_yet, client):
    report = build_report(None, AS_OF, date(2026, 1, 1))
    assert report.reporting is None and report.cycle_id is None
    untoc = next(t for chapter in report.chapters for t in chapter.treaties if t.instrument == "UNTOC")
    assert (untoc.signatories, untoc.ratified_by_target, untoc.ratified, untoc.parties) == (2, 2, 40, 40)
    assert all(not chapter.national.asked and not chapter.international.records for chapter in report.chapters)

    page = client.get("/reporting/commission-report", {"as_of": AS_OF.isoformat()})
    text = page.content.decode()
    assert page.status_code == 200 and "No reporting cycle has been opened yet" in text
    assert 'id="map-untoc"' in text and "as listed by the depositary on 30 June 2004" in text

    data = client.get("/api/reporting/commission-report", {"as_of": AS_OF.isoformat()}).json()
    assert data["cycle"] is None and data["reporting"] is None
    first = next(t for c in data["chapters"] for t in c["treaties"] if t["instrument"] == "UNTOC")
    assert (first["ratified_by_2002"], first["parties"]) == (2, 40)

    pdf = client.get("/reporting/commission-report.pdf", {"as_of": AS_OF.isoformat()})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert "cycle" not in pdf["Content-Disposition"]


def test_without_a_cycle_the_command_writes_the_report(no_cycle_yet, tmp_path):
    out = tmp_path / "report.json"
    call_command("report", "progress", "--as-of", AS_OF.isoformat(), "--format", "json", "--output", str(out))
    assert json.loads(out.read_bytes())["reporting"] is None


def test_the_pdf_embeds_data_urls_and_fetches_nothing_else(monkeypatch):
    import urllib.request

    opened: list[str] = []
    real_open = urllib.request.OpenerDirector.open

    def spy(self, url, *args, **kwargs):
        opened.append(url if isinstance(url, str) else url.full_url)
        return real_open(self, url, *args, **kwargs)

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", spy)
    pixel = (  # a 1 x 1 PNG
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    html = (
        f'<p>Kept <img src="data:image/png;base64,{pixel}" alt="a pixel"></p>'
        '<p>Refused <img src="http://127.0.0.1:9/x.png" alt=""><img src="file:///etc/hostname" alt=""></p>'
    )
    pdf = report_pdf.html_to_pdf(html)
    assert pdf.startswith(b"%PDF-") and b"/Subtype /Image" in pdf
    assert opened and all(url.startswith("data:") for url in opened)


def test_in_the_report_a_target_charts_and_tabulates_the_ten_largest_falls_and_rises():
    from decimal import Decimal

    from viennaplan.monitoring.commission_report import ComparedRow, TargetRow

    compared = tuple(
        ComparedRow(f"S{i:02d}", f"State {i:02d}", 2000, "100", 2005, str(70 + i), Decimal(i - 30), "met", "met")
        for i in range(30)
    )
    row = TargetRow(1, "V", "35(a)", "35/a", "x", "X", "", {}, 2000, 2005, "reduction", Decimal(10), 1, 0, 0, (),
                    compared=compared, chart_title="X")  # fmt: skip
    assert [r.state for r in row.charted] == [f"S{i:02d}" for i in (*range(10), *range(20, 30))]
    assert (row.left_out, row.charted_half) == (10, 10)


def test_for_print_hands_charts_and_maps_over_as_images_and_keeps_the_bars_inline():
    import base64

    chart = (
        '<svg xmlns:xlink="x" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="UNTOC &amp; parties"><g/></svg>'
    )
    bar = '<svg class="bar" viewBox="0 0 100 10"><rect class="st-implemented"/></svg>'
    printed = report_pdf.for_print(f"<figure>{chart}</figure><td>{bar}</td>")
    assert bar in printed and chart not in printed
    image = re.search(
        r'<img class="svg-figure" style="width: 100%" alt="([^"]*)" src="data:image/svg\+xml;base64,([^"]+)">', printed
    )
    assert image and image[1] == "UNTOC &amp; parties"
    assert base64.b64decode(image[2]).decode() == chart  # the same SVG bytes
