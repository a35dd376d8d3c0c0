"""The Secretariat's admin for patterns and trends: the list, a record with its rows inline, an edit
kept in history with the difference; the model's own rules on the period and the place."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from viennaplan.knowledge.patterns.models import PatternRecord

pytestmark = pytest.mark.django_db


def test_the_admin_pages_open_and_show_the_history_of_an_edit(admin_client, patterns):
    record = PatternRecord.objects.get(key="ANDES-COCAINE")
    record.title = "Cocaine routes to Europe"
    record.period_to = "2021"
    record._change_reason = "corrected"
    record.save()
    assert record.year_to == 2021  # kept beside the period
    listing = admin_client.get("/admin/knowledge_patterns/patternrecord/")
    assert listing.status_code == 200 and "ANDES-COCAINE" in listing.content.decode()
    form = admin_client.get(f"/admin/knowledge_patterns/patternrecord/{record.pk}/change/").content.decode()
    assert "drug_trafficking" in form and "PAN" in form and "419" in form and "18/c" in form
    history = admin_client.get(f"/admin/knowledge_patterns/patternrecord/{record.pk}/history/").content.decode()
    assert "import patterns.csv" in history and "corrected" in history
    assert "Cocaine routes to Europe" in history and "Cocaine routes from the Andes to Europe" in history
    assert admin_client.get("/admin/knowledge_patterns/patternrecord/add/").status_code == 200


def test_a_record_created_in_the_admin_is_kept_with_its_history(admin_client, imported_plan):
    form = {
        "key": "NEW-1",
        "kind": "pattern",
        "title": "Extortion of shopkeepers",
        "summary": "Protection money.",
        "period_from": "2019-05",
        "period_to": "",
        "source": "Police report",
        "source_url": "",
        "confidence": "low",
        "latitude": "",
        "longitude": "",
        "published": "on",
    }
    for prefix in ("crime_types", "states", "regions", "instruments", "provisions"):
        form.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    form.update({"crime_types-TOTAL_FORMS": "1", "crime_types-0-crime_type": "extortion"})
    response = admin_client.post("/admin/knowledge_patterns/patternrecord/add/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    record = PatternRecord.objects.get(key="NEW-1")
    assert record.year_from == 2019 and record.year_to is None
    assert list(record.crime_types.values_list("crime_type", flat=True)) == ["extortion"]
    assert record.history.count() == 1


def test_the_model_checks_the_period_and_the_place(patterns):
    record = PatternRecord.objects.get(key="ANDES-COCAINE")
    record.period_to = "2014"
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert set(refused.value.message_dict) == {"period_to"}
    record.period_to, record.latitude = "2019", Decimal("95")
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert "latitude" in refused.value.message_dict
    record.latitude, record.longitude = Decimal("4.7"), None
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert "longitude" in refused.value.message_dict
    record.key = "years"
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert "key" in refused.value.message_dict
