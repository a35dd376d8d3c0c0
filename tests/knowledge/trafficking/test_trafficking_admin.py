"""The Secretariat's admin for trafficking flows: list, change form with the provisions inline, history
with the differences between versions; the model's rules (a total that is the sum of the counts, texts
that do not identify a person, a period in order)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from trafficking_sample import flows_file

from viennaplan.knowledge.trafficking.flows_csv import import_flows
from viennaplan.knowledge.trafficking.models import Flow, FlowProvision

pytestmark = pytest.mark.django_db


def test_the_admin_pages_open_and_keep_history(admin_client, imported_plan):
    import_flows(flows_file(), source_name="flows.csv")
    flow = Flow.objects.get(key="F-ROU-FRA")
    flow.authority = "Central Office against Trafficking"
    flow.save()
    listing = admin_client.get("/admin/knowledge_trafficking/flow/")
    assert listing.status_code == 200 and "F-ROU-FRA" in listing.content.decode()
    form = admin_client.get(f"/admin/knowledge_trafficking/flow/{flow.pk}/change/")
    assert form.status_code == 200 and "46/d" in form.content.decode()
    history = admin_client.get(f"/admin/knowledge_trafficking/flow/{flow.pk}/history/")
    shown = history.content.decode()
    assert history.status_code == 200 and "import flows.csv" in shown
    assert "Central Office against Trafficking" in shown and "Ministry of the Interior" in shown
    assert admin_client.get("/admin/knowledge_trafficking/flow/add/").status_code == 200


def test_the_model_rules(imported_plan):
    import_flows(flows_file(), source_name="flows.csv")
    flow = Flow.objects.get(key="F-NGA-CHE")
    flow.total = 16
    flow.year_to = 2018
    flow.source = "Interview with Mrs. Ada, born 1990"
    with pytest.raises(ValidationError) as refused:
        flow.full_clean()
    assert set(refused.value.message_dict) == {"total", "year_to", "source"}
    assert "must not identify a person" in refused.value.message_dict["source"][0]
    with pytest.raises(ValidationError) as refused:
        FlowProvision(flow=flow, path="99/zz").full_clean()
    assert "current plan" in refused.value.message_dict["path"][0]
    assert "15" not in str(flow) and "3" not in str(flow).replace("2019", "")  # no count in the record's name
