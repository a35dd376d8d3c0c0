"""No path leaks a small count. Every URL of the collection's urls.py and every operation of its API
router — enumerated from the code, so a new path is covered as soon as it exists — is read as the
public, a focal point, a reviewer and the Secretariat, with and without filters, beside the search
documents, the search index and the panels; no count from 1 to 4 may appear:

- JSON: every figure ({"value", "suppressed", "shown"}) has a value of 0, 5 or more, or null; any other
  whole number is only where a count of victims cannot be (ALLOWED_NUMBERS: pages, years, flows);
- HTML: every shown count (`data-count`) is 0 or 5 or more, and no element holds a number 1 to 4 alone
  (but the number of flows of an aggregate row, `data-flows`);
- CSV: every count column holds 0, 5 or more, or the words shown;
- search documents, index entries and panel lines: no number 1 to 4 standing alone.

The last test turns suppression off and proves the walk then finds leaks in every channel."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.urls import reverse
from trafficking_sample import HEADER, flows_file

from viennaplan.knowledge.trafficking import api as trafficking_api
from viennaplan.knowledge.trafficking import collection, queries, rules, suppression
from viennaplan.knowledge.trafficking import urls as trafficking_urls
from viennaplan.knowledge.trafficking.flows_csv import import_flows
from viennaplan.knowledge.trafficking.models import Flow

pytestmark = pytest.mark.django_db

# Small counts in many shapes: several small cells, one small cell beside a 5, a small total, sums.
MORE = (
    "L-BGR-DEU,BGR,DEU,,2021,2021,sexual_exploitation,2,1,0,4,30,0,0,0,0,37,SYNTHETIC Report,,Police,46/b,yes",
    "L-ALB-ITA,ALB,ITA,GRC,2021,2022,forced_labour,0,5,0,0,1,0,0,0,0,6,SYNTHETIC Report,,Police,46/d,yes",
    "L-VNM-GBR,VNM,GBR,,2022,2022,forced_criminality,0,0,0,0,0,0,0,0,4,4,SYNTHETIC Report,,Police,46/b,yes",
    "L-NGA-ITA,NGA,ITA,,2021,2021,sexual_exploitation,0,9,0,0,0,0,0,0,2,11,SYNTHETIC Report,,Police,46/b,no",
)
SAMPLES = {"key": ["F-NGA-CHE", "F-MMR-THA", "F-THA-CHE", "L-BGR-DEU", "L-ALB-ITA", "L-VNM-GBR", "L-NGA-ITA"]}
SAMPLES["dimension"] = list(queries.DIMENSIONS)
QUERIES = ["", "destination=ITA", "destination=THA", "origin=NGA", "form=forced_labour", "year=2022", "region=Asia"]
ALLOWED_NUMBERS = {"count", "page", "pages", "per_page", "flows", "year_from", "year_to"}
SMALL = set(range(1, suppression.THRESHOLD))
ALONE = re.compile(r"(?<![\w./–-])[1-4](?![\w./–-])")


@pytest.fixture
def flows(imported_plan):
    import_flows(flows_file(), source_name="flows.csv")
    extra = HEADER + "\n" + "\n".join(MORE) + "\n"
    import_flows(extra.encode(), source_name="more.csv")


def combinations(names: list[str]) -> list[dict[str, str]]:
    """Every assignment of sample values to the parameters `names`."""
    found: list[dict[str, str]] = [{}]
    for name in names:
        assert name in SAMPLES, f"no sample values for the path parameter {name!r}: add them to SAMPLES"
        found = [{**given, name: value} for given in found for value in SAMPLES[name]]
    return found


def page_urls() -> list[str]:
    found = []
    for pattern in trafficking_urls.urlpatterns:
        names = list(pattern.pattern.regex.groupindex)
        name = f"knowledge:{trafficking_urls.app_name}:{pattern.name}"
        found += [reverse(name, kwargs=kwargs) for kwargs in combinations(names)]
    return found


def api_urls() -> list[str]:
    found = []
    for path, view in trafficking_api.router.path_operations.items():
        assert all(set(operation.methods) <= {"GET"} for operation in view.operations), "a writing operation"
        for kwargs in combinations(re.findall(r"{(\w+)}", path)):
            url = path
            for name, value in kwargs.items():
                url = url.replace(f"{{{name}}}", value)
            found.append("/api/knowledge" + url)
    return found


def json_leaks(value, where: str, key: str = "") -> list[str]:
    if isinstance(value, dict):
        if set(value) == {"value", "suppressed", "shown"}:
            shown = value["value"]
            if shown in SMALL or (value["suppressed"] and shown is not None) or ALONE.search(value["shown"]):
                return [f"{where}: {value}"]
            return []
        return [leak for name, item in value.items() for leak in json_leaks(item, where, name)]
    if isinstance(value, list):
        return [leak for item in value for leak in json_leaks(item, where, key)]
    if isinstance(value, bool) or not isinstance(value, int):
        return [f"{where}: {key}={value!r}"] if isinstance(value, str) and key in rules.CELLS else []
    if key not in ALLOWED_NUMBERS:
        return [f"{where}: {key}={value} is a number outside a figure"]
    return []


def html_leaks(html: str, where: str) -> list[str]:
    leaks = [f"{where}: shown count {n}" for n in re.findall(r"data-count>(\d+)<", html) if int(n) in SMALL]
    html = re.sub(r"<td data-flows>\d+</td>", "", html)
    leaks += [f"{where}: element holding {n}" for n in re.findall(r">\s*(\d+)\s*<", html) if int(n) in SMALL]
    return leaks


def csv_leaks(text: str, where: str) -> list[str]:
    leaks = []
    for row in csv.DictReader(io.StringIO(text)):
        for column in (*rules.CELLS, "total"):
            if row[column].isdigit() and int(row[column]) in SMALL:
                leaks.append(f"{where}: {row['key']} {column}={row[column]}")
    return leaks


def text_leaks(text: str, where: str) -> list[str]:
    return [f"{where}: {text!r}"] if ALONE.search(text) else []


def walk(client_as, users) -> list[str]:
    from viennaplan.knowledge.models import SearchEntry

    leaks: list[str] = []
    for user in users:
        client = client_as(user)
        for url in page_urls():
            for query in QUERIES:
                response = client.get(f"{url}?{query}" if query else url)
                assert response.status_code in (200, 404), (url, response.status_code)
                if response.status_code != 200:
                    continue
                body = response.content.decode()
                if response["Content-Type"].startswith("text/csv"):
                    leaks += csv_leaks(body, url)
                else:
                    leaks += html_leaks(body, f"{url}?{query}")
        for url in api_urls():
            for query in QUERIES:
                response = client.get(f"{url}?{query}" if query else url)
                assert response.status_code in (200, 404), (url, response.status_code)
                leaks += json_leaks(json.loads(response.content), f"{url}?{query}")
        for alpha3 in ("CHE", "THA", "ITA", "DEU", "GBR", "NGA", "ALB", "GRC"):
            leaks += [leak for line in collection.for_state(alpha3, user) for leak in text_leaks(str(line), alpha3)]
        for line in collection.for_provisions(["46/b", "46/d"], user):
            leaks += text_leaks(str(line), "46/b")
    for document in collection.documents(None):
        leaks += text_leaks(document.title + " " + document.text, document.url)
    for title, text in SearchEntry.objects.filter(collection="trafficking").values_list("title", "text"):
        leaks += text_leaks(title + " " + text, "index")
    return leaks


def test_every_path_is_enumerated(flows):
    pages, apis = page_urls(), api_urls()
    assert "/knowledge/trafficking" in pages and "/knowledge/trafficking.csv" in pages
    assert "/knowledge/trafficking/by/sex-age" in pages and "/knowledge/trafficking/L-BGR-DEU" in pages
    assert "/api/knowledge/trafficking/by/destination" in apis and "/api/knowledge/trafficking/F-MMR-THA" in apis
    assert len(pages) == 2 + len(queries.DIMENSIONS) + len(SAMPLES["key"])


def test_no_path_leaks_a_small_count(client_as, anonymous, focal_point_a, reviewer, secretariat, flows):
    assert Flow.objects.filter(total__in=SMALL).exists() and Flow.objects.filter(female_child=2).exists()
    assert walk(client_as, [anonymous, focal_point_a, reviewer, secretariat]) == []


def test_the_walk_finds_the_leaks_when_suppression_is_off(client_as, anonymous, flows, monkeypatch):
    monkeypatch.setattr(suppression, "count", suppression.shown)
    leaks = walk(client_as, [anonymous])
    for channel in (
        "/knowledge/trafficking?",
        "/knowledge/trafficking.csv",
        "/api/knowledge/trafficking",
        "THA",
        "46/b",
    ):
        assert any(leak.startswith(channel) for leak in leaks), channel
