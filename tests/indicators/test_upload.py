"""The Secretariat's upload of observations: the page /indicators/import (check, import, every bad
row listed, all or nothing, CSRF, size limit) and POST /api/indicators/observations/import.
Everyone else is refused ("indicator.import") and nothing changes."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from viennaplan.indicators.models import Observation, ObservationImport

pytestmark = pytest.mark.django_db

PAGE = "/indicators/import"
API = "/api/indicators/observations/import"
GOOD = (
    "country,iso3,year,indicator,value,source,flags\n"
    "Switzerland,CHE,2005,tip_persons_convicted,12,Federal Office of Justice,\n"
    "France,FRA,2005,tip_persons_convicted,<5,Ministry of Justice,provisional\n"
)
BAD = (
    "country,iso3,year,indicator,value,source\n"
    "Switzerland,CHE,2005,tip_persons_convicted,12,FOJ\n"
    "Atlantis,,2005,tip_persons_convicted,3,FOJ\n"
    "France,FRA,2005,tip_persons_convicted,-3,FOJ\n"
)
OTHERS = ["focal_point_a", "focal_point_b", "reviewer", "contributor"]


def upload(text: str, name: str = "convictions.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def nothing_stored() -> bool:
    return not Observation.objects.exists() and not ObservationImport.objects.exists()


def test_the_secretariat_checks_then_imports_and_is_recorded_as_the_uploader(client_as, secretariat):
    client = client_as(secretariat)
    page = client.get(PAGE)
    upload_form = re.search(r"<form[^>]*multipart/form-data.*?</form>", page.content.decode(), re.S).group(0)
    assert page.status_code == 200 and "csrfmiddlewaretoken" in upload_form and 'type="file"' in upload_form

    checked = client.post(PAGE, {"file": upload(GOOD), "action": "check"})
    assert checked.status_code == 200 and nothing_stored()
    assert "convictions.csv is good: nothing was stored." in checked.content.decode()
    assert "importing would record 2 observations; 0 are already on file" in checked.content.decode()

    imported = client.post(PAGE, {"file": upload(GOOD), "action": "import"})
    html = imported.content.decode()
    assert imported.status_code == 200 and "convictions.csv was imported." in html
    assert "2 observations recorded, 0 already on file; recorded as imported by Sara Sekr" in html
    batch = ObservationImport.objects.get()
    assert batch.imported_by == secretariat and batch.source_name == "convictions.csv"
    assert Observation.objects.get(state_id="FRA").published == "<5"
    history = Observation.history.all()
    assert history.count() == 2 and {row.history_user_id for row in history} == {secretariat.pk}
    assert "<td>Sara Sekr</td>" in html  # recent imports

    again = client.post(PAGE, {"file": upload(GOOD), "action": "import"})
    assert "Nothing changed." in again.content.decode() and Observation.objects.count() == 2


def test_a_bad_file_lists_every_bad_row_and_changes_nothing(client_as, secretariat):
    response = client_as(secretariat).post(PAGE, {"file": upload(BAD), "action": "import"})
    html = response.content.decode()
    assert response.status_code == 422 and nothing_stored()
    assert "2 problems; nothing was stored." in html
    assert "<li>row 3, column country (&#x27;Atlantis&#x27;):" in html
    assert "<li>row 4, column value (&#x27;-3&#x27;): impossible value for tip_persons_convicted" in html


def test_a_file_over_the_limit_is_refused_before_it_is_read(client_as, secretariat, settings):
    settings.INDICATORS_UPLOAD_MAX_BYTES = 100
    response = client_as(secretariat).post(PAGE, {"file": upload(GOOD), "action": "import"})
    assert response.status_code == 413 and nothing_stored()
    assert "Nothing was read or stored." in response.content.decode()
    api = client_as(secretariat).post(API, {"file": upload(GOOD)})
    assert api.status_code == 413 and "Nothing was read or stored" in api.json()["detail"] and nothing_stored()


def test_no_file_is_a_400(client_as, secretariat):
    response = client_as(secretariat).post(PAGE, {"action": "import"})
    assert response.status_code == 400 and nothing_stored()


@pytest.mark.parametrize("persona", OTHERS)
def test_every_other_role_is_refused_and_nothing_changes(request, client_as, persona):
    client = client_as(request.getfixturevalue(persona))
    assert client.get(PAGE).status_code == 403
    response = client.post(PAGE, {"file": upload(GOOD), "action": "import"})
    assert response.status_code == 403 and "may not import observations of indicators" in response.content.decode()
    api = client.post(API, {"file": upload(GOOD)})
    assert api.status_code == 403 and "may not import observations" in api.json()["detail"]
    assert nothing_stored()


def test_the_public_is_sent_to_sign_in_and_the_api_answers_401(client, db):
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=/indicators/import")
    assert client.post(PAGE, {"file": upload(GOOD)}).status_code == 302
    assert client.post(API, {"file": upload(GOOD)}).status_code == 401
    assert nothing_stored()


def test_the_page_and_the_api_need_the_csrf_token(secretariat):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat)
    assert client.post(PAGE, {"file": upload(GOOD), "action": "import"}).status_code == 403
    assert client.post(API, {"file": upload(GOOD)}).status_code == 403
    assert nothing_stored()


def test_the_api_imports_for_the_secretariat(client_as, secretariat):
    client = client_as(secretariat)
    dry = client.post(API, {"file": upload(GOOD), "dry_run": "true"})
    assert dry.status_code == 200 and dry.json()["created"] == 2 and dry.json()["dry_run"] and nothing_stored()
    done = client.post(API, {"file": upload(GOOD)})
    assert done.status_code == 201
    body = done.json()
    assert (body["created"], body["on_file"], body["imported_by"]) == (2, 0, "Sara Sekr")
    assert ObservationImport.objects.get(pk=body["import_id"]).imported_by == secretariat
    bad = client.post(API, {"file": upload(BAD)})
    assert bad.status_code == 422 and len(bad.json()["errors"]) == 2 and Observation.objects.count() == 2
    assert bad.json()["errors"][0].startswith("row 3, column country ('Atlantis')")


def test_an_api_upload_is_not_read_whole_by_the_nul_guard_but_its_fields_are_checked(client_as, secretariat, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50  # the guard reading the body would refuse this file (400)
    client = client_as(secretariat)
    assert client.post(API, {"file": upload(GOOD), "dry_run": "true"}).status_code == 200
    refused = client.post(API, {"file": upload(GOOD), "dry_run": "tr\x00ue"})
    assert refused.status_code == 422 and "NUL character" in refused.json()["errors"][0] and nothing_stored()
