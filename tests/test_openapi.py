"""The OpenAPI document at /api/openapi.json says what the API really does: one name per shape,
one error body, 422 wherever input can be invalid, dates as YYYY-MM-DD only, and JSON for every
answer under /api/ (unknown paths and methods included)."""

from __future__ import annotations

import json
import types
import typing
from collections import defaultdict

import pytest
from ninja.params.models import ParamModel
from pydantic import BaseModel

from viennaplan.api import api
from viennaplan.api_shapes import ErrorOut

REF = "#/components/schemas/"


@pytest.fixture(scope="module")
def document() -> dict:
    return json.loads(json.dumps(api.get_openapi_schema()))  # as served: status codes are strings


def operations():
    """Every operation of the API, as ninja holds it (the document may have lost some shapes)."""
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            yield from path_view.operations


def shapes_in(annotation, found: set[type[BaseModel]]) -> None:
    """Every pydantic model an annotation reaches, through lists, unions and fields."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in found:
            return
        if not issubclass(annotation, ParamModel):  # ninja's wrappers of an operation's parameters
            found.add(annotation)
        for field in annotation.model_fields.values():
            shapes_in(field.annotation, found)
        return
    if isinstance(annotation, typing.TypeAliasType if hasattr(typing, "TypeAliasType") else ()):
        shapes_in(annotation.__value__, found)
    for argument in typing.get_args(annotation):
        shapes_in(argument, found)


def api_shapes() -> set[type[BaseModel]]:
    found: set[type[BaseModel]] = set()
    for operation in operations():
        for model in operation.response_models.values():
            if isinstance(model, type) and issubclass(model, BaseModel):
                shapes_in(model.model_fields["response"].annotation, found)
        for model in operation.models:
            shapes_in(model, found)
    return found


def by_name(shapes) -> dict[str, set[type]]:
    named: dict[str, set[type]] = defaultdict(set)
    for shape in shapes:
        named[shape.__name__].add(shape)
    return named


def test_no_two_shapes_of_the_api_share_a_schema_name(document):
    shared = {
        name: sorted(f"{shape.__module__}.{shape.__qualname__}" for shape in shapes)
        for name, shapes in by_name(api_shapes()).items()
        if len(shapes) > 1
    }
    assert shared == {}, "ninja keeps only one of the shapes named alike in the OpenAPI document"


def test_every_schema_of_the_document_is_a_shape_the_api_uses(document):
    names = set(by_name(api_shapes()))
    assert set(document["components"]["schemas"]) <= names


def test_the_walk_over_shapes_sees_every_shape_of_the_document(document):
    # guards the test above: a walk that found nothing would find no two shapes alike
    assert {"TreatyStatusOut", "ListStatusOut", "ReportingStatusOut", "ErrorOut", "ObjectiveOut"} <= set(
        by_name(api_shapes())
    )


def test_every_error_response_is_documented_with_the_one_error_body(document):
    wrong = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            for status, response in operation["responses"].items():
                if not status.startswith(("4", "5")):
                    continue
                schema = response["content"]["application/json"]["schema"]
                refs = [schema.get("$ref")] if "$ref" in schema else [s["$ref"] for s in schema.get("anyOf", [])]
                if not refs or not all(is_error_body(document, ref) for ref in refs):
                    wrong.append(f"{method.upper()} {path} {status}")
    assert wrong == []


def is_error_body(document: dict, ref: str) -> bool:
    schema = document["components"]["schemas"][ref.removeprefix(REF)]
    return {"detail", "errors"} <= set(schema.get("required", [])) and schema["properties"]["errors"]["type"] == "array"


def test_every_operation_documents_422_for_input_it_refuses(document):
    # every operation refuses text with a NUL character, in its path, its query or its body
    missing = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            if "422" not in operation["responses"]:
                missing.append(f"{method.upper()} {path}")
    assert missing == []


@pytest.mark.parametrize(
    "url",
    [
        "/api/countries/%00",
        "/api/plan/provisions?actor=un%00",
        "/api/plan/search?q=%00",
        "/api/reporting/progress/states/CH%00",
        "/api/reporting/cycles?anything=%00",
    ],
)
def test_text_with_a_nul_character_is_refused_before_it_reaches_the_database(client, db, url):
    response = client.get(url)
    assert response.status_code == 422
    assert "NUL character" in response.json()["errors"][0]


def test_a_body_with_a_nul_character_is_refused(client, secretariat):
    client.force_login(secretariat)
    cycle = {"name": "Review\u0000", "opens": "2002-01-01", "closes": "2002-12-31", "chapters": ["VI"]}
    response = client.post("/api/reporting/cycles", cycle, content_type="application/json")
    assert response.status_code == 422 and response.json()["errors"] == [
        "body: contains a NUL character (\\x00), which no text of the API may hold"
    ]


def test_an_operation_with_a_body_documents_400_for_one_that_is_not_json(document):
    missing = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            if "requestBody" in operation and "400" not in operation["responses"]:
                missing.append(f"{method.upper()} {path}")
    assert missing == []


def test_a_body_that_is_not_json_is_refused_saying_so(client, secretariat):
    client.force_login(secretariat)
    response = client.post("/api/treaties/actions", "{state: FRA", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0].startswith("body: not JSON (")


def test_the_error_body_requires_both_fields():
    schema = ErrorOut.model_json_schema(mode="serialization")
    assert set(schema["required"]) == {"detail", "errors"}


# -- what the API answers --------------------------------------------------------------------------


def test_a_validation_error_says_which_parameter_and_what_format(client, db):
    response = client.get("/api/treaties/UNTOC/status", {"as_of": "31/12/2002"})
    assert response.status_code == 422
    body = response.json()
    assert body["errors"] == ["query as_of: expected a date as YYYY-MM-DD, e.g. 2002-12-31; got '31/12/2002'"]
    assert body["detail"].startswith("The request is not valid: query as_of: expected a date as YYYY-MM-DD")


@pytest.mark.parametrize(
    "url",
    [
        "/api/countries?as_of=1700000000",
        "/api/countries/CHE?as_of=20020101",
        "/api/countries/resolve?name=Turkey&on=1000",
        "/api/treaties?as_of=1700000000",
        "/api/treaties/UNTOC/status?as_of=2002-12-31T00:00:00",
        "/api/treaties/ratification-targets?as_of=-5",
    ],
)
def test_a_number_or_a_timestamp_is_not_a_date(client, db, url):
    response = client.get(url)
    assert response.status_code == 422, response.content
    assert "expected a date as YYYY-MM-DD" in response.json()["errors"][0]


def test_a_date_in_a_body_is_a_date_too(client, secretariat):
    client.force_login(secretariat)
    action = {"state": "FRA", "instrument": "UNTOC", "action": "signature", "date": 1008028800}
    response = client.post("/api/treaties/actions", action, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == ["body date: expected a date as YYYY-MM-DD, e.g. 2002-12-31; got 1008028800"]


def test_several_problems_are_each_listed(client, db):
    response = client.get("/api/plan/provisions", {"scope": "everywhere", "paragraph": "fifty"})
    assert response.status_code == 422
    assert [error.split(":")[0] for error in response.json()["errors"]] == ["query scope", "query paragraph"]


@pytest.mark.parametrize("url", ["/api/nothing", "/api/plan/provisions/%0A", "/api/plan/chapters/I/more", "/api/"])
def test_a_path_under_api_that_is_no_operation_answers_a_json_404(client, db, url):
    response = client.get(url)
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")
    assert response.json()["detail"].startswith("There is no API operation at") and response.json()["errors"] == []


def test_a_method_a_path_does_not_take_answers_a_json_405(client, db):
    response = client.delete("/api/plan/chapters")
    assert response.status_code == 405 and response["Allow"] == "GET"
    assert response.json() == {"detail": "/api/plan/chapters does not take DELETE; it takes GET.", "errors": []}


def test_a_refusal_raised_in_an_operation_has_the_one_error_body(client, db):
    response = client.get("/api/plan/notes/99")
    assert response.status_code == 404 and set(response.json()) == {"detail", "errors"}


def test_signing_in_is_asked_for_in_the_one_error_body(client, db):
    response = client.post("/api/reporting/cycles", {}, content_type="application/json")
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Sign in first: this operation needs a session (the sessionid cookie) and the CSRF token.",
        "errors": [],
    }


def test_the_api_document_itself_is_served(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200 and response.json()["info"]["title"] == "viennaplan API"


def test_the_shape_walk_reaches_through_unions():
    class Inner(BaseModel):
        x: int

    class Outer(BaseModel):
        inner: list[Inner] | None

    found: set[type[BaseModel]] = set()
    shapes_in(Outer, found)
    assert found == {Outer, Inner}
    assert types.NoneType not in found
