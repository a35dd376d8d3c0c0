"""The Secretariat's admin for best practices: the list, a practice with its provisions, States and
evaluations inline, its history with the differences between versions; an evaluation's own history;
the model's own rules on the area and the period."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from viennaplan.knowledge.practices.models import Evaluation, Practice, PracticeProvision

pytestmark = pytest.mark.django_db


def test_the_admin_pages_open_with_history(admin_client, practices):
    practice = Practice.objects.get(key="AT-victims-legal-aid")
    practice.title = "Legal aid for victims"
    practice.save()
    listing = admin_client.get("/admin/knowledge_practices/practice/")
    assert listing.status_code == 200 and "AT-victims-legal-aid" in listing.content.decode()
    form = admin_client.get(f"/admin/knowledge_practices/practice/{practice.pk}/change/").content.decode()
    assert "82/e" in form and "Institute of Criminology" in form and "Ministry of Justice" in form
    history = admin_client.get(f"/admin/knowledge_practices/practice/{practice.pk}/history/").content.decode()
    assert "import practices.csv" in history
    assert "Legal aid for victims" in history and "Free legal aid for victims of violence" in history
    assert admin_client.get("/admin/knowledge_practices/practice/add/").status_code == 200
    evaluation = Evaluation.objects.get(evaluator="Ministry of Justice")
    evaluation.result = "promising"
    evaluation.save()
    shown = admin_client.get(f"/admin/knowledge_practices/evaluation/{evaluation.pk}/history/").content.decode()
    assert "promising" in shown and "mixed" in shown


def test_an_edit_in_the_admin_is_kept_in_history(admin_client, practices):
    practice = Practice.objects.get(key="SADC-firearms-marking")
    url = f"/admin/knowledge_practices/practice/{practice.pk}/change/"
    data = {
        "key": practice.key,
        "title": "Marking of firearms in Southern Africa",
        "summary": practice.summary,
        "description": "",
        "area": "VI",
        "organisation": "SARPCCO",
        "period_from": "2001",
        "period_to": "2006",
        "url": practice.url,
        "published": "on",
    }
    for prefix, rows in (("provisions", practice.provisions.all()), ("states", practice.states.all())):
        data |= {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(len(rows))}
        for index, row in enumerate(rows):
            data[f"{prefix}-{index}-id"] = str(row.pk)
            data[f"{prefix}-{index}-practice"] = str(practice.pk)
            data[f"{prefix}-{index}-" + ("path" if prefix == "provisions" else "state")] = (
                row.path if prefix == "provisions" else row.state_id
            )
    data |= {"evaluations-TOTAL_FORMS": "0", "evaluations-INITIAL_FORMS": "0"}
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    practice.refresh_from_db()
    assert (practice.title, practice.period_to) == ("Marking of firearms in Southern Africa", 2006)
    assert [h.title for h in practice.history.order_by("history_date")] == [
        "Regional marking of firearms",
        "Marking of firearms in Southern Africa",
    ]
    data["area"] = "XIV"
    refused = admin_client.post(url, data)
    assert refused.status_code == 200 and "not a chapter of the current plan" in refused.content.decode()


def test_the_model_rules_on_area_period_and_provisions(practices):
    practice = Practice.objects.get(key="EU-crime-analysis")
    practice.area = "XIII"
    practice.period_to = 2001
    with pytest.raises(ValidationError) as refused:
        practice.full_clean()
    assert set(refused.value.message_dict) == {"area", "period_to"}
    with pytest.raises(ValidationError) as refused:
        PracticeProvision(practice=practice, path="99/zz").full_clean()
    assert "current plan" in refused.value.message_dict["path"][0]
