"""The Secretariat's admin for the firearms collection: a State's round with its topics inline, a national
report with its moves; the history of each with the differences between versions; a report's status is
read-only there (it changes only by its transitions)."""

from __future__ import annotations

import re

import pytest

from viennaplan.knowledge.firearms.models import Regulation, RegulationTopic
from viennaplan.knowledge.firearms.transitions import apply_transition

pytestmark = pytest.mark.django_db


def test_the_regulation_pages_open_with_history_and_diff(admin_client, regulations_on_file):
    topic = RegulationTopic.objects.get(regulation__state="CHE", regulation__round=2003, topic="57/c")
    topic.summary = "A licence is required to make or trade in arms."
    topic.save()
    regulation = topic.regulation
    listing = admin_client.get("/admin/knowledge_firearms/regulation/")
    assert listing.status_code == 200 and "CHE" in listing.content.decode()
    form = admin_client.get(f"/admin/knowledge_firearms/regulation/{regulation.pk}/change/").content.decode()
    assert "A licence is required to make or trade in arms." in form and "57/f" in form
    history = admin_client.get(f"/admin/knowledge_firearms/regulationtopic/{topic.pk}/history/")
    shown = history.content.decode()
    assert history.status_code == 200 and "import firearms.csv" in shown
    assert "make or trade" in shown and "A licence is required to trade in arms." in shown  # the change, from and to
    assert admin_client.get(f"/admin/knowledge_firearms/regulation/{regulation.pk}/history/").status_code == 200
    assert admin_client.get("/admin/knowledge_firearms/regulation/add/").status_code == 200


def test_the_report_pages_show_the_moves_and_keep_the_status_read_only(admin_client, report_in, focal_point_a):
    report = report_in("draft")
    apply_transition(focal_point_a, report, "submit")
    page = admin_client.get(f"/admin/knowledge_firearms/firearmsreport/{report.pk}/change/").content.decode()
    assert 'name="offences"' in page and 'name="status"' not in page and "submit" in page
    history = admin_client.get(f"/admin/knowledge_firearms/firearmsreport/{report.pk}/history/").content.decode()
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>|&nbsp;|&rarr;", " ", history))
    assert "focal.che@example.org submit Status: draft submitted" in words  # who, why, from and to


def test_a_published_flag_changed_in_the_admin_is_kept_in_history(admin_client, regulations_on_file):
    regulation = Regulation.objects.get(state="FRA")
    regulation.published = True
    regulation.save()
    assert [h.published for h in regulation.history.order_by("history_id")] == [False, True]
