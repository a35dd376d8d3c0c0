"""National legislation where a reader looks for it: on the provision pages it serves
({% laws_for_provision %}, /plan/57/a) and on the State's profile ({% laws_for_state %},
/reporting/states/CHE); published laws only, linked to their records, in the reader's language."""

from __future__ import annotations

import pytest
from django.conf import settings

from viennaplan.knowledge.legislation_csv import import_legislation
from viennaplan.knowledge.models import Law, LawProvision

pytestmark = pytest.mark.django_db

FRENCH = {"National legislation": "Législation nationale"}


@pytest.fixture
def laws(imported_plan, laws_file):
    """CHE's two published laws serve 57/a; FRA's draft is made to serve 57/a too."""
    import_legislation(laws_file, source_name="laws.csv")
    draft = Law.objects.get(state="FRA", key="CP-2001")
    LawProvision.objects.create(law=draft, path="57/a")
    return draft


def section(body: str) -> str:
    start = body.index('id="national-legislation"')
    return body[start : body.index("</section>", start)]


def test_the_provision_page_shows_the_published_laws_serving_it(laws, client):
    body = client.get("/plan/57/a").content.decode()
    laws_here = section(body)
    assert 'href="/knowledge/legislation/CHE/SR-514.54"' in laws_here
    assert "Federal Act on Weapons, Weapon Equipment and Ammunition" in laws_here
    assert 'href="/knowledge/legislation/CHE/AS-2008-5499"' in laws_here and "Switzerland:" in laws_here
    assert "CP-2001" not in body and "Criminal Code" not in body  # a draft: not for the public
    assert body.index('id="about-heading"') < body.index('id="national-legislation"') < body.index('id="cite-heading"')


def test_the_paragraph_shows_the_laws_of_its_items_and_a_page_without_laws_shows_nothing(laws, client):
    assert 'href="/knowledge/legislation/CHE/SR-514.54"' in section(client.get("/plan/57").content.decode())
    body = client.get("/plan/57/b").content.decode()
    assert 'id="national-legislation"' not in body


def test_a_draft_is_not_shown_even_to_the_secretariat_on_the_provision_page(laws, client_as, secretariat):
    Law.objects.filter(state="CHE").update(published=False)
    body = client_as(secretariat).get("/plan/57/a").content.decode()
    assert 'id="national-legislation"' not in body  # the panel is the public's view of the record


def test_the_state_profile_shows_the_states_laws(laws, client):
    body = client.get("/reporting/states/CHE").content.decode()
    laws_here = section(body)
    assert 'href="/knowledge/legislation/CHE/SR-514.54"' in laws_here and "(amended)" in laws_here
    assert "implements:" in laws_here
    assert '<a href="/knowledge/legislation/guide/FIREARMS/5"' in laws_here  # each article: its legislative guide
    assert '<a href="/knowledge/legislation/guide/UNTOC/5"' in laws_here
    assert 'href="/knowledge/legislation/CHE/AS-2008-5499"' in laws_here
    assert 'href="/knowledge/legislation?state=CHE"' in laws_here
    france = section(client.get("/reporting/states/FRA").content.decode())
    assert "CP-2001" not in france and "No national legislation has been recorded for this State." in france


def test_the_panels_in_french_and_in_arabic(laws, client, french):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    profile = client.get("/reporting/states/CHE").content.decode()
    assert '<html lang="fr"' in profile and "Législation nationale" in section(profile)
    provision = section(client.get("/plan/57/a").content.decode())
    assert "Législation nationale" in provision and "Suisse" in provision

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    provision = client.get("/plan/57/a")
    assert provision.status_code == 200 and 'dir="rtl"' in provision.content.decode()
    laws_here = section(provision.content.decode())
    assert "سويسرا:" in laws_here and 'href="/knowledge/legislation/CHE/SR-514.54"' in laws_here
    profile = client.get("/reporting/states/CHE")
    assert profile.status_code == 200 and 'href="/knowledge/legislation/CHE/SR-514.54"' in section(
        profile.content.decode()
    )
