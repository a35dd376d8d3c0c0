"""The Secretariat's admin: an assessment created with its sectors, types and provisions (33/a
when none is given), edited with its history and the differences kept; documents and their versions likewise;
the model's own rules on costs and dates."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from viennaplan.knowledge.assessments.models import Assessment, AssessmentProvision, DocumentVersion

pytestmark = pytest.mark.django_db

ADMIN = "/admin/knowledge_assessments"


def inline(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(rows):
        data.update({f"{prefix}-{number}-{name}": value for name, value in row.items()})
    return data


def test_an_assessment_is_created_then_edited_in_the_admin_with_its_history(admin_client, imported_plan):
    assert admin_client.get(f"{ADMIN}/assessment/add/").status_code == 200
    form = {
        "state": "KEN",
        "key": "NCS-2021",
        "title": "National Corruption Survey 2021",
        "scope": "national",
        "method": "population_survey",
        "published_on": "2022-02-01",
        "publisher": "EACC",
        "published": "on",
        **inline("sectors", [{"sector": "police"}]),
        **inline("types", [{"type": "bribery"}]),
        **inline("provisions", []),  # none given: 33(a)
    }
    response = admin_client.post(f"{ADMIN}/assessment/add/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    survey = Assessment.objects.get(state="KEN", key="NCS-2021")
    assert survey.year == 2022 and [p.path for p in survey.provisions.all()] == ["33/a"]
    survey.title = "National Ethics and Corruption Survey 2021"
    survey.save()
    history = admin_client.get(f"{ADMIN}/assessment/{survey.pk}/history/").content.decode()
    assert "National Corruption Survey 2021" in history and "National Ethics and Corruption Survey 2021" in history
    assert survey.history.count() == 2
    assert admin_client.get(f"{ADMIN}/assessment/").status_code == 200


def test_the_model_rules_on_costs_dates_and_provisions(imported_plan, assessments):
    survey = Assessment.objects.get(state="KEN", key="NCS-2019")
    survey.cost_currency = ""
    survey.fieldwork_end = date(2018, 1, 1)
    with pytest.raises(ValidationError) as refused:
        survey.full_clean()
    assert set(refused.value.message_dict) == {"cost_currency", "fieldwork_end"}
    with pytest.raises(ValidationError) as refused:
        AssessmentProvision(assessment=survey, path="99/zz").full_clean()
    assert "current plan" in refused.value.message_dict["path"][0]


def test_the_document_and_version_admin_pages_keep_history(admin_client, manual):
    assert admin_client.get(f"{ADMIN}/document/{manual.pk}/change/").status_code == 200
    version = DocumentVersion.objects.get(document=manual, label="3.0")
    version.published = True
    version.save()
    history = admin_client.get(f"{ADMIN}/documentversion/{version.pk}/history/")
    assert history.status_code == 200 and version.history.count() == 2
    assert admin_client.get(f"{ADMIN}/document/{manual.pk}/history/").status_code == 200
