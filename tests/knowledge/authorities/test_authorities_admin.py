"""The Secretariat's admin: an authority created and edited with its contact details inline, every
change kept in history (the authority's and the contact details'), each History page with its diff."""

from __future__ import annotations

import pytest

from viennaplan.knowledge.authorities.models import Authority, AuthorityContact

pytestmark = pytest.mark.django_db

ADD = "/admin/knowledge_authorities/authority/add/"


def form(**changes) -> dict:
    data = {
        "state": "CHE",
        "key": "FOJ-EXT",
        "purpose": "extradition",
        "name_en": "Extradition Unit",
        "name_original": "Fachbereich Auslieferung",
        "language": "de",
        "request_languages": "de; en",
        "description": "",
        "published": "on",
        "provisions-TOTAL_FORMS": "1",
        "provisions-INITIAL_FORMS": "0",
        "provisions-0-path": "",
        "contact-TOTAL_FORMS": "1",
        "contact-INITIAL_FORMS": "0",
        "contact-MIN_NUM_FORMS": "0",
        "contact-MAX_NUM_FORMS": "1",
        "contact-0-telephone": "+41 58 462 11 11",
        "contact-0-email": "extradition@bj.admin.example",
        "contact-0-time_zone": "Europe/Zurich",
    }
    data.update(changes)
    return data


def test_the_secretariat_creates_and_edits_an_authority_and_both_keep_history(client_as, secretariat, imported_plan):
    client = client_as(secretariat)
    response = client.post(ADD, form())
    assert response.status_code == 302, response.content.decode()[-3000:]
    authority = Authority.objects.get(key="FOJ-EXT")
    contact = authority.contact
    change = f"/admin/knowledge_authorities/authority/{authority.pk}/change/"
    edited = form(
        **{
            "name_en": "Extradition Division",
            "contact-INITIAL_FORMS": "1",
            "contact-0-id": str(contact.pk),
            "contact-0-authority": str(authority.pk),
            "contact-0-email": "division@bj.admin.example",
        }
    )
    assert client.post(change, edited).status_code == 302
    assert [h.name_en for h in authority.history.order_by("history_date")] == [
        "Extradition Unit",
        "Extradition Division",
    ]
    assert [h.email for h in AuthorityContact.history.filter(id=contact.pk).order_by("history_date")] == [
        "extradition@bj.admin.example",
        "division@bj.admin.example",
    ]
    assert client.get(f"/admin/knowledge_authorities/authority/{authority.pk}/history/").status_code == 200
    assert client.get(f"/admin/knowledge_authorities/authoritycontact/{contact.pk}/history/").status_code == 200


def test_a_bad_telephone_or_time_zone_is_refused_with_the_field_named(client_as, secretariat, imported_plan):
    response = client_as(secretariat).post(
        ADD, form(**{"contact-0-telephone": "call us", "contact-0-time_zone": "CET+1"})
    )
    assert response.status_code == 200
    assert "not a telephone number" in response.content.decode()
    assert "not an IANA time zone" in response.content.decode()
    assert not Authority.objects.exists()


def test_other_without_a_description_is_refused(client_as, secretariat, imported_plan):
    response = client_as(secretariat).post(ADD, form(purpose="other"))
    assert response.status_code == 200 and "required when the purpose is other" in response.content.decode()
