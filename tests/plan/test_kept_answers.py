"""The plan API's answers kept while the plan does not change (issue 14): the same request asked again
is answered from the bytes kept, in the reader's language; any change to the plan (an edit through the
admin's models, a many-to-many link, a deletion, a new version imported) is seen at once; nothing is
kept inside a transaction, nor an error."""

from __future__ import annotations

import json

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from viennaplan.plan import kept
from viennaplan.plan.models import (
    Actor,
    Chapter,
    Deadline,
    Note,
    Objective,
    PlanStamp,
    PlanVersion,
    Provision,
    Reference,
)

pytestmark = pytest.mark.django_db(transaction=True)

PROVISION = "/api/plan/provisions/57/k/ii"


@pytest.fixture
def plan(imported_plan):
    kept.KEPT.clear()
    yield imported_plan
    kept.KEPT.clear()


def asked(path: str, **headers) -> tuple[int, bytes, int]:
    """(status, body, queries made) of a GET by a new client."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path, **headers)
    return response.status_code, response.content, len(queries)


def test_the_same_request_asked_again_is_answered_from_the_bytes_kept(plan):
    status, first, built = asked(PROVISION)
    assert status == 200 and built > 3
    status, again, queries = asked(PROVISION)
    assert (status, again) == (200, first)
    assert queries == 1  # the stamp only
    # another language, another query string: built anew
    assert asked(PROVISION, HTTP_ACCEPT_LANGUAGE="fr")[2] > 3
    assert asked(PROVISION + f"?version={plan.pk}")[2] > 3
    # the export keeps its headers
    response = Client().get("/api/plan/export.json")
    kept_response = Client().get("/api/plan/export.json")
    assert kept_response["Content-Disposition"] == response["Content-Disposition"]
    assert kept_response["Content-Type"] == response["Content-Type"] and kept_response.content == response.content


def test_a_chapter_renamed_is_seen_at_once(plan):
    chapter = Chapter.objects.get(version=plan, provisions__path="57/k/ii")
    before = asked(PROVISION)[1]
    chapter.title = "A chapter renamed"
    chapter.save()
    after = asked(PROVISION)[1]
    assert after != before and b"A chapter renamed" in after


def test_a_note_linked_and_unlinked_is_seen_at_once(plan):
    provision = Provision.objects.get(version=plan, path="57/k/ii")
    note = Note.objects.filter(version=plan).exclude(provisions=provision).first()

    def notes() -> list[int]:
        return [line["number"] for line in json.loads(asked(PROVISION)[1])["notes"]]

    assert note.number not in notes()
    provision.notes.add(note)
    assert note.number in notes()
    provision.notes.remove(note)
    assert note.number not in notes()


def test_a_provision_deleted_is_gone_at_once(plan):
    assert asked("/api/plan/provisions/57/k")[0] == 200
    Provision.objects.get(version=plan, path="57/k/ii").delete()
    assert asked(PROVISION)[0] == 404
    children = [child["path"] for child in json.loads(asked("/api/plan/provisions/57/k")[1])["children"]]
    assert children and "57/k/ii" not in children


def test_a_new_version_imported_is_the_current_one_at_once(plan, _plan_to_import):
    from dataclasses import replace

    from viennaplan.plan.integrity import plan_checksum
    from viennaplan.plan.saving import import_plan_document

    before = asked("/api/plan")[1]
    document, text = _plan_to_import
    revised = replace(document, title=document.title + " (revised)")
    revised = replace(revised, checksum=plan_checksum(revised))
    newer, created = import_plan_document(revised, source_text=text)
    assert created
    after = asked("/api/plan")[1]
    assert after != before and json.loads(after)["version"]["id"] == newer.pk


@pytest.mark.parametrize("model", [PlanVersion, Actor, Note, Chapter, Objective, Provision, Reference, Deadline])
def test_every_plan_model_saved_or_deleted_renews_the_stamp(plan, model):
    row = model.objects.order_by("-pk").first()
    assert row is not None, f"the shipped plan has no {model.__name__}"
    before = kept.current()
    row.save()
    assert kept.current() != before
    if model is not PlanVersion and model is not Actor:  # a version's deletion empties the plan; actors are protected
        saved = kept.current()
        row.delete()
        assert kept.current() != saved


def test_nothing_is_kept_or_served_inside_a_transaction(plan):
    with transaction.atomic():
        chapter = Chapter.objects.get(version=plan, provisions__path="57/k/ii")
        chapter.title = "A title rolled back"
        chapter.save()
        assert b"A title rolled back" in asked(PROVISION)[1]
        assert asked(PROVISION)[2] > 1  # built again, not kept
        transaction.set_rollback(True)
    # the stamp written inside was rolled back with the title: had the answer been kept, it would show
    status, body, queries = asked(PROVISION)
    assert status == 200 and b"A title rolled back" not in body and queries > 1


def test_errors_are_not_kept(plan):
    assert asked("/api/plan/provisions/999")[0] == 404
    status, _body, queries = asked("/api/plan/provisions/999")
    assert status == 404 and queries > 1


def test_the_stamp_row_is_one_row(plan):
    Chapter.objects.filter(version=plan).first().save()
    Chapter.objects.filter(version=plan).last().save()
    assert PlanStamp.objects.count() == 1
