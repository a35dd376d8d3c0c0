"""The indicators JSON API (indicators/api.py): the catalogue, one indicator, its observations with
the page's filters (bad ones refused with 422 {detail, errors}), and the CSV download that the
import reads back as "nothing changed"."""

from __future__ import annotations

import pytest

from viennaplan.indicators.importer import import_observations
from viennaplan.indicators.models import Observation

pytestmark = pytest.mark.django_db

ROOT = "/api/indicators"


def test_the_catalogue_and_one_indicator(client, imported_plan, observations):
    catalogue = client.get(ROOT).json()
    convicted = next(item for item in catalogue if item["code"] == "tip_persons_convicted")
    assert convicted["coverage"] == {"states": 4, "years": 3, "first_year": 2004, "last_year": 2006, "values": 6}
    assert convicted["measures"][0] == {"citation": "35(a)", "url": "/plan/35/a", "in_current_plan": True}
    assert convicted["url"] == "/indicators/tip_persons_convicted"

    one = client.get(f"{ROOT}/tip_persons_convicted").json()
    assert one["dimensions"] == {"sex": ["female", "male"], "citizenship": ["national", "foreign"]}
    assert one["disaggregations"] == [{"key": "", "label": "Total"}, {"key": "sex=female", "label": "Sex: female"}]
    (source,) = one["sources"]
    assert source["file"] == "trafficking_glotip.csv" and source["values"] == 6
    assert source["publisher"] == "UNODC Global Report on Trafficking in Persons data, file of 30 May 2023"


def test_observations_keep_lt5_as_published_never_a_number(client, observations):
    body = client.get(f"{ROOT}/tip_persons_convicted/observations?state=AUT").json()
    assert body["count"] == 2 and body["disaggregation"] == ""
    suppressed = next(o for o in body["observations"] if o["year"] == 2005)
    assert suppressed["value"] == "<5" and suppressed["number"] is None and suppressed["suppressed_below"] == 5
    assert suppressed["flags"] == ["provisional"] and suppressed["name"] == "Austria"
    every = client.get(f"{ROOT}/tip_persons_convicted/observations?disaggregation=all").json()
    assert every["count"] == 6 and {"sex": "female"} in [o["disaggregation"] for o in every["observations"]]


@pytest.mark.parametrize("query", ["state=AUT", "disaggregation=all", "region=Europe&year_from=2005", "year_from=2030"])
def test_observations_json_is_the_schemas(client, observations, query):
    """The observations are sent as built (api_shapes.as_is, not checked again by ninja): what is sent is
    what the declared schema would have made of it, to the letter."""
    from viennaplan.indicators.schemas import ObservationListOut

    body = client.get(f"{ROOT}/tip_persons_convicted/observations?{query}").json()
    assert ObservationListOut.model_validate(body).model_dump(mode="json") == body
    assert body["count"] == len(body["observations"])


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("year_from=20x5", "query year_from: Input should be a valid integer"),
        ("year_from=1800", "query year_from: Input should be greater than or equal to 1900"),
        ("year_from=2010&year_to=2001", "year_from 2010 is after year_to 2001"),
        ("group=weog", "group='weog' is no UN regional group"),
        ("state=XYZ", "state='XYZ' is no State"),
        ("disaggregation=sex%3Drobot", "is not one of this indicator"),
        ("format=xlsx", "query format"),
    ],
)
def test_bad_filters_answer_422_with_the_reason(client, observations, query, words):
    response = client.get(f"{ROOT}/tip_persons_convicted/observations?{query}")
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail", "errors"} and words in body["detail"] and body["errors"]


def test_an_unknown_indicator_answers_404(client, db):
    response = client.get(f"{ROOT}/no_such_thing/observations")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "There is no indicator 'no_such_thing'; the catalogue at /indicators/ lists them.",
        "errors": [],
    }
    assert client.get(f"{ROOT}/no_such_thing").status_code == 404


def test_the_csv_download_is_what_the_import_reads_and_changes_nothing(client, observations):
    Observation.objects.filter(state_id="NGA").update(source="=HYPERLINK(1)", note="+note")  # formula-like cells
    stored = Observation.objects.filter(indicator__code="tip_persons_convicted").count()
    response = client.get(f"{ROOT}/tip_persons_convicted/observations?disaggregation=all&format=csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode()
    assert text.splitlines()[0] == "country,iso3,year,indicator,value,unit,source,note,flags,sex,citizenship"
    assert "Austria,AUT,2005,tip_persons_convicted,<5,persons," in text and ",provisional,," in text
    assert "Austria,AUT,2005,tip_persons_convicted,3,persons," in text and ",,,female," in text
    assert "'=HYPERLINK(1),'+note" in text  # spreadsheet-safe
    outcome = import_observations(response.content, source_name="export.csv")
    assert (outcome.created, outcome.on_file) == (0, stored)
    assert Observation.objects.count() == stored + 2  # the two homicide rates


def test_the_filtered_csv_has_the_rows_of_the_json(client, observations):
    query = "year_from=2005&group=western_european_others"
    rows = client.get(f"{ROOT}/tip_persons_convicted/observations?{query}").json()["observations"]
    lines = client.get(f"{ROOT}/tip_persons_convicted/observations?{query}&format=csv").content.decode().splitlines()
    assert [line.split(",")[1:5:3] for line in lines[1:]] == [[o["state"], o["value"]] for o in rows]


def test_the_filter_choices_are_kept_for_the_directory_they_came_from():
    from django.utils import translation

    from viennaplan.countries.registry import state_directory
    from viennaplan.indicators.queries import filter_choices

    english = state_directory("en")
    kept = filter_choices(english)
    assert kept["regions"] and filter_choices(english) is kept
    french = filter_choices(state_directory("fr"))
    assert french is not kept
    with translation.override("fr"):  # the groups' names are in the reader's language
        assert str(dict(kept["groups"])["african"]) != "African States"
