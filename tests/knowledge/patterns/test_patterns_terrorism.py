"""/knowledge/terrorism: every State's adherence to the universal instruments against terrorism in one
table (States x instruments) from the treaty engine, as of ?as_of=, beside the records of links between
terrorism and other crime; its JSON twin /api/knowledge/terrorism."""

from __future__ import annotations

from datetime import date

import pytest

from viennaplan.treaties.importer import record_action
from viennaplan.treaties.records import Action
from viennaplan.treaties.terrorism_rules import TERRORISM_INSTRUMENTS

pytestmark = pytest.mark.django_db

PAGE = "/knowledge/terrorism"
API = "/api/knowledge/terrorism"


@pytest.fixture
def swiss_financing(db):
    """Switzerland signed the Financing Convention on 13 June 2001 and ratified it on 23 September 2003."""
    record_action(Action("CHE", "FINANCING1999", "signature", date(2001, 6, 13)))
    record_action(Action("CHE", "FINANCING1999", "ratification", date(2003, 9, 23)))


def cells(html: str, alpha3: str) -> list[str]:
    row = html[html.index(f'<tr data-state="{alpha3}"') :]
    row = row[: row.index("</tr>")]
    import re

    return re.findall(r'data-standing="(\w+)"', row)


def test_the_table_has_every_state_and_every_instrument_against_terrorism(client, swiss_financing):
    html = client.get(PAGE).content.decode()
    for code in TERRORISM_INSTRUMENTS:
        assert f'data-instrument="{code}"' in html
    assert len(cells(html, "CHE")) == len(TERRORISM_INSTRUMENTS)
    assert cells(html, "FRA") == ["none"] * len(TERRORISM_INSTRUMENTS)
    assert html.count("<tr data-state=") >= 190


def test_the_standing_follows_the_as_of_date(client, swiss_financing):
    last = list(TERRORISM_INSTRUMENTS).index("FINANCING1999")
    assert cells(client.get(f"{PAGE}?as_of=2000-01-01").content.decode(), "CHE")[last] == "none"
    assert cells(client.get(f"{PAGE}?as_of=2002-12-31").content.decode(), "CHE")[last] == "signatory"
    assert cells(client.get(f"{PAGE}?as_of=2004-01-01").content.decode(), "CHE")[last] == "party"
    body = client.get(f"{API}?as_of=2004-01-01").json()
    swiss = next(state for state in body["states"] if state["state"] == "CHE")
    assert swiss["standing"]["FINANCING1999"] == "party" and swiss["parties"] == 1
    financing = next(line for line in body["instruments"] if line["code"] == "FINANCING1999")
    assert financing["parties"] == 1
    assert body["as_of"] == "2004-01-01" and body["url"] == "/knowledge/terrorism?as_of=2004-01-01"


def test_a_bad_as_of_date_is_refused(client, db):
    response = client.get(f"{PAGE}?as_of=31.12.2002")
    assert response.status_code == 400 and 'data-parameter="as_of"' in response.content.decode()
    assert client.get(f"{API}?as_of=yesterday").status_code == 422


def test_the_links_between_terrorism_and_other_crime_are_beside_the_table(client_as, patterns, secretariat):
    html = client_as(None).get(PAGE).content.decode()
    links = html[html.index('id="terrorism-links"') : html.index("</section>", html.index('id="terrorism-links"'))]
    assert 'href="/knowledge/patterns/SAHEL-LINK"' in links and "ANDES-COCAINE" not in links
    body = client_as(None).get(API).json()
    assert [record["key"] for record in body["links"]] == ["SAHEL-LINK"] and body["links_count"] == 1


def test_the_table_is_computed_with_one_call_into_the_engine(client, swiss_financing, monkeypatch):
    from viennaplan.treaties import overview

    calls = []
    original = overview.statuses_of

    def counted(codes, as_of):
        calls.append(list(codes))
        return original(codes, as_of)

    monkeypatch.setattr(overview, "statuses_of", counted)
    assert client.get(PAGE).status_code == 200
    assert calls == [list(TERRORISM_INSTRUMENTS)]
