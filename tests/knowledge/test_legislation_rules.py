"""The rules of one row of the legislation file (plain Python): what a clean row becomes, and each
mistake reported with its row, column and value."""

from __future__ import annotations

from datetime import date

import pytest

from viennaplan.knowledge import legislation
from viennaplan.knowledge.legislation import Known, LawRecord, parse_row

KNOWN = Known(states=frozenset({"CHE", "FRA"}), paths=frozenset({"57/a", "18/e", "57/k/ii"}))
GOOD = {
    "state": "CHE",
    "key": "SR-514.54",
    "title_original": "Bundesgesetz über Waffen, Waffenzubehör und Munition",
    "title_en": "Federal Act on Weapons, Weapon Equipment and Ammunition",
    "kind": "act",
    "language": "de",
    "adopted": "1997-06-20",
    "in_force": "1999-01-01",
    "status": "in_force",
    "amended_by": "",
    "repealed_by": "",
    "official_url": "https://www.fedlex.admin.ch/eli/cc/1998/2535_2535_2535/de",
    "articles": "firearms art. 8(1); UNTOC art. 5",
    "provisions": "57/a; 18/e",
    "published": "yes",
    "text": "Art. 1\r\nZweck",
}


def problems(**cells: str) -> list[tuple[int, str, str]]:
    result = parse_row(7, {**GOOD, **cells}, KNOWN)
    assert isinstance(result, list), "the row was taken as good"
    return [(error.row, error.column, error.value) for error in result]


def test_a_good_row_becomes_a_clean_record():
    record = parse_row(2, GOOD, KNOWN)
    assert isinstance(record, LawRecord)
    assert (record.adopted, record.in_force, record.published) == (date(1997, 6, 20), date(1999, 1, 1), True)
    assert record.articles == (("UNTOC", "5"), ("FIREARMS", "8(1)"))  # codes as declared, in the instruments' order
    assert record.provisions == ("18/e", "57/a")
    assert record.text == "Art. 1\nZweck"
    assert legislation.write_articles(record.articles) == "UNTOC art. 5; FIREARMS art. 8(1)"


@pytest.mark.parametrize("value", ["1997-02-30", "20/06/1997", "1997-6-20", "yesterday"])
def test_a_bad_date_is_reported_in_its_column(value):
    assert problems(adopted=value) == [(7, "adopted", value)]


def test_entry_into_force_before_adoption():
    assert problems(in_force="1990-01-01") == [(7, "in_force", "1990-01-01")]


def test_an_unknown_state():
    assert problems(state="XYZ") == [(7, "state", "XYZ")]


@pytest.mark.parametrize(
    "cell", ["UNTOC art. 5; NOPE art. 3", "UNTOC art. 5; UNTOC art. 5", "UNTOC 5", "UNTOC art. 5(1)(A)", "UNTOC art. 0"]
)
def test_an_unknown_instrument_or_a_badly_written_article(cell):
    assert problems(articles=cell) == [(7, "articles", cell)]


@pytest.mark.parametrize("cell", ["57/a; 99/z", "57(a)", "57/a; 57/a"])
def test_an_unknown_or_badly_written_provision(cell):
    assert problems(provisions=cell) == [(7, "provisions", cell)]


def test_amended_without_the_amending_law():
    assert problems(status="amended") == [(7, "amended_by", "")]
    assert isinstance(parse_row(7, {**GOOD, "status": "amended", "amended_by": "SR-514.54-2008"}, KNOWN), LawRecord)


def test_repealed_without_the_repealing_law():
    assert problems(status="repealed") == [(7, "repealed_by", "")]


def test_a_law_cannot_amend_itself():
    assert problems(status="amended", amended_by="SR-514.54") == [(7, "amended_by", "SR-514.54")]


def test_codes_and_required_cells():
    assert problems(kind="statute", status="valid", language="deu", published="maybe", title_en="") == [
        (7, "title_en", ""),
        (7, "kind", "statute"),
        (7, "language", "deu"),
        (7, "status", "valid"),
        (7, "published", "maybe"),
    ]


def test_a_link_and_a_key():
    assert problems(official_url="javascript:alert(1)", key="-bad key") == [
        (7, "key", "-bad key"),
        (7, "official_url", "javascript:alert(1)"),
    ]


def test_the_rules_load_only_the_translation_machinery_of_django(loads_only_translation):
    loads_only_translation(["viennaplan.knowledge.legislation"])
