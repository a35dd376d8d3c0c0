"""Reporting status of a cycle: every State, grouped by region or regional group, with its
report's status (as far as the user may see it), first submission date, deadline and lateness."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from test_monitoring_sample import visible_text

from viennaplan.monitoring.queries import reporting_status
from viennaplan.reporting.models import Report, ReportingCycle


def lines_of(user, cycle, by="region"):
    groups = reporting_status(user, cycle, by, timezone.localdate())
    return {line.state.alpha3: line for group in groups for line in group.lines}, groups


def test_the_public_sees_every_state_with_not_submitted_received_or_published(sample, anonymous):
    cycle, _ = sample
    lines, groups = lines_of(anonymous, cycle)
    assert {s: lines[s].status for s in ("CHE", "ESP", "DEU", "JPN", "FRA", "BRA")} == {
        "CHE": "published",
        "ESP": "published",
        "DEU": "received",
        "JPN": "received",
        "FRA": "not_submitted",  # a draft looks exactly like no report at all
        "BRA": "not_submitted",
    }
    assert lines["FRA"].first_submitted is None and lines["JPN"].first_submitted == timezone.localdate()
    assert lines["CHE"].report_url.endswith("/CHE/") and lines["JPN"].report_url == ""
    assert [g.area.key for g in groups][:5] == ["Africa", "Americas", "Asia", "Europe", "Oceania"]
    assert len(lines) >= 190


def test_those_who_may_open_a_report_see_its_exact_status(sample, focal_point_b, reviewer, secretariat):
    cycle, _ = sample
    assert lines_of(focal_point_b, cycle)[0]["FRA"].status == "draft"
    assert lines_of(focal_point_b, cycle)[0]["JPN"].status == "received"
    assert lines_of(reviewer, cycle)[0]["JPN"].status == "submitted"
    assert lines_of(reviewer, cycle)[0]["FRA"].status == "not_submitted"  # reviewers do not read drafts
    assert lines_of(secretariat, cycle)[0]["FRA"].status == "draft"


def test_late_reports_are_those_first_submitted_after_the_deadline_or_missing_after_it(sample, anonymous, client):
    cycle, reports = sample
    assert not any(line.late for line in lines_of(anonymous, cycle)[0].values())  # the deadline is ahead
    today = timezone.localdate()
    ReportingCycle.objects.filter(pk=cycle.pk).update(closes=today - timedelta(days=1))
    on_time = timezone.now() - timedelta(days=3)
    Report.objects.filter(pk=reports["CHE"].pk).update(first_submitted_at=on_time)
    cycle.refresh_from_db()
    lines = lines_of(anonymous, cycle)[0]
    assert not lines["CHE"].late
    assert lines["ESP"].late and lines["FRA"].late and lines["BRA"].late
    body = client.get(f"/reporting/status?cycle={cycle.pk}").content.decode()
    assert 'class="report-not_submitted late" data-state="FRA"' in body
    assert 'class="report-published" data-state="CHE"' in body


def test_status_page_groups_by_regional_group_and_has_a_json_twin(sample, client):
    cycle, _ = sample
    response = client.get(f"/reporting/status?cycle={cycle.pk}&by=group")
    text = visible_text(response)
    assert response.status_code == 200 and "Western European and other States" in text
    assert "Reports received 5 / " in text  # CHE, ESP, NGA published; DEU, JPN received
    data = client.get(f"/api/reporting/progress/status?cycle={cycle.pk}&by=group").json()
    weog = next(area for area in data["areas"] if area["area"] == "western_european_others")
    by_state = {line["state"]: line for line in weog["states"]}
    assert by_state["FRA"]["status"] == "not_submitted" and by_state["DEU"]["status"] == "received"
    assert by_state["CHE"]["first_submitted"] == timezone.localdate().isoformat()
    assert data["demonstration"] is False and data["counted_statuses"] == ["published"]
