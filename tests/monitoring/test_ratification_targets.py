"""The plan's ratification objectives (monitoring): the page /treaties/targets, its JSON twin
/api/treaties/ratification-targets and the panel on the plan's chapter pages III to VI. Which
instruments each objective asks for is declared in monitoring/targets.py; what the objective says
is read from the current plan version. Treaty data are synthetic."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from viennaplan.monitoring.ratification import objective_texts
from viennaplan.monitoring.targets import PLAN_OBJECTIVES
from viennaplan.plan.models import Objective
from viennaplan.treaties.importer import import_status_list

SMALL = Path(__file__).parent.parent / "treaties" / "data" / "synthetic_small.csv"
NO_DATA = "No status list has been imported yet"

# What the objectives say in the shipped plan (the texts the treaties app used to copy, word for word).
SHIPPED_TEXTS = {
    "III-1": "To achieve the signature, ratification and entry into force of the Convention and the protocols "
    "thereto as soon as possible.",
    "IV-2": "To develop and adopt a binding global international legal instrument against corruption and to bring "
    "about its signature, ratification and entry into force.",
    "V-1": "To make every effort to sign and ratify the Migrants Protocol and the Trafficking in Persons Protocol so "
    "that they enter into force as soon as possible.",
    "VI-1": "To [adopt,] sign, ratify and implement the Convention and the Firearms Protocol as soon as possible.",
}


@pytest.fixture
def imported(db):
    import_status_list(SMALL.read_bytes(), source_name=SMALL.name)


def text_of(response) -> str:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return unescape(" ".join(re.sub(r"<[^>]+>", " ", html).split()))


def json_twin(response) -> str:
    match = re.search(r'<a class="json-link" href="([^"]+)"', response.content.decode())
    assert match, "no JSON twin link"
    return match[1].replace("&amp;", "&")


def objective_paragraphs(response) -> list[str]:
    return [unescape(text) for text in re.findall(r'<p class="objective">(.*?)</p>', response.content.decode())]


# The page


def test_the_targets_page_without_data_says_so(client, db):
    assert NO_DATA in text_of(client.get("/treaties/targets"))


def test_the_targets_page_shows_signatures_and_ratifications_by_2002_and_now(client, imported):
    response = client.get("/treaties/targets?as_of=2007-01-01")
    assert response.status_code == 200
    body = response.content.decode()
    section = body[body.index('id="objective-III-1"') : body.index('id="objective-IV-2"')]
    untoc = re.search(r'href="/treaties/UNTOC[^"]*">UNTOC</a></th>(.*?)</tr>', section, flags=re.S)
    cells = re.findall(r'<td class="num">(.*?)</td>', untoc[1])
    assert cells == ["6", "1", "7", "7"]  # signatories, ratified by 31 Dec 2002, ratified by now, parties
    assert "1 signatory of UNTOC has not ratified" in text_of(response)
    assert 'href="/treaties/states/CIV?as_of=2007-01-01"' in section
    assert json_twin(response) == "/api/treaties/ratification-targets?as_of=2007-01-01"
    uncac = body[body.index('id="objective-IV-2"') : body.index('id="objective-V-1"')]
    assert "not yet adopted" in uncac


def test_the_instruments_page_links_to_the_targets_page(client, db):
    assert 'href="/treaties/targets?as_of=2007-01-01"' in client.get("/treaties/?as_of=2007-01-01").content.decode()


# The JSON twin


def test_ratification_targets_count_signatures_and_ratifications_by_2002_and_now(client, imported):
    response = client.get("/api/treaties/ratification-targets", {"as_of": "2007-01-01"})
    data = response.json()
    assert response.status_code == 200 and data["target_date"] == "2002-12-31"
    chapters = [(o["chapter"], o["objective"]) for o in data["objectives"]]
    assert chapters == [("III", 1), ("IV", 2), ("V", 1), ("VI", 1)]
    untoc = data["objectives"][0]["instruments"][0]
    assert untoc["instrument"] == "UNTOC"
    assert (untoc["signatories"], untoc["ratified_by_target"], untoc["ratified"]) == (6, 1, 7)
    assert untoc["signed_not_ratified"] == [{"state": "CIV", "name": "Côte d'Ivoire"}]
    uncac = data["objectives"][1]["instruments"][0]
    assert uncac["ratified_by_target"] is None  # adopted in 2003: no 2002 figure


def test_the_twin_keeps_its_path_and_operation_id_beside_the_treaties_api(client, db):
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/treaties/ratification-targets"]["get"]
    assert operation["operationId"] == "treaties_ratification_targets" and operation["tags"] == ["treaties"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/TargetsOut")
    # mounted before the treaties router, whose /{code} still answers for an instrument
    assert client.get("/api/treaties/ratification-targets").status_code == 200
    assert client.get("/api/treaties/UNTOC").json()["code"] == "UNTOC"
    assert client.get("/api/treaties/ratification-targets", {"as_of": "-5"}).status_code == 422


# The objectives' texts come from the plan


def test_the_objective_texts_are_those_of_the_shipped_plan(imported_plan):
    assert objective_texts(list(PLAN_OBJECTIVES)) == SHIPPED_TEXTS


def test_the_page_the_twin_and_the_panel_say_what_the_current_plan_says(client, imported, imported_plan):
    assert objective_paragraphs(client.get("/treaties/targets")) == list(SHIPPED_TEXTS.values())
    Objective.objects.filter(chapter__version=imported_plan, chapter__number="VI", number=1).update(
        text="To sign and ratify the Convention & the Firearms Protocol."
    )
    assert objective_paragraphs(client.get("/treaties/targets"))[3] == (
        "To sign and ratify the Convention & the Firearms Protocol."
    )
    twin = client.get("/api/treaties/ratification-targets").json()
    assert twin["objectives"][3]["text"] == "To sign and ratify the Convention & the Firearms Protocol."
    assert objective_paragraphs(client.get("/plan/chapter/VI")) == [
        "To sign and ratify the Convention & the Firearms Protocol."
    ]


def test_without_a_plan_the_objectives_have_no_text_and_nothing_breaks(without_plan, client, imported):
    response = client.get("/treaties/targets")
    assert response.status_code == 200 and objective_paragraphs(response) == []
    assert 'id="objective-VI-1"' in response.content.decode()
    twin = client.get("/api/treaties/ratification-targets").json()
    assert [o["text"] for o in twin["objectives"]] == ["", "", "", ""]


# The panel on the plan's chapter pages


def test_the_plans_chapter_pages_of_iii_to_vi_show_the_live_panel(client, imported, imported_plan):
    for number in ("III", "IV", "V", "VI"):
        response = client.get(f"/plan/chapter/{number}")
        assert response.status_code == 200
        body = response.content.decode()
        assert 'class="treaty-panel"' in body, number
        assert 'href="/treaties/targets#objective-' in body
    assert 'class="treaty-panel"' not in client.get("/plan/chapter/VII").content.decode()


def test_the_chapter_panel_without_data_says_so(client, db, imported_plan):
    assert NO_DATA in text_of(client.get("/plan/chapter/III"))
