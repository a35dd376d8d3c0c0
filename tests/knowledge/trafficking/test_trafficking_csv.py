"""The Secretariat's CSV of trafficking flows (raw counts): all or nothing, every bad row reported by
row and column, a second import changes nothing, export -> import -> export gives the same bytes,
every change kept in history, a dry run stores nothing."""

from __future__ import annotations

import pytest
from trafficking_sample import FLOWS, HEADER, flows_file

from viennaplan.knowledge.trafficking.flows_csv import TraffickingRefused, import_flows, write_csv
from viennaplan.knowledge.trafficking.models import Flow, FlowProvision

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int]:
    return Flow.objects.count(), FlowProvision.objects.count(), Flow.history.count() + FlowProvision.history.count()


def test_a_good_file_is_imported_with_raw_counts_and_history(imported_plan):
    outcome = import_flows(flows_file(), source_name="flows.csv")
    assert (outcome.rows, outcome.created, outcome.changed, outcome.unchanged) == (5, 5, 0, 0)
    flow = Flow.objects.get(key="F-NGA-CHE")
    assert (flow.female_child, flow.female_adult, flow.total, flow.published) == (3, 12, 15, True)
    assert [p.path for p in Flow.objects.get(key="F-ROU-FRA").provisions.all()] == ["46/b", "46/d"]
    assert Flow.objects.get(key="F-ROU-FRA").transit_id == "DEU"
    assert Flow.objects.get(key="F-THA-CHE").published is False
    assert flow.history.first().history_change_reason == "import flows.csv"


def test_importing_the_same_file_again_changes_nothing(imported_plan):
    import_flows(flows_file(), source_name="flows.csv")
    before = counts()
    outcome = import_flows(flows_file(), source_name="flows.csv")
    assert (outcome.created, outcome.changed, outcome.unchanged) == (0, 0, 5)
    assert "nothing changed" in outcome.summary()
    assert counts() == before


def test_a_changed_row_updates_its_flow_and_keeps_the_old_version(imported_plan):
    import_flows(flows_file(), source_name="flows.csv")
    changed = FLOWS.replace("0,0,0,0,20,7,0,0,0,27,", "0,0,0,0,21,7,0,0,0,28,").replace("46/b; 46/d,yes", "46/d,yes")
    outcome = import_flows(changed.encode(), source_name="second.csv")
    assert (outcome.created, outcome.changed, outcome.unchanged) == (0, 1, 4)
    flow = Flow.objects.get(key="F-ROU-FRA")
    assert (flow.male_adult, flow.total) == (21, 28)
    assert [p.path for p in flow.provisions.all()] == ["46/d"]
    assert [h.male_adult for h in flow.history.order_by("history_date")] == [20, 21]


def test_a_bad_file_writes_nothing_and_reports_every_bad_row_by_row_and_column(imported_plan):
    import_flows(flows_file(), source_name="flows.csv")
    before = counts()
    bad = (
        HEADER
        + "\n"
        + "N-1,NGA,CHE,,2019,2019,sexual_exploitation,3,12,0,0,0,0,0,0,0,16,Report,,Police,46/b,yes\n"  # row 2: total
        + "N-2,ZZZ,CHE,,2019,2019,forced_labour,0,5,0,0,0,0,0,0,0,5,Report,,Police,46/b,yes\n"  # row 3: origin
        + "N-3,NGA,CHE,,2019,2019,begging,0,5,0,0,0,0,0,0,0,5,Report,,Police,46/b,yes\n"  # row 4: form
        + "N-4,NGA,CHE,,2019,2019,forced_labour,0,5,0,0,0,0,0,0,0,5,Interview with Mrs. Ada,,Police,46/b,yes\n"
        + "N-5,NGA,CHE,,2019,2019,forced_labour,0,5,0,0,0,0,0,0,0,5,Report,,Police,99/zz,yes\n"  # row 6
        + "N-5,NGA,CHE,,2019,2019,forced_labour,0,5,0,0,0,0,0,0,0,5,Report,,Police,46/b,yes\n"  # row 7: key twice
        + "F-NGA-CHE,NGA,CHE,,2019,2019,sexual_exploitation,3,13,0,0,0,0,0,0,0,16,Report,,Police,46/b,yes\n"  # good
    )
    with pytest.raises(TraffickingRefused) as refused:
        import_flows(bad.encode(), source_name="bad.csv")
    where = [(error.row, error.column) for error in refused.value.errors]
    assert where == [(2, "total"), (3, "origin"), (4, "form"), (5, "source"), (6, "provisions"), (7, "key")]
    assert "row 5, column source ('Interview with Mrs. Ada'): must not identify a person" in str(
        refused.value.errors[3]
    )
    assert counts() == before
    assert Flow.objects.get(key="F-NGA-CHE").total == 15  # the good row was not stored either


def test_a_file_with_a_wrong_header_is_refused_naming_the_columns(imported_plan):
    bad = HEADER.replace(",total,", ",totals,") + "\n"
    with pytest.raises(TraffickingRefused) as refused:
        import_flows(bad.encode(), source_name="bad.csv")
    assert {(error.row, error.column) for error in refused.value.errors} == {(1, "totals"), (1, "total")}
    with pytest.raises(TraffickingRefused):
        import_flows(b"\x00\x01binary", source_name="bad.bin")


def test_a_dry_run_stores_nothing(imported_plan):
    outcome = import_flows(flows_file(), source_name="flows.csv", dry_run=True)
    assert outcome.created == 5 and "dry run" in outcome.summary()
    assert counts() == (0, 0, 0)


def test_export_import_export_gives_the_same_bytes_with_raw_counts(imported_plan):
    import_flows(flows_file(), source_name="flows.csv")
    first = write_csv()
    assert first == FLOWS  # the sample is written in the export's own layout
    assert ",3,12,0," in first  # the Secretariat's file has the raw counts
    Flow.objects.all().delete()
    import_flows(first.encode(), source_name="again.csv")
    assert write_csv() == first
