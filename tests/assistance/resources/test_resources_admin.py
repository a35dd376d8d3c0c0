"""The Secretariat records money on the admin pages, through operations.py: a disbursement above the
fund's balance is refused on the form with the ledger's message and nothing written; a good one is
stored with its history; recorded money is not edited or deleted there; no one else gets in. SYNTHETIC."""

from __future__ import annotations

import pytest

from viennaplan.assistance.resources.models import Disbursement

pytestmark = pytest.mark.django_db

ADD = "/admin/assistance_resources/disbursement/add/"


def form(fund, project, amount: str) -> dict:
    return {"fund": fund.pk, "project": project.pk, "amount": amount, "currency": "EUR", "date": "2004-01-01"}


def test_a_disbursement_above_the_balance_is_refused_on_the_form_and_nothing_written(
    client_as, secretariat, money, fund, project
):
    client = client_as(secretariat)
    response = client.post(ADD, form(fund, project, "300.00"))
    assert response.status_code == 200
    assert "cannot disburse 300.00 EUR on 2004-01-01: its balance in EUR is 250.00." in response.content.decode()
    assert Disbursement.objects.count() == 1 and Disbursement.history.count() == 1


def test_a_disbursement_within_the_balance_is_stored_with_its_recorder(client_as, secretariat, money, fund, project):
    client = client_as(secretariat)
    response = client.post(ADD, form(fund, project, "250.00"))
    assert response.status_code == 302, response.content.decode()[:2000]
    stored = Disbursement.objects.latest("id")
    assert stored.amount == 250 and stored.recorded_by == secretariat and stored.history.count() == 1
    change = client.get(f"/admin/assistance_resources/disbursement/{stored.pk}/change/")
    assert change.status_code == 200 and 'name="amount"' not in change.content.decode()
    assert (
        client.post(f"/admin/assistance_resources/disbursement/{stored.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert Disbursement.objects.filter(pk=stored.pk).exists()


@pytest.mark.parametrize("persona", ["focal_point_a", "reviewer"])
def test_no_one_else_records(client_as, request, persona, money, fund, project):
    user = request.getfixturevalue(persona)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    response = client_as(user).post(ADD, form(fund, project, "1.00"))
    assert response.status_code == 403
    assert Disbursement.objects.count() == 1
