"""The Secretariat's admin for laws: the list, a law with its articles and provisions inline, its
history with the differences between versions; the model's own rules on status and amending laws."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from viennaplan.knowledge.legislation_csv import import_legislation
from viennaplan.knowledge.models import Law, LawProvision

pytestmark = pytest.mark.django_db


def test_the_admin_pages_open_for_a_superuser(admin_client, imported_plan, laws_file):
    import_legislation(laws_file, source_name="laws.csv")
    law = Law.objects.get(state="CHE", key="SR-514.54")
    law.title_en = "Weapons Act"
    law.save()
    listing = admin_client.get("/admin/knowledge/law/")
    assert listing.status_code == 200 and "SR-514.54" in listing.content.decode()
    form = admin_client.get(f"/admin/knowledge/law/{law.pk}/change/")
    page = form.content.decode()
    assert form.status_code == 200 and "FIREARMS" in page and "57/a" in page
    history = admin_client.get(f"/admin/knowledge/law/{law.pk}/history/")
    shown = history.content.decode()
    assert history.status_code == 200 and "import laws.csv" in shown  # the import's change reason
    assert "Weapons Act" in shown and "Federal Act on Weapons" in shown  # the change, from and to
    assert admin_client.get("/admin/knowledge/law/add/").status_code == 200


def test_the_model_rules_on_status_and_amending_laws(imported_plan, laws_file):
    import_legislation(laws_file, source_name="laws.csv")
    law = Law.objects.get(state="CHE", key="AS-2008-5499")
    law.status = "amended"
    with pytest.raises(ValidationError) as refused:
        law.full_clean()
    assert set(refused.value.message_dict) == {"amended_by"}
    law.amended_by = law
    with pytest.raises(ValidationError) as refused:
        law.full_clean()
    assert "cannot amend or repeal itself" in refused.value.message_dict["amended_by"][0]
    law.status, law.amended_by = "repealed", None
    with pytest.raises(ValidationError) as refused:
        law.full_clean()
    assert set(refused.value.message_dict) == {"repealed_by"}
    with pytest.raises(ValidationError) as refused:
        LawProvision(law=law, path="99/zz").full_clean()
    assert "current plan" in refused.value.message_dict["path"][0]
