"""Importing and exporting national legislation as CSV: all or nothing, every bad row reported by row
and column, a second import changes nothing, export -> import -> export gives the same bytes, and
every change is kept in history."""

from __future__ import annotations

import pytest
from legislation_sample import HEADER, LAWS

from viennaplan.knowledge.legislation_csv import LegislationRefused, import_legislation, write_csv
from viennaplan.knowledge.models import Law, LawArticle, LawProvision

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int, int]:
    return (
        Law.objects.count(),
        LawArticle.objects.count(),
        LawProvision.objects.count(),
        Law.history.count() + LawArticle.history.count() + LawProvision.history.count(),
    )


def test_a_good_file_is_imported(imported_plan, laws_file):
    outcome = import_legislation(laws_file, source_name="laws.csv")
    assert (outcome.rows, outcome.created, outcome.changed, outcome.unchanged) == (3, 3, 0, 0)
    weapons = Law.objects.get(state="CHE", key="SR-514.54")
    assert weapons.status == "amended" and weapons.amended_by.key == "AS-2008-5499"
    assert weapons.title_original == "Bundesgesetz über Waffen, Waffenzubehör und Munition"
    assert str(weapons.adopted) == "1997-06-20" and weapons.published
    assert sorted((a.instrument_id, a.article) for a in weapons.articles.all()) == [("FIREARMS", "5"), ("UNTOC", "5")]
    assert sorted(p.path for p in weapons.provisions.all()) == ["18/e", "57/a"]
    draft = Law.objects.get(state="FRA", key="CP-2001")
    assert (draft.published, draft.text, draft.adopted) == (False, "=1+1", None)
    assert weapons.history.first().history_change_reason == "import laws.csv"


def test_importing_the_same_file_again_changes_nothing(imported_plan, laws_file):
    import_legislation(laws_file, source_name="laws.csv")
    before = counts()
    updated = sorted(Law.objects.values_list("updated", flat=True))
    outcome = import_legislation(laws_file, source_name="laws.csv")
    assert (outcome.created, outcome.changed, outcome.unchanged) == (0, 0, 3)
    assert "nothing changed" in outcome.summary()
    assert counts() == before
    assert sorted(Law.objects.values_list("updated", flat=True)) == updated


def test_a_bad_file_writes_nothing_and_reports_every_bad_row(imported_plan, laws_file):
    import_legislation(laws_file, source_name="laws.csv")
    before = counts()
    bad = HEADER + (
        "CHE,NEW-1,Titel,Title,act,de,2001-02-30,,in_force,,,,,,yes,\n"  # row 2: no such day
        "ZZZ,NEW-2,Titre,Title,act,fr,,,in_force,,,,,,yes,\n"  # row 3: no such State
        "CHE,NEW-3,Titel,Title,act,de,,,in_force,,,,NOPE art. 5,,yes,\n"  # row 4: no such instrument
        "CHE,NEW-4,Titel,Title,act,de,,,in_force,,,,,99/zz,yes,\n"  # row 5: not in the plan
        "CHE,NEW-5,Titel,Title,act,de,,,amended,,,,,,yes,\n"  # row 6: amended by what?
        "CHE,NEW-6,Titel,Title,act,de,,,amended,NEW-6,,,,,yes,\n"  # row 7: amends itself
        "CHE,NEW-7,Titel,Title,act,de,,,repealed,,GONE,,,,yes,\n"  # row 8: no such law
        "CHE,SR-514.54,Neu,New,act,de,,,in_force,,,,,,yes,\n"  # a good row (a change): not stored either
    )
    with pytest.raises(LegislationRefused) as refused:
        import_legislation(bad.encode("utf-8"), source_name="bad.csv")
    assert [(e.row, e.column, e.value) for e in refused.value.errors] == [
        (2, "adopted", "2001-02-30"),
        (3, "state", "ZZZ"),
        (4, "articles", "NOPE art. 5"),
        (5, "provisions", "99/zz"),
        (6, "amended_by", ""),
        (7, "amended_by", "NEW-6"),
        (8, "repealed_by", "GONE"),
    ]
    assert "7 errors; nothing was imported" in str(refused.value)
    assert counts() == before
    assert Law.objects.get(state="CHE", key="SR-514.54").title_en.startswith("Federal Act on Weapons")


def test_a_file_that_is_not_the_layout_is_refused(imported_plan):
    with pytest.raises(LegislationRefused) as refused:
        import_legislation(b"state,key,title\nCHE,A,B\n", source_name="x.csv")
    assert ("title", "not a column of the legislation file") in [(e.column, e.message) for e in refused.value.errors]
    with pytest.raises(LegislationRefused) as refused:
        import_legislation(b"\x00\x01", source_name="x.bin")
    assert refused.value.errors[0].row == 0 and "binary" in refused.value.errors[0].message


def test_a_key_given_twice_in_the_file(imported_plan):
    twice = HEADER + "CHE,A,T,T,act,de,,,in_force,,,,,,no,\nCHE,A,T,T,act,de,,,in_force,,,,,,no,\n"
    with pytest.raises(LegislationRefused) as refused:
        import_legislation(twice.encode("utf-8"), source_name="twice.csv")
    assert [(e.row, e.column) for e in refused.value.errors] == [(3, "key")]


def test_export_then_import_gives_the_same_bytes(imported_plan, laws_file):
    import_legislation(laws_file, source_name="laws.csv")
    LawArticle.objects.filter(law__key="SR-514.54", instrument="FIREARMS").update(extract="Art. 18a Markierung")
    exported = write_csv()
    assert "'=1+1" in exported  # a cell a spreadsheet would read as a formula is text
    assert exported.startswith(HEADER)

    outcome = import_legislation(exported.encode("utf-8"), source_name="exported.csv")
    assert (outcome.created, outcome.changed) == (0, 0)  # our own export is what is stored
    assert LawArticle.objects.get(law__key="SR-514.54", instrument="FIREARMS").extract == "Art. 18a Markierung"

    LawArticle.objects.all().delete()
    LawProvision.objects.all().delete()
    Law.objects.update(amended_by=None, repealed_by=None)
    Law.objects.all().delete()
    import_legislation(exported.encode("utf-8"), source_name="exported.csv")
    assert write_csv() == exported
    assert write_csv() != LAWS  # the file's own order of articles is not the export's: the test can tell


def test_a_changed_row_is_stored_with_history(imported_plan, laws_file):
    import_legislation(laws_file, source_name="laws.csv")
    law = Law.objects.get(state="CHE", key="AS-2008-5499")
    assert law.history.count() == 1
    changed = LAWS.replace("Federal Act (Schengen development)", "Federal Act (Schengen acquis)").replace(
        "FIREARMS art. 8(1),57/a", "FIREARMS art. 8(1); FIREARMS art. 10,57/a"
    )
    outcome = import_legislation(changed.encode("utf-8"), source_name="laws-2.csv")
    assert (outcome.created, outcome.changed, outcome.unchanged) == (0, 1, 2)
    law.refresh_from_db()
    assert law.title_en == "Federal Act (Schengen acquis)"
    assert [h.title_en for h in law.history.all()] == [
        "Federal Act (Schengen acquis)",
        "Federal Act (Schengen development)",
    ]
    assert sorted(a.article for a in law.articles.all()) == ["10", "8(1)"]


def test_history_is_kept_on_an_edit(imported_plan, laws_file):
    import_legislation(laws_file, source_name="laws.csv")
    law = Law.objects.get(state="FRA", key="CP-2001")
    law.status, law.published = "in_force", True
    law.save()
    first, second = law.history.all()[:2]
    assert (first.status, first.published, second.status, second.published) == ("in_force", True, "draft", False)
    delta = first.diff_against(second)
    assert sorted(change.field for change in delta.changes) == ["published", "status"]


def test_a_dry_run_stores_nothing(imported_plan, laws_file):
    outcome = import_legislation(laws_file, source_name="laws.csv", dry_run=True)
    assert outcome.created == 3 and "dry run" in outcome.summary()
    assert counts() == (0, 0, 0, 0)
