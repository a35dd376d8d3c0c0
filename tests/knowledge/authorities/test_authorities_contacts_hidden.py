"""How to reach an authority is for signed-in officials of States and the Secretariat only: every
page of the collection's urls.py and every operation of its router, enumerated from the code (so a
new one is covered without being named here), answers the public (no session, or signed in without a
role) and a civil-society contributor without a single contact detail; a focal point of any State and
a reviewer see them on the record's page and in the API. Nor do the search index, the panels' lines
or the pages that show them (a State's profile, the provision 57(i)) carry any."""

from __future__ import annotations

import re

import pytest
from authorities_sample import SECRET_VALUES
from django.contrib.auth import get_user_model
from django.urls import URLPattern, reverse

from viennaplan.accounts.permissions import can
from viennaplan.knowledge import collections, search
from viennaplan.knowledge.authorities import urls
from viennaplan.knowledge.authorities.api import router
from viennaplan.knowledge.authorities.models import Authority
from viennaplan.knowledge.models import SearchEntry

pytestmark = pytest.mark.django_db

API_PREFIX = "/api/knowledge"
FILLERS = {"state": lambda a: a.state_id, "key": lambda a: a.key}  # URL parameter -> the authority's value
QUERIES = ("", "?state=CHE", "?purpose=mla", "?q=Justice", "?instrument=UNTOC", "?provision=57/i")


def page_urls() -> list[str]:
    """Every URL of the collection's urls.py: each pattern reversed for every authority on file (drafts too)."""
    found = []
    for pattern in urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        names = set(pattern.pattern.regex.groupindex)
        assert names <= set(FILLERS), f"a URL parameter this test cannot fill: {names - set(FILLERS)}"
        name = f"knowledge:{urls.app_name}:{pattern.name}"
        if not names:
            found += [reverse(name) + query for query in QUERIES]
        else:
            found += [reverse(name, kwargs={n: FILLERS[n](a) for n in names}) for a in Authority.objects.order_by("pk")]
    return found


def api_urls() -> list[str]:
    """Every GET operation of the router, its path parameters filled for every authority on file."""
    found = []
    for path, view in router.path_operations.items():
        for operation in view.operations:
            assert operation.methods == ["GET"], f"{path}: a writing operation needs its own test"
            names = re.findall(r"{(\w+)}", path)
            assert set(names) <= set(FILLERS), path
            if not names:
                found += [API_PREFIX + path + query for query in QUERIES]
            for authority in Authority.objects.order_by("pk") if names else ():
                filled = path
                for name in names:
                    filled = filled.replace("{" + name + "}", FILLERS[name](authority))
                found.append(API_PREFIX + filled)
    return found


@pytest.fixture
def roleless(db):
    return get_user_model().objects.create_user("no-role@example.org", "no-role@example.org", "x-Secret-2001")


def leaks(client, url: str) -> list[str]:
    response = client.get(url)
    body = response.content.decode()
    return [f"{url} ({response.status_code}) shows {value!r}" for value in SECRET_VALUES if value in body]


def test_the_enumeration_covers_every_page_and_operation(authorities):
    assert len(urls.urlpatterns) == 3 and len(page_urls()) == 2 * len(QUERIES) + 3
    assert {op.operation_id for view in router.path_operations.values() for op in view.operations} == {
        "authorities_list",
        "authorities_get",
    }
    assert len(api_urls()) == len(QUERIES) + 3


@pytest.mark.parametrize("who", ["anonymous", "roleless", "contributor"])
def test_no_page_and_no_operation_shows_a_contact_detail_to_the_public_or_a_contributor(
    client_as, authorities, request, who
):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    client = client_as(user)
    found = [leak for url in page_urls() + api_urls() for leak in leaks(client, url)]
    assert found == []


def test_the_public_sees_that_each_published_authority_exists(client, authorities):
    for url in ("/knowledge/authorities/CHE/FOJ-MLA", "/api/knowledge/authorities/CHE/FOJ-MLA"):
        response = client.get(url)
        assert response.status_code == 200 and "Federal Office of Justice" in response.content.decode()


@pytest.mark.parametrize("who", ["focal_point_a", "focal_point_b", "reviewer", "secretariat"])
def test_officials_of_any_state_and_the_secretariat_see_them_on_the_record_page_and_in_the_api(
    client_as, authorities, request, who
):
    client = client_as(request.getfixturevalue(who))
    for url in ("/knowledge/authorities/CHE/FOJ-MLA", "/api/knowledge/authorities/CHE/FOJ-MLA"):
        body = client.get(url).content.decode()
        shown = [value for value in SECRET_VALUES if value != "zqx-firearms-7733@contact.example" and value in body]
        assert len(shown) == len(SECRET_VALUES) - 1, (url, shown)


def test_the_search_index_carries_no_contact_detail(authorities):
    search.rebuild()
    entries = SearchEntry.objects.filter(collection="authorities")
    assert entries.count() == 3
    assert [value for entry in entries for value in SECRET_VALUES if value in entry.title + entry.text] == []
    documents = list(collections.collection("authorities").documents(None))
    assert [value for d in documents for value in SECRET_VALUES if value in f"{d.title} {d.text} {d.url}"] == []


def test_the_panels_lines_carry_no_contact_detail_even_for_the_secretariat(authorities, secretariat):
    registered = collections.collection("authorities")
    lines = registered.for_state("CHE", secretariat) + registered.for_provisions(["57/i", "57"], secretariat)
    assert len(lines) == 3
    assert [value for line in lines for value in SECRET_VALUES if value in f"{line.title} {line.note} {line.url}"] == []


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("/knowledge/search?q=Justice", "Federal Office of Justice"),
        ("/knowledge/search?q=firearms", "Central Firearms Office"),
        ("/plan/57/i", "Central Firearms Office"),
        ("/reporting/states/CHE", ""),
        ("/countries/CHE", ""),
    ],
)
def test_the_pages_that_list_authorities_show_no_contact_detail_to_the_public(client, authorities, url, shown):
    search.rebuild()
    response = client.get(url)
    assert response.status_code == 200 and shown in response.content.decode()
    assert leaks(client, url) == []


def test_the_permission_table_decides_and_gives_no_right_without_the_authority(
    authorities, secretariat, focal_point_a, focal_point_b, reviewer, contributor, anonymous, roleless
):
    authority = Authority.objects.get(key="FOJ-MLA")  # of CHE, focal_point_a's State
    allowed = {
        name: can(user, "authority.contacts", authority)
        for name, user in [
            ("secretariat", secretariat),
            ("focal_point_a", focal_point_a),
            ("focal_point_b", focal_point_b),
            ("reviewer", reviewer),
            ("contributor", contributor),
            ("anonymous", anonymous),
            ("roleless", roleless),
        ]
    }
    assert allowed == {
        "secretariat": True,
        "focal_point_a": True,
        "focal_point_b": True,  # another State's focal point: authorities exist to be reached by other States
        "reviewer": True,
        "contributor": False,
        "anonymous": False,
        "roleless": False,
    }
    assert not can(focal_point_b, "authority.contacts")  # asked without the authority
