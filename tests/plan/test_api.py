"""The plan's JSON API under /api/plan: every endpoint, its shape, its filters and its 404s."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sample_plan import revised, sample_document, store_sample

from viennaplan.plan.document import PARAGRAPH_KINDS
from viennaplan.plan.schemas import Kind


@pytest.fixture
def sample_version(db):
    return store_sample()


def get(client, url: str, status: int = 200, **params):
    """The JSON answer of GET url?params, after checking its status."""
    response = client.get(url, params)
    assert response.status_code == status, response.content[:500]
    return response.json()


def download(client, url: str, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return response


def paths(items) -> list[str]:
    return [item["path"] for item in items]


def test_the_plan_endpoint_gives_the_current_version_its_counts_and_all_versions(without_plan, client, sample_version):
    second = store_sample(revised(sample_document()))
    data = get(client, "/api/plan")
    assert data["version"]["id"] == second.pk and data["version"]["current"] is True
    assert data["version"]["symbol"] == "E/CN.15/2001/4" and data["version"]["date"] == "2001-03-27"
    assert data["counts"] == {
        "chapters": 2,
        "objectives": 2,
        "paragraphs": 3,
        "provisions": 8,
        "notes": 3,
        "deadlines": 2,
    }
    assert [v["id"] for v in data["versions"]] == [second.pk, sample_version.pk]
    assert data["summary"][0].startswith("The present draft")


def test_every_endpoint_takes_a_version_parameter(client, sample_version):
    store_sample(revised(sample_document()))
    data = get(client, "/api/plan", version=sample_version.pk)
    assert data["version"]["id"] == sample_version.pk and data["version"]["current"] is False
    assert "59/c" in paths(get(client, "/api/plan/provisions", version=sample_version.pk))
    assert "59/c" not in paths(get(client, "/api/plan/provisions"))
    item = get(client, "/api/plan/provisions/59/c", version=sample_version.pk)
    assert item["version"] == sample_version.pk
    assert item["api_url"] == f"/api/plan/provisions/59/c?version={sample_version.pk}"
    assert item["url"] == f"/plan/59/c?version={sample_version.pk}"


def test_an_unknown_version_is_a_404_that_says_where_to_look(client, sample_version):
    data = get(client, "/api/plan/chapters", 404, version=9999)
    assert "no plan version 9999" in data["detail"] and "/api/plan" in data["detail"]


def test_before_any_import_the_api_says_to_run_the_import(without_plan, client):
    data = get(client, "/api/plan", 404)
    assert "viennaplan plan import" in data["detail"]


def test_a_version_that_is_not_a_number_is_a_422(client, sample_version):
    get(client, "/api/plan/notes", 422, version="latest")


def test_chapters_list_their_numbers_titles_and_paragraph_ranges(client, sample_version):
    data = get(client, "/api/plan/chapters")
    assert [c["number"] for c in data] == ["I", "VI"]
    vi = data[1]
    assert (vi["first_paragraph"], vi["last_paragraph"], vi["page"], vi["objectives"]) == (57, 59, 15, 2)
    assert vi["api_url"] == "/api/plan/chapters/VI" and vi["url"] == "/plan/chapter/VI"


def test_a_chapter_comes_with_its_objectives_and_paragraphs(client, sample_version):
    data = get(client, "/api/plan/chapters/VI")
    assert data["title"].startswith("Action against the illicit manufacturing")
    assert [o["number"] for o in data["objectives"]] == [1, 2]
    assert data["objectives"][0]["notes"] == [31]
    assert paths(data["paragraphs"]) == ["57", "59"]
    assert data["paragraphs"][1]["actor"] == "cicp"
    assert data["notes"] == [31]
    assert get(client, "/api/plan/chapters/vi")["number"] == "VI"


def test_an_unknown_chapter_is_a_404_naming_the_chapters(client, sample_version):
    data = get(client, "/api/plan/chapters/XX", 404)
    assert "no chapter 'XX'" in data["detail"] and "I, VI" in data["detail"]


def test_provisions_list_every_provision_in_document_order(client, sample_version):
    data = get(client, "/api/plan/provisions")
    assert paths(data) == ["1", "57", "57/a", "57/k", "57/k/i", "57/k/ii", "59", "59/c", "59/f"]
    first = data[0]
    assert set(first) >= {"path", "citation", "paragraph", "label", "depth", "chapter", "kind", "text", "actor"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"chapter": "I"}, ["1"]),
        ({"chapter": "vi", "kind": "international_action"}, ["59", "59/c", "59/f"]),
        ({"kind": "background"}, ["1"]),
        ({"scope": "national"}, ["57", "57/a", "57/k", "57/k/i", "57/k/ii"]),
        ({"scope": "international"}, ["59", "59/c", "59/f"]),
        ({"actor": "cicp"}, ["59", "59/c", "59/f"]),
        ({"actor": "nobody"}, []),
        ({"paragraph": 57, "scope": "national"}, ["57", "57/a", "57/k", "57/k/i", "57/k/ii"]),
        ({"paragraph": 58}, []),
    ],
)
def test_provisions_can_be_filtered(client, sample_version, params, expected):
    assert paths(get(client, "/api/plan/provisions", **params)) == expected


@pytest.mark.parametrize(
    "params",
    [{"scope": "everywhere"}, {"kind": "treaty"}, {"chapter": "6"}, {"paragraph": "fifty"}, {"paragraph": 0}],
)
def test_malformed_provision_filters_are_a_422(client, sample_version, params):
    data = get(client, "/api/plan/provisions", 422, **params)
    assert data["detail"]


def test_the_kind_filter_accepts_exactly_the_kinds_of_the_document():
    assert Kind.__args__ == PARAGRAPH_KINDS


def test_a_provision_comes_with_everything_a_reader_needs(client, sample_version):
    data = get(client, "/api/plan/provisions/59/c")
    assert data["citation"] == "59(c)" and data["label"] == "c" and data["depth"] == 1
    assert data["parent"]["path"] == "59"
    assert data["actor"] == "cicp" and data["actor_detail"]["name"] == "Centre for International Crime Prevention"
    assert [p["code"] for p in data["partners"]] == ["member_states"]
    assert data["subject_to_resources"] is True and data["upon_request"] is True
    assert data["deadlines"] == [
        {"text": "before the end of 2002", "start": None, "end": "2002-12-31", "precision": "year", "note": ""}
    ]
    assert [o["number"] for o in data["objectives"]] == [2]
    assert data["source_lines"] == [546, 547]
    assert [c["label"] for c in data["breadcrumbs"]] == ["Plan", data["breadcrumbs"][1]["label"], "59", "59(c)"]
    assert data["breadcrumbs"][1]["label"].startswith("VI. Action against")
    assert data["cite"] == (
        "Draft Plans of Action for the implementation of the Vienna Declaration on Crime and Justice "
        "(27 March 2001), E/CN.15/2001/4, para. 59(c)"
    )


def test_a_provision_lists_its_children_notes_and_references(client, sample_version):
    data = get(client, "/api/plan/provisions/57/k")
    assert paths(data["children"]) == ["57/k/i", "57/k/ii"]
    assert data["full_text"].startswith("The gathering") and "(ii) Related offences" in data["full_text"]
    paragraph = get(client, "/api/plan/provisions/59")
    assert [n["number"] for n in paragraph["notes"]] == [33]
    assert paragraph["notes"][0]["api_url"] == "/api/plan/notes/33"
    one = get(client, "/api/plan/provisions/1")
    assert one["references"] == [
        {"kind": "resolution", "text": "resolution 55/59", "target": "A/RES/55/59", "start": 40, "end": 56}
    ]


def test_a_sub_item_is_found_by_its_path_or_its_citation(client, sample_version):
    assert get(client, "/api/plan/provisions/57/k/ii")["citation"] == "57(k)(ii)"
    assert get(client, "/api/plan/provisions/57(k)(ii)")["path"] == "57/k/ii"
    assert get(client, "/api/plan/provisions/57/K/II/")["path"] == "57/k/ii"


@pytest.mark.parametrize("path", ["57/k/xx", "58", "999", "57/k/ii/a", "abc"])
def test_an_unknown_provision_is_a_404_with_a_clear_message(client, sample_version, path):
    data = get(client, f"/api/plan/provisions/{path}", 404)
    assert f"no provision '{path}'" in data["detail"] and "57/k/ii" in data["detail"]


def test_notes_are_listed_by_number(client, sample_version):
    data = get(client, "/api/plan/notes")
    assert [n["number"] for n in data] == [1, 31, 33]
    assert data[1]["text"].startswith("General Assembly resolution 55/255")
    assert data[1]["url"] == "/plan/notes/31"


def test_a_note_says_what_cites_it(client, sample_version):
    data = get(client, "/api/plan/notes/31")
    assert data["chapters"] == ["VI"] and data["objectives"] == ["VI objective 1"]
    assert get(client, "/api/plan/notes/33")["provisions"][0]["citation"] == "59"


def test_an_unknown_note_is_a_404_and_a_malformed_one_a_422(client, sample_version):
    assert "no note 99" in get(client, "/api/plan/notes/99", 404)["detail"]
    get(client, "/api/plan/notes/first", 422)


def test_deadlines_are_sorted_by_end_date(client, sample_version):
    data = get(client, "/api/plan/deadlines")
    assert [d["end"] for d in data] == ["2001-12-31", "2002-12-31", "2005-12-31"]
    assert [d["provision"]["citation"] for d in data] == ["59(f)", "59(c)", "59(f)"]
    assert data[0]["chapter"] == "VI" and data[0]["kind"] == "international_action"


def test_search_finds_markings_with_marked_snippets(client, sample_version):
    data = get(client, "/api/plan/search", q="markings")
    assert {"57(k)(ii)", "59(f)"} <= {hit["citation"] for hit in data}
    assert all("<mark>" in hit["snippet"] for hit in data)
    assert set(data[0]) == {"path", "citation", "chapter", "kind", "snippet", "rank", "api_url", "url"}


def test_search_takes_the_same_filters_as_the_pages(client, sample_version):
    assert [h["citation"] for h in get(client, "/api/plan/search", q="markings", scope="national")] == ["57(k)(ii)"]
    assert [h["citation"] for h in get(client, "/api/plan/search", q="markings", actor="cicp")] == ["59(f)"]
    assert get(client, "/api/plan/search", q="markings", chapter="I") == []
    assert len(get(client, "/api/plan/search", q="markings", limit=1)) == 1


@pytest.mark.parametrize("q", ["", '"', "((", "*", "OR AND NOT", "<script>"])
def test_search_answers_odd_queries_without_error(client, sample_version, q):
    assert isinstance(get(client, "/api/plan/search", q=q), list)


def test_bad_search_parameters_are_a_422(client, sample_version):
    get(client, "/api/plan/search", 422, q="markings", scope="galactic")
    get(client, "/api/plan/search", 422, q="markings", limit=0)
    get(client, "/api/plan/search", 422, q="x" * 301)


def test_the_json_download_is_the_stored_plan_as_an_attachment(client, sample_version):
    response = download(client, "/api/plan/export.json")
    assert response["Content-Disposition"] == f'attachment; filename="plans-of-action-v{sample_version.pk}.json"'
    data = json.loads(response.content)
    assert data["plan"]["checksum"] == sample_version.checksum
    assert [p["number"] for p in data["paragraphs"]] == [1, 57, 59]


def test_the_csv_download_has_one_row_per_provision(client, sample_version):
    response = download(client, "/api/plan/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [row["citation"] for row in rows][:3] == ["1", "57", "57(a)"] and len(rows) == 9


def test_the_akn_download_is_valid_akoma_ntoso(client, imported_plan):
    from viennaplan.plan.exports.akn import validate_akn

    response = download(client, "/api/plan/export.akn")
    assert response["Content-Disposition"].endswith('-akn.xml"')
    assert validate_akn(response.content) == []


def test_downloads_of_an_unknown_version_are_a_404(client, sample_version):
    get(client, "/api/plan/export.csv", 404, version=4242)


def test_the_official_plan_answers_markings_and_its_provision_pages(client, imported_plan):
    found = {hit["citation"] for hit in get(client, "/api/plan/search", q="markings")}
    assert {"57(k)(ii)", "59(f)"} <= found
    item = get(client, "/api/plan/provisions/57/k/ii")
    assert "tampering with firearm markings" in item["text"]
    assert len(get(client, "/api/plan/chapters")) == 12


def test_the_openapi_document_names_every_operation_with_a_stable_id(client, db):
    spec = get(client, "/api/openapi.json")
    ids = {
        operation["operationId"]
        for path, item in spec["paths"].items()
        if path.startswith("/api/plan")
        for operation in item.values()
    }
    assert ids == {
        "plan_get",
        "plan_list_chapters",
        "plan_get_chapter",
        "plan_list_provisions",
        "plan_get_provision",
        "plan_list_notes",
        "plan_get_note",
        "plan_list_deadlines",
        "plan_search",
        "plan_export_json",
        "plan_export_csv",
        "plan_export_akn",
    }


def test_the_api_has_no_write_endpoints(client, db):
    spec = get(client, "/api/openapi.json")
    methods = {method for path, item in spec["paths"].items() if path.startswith("/api/plan") for method in item}
    assert methods == {"get"}
