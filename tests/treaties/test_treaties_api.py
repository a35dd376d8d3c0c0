"""The treaties JSON API under /api/treaties: statuses, filters, 404/422, and entry by the secretariat
(the permission table's "treaty.record")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viennaplan.treaties.importer import import_status_list
from viennaplan.treaties.models import TreatyAction

SMALL = Path(__file__).parent / "data" / "synthetic_small.csv"
API = "/api/treaties"


@pytest.fixture
def imported(db):
    import_status_list(SMALL.read_bytes(), source_name=SMALL.name)


def get(client, path: str, **params):
    response = client.get(f"{API}{path}", params)
    return response.status_code, response.json()


# Reading


def test_instruments_are_listed_with_their_status_as_of_a_date(client, imported):
    status, data = get(client, "", as_of="2007-01-01")
    assert status == 200
    untoc = next(item for item in data if item["code"] == "UNTOC")
    assert untoc["status"]["signatories"] == 6 and untoc["status"]["parties"] == 7
    assert untoc["url"] == "/treaties/UNTOC" and untoc["api_url"] == "/api/treaties/UNTOC"
    assert [item["code"] for item in data][:5] == ["UNTOC", "TIP", "SOM", "FIREARMS", "UNCAC"]


def test_an_instrument_gives_its_rules_in_plain_words(client, db):
    status, data = get(client, "/TIP")
    assert status == 200
    assert data["parent"] == "UNTOC" and data["threshold"] == 40
    general = next(s for s in data["rules"] if "90th day after the deposit of the 40th instrument" in s)
    assert "not before UNTOC is in force" in general
    assert any("whichever is the later" in s for s in data["rules"])
    assert data["official_entry_into_force"] == "2003-12-25"
    assert data["has_data"] is False


def test_the_status_endpoint_has_the_same_shape_as_treaties_show(client, imported):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("treaties", "show", "UNTOC", "--as-of", "2007-01-01", "--format", "json", stdout=out)
    status, data = get(client, "/UNTOC/status", as_of="2007-01-01")
    assert status == 200
    assert data == json.loads(out.getvalue())


@pytest.mark.parametrize("as_of", ["2001-01-01", "2007-01-01", "2030-01-01"])
def test_status_json_is_the_schemas(client, imported, as_of):
    """The status is sent as built (api_shapes.as_is, not checked again by ninja): what it sends is what
    its declared schema would have made of it, to the letter."""
    from viennaplan.treaties.schemas import TreatyStatusOut

    status, data = get(client, "/UNTOC/status", as_of=as_of)
    assert status == 200 and data["states"]
    assert TreatyStatusOut.model_validate(data).model_dump(mode="json") == data


def test_the_as_of_date_moves_the_counts(client, imported):
    _, before = get(client, "/UNTOC/status", as_of="2002-12-31")
    _, after = get(client, "/UNTOC/status", as_of="2007-01-01")
    assert (before["signatories"], before["parties"]) == (6, 0)
    assert (after["signatories"], after["parties"]) == (6, 7)


def test_states_are_filtered_by_status_region_and_group(client, imported):
    _, parties = get(client, "/UNTOC/states", as_of="2007-01-01", status="party")
    assert {s["state"] for s in parties["states"]} == {"BOL", "CHE", "EUU", "FRA", "MNE", "SRB", "TUR"}
    assert parties["count"] == 7
    _, signatories = get(client, "/UNTOC/states", as_of="2007-01-01", status="signatory")
    assert [s["state"] for s in signatories["states"]] == ["CIV"]
    _, europe = get(client, "/UNTOC/states", as_of="2007-01-01", status="party", region="Europe")
    assert {s["state"] for s in europe["states"]} == {"CHE", "FRA", "MNE", "SRB"}
    _, weog = get(client, "/UNTOC/states", as_of="2007-01-01", status="party", group="western_european_others")
    assert {"CHE", "FRA", "TUR"} <= {s["state"] for s in weog["states"]}
    assert "SRB" not in {s["state"] for s in weog["states"]}


def test_states_without_any_action_are_listed_with_status_none(client, imported):
    _, data = get(client, "/UNTOC/states", status="none")
    afghanistan = next(s for s in data["states"] if s["state"] == "AFG")
    assert afghanistan["status"] == "none" and afghanistan["consent"] is None and afghanistan["name"] == "Afghanistan"
    assert "EUU" not in {s["state"] for s in data["states"]}  # the organization shows only where it acted


def test_a_states_panel_gives_its_standing_under_every_instrument(client, imported):
    status, data = get(client, "/states/CHE", as_of="2007-01-01")
    assert status == 200
    assert data["name"] == "Switzerland" and data["has_data"] is True
    lines = {line["instrument"]: line for line in data["instruments"]}
    assert lines["UNTOC"]["status"] == "party" and lines["UNTOC"]["in_force"] == "2006-11-26"
    assert lines["TIP"]["consent"] == {"kind": "ratification", "date": "2006-10-27"}
    assert lines["UNCAC"]["status"] == "none"


def test_an_unknown_instrument_or_state_is_404_with_a_message(client, db):
    status, data = get(client, "/UNTOX/status")
    assert status == 404 and data["detail"].startswith("There is no instrument 'UNTOX'; instruments are UNTOC, TIP")
    status, data = get(client, "/states/XXX")
    assert status == 404 and "There is no State 'XXX'" in data["detail"]


def test_a_malformed_date_or_status_is_422(client, db):
    assert client.get(f"{API}/UNTOC/status", {"as_of": "31/12/2002"}).status_code == 422
    assert client.get(f"{API}/UNTOC/states", {"status": "member"}).status_code == 422


def test_codes_are_case_insensitive(client, db):
    assert get(client, "/untoc/status")[1]["instrument"] == "UNTOC"


def test_downloads_give_the_actions_as_csv_and_json(client, imported):
    response = client.get(f"{API}/export.csv", {"instrument": "TIP"})
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().splitlines()[1] == "CHE,TIP,signature,2002-04-02,synthetic"
    assert client.get(f"{API}/export.json").json()["format"] == "viennaplan-treaty-actions"


def test_operation_ids_are_stable(client, db):
    schema = client.get("/api/openapi.json").json()
    ids = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    assert {
        "treaties_list_instruments",
        "treaties_get_instrument",
        "treaties_get_status",
        "treaties_list_states",
        "treaties_get_state",
        "treaties_create_action",
    } <= ids


# Writing: staff only, validated by the engine


ACTION = {"state": "France", "instrument": "UNTOC", "action": "signature", "date": "2000-12-12", "source": "C.N.1"}


def post(client, payload):
    return client.post(f"{API}/actions", json.dumps(payload), content_type="application/json")


def test_the_public_cannot_record_an_action(client, db):
    assert post(client, ACTION).status_code == 401
    assert not TreatyAction.objects.exists()


@pytest.mark.parametrize("persona", ["focal_point_a", "reviewer", "contributor"])
def test_only_the_secretariat_may_record_an_action(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = post(client, ACTION)
    assert response.status_code == 403 and "record a treaty action" in response.json()["detail"]
    assert not TreatyAction.objects.exists()


def test_a_bare_staff_flag_is_not_a_role(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("staff", password="x-secret-42", is_staff=True))
    assert post(client, ACTION).status_code == 403


def test_the_secretariat_records_an_action_and_it_is_kept_in_history(client, secretariat):
    client.force_login(secretariat)
    response = post(client, ACTION)
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["state"], data["action"], data["date"]) == ("FRA", "signature", "2000-12-12")
    row = TreatyAction.objects.get(pk=data["id"])
    assert row.history.get().history_user == secretariat


def test_an_action_the_engine_refuses_is_422_with_every_reason(client, secretariat):
    client.force_login(secretariat)
    response = post(client, {**ACTION, "instrument": "TIP", "action": "ratification", "date": "2003-01-01"})
    assert response.status_code == 422
    data = response.json()
    assert data["detail"] == "The action was not recorded." and data["errors"][0].startswith("FRA TIP: ")
    late = post(client, {**ACTION, "date": "2003-01-01"})
    assert late.status_code == 422 and "closed for signature" in late.json()["errors"][0]
    assert not TreatyAction.objects.exists()


def test_an_unknown_state_or_action_is_422(client, secretariat):
    client.force_login(secretariat)
    unknown = post(client, {**ACTION, "state": "Atlantis"})
    assert unknown.status_code == 422 and "unknown State or organization 'Atlantis'" in unknown.json()["errors"][0]
    assert post(client, {**ACTION, "action": "ratify"}).status_code == 422
    assert post(client, {**ACTION, "action": "consent"}).status_code == 422
    assert post(client, {**ACTION, "instrument": "UNTOX"}).status_code == 404
