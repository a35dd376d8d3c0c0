"""The secretariat's admin pages for the plan."""

from __future__ import annotations

import pytest
from django.contrib import admin
from sample_plan import store_sample

from viennaplan.plan.admin import ProvisionAdmin
from viennaplan.plan.models import Provision
from viennaplan.plan.search import search_provisions


@pytest.fixture
def sample_version(db):
    return store_sample()


@pytest.mark.parametrize("model", ["planversion", "chapter", "objective", "provision", "note", "actor"])
def test_every_plan_admin_list_opens(admin_client, sample_version, model):
    response = admin_client.get(f"/admin/plan/{model}/")
    assert response.status_code == 200


def test_the_provision_list_searches_by_citation_and_filters_by_kind(without_plan, admin_client, sample_version):
    response = admin_client.get("/admin/plan/provision/", {"q": "57(k)(ii)"})
    assert response.status_code == 200 and response.context["cl"].result_count == 1
    response = admin_client.get("/admin/plan/provision/", {"kind__exact": "international_action"})
    assert response.context["cl"].result_count == 3


def test_a_version_page_shows_the_report_read_only_and_versions_cannot_be_added(admin_client, sample_version):
    response = admin_client.get(f"/admin/plan/planversion/{sample_version.pk}/change/")
    assert response.status_code == 200
    assert b"run-on-item" in response.content
    assert admin_client.get("/admin/plan/planversion/add/").status_code == 403


def test_a_provision_page_opens_with_its_references_and_deadlines(admin_client, sample_version):
    provision = sample_version.provisions.get(path="59/c")
    response = admin_client.get(f"/admin/plan/provision/{provision.pk}/change/")
    assert response.status_code == 200
    assert b"before the end of 2002" in response.content
    history = admin_client.get(f"/admin/plan/provision/{provision.pk}/history/")
    assert history.status_code == 200


def test_editing_a_provision_keeps_history_search_and_full_text_up_to_date(rf, admin_user, sample_version):
    request = rf.post("/admin/plan/provision/")
    request.user = admin_user
    provision = sample_version.provisions.get(path="57/k/ii")
    provision.text = "Related offences such as defacing serial numbers."
    ProvisionAdmin(Provision, admin.site).save_model(request, provision, form=None, change=True)
    assert provision.history.count() == 2
    assert provision.history.first().history_user == admin_user
    assert [h.provision.path for h in search_provisions("defacing", version=sample_version)] == ["57/k/ii"]
    assert search_provisions("tampering", version=sample_version)[0].provision.path == "59/f"
    assert "(ii) Related offences such as defacing" in sample_version.provisions.get(path="57").full_text
    assert "defacing" in sample_version.provisions.get(path="57/k").full_text


def test_deleting_a_version_drops_it_from_search(admin_client, sample_version):
    from sample_plan import revised, sample_document

    second = store_sample(revised(sample_document()))
    response = admin_client.post(f"/admin/plan/planversion/{sample_version.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert search_provisions("markings", version=second)
