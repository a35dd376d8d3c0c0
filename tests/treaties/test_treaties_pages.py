"""Treaty status pages: instruments, one instrument, a State's panel. Data are synthetic. (The plan's
ratification objectives, /treaties/targets and the chapter pages' panel, are tested in
tests/monitoring/test_ratification_targets.py.)"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from viennaplan.treaties.importer import import_status_list

SMALL = Path(__file__).parent / "data" / "synthetic_small.csv"
NO_DATA = "No status list has been imported yet"


@pytest.fixture
def imported(db):
    import_status_list(SMALL.read_bytes(), source_name=SMALL.name)


def text_of(response) -> str:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return unescape(" ".join(re.sub(r"<[^>]+>", " ", html).split()))


def fact(response, label: str) -> str:
    """The value of one of the page's facts (<dt>label</dt><dd>value</dd>)."""
    match = re.search(rf"<dt>{label}</dt><dd>(.*?)</dd>", response.content.decode(), flags=re.S)
    assert match, f"no fact {label!r}"
    return " ".join(re.sub(r"<[^>]+>", " ", match[1]).split())


def json_twin(response) -> str:
    match = re.search(r'<a class="json-link" href="([^"]+)"', response.content.decode())
    assert match, "no JSON twin link"
    return match[1].replace("&amp;", "&")


# Without data the pages say so


def test_the_instruments_page_says_plainly_that_no_list_is_imported(client, db):
    response = client.get("/treaties/")
    assert response.status_code == 200
    text = text_of(response)
    assert NO_DATA in text and "viennaplan treaties import FILE.csv" in text
    assert "Signatories" not in text  # no zeros shown as if they were facts
    assert "29 Sep 2003 (official)" in text


def test_an_instrument_page_without_data_shows_its_rules_but_no_counts_or_chart(client, db):
    response = client.get("/treaties/UNTOC")
    text = text_of(response)
    assert NO_DATA in text
    assert "It enters into force on the 90th day after the deposit of the 40th instrument of consent" in text
    assert "<svg" not in response.content.decode() and "Parties" not in text


def test_a_state_panel_without_data_says_so(client, db):
    assert NO_DATA in text_of(client.get("/treaties/states/CHE"))


# The instruments


def test_the_instruments_page_lists_the_plans_instruments_first_with_their_counts(client, imported):
    response = client.get("/treaties/?as_of=2007-01-01")
    body = response.content.decode()
    assert response.status_code == 200
    first, later = 'href="/treaties/UNTOC?as_of=2007-01-01"', 'href="/treaties/DRUGS1988?as_of=2007-01-01"'
    assert body.index(first) < body.index(later)
    assert json_twin(response) == "/api/treaties?as_of=2007-01-01"
    assert NO_DATA not in text_of(response)


def test_an_instrument_page_explains_its_rules_status_chart_and_states(client, imported):
    response = client.get("/treaties/UNTOC?as_of=2007-01-01")
    assert response.status_code == 200
    text = text_of(response)
    assert "United Nations Convention against Transnational Organized Crime" in text
    assert "on the 30th day after its deposit (art. 38(2))" in text
    assert fact(response, "Signatories") == "6" and fact(response, "Parties") == "7"
    assert fact(response, "Entry into force").startswith("29 September 2003")
    body = response.content.decode()
    assert body.count("<svg") == 1 and 'role="img"' in body
    figures = re.search(r'<table class="numbers chart-data">(.*?)</table>', body, flags=re.S)
    assert figures, "the chart's figures are under it"
    last = re.findall(r"<tr><th scope=\"row\">([^<]+)</th>(.*?)</tr>", figures[1], flags=re.S)[-1]
    assert last[0] == "1 January 2007"
    assert [int(n) for n in re.findall(r">(\d+)</td>", last[1])][-1] == 7  # the parties, as in the facts
    switzerland = re.search(r'<tr class="standing-party">\s*<th scope="row"><a href="/treaties/states/CHE[^"]*">'
                            r"Switzerland</a></th>(.*?)</tr>", body, flags=re.S)  # fmt: skip
    assert switzerland
    row = " ".join(re.sub(r"<[^>]+>", " ", switzerland[1]).split())
    assert row.startswith("12 Dec 2000 27 Oct 2006 ratification 26 Nov 2006")
    assert "30th day after deposit" in row


def test_the_as_of_selector_moves_the_counts(client, imported):
    then = client.get("/treaties/UNTOC?as_of=2002-12-31")
    now = client.get("/treaties/UNTOC?as_of=2007-01-01")
    assert (fact(then, "Signatories"), fact(then, "Parties")) == ("6", "0")
    assert (fact(now, "Signatories"), fact(now, "Parties")) == ("6", "7")
    assert fact(then, "Entry into force").startswith("will enter into force on 29 September 2003")
    assert 'value="2002-12-31"' in then.content.decode()


def test_the_states_table_is_filtered_and_its_json_twin_has_the_same_filters(client, imported):
    response = client.get("/treaties/UNTOC?as_of=2007-01-01&status=signatory")
    text = text_of(response)
    table = text.split("Why", 1)[1]
    assert "1 State " in text and "Côte d'Ivoire" in table and "Switzerland" not in table
    assert json_twin(response) == "/api/treaties/UNTOC/states?as_of=2007-01-01&status=signatory"
    europe = client.get("/treaties/UNTOC?as_of=2007-01-01&status=party&region=Europe&group=western_european_others")
    assert "2 States" in text_of(europe)


def test_an_instrument_code_in_lower_case_redirects_to_the_stable_url(client, db):
    response = client.get("/treaties/untoc?as_of=2002-12-31")
    assert response.status_code == 301 and response["Location"] == "/treaties/UNTOC?as_of=2002-12-31"


def test_an_unknown_instrument_is_404_and_names_the_known_ones(client, db):
    response = client.get("/treaties/UNTOX")
    assert response.status_code == 404
    assert "There is no instrument UNTOX. Instruments are UNTOC, TIP" in text_of(response)


def test_a_malformed_as_of_is_a_400_that_says_how_to_write_it(client, db):
    response = client.get("/treaties/UNTOC?as_of=31-12-2002")
    assert response.status_code == 400
    assert "write it as YYYY-MM-DD" in text_of(response)


# A State's panel


def test_a_states_panel_shows_each_instrument_its_status_and_why(client, imported):
    response = client.get("/treaties/states/CHE?as_of=2007-01-01")
    assert response.status_code == 200
    text = text_of(response)
    assert "Switzerland: treaty status" in text and "Western European and other States" in text
    assert "UNTOC Organized Crime Convention Party 12 Dec 2000 27 Oct 2006 ratification 26 Nov 2006" in text
    assert json_twin(response) == "/api/treaties/states/CHE?as_of=2007-01-01"


def test_a_state_code_in_lower_case_redirects_and_an_unknown_one_is_404(client, db):
    assert client.get("/treaties/states/che")["Location"] == "/treaties/states/CHE"
    assert client.get("/treaties/states/XXX").status_code == 404


def test_in_french_the_kinds_of_consent_regions_and_the_rules_source_read_so(client, imported):
    """Issue 11: codes shown to readers are words of their language; the depositary's English
    (the rules' source, the adopting resolution) is marked English."""
    html = client.get("/treaties/UNTOC?lang=fr").content.decode()
    kinds = set(re.findall(r'<span class="muted">([^<]+)</span></td>', html))
    french_kinds = {"ratification", "acceptation", "approbation", "adhésion", "succession", "signature"}
    assert kinds and kinds <= french_kinds, kinds
    assert "adhésion" in kinds or "approbation" in kinds
    assert '<span lang="en" dir="ltr">General Assembly resolution' in html
    state = client.get("/treaties/states/CHE?lang=fr").content.decode()
    assert " · Europe" in state  # the region (the same word in French)
    algeria = client.get("/treaties/states/DZA?lang=fr").content.decode()
    assert " · Afrique" in algeria and '<span lang="en" dir="ltr">Northern Africa</span>' in algeria
