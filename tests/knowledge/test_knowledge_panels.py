"""Every registered collection has a place on the provision pages it cites and on the State profile
({% knowledge_for_provision %}, {% knowledge_for_state %}): its lines, in the public's view."""

from __future__ import annotations

import pytest

from viennaplan.knowledge import collections
from viennaplan.knowledge.collections import Collection, Line, limited
from viennaplan.knowledge.models import Law

pytestmark = pytest.mark.django_db


@pytest.fixture
def stand_in(monkeypatch):
    """A collection whose lines say what they were asked for (paths, State, and whether a user signed in)."""
    asked: dict = {}

    def for_provisions(paths, user, limit=None):
        asked["paths"] = list(paths)
        lines = [Line(f"Record citing {path}", f"/knowledge/stand-in/{path}", "CHE", "note") for path in paths]
        return limited(lines, limit)

    def for_state(alpha3, user, limit=None):
        asked["user"] = user
        asked["limit"] = limit
        lines = [Line(f"Record {n} of {alpha3}", f"/knowledge/stand-in/{alpha3}/{n}", alpha3) for n in range(25)]
        return limited(lines, limit)

    registry = dict(collections._REGISTRY)
    registry["stand-in"] = Collection(
        key="stand-in",
        label="Stand-in records",
        citation="1",
        list_url="/knowledge/stand-in",
        model=Law,
        documents=lambda ids: [],
        for_provisions=for_provisions,
        for_state=for_state,
    )
    monkeypatch.setattr(collections, "_REGISTRY", registry)
    return asked


def test_the_paragraph_page_asks_for_its_items_too(imported_plan, client, stand_in):
    body = client.get("/plan/57").content.decode()
    assert 'data-collection="stand-in"' in body
    assert stand_in["paths"][0] == "57" and "57/a" in stand_in["paths"] and "57/k/ii" in stand_in["paths"]
    assert 'href="/knowledge/stand-in/57/a"' in body


def test_the_state_profile_shows_twenty_lines_and_a_link_to_the_rest(imported_plan, client_as, secretariat, stand_in):
    body = client_as(secretariat).get("/reporting/states/CHE").content.decode()
    assert 'data-collection="stand-in"' in body
    assert "Record 19 of CHE" in body and "Record 20 of CHE" not in body
    assert stand_in["limit"] == 20  # the collection builds only the lines shown …
    assert 'Stand-in records <span class="muted">(25)</span>' in body  # … and says how many there are
    assert 'href="/knowledge/stand-in?state=CHE"' in body
    assert not stand_in["user"].is_authenticated  # the public's view, even for the Secretariat


def test_no_panel_without_records(imported_plan, client):
    body = client.get("/reporting/states/CHE").content.decode()
    assert 'class="knowledge-panel"' not in body


def test_every_collection_builds_only_the_lines_asked_for_and_counts_the_rest(imported_plan, secretariat):
    """Each registered collection's `for_state` and `for_provisions` with a limit: the first lines of
    the whole list, in its order, and the whole list's length as the total (a panel shows twenty of
    thousands without loading them)."""
    from tests.knowledge_data import import_samples
    from viennaplan.countries.models import Country
    from viennaplan.plan.models import Provision

    import_samples()
    paths = list(Provision.objects.filter(version=imported_plan).values_list("path", flat=True))
    checked = set()
    for registered in collections.collections():
        askers = [("provisions", registered.for_provisions, paths)]
        askers += [("state", registered.for_state, code) for code in Country.objects.values_list("alpha3", flat=True)]
        for kind, ask, argument in askers:
            if ask is None:
                continue
            every = ask(argument, secretariat)
            if len(every) < 2:
                continue
            first = ask(argument, secretariat, limit=1)
            assert list(first) == list(every)[:1], (registered.key, kind, argument)
            assert first.total == len(every) == every.total, (registered.key, kind, argument)
            checked.add((registered.key, kind))
            break
    assert {key for key, _kind in checked} >= {"patterns", "trafficking", "practices", "authorities", "assessments"}
