"""Saving the plan in the database and loading it back (plan/saving.py, plan/loading.py)."""

from __future__ import annotations

import json

import pytest
from sample_plan import revised, sample_document, store_sample

from viennaplan.plan import models
from viennaplan.plan.changes import provision_changes
from viennaplan.plan.loading import load_document
from viennaplan.plan.saving import InconsistentPlanError, import_plan_document

COUNTED = (
    models.PlanVersion,
    models.Actor,
    models.Note,
    models.Chapter,
    models.Objective,
    models.Provision,
    models.Reference,
    models.Deadline,
    models.Provision.notes.through,
    models.Provision.objectives.through,
    models.Provision.partners.through,
    models.Chapter.notes.through,
    models.Objective.notes.through,
)


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_a_stored_document_loads_back_equal_to_what_was_saved(db):
    document = sample_document()
    version = store_sample(document)
    assert load_document(version) == document


def test_the_store_keeps_the_tree_links_and_order_of_the_provisions(db):
    version = store_sample()
    k_ii = version.provisions.get(path="57/k/ii")
    assert k_ii.citation == "57(k)(ii)"
    assert k_ii.depth == 2 and k_ii.label == "ii"
    assert k_ii.parent.path == "57/k" and k_ii.parent.parent.path == "57"
    assert k_ii.chapter.number == "VI"
    assert [o.number for o in k_ii.objectives.order_by("number")] == [1, 2]
    assert k_ii.actor.code == "member_states"
    paths = list(version.provisions.values_list("path", flat=True))
    assert paths == ["1", "57", "57/a", "57/k", "57/k/i", "57/k/ii", "59", "59/c", "59/f"]
    assert version.provisions.get(path="57").full_text.startswith("Actions include")
    assert "(k) The gathering" in version.provisions.get(path="57").full_text


def test_the_store_links_notes_references_deadlines_and_partners(db):
    version = store_sample()
    assert list(version.provisions.get(path="59").notes.values_list("number", flat=True)) == [33]
    assert list(version.chapters.get(number="VI").notes.values_list("number", flat=True)) == [31]
    objective = models.Objective.objects.get(chapter__version=version, chapter__number="VI", number=1)
    assert list(objective.notes.values_list("number", flat=True)) == [31]
    c = version.provisions.get(path="59/c")
    assert c.subject_to_resources and c.upon_request
    assert [a.code for a in c.partners.all()] == ["member_states"]
    assert c.deadlines.get().end.isoformat() == "2002-12-31"
    assert version.provisions.get(path="1").references.get().target == "A/RES/55/59"
    assert version.report["repairs"][0]["kind"] == "run-on-item"


def test_importing_the_same_document_twice_keeps_one_version_and_changes_nothing(without_plan):
    first = store_sample()
    before = row_counts()
    again, created = import_plan_document(sample_document(), source_name="again.txt")
    assert created is False
    assert again.pk == first.pk
    assert row_counts() == before
    assert models.PlanVersion.objects.get().source_name == "sample.txt"


def test_a_revised_text_becomes_a_second_version_next_to_the_first(without_plan):
    first = store_sample()
    second = store_sample(revised(sample_document()))
    assert second.pk != first.pk
    assert models.PlanVersion.objects.count() == 2
    assert first.provisions.count() == 9 and second.provisions.count() == 8
    assert models.PlanVersion.current() == second


def test_provision_changes_shows_what_changed_between_versions(without_plan):
    first = store_sample()
    second = store_sample(revised(sample_document()))
    changes = provision_changes(first.provisions.get(path="57/k/ii"))
    assert len(changes) == 1
    other_version, other, diff = changes[0]
    assert other_version == second and other.path == "57/k/ii"
    assert diff[0].startswith("--- version") and diff[1].startswith("+++ version")
    assert any(line.startswith("-") and "authorization" in line for line in diff[2:])
    assert any(line.startswith("+") and "markings;" in line for line in diff[2:])


def test_provision_changes_runs_from_the_older_version_to_the_newer(without_plan):
    first = store_sample()
    second = store_sample(revised(sample_document()))
    _version, _other, diff = provision_changes(second.provisions.get(path="57/k/ii"))[0]
    assert diff[0] == f"--- version {first.pk} (E/CN.15/2001/4): 57(k)(ii)"
    assert diff[1] == f"+++ version {second.pk} (E/CN.15/2001/4): 57(k)(ii)"


def test_provision_changes_is_empty_for_an_unchanged_provision_and_none_for_a_dropped_one(without_plan):
    first = store_sample()
    store_sample(revised(sample_document()))
    [(_version, other, diff)] = provision_changes(first.provisions.get(path="57/a"))
    assert other is not None and diff == []
    [(_version, other, diff)] = provision_changes(first.provisions.get(path="59/c"))
    assert other is None
    assert any(line.startswith("-59(c) Provide technical assistance") for line in diff)


def test_a_document_citing_a_missing_note_is_refused_before_any_write(db):
    document = sample_document()
    document.paragraphs[0].note_refs = [99]
    before = row_counts()
    with pytest.raises(InconsistentPlanError, match=r"1 cites notes \[99\]"):
        import_plan_document(document)
    assert row_counts() == before


def test_an_unknown_actor_code_is_refused_and_nothing_is_written(db):
    document = sample_document()
    document.paragraphs[1].actor = "nobody-knows"
    before = row_counts()
    with pytest.raises(InconsistentPlanError, match="nobody-knows"):
        store_sample(document)
    assert row_counts() == before


def test_a_failure_halfway_through_the_import_leaves_the_database_as_it_was(db, monkeypatch):
    store_sample()
    before = row_counts()

    def explode(version):
        raise RuntimeError("disk full")

    monkeypatch.setattr("viennaplan.plan.search.index_version", explode)
    with pytest.raises(RuntimeError):
        import_plan_document(revised(sample_document()))
    assert row_counts() == before


# ---- the shipped official text (needs the parser and the exporters) ----------------------------


def test_importing_the_official_text_twice_keeps_one_version(without_plan, plan_text):
    from viennaplan.plan.saving import import_plan_text

    first, created = import_plan_text(plan_text, source_name="plan.txt")
    assert created
    before = row_counts()
    again, created_again = import_plan_text(plan_text, source_name="plan.txt")
    assert (again.pk, created_again) == (first.pk, False)
    assert row_counts() == before


def test_the_official_text_loads_back_as_the_parser_read_it(imported_plan, plan_document):
    loaded = load_document(imported_plan)
    assert loaded == plan_document


def test_a_revised_official_text_becomes_a_second_version_with_its_changes(db, plan_text):
    from viennaplan.plan.saving import import_plan_text

    first, _ = import_plan_text(plan_text)
    changed = plan_text.replace("tampering with firearm markings", "tampering with firearm serial markings")
    assert changed != plan_text
    second, created = import_plan_text(changed)
    assert created and second.pk != first.pk
    [(other_version, other, diff)] = provision_changes(first.provisions.get(path="57/k/ii"))
    assert other_version == second and other is not None
    assert any(line.startswith("+") and "serial markings" in line for line in diff)


def test_export_then_import_into_an_empty_database_then_export_gives_the_same_bytes(imported_plan):
    from viennaplan.plan.exports.json_format import dumps
    from viennaplan.plan.saving import import_plan_json

    exported = dumps(load_document(imported_plan))
    models.PlanVersion.objects.all().delete()
    models.Actor.objects.all().delete()
    assert models.Provision.objects.count() == 0
    version, created = import_plan_json(json.loads(exported), source_name="export.json")
    assert created
    assert dumps(load_document(version)) == exported


def test_importing_an_export_of_a_stored_version_changes_nothing(imported_plan):
    from viennaplan.plan.exports.json_format import dumps
    from viennaplan.plan.saving import import_plan_json

    before = row_counts()
    version, created = import_plan_json(json.loads(dumps(load_document(imported_plan))))
    assert (version.pk, created) == (imported_plan.pk, False)
    assert row_counts() == before
