"""The authorities' CSV: imported all or nothing (every bad row named by row and column, nothing
written), idempotent by State and key, kept in history (the contact details too), exported byte for
byte as imported (contact details included: it is the Secretariat's file)."""

from __future__ import annotations

import pytest
from authorities_sample import AUTHORITIES, CENTRAL, DRAFT, FIREARMS, HEADER

from viennaplan.knowledge.authorities.authorities_csv import AuthoritiesRefused, import_authorities, write_csv
from viennaplan.knowledge.authorities.models import Authority, AuthorityContact, AuthorityProvision

pytestmark = pytest.mark.django_db


def test_a_good_file_creates_the_authorities_with_their_provisions_and_contacts(imported_plan, authorities_file):
    outcome = import_authorities(authorities_file, source_name="authorities.csv")
    assert (outcome.rows, outcome.created, outcome.changed, outcome.unchanged) == (3, 3, 0, 0)
    central = Authority.objects.get(state="CHE", key="FOJ-MLA")
    assert central.purpose == "mla" and central.published and central.request_languages == "de; fr; it; en"
    assert (central.instrument, central.article) == ("UNTOC", "18(13)")
    assert central.contact.address == "Bundesrain 20 Zqx-Address-7731\n3003 Bern"
    assert central.contact.time_zone == "Pacific/Chatham"
    assert list(AuthorityProvision.objects.values_list("authority__key", "path")) == [("FEDPOL-FA", "57/i")]
    assert not Authority.objects.get(key="MJ-EXT").published
    assert not AuthorityContact.objects.filter(authority__key="MJ-EXT").exists()  # no contact cell: no row


def test_the_same_file_again_changes_nothing_and_writes_no_history(imported_plan, authorities_file):
    import_authorities(authorities_file, source_name="authorities.csv")
    counts = (Authority.history.count(), AuthorityContact.history.count(), AuthorityProvision.history.count())
    outcome = import_authorities(authorities_file, source_name="authorities.csv")
    assert (outcome.created, outcome.changed, outcome.unchanged) == (0, 0, 3)
    assert "nothing changed" in outcome.summary()
    assert (Authority.history.count(), AuthorityContact.history.count(), AuthorityProvision.history.count()) == counts


def test_a_changed_contact_is_saved_with_its_history_and_the_import_named(imported_plan, authorities_file):
    import_authorities(authorities_file, source_name="authorities.csv")
    changed = AUTHORITIES.replace("+41 58 999 77 31", "+41 58 999 00 00").replace("Federal Office", "Swiss Office")
    outcome = import_authorities(changed.encode(), source_name="second.csv")
    assert (outcome.changed, outcome.unchanged) == (1, 2)
    contact = AuthorityContact.objects.get(authority__key="FOJ-MLA")
    assert contact.telephone == "+41 58 999 00 00"
    history = contact.history.order_by("history_date")
    assert [row.telephone for row in history] == ["+41 58 999 77 31", "+41 58 999 00 00"]
    assert history.last().history_change_reason == "import second.csv"
    names = [row.name_en for row in Authority.objects.get(key="FOJ-MLA").history.order_by("history_date")]
    assert names == ["Federal Office of Justice", "Swiss Office of Justice"]


def test_a_file_with_bad_rows_writes_nothing_and_names_every_row_and_column(imported_plan, authorities_file):
    import_authorities(authorities_file, source_name="authorities.csv")
    before = Authority.history.count(), AuthorityContact.history.count()
    bad = (
        HEADER
        + CENTRAL.replace("Federal Office of Justice", "Changed Office")  # good, but must not be stored
        + "XXX,K1,mla,A,B,de,de,,yes,,,,,,,,\n"
        + "CHE,K2,weather,A,B,de,de; DE,99/z,maybe,,,12 ab,,not-an-email,,Mars/Olympus,\n"
        + "CHE,K3,other,A,B,deu,,,,,,,,,,,\n"
        + "CHE,FOJ-MLA,mla,Again,B,de,de,,yes,,,,,,,,\n"
    )
    with pytest.raises(AuthoritiesRefused) as refused:
        import_authorities(bad.encode(), source_name="bad.csv")
    where = [(error.row, error.column) for error in refused.value.errors]
    assert where == [
        (3, "state"),
        (4, "purpose"),
        (4, "request_languages"),
        (4, "provisions"),
        (4, "published"),
        (4, "telephone"),
        (4, "email"),
        (4, "time_zone"),
        (5, "request_languages"),
        (5, "description"),
        (5, "language"),
        (6, "key"),
    ]
    assert "nothing was imported" in str(refused.value)
    assert Authority.objects.get(key="FOJ-MLA").name_en == "Federal Office of Justice"
    assert (Authority.history.count(), AuthorityContact.history.count()) == before


def test_a_file_without_a_column_or_with_a_stranger_is_refused_at_the_header(imported_plan):
    header = HEADER.replace(",time_zone", "").replace("contact_title", "contact_title,person")
    with pytest.raises(AuthoritiesRefused) as refused:
        import_authorities((header + DRAFT).encode(), source_name="bad.csv")
    assert {(error.row, error.column) for error in refused.value.errors} == {(1, "person"), (1, "time_zone")}
    assert not Authority.objects.exists()


def test_a_dry_run_checks_and_stores_nothing(imported_plan, authorities_file):
    outcome = import_authorities(authorities_file, source_name="authorities.csv", dry_run=True)
    assert outcome.created == 3 and "dry run" in outcome.summary()
    assert not Authority.objects.exists() and not AuthorityContact.objects.exists()


def test_export_gives_back_the_imported_file_byte_for_byte(imported_plan, authorities_file):
    import_authorities(authorities_file, source_name="authorities.csv")
    exported = write_csv()
    assert exported == AUTHORITIES
    Authority.objects.all().delete()
    import_authorities(exported.encode(), source_name="exported.csv")
    assert write_csv() == exported


def test_a_cell_starting_like_a_formula_round_trips(imported_plan):
    row = FIREARMS.replace("Central Firearms Office", "=Central Firearms Office")
    import_authorities((HEADER + row).encode(), source_name="formula.csv")
    assert Authority.objects.get(key="FEDPOL-FA").name_en == "=Central Firearms Office"
    exported = write_csv()
    Authority.objects.all().delete()
    import_authorities(exported.encode(), source_name="again.csv")
    assert write_csv() == exported
