"""The CSV files: the requests (the Secretariat all, a focal point its own State's, with the list's
filters), the projects with their budgets (the Secretariat's); no cell becomes a formula; the projects'
file re-imports unchanged (same bytes, no history row) and a bad file imports nothing, every bad row
reported by row and column (the import page and the function alike). SYNTHETIC."""

from __future__ import annotations

import csv
import io

import pytest

from viennaplan.assistance.models import AssistanceRequest, Project, ProjectBudget
from viennaplan.assistance.project_files import ProjectsRefused, import_projects, write_csv

REQUESTS = "/assistance/requests.csv"
PROJECTS = "/assistance/projects.csv"
EVIL = '=HYPERLINK("http://evil.example","click")'


def rows(response) -> list[dict[str, str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_requests_file_for_each_reader(
    client, client_as, prj_requests, secretariat, focal_point_a, focal_point_b, reviewer
):
    che, fra = prj_requests
    AssistanceRequest.objects.filter(pk=che.pk).update(requesting_authority=EVIL, need="+cmd|' /C calc'!A0")
    everything = rows(client_as(secretariat).get(REQUESTS))
    assert sorted(row["key"] for row in everything) == sorted([che.key, fra.key])
    mine = rows(client_as(focal_point_a).get(REQUESTS))
    assert [row["key"] for row in mine] == [che.key]
    assert mine[0]["requesting_authority"] == "'" + EVIL and mine[0]["need"].startswith("'+cmd")
    assert mine[0]["status"] == "funded" and mine[0]["provisions"] == "57/f"
    assert [row["key"] for row in rows(client_as(focal_point_b).get(REQUESTS))] == [fra.key]
    assert [row["key"] for row in rows(client_as(secretariat).get(REQUESTS, {"kind": "equipment"}))] == [fra.key]
    assert client_as(secretariat).get(REQUESTS, {"status": "late"}).status_code == 400
    assert client_as(reviewer).get(REQUESTS).status_code == 403
    public = client.get(REQUESTS)
    assert public.status_code == 302 and public["Location"].startswith("/accounts/login/")


def test_the_projects_file_is_the_secretariats_and_guards_formulas(
    client, client_as, prj_project, prj_other, secretariat, focal_point_a
):
    Project.objects.filter(pk=prj_project.pk).update(partners=EVIL)
    response = client_as(secretariat).get(PROJECTS)
    assert response.status_code == 200 and 'filename="projects.csv"' in response["Content-Disposition"]
    found = rows(response)
    assert [(row["record"], row["key"]) for row in found] == [
        ("project", "PRJ-2002-001"),
        ("project", "PRJ-2003-001"),
        ("budget", "PRJ-2003-001"),
        ("budget", "PRJ-2003-001"),
        ("budget", "PRJ-2003-001"),
    ]
    assert found[1]["partners"] == "'" + EVIL and found[1]["requests"].count("TA-") == 2
    assert [(r["year"], r["currency"], r["amount"]) for r in found[2:]] == [
        ("2003", "EUR", "500.00"),
        ("2003", "USD", "1000.50"),
        ("2004", "USD", "2000.00"),
    ]
    assert [r["key"] for r in rows(client_as(secretariat).get(PROJECTS, {"region": "Asia"}))] == ["PRJ-2002-001"]
    assert client_as(focal_point_a).get(PROJECTS).status_code == 403
    assert client.get(PROJECTS).status_code == 302


def test_the_exported_file_re_imports_unchanged(secretariat, prj_project, prj_other):
    Project.objects.filter(pk=prj_project.pk).update(partners=EVIL + "\nand others")
    exported = write_csv()
    histories = (Project.history.count(), ProjectBudget.history.count())
    outcome = import_projects(exported.encode(), user=secretariat, source_name="projects.csv")
    assert (outcome.projects, outcome.created, outcome.changed, outcome.unchanged) == (2, 0, 0, 2)
    assert (Project.history.count(), ProjectBudget.history.count()) == histories
    assert write_csv() == exported
    # the same file into an empty table creates the same projects, then exports the same bytes
    ProjectBudget.objects.all().delete()
    prj_project.disbursements.all().delete()
    Project.objects.all().delete()
    again = import_projects(exported.encode(), user=secretariat, source_name="projects.csv")
    assert again.created == 2 and write_csv() == exported
    assert Project.history.filter(history_type="+", history_user=secretariat).count() == 2


def test_an_import_changes_what_the_file_changes(secretariat, prj_project, prj_requests):
    che, fra = prj_requests
    text = write_csv().replace("1000.50", "1200.00").replace(f"{che.key}; {fra.key}", che.key)
    text = "\n".join(line for line in text.splitlines() if ",2004,USD," not in line) + "\n"
    outcome = import_projects(text.encode(), user=secretariat, source_name="changed.csv")
    assert (outcome.changed, outcome.unchanged) == (1, 0)
    assert list(prj_project.requests.values_list("key", flat=True)) == [che.key]
    assert sorted(prj_project.budgets.values_list("year", "currency", "amount")) == [
        (2003, "EUR", 500),
        (2003, "USD", 1200),
    ]


BAD = """record,key,title,region,chapter,executing_office,partners,status,start,end,requests,year,currency,amount
project,PRJ-2003-001,Firearms marking in Western Africa,,VI,,,completed,2003-01-01,2002-01-01,TA-XXX-1999-001,,,
project,PRJ-2009-001,,,6,,,planned,2009-13-01,,,,,
budget,PRJ-2009-001,,,,,,,,,,209,usd,-1
budget,PRJ-2010-001,,,,,,,,,,2010,USD,1
event,PRJ-2010-001,,,,,,,,,,,,
project,new,New,,,,,done,,,,2003,,
project,PRJ-2011-001,A good row,,,,,planned,,,,,,
budget,PRJ-2011-001,,,,,,,,,,2011,USD,10
"""


def test_a_bad_file_imports_nothing_and_names_every_bad_row_and_column(secretariat, prj_project):
    before = write_csv()
    with pytest.raises(ProjectsRefused) as refused:
        import_projects(BAD.encode(), user=secretariat, source_name="bad.csv")
    where = {(error.row, error.column) for error in refused.value.errors}
    assert where >= {
        (2, "status"),  # a stored project's status changes only on its page
        (2, "end"),
        (2, "requests"),
        (3, "title"),
        (3, "chapter"),
        (3, "start"),
        (4, "year"),
        (4, "currency"),
        (4, "amount"),
        (5, "key"),  # no project with this key in the file
        (6, "record"),
        (7, "key"),
        (7, "status"),
        (7, "year"),
    }, sorted(where)
    assert not {error.row for error in refused.value.errors} & {8, 9}  # the good rows
    assert write_csv() == before and not Project.objects.filter(key="PRJ-2011-001").exists()
    with pytest.raises(ProjectsRefused) as not_text:
        import_projects(b"\x00\x01\xff", user=secretariat, source_name="x.bin")
    assert not_text.value.errors[0].row == 0
    with pytest.raises(ProjectsRefused) as no_header:
        import_projects(b"key,title\nPRJ-1,x\n", user=secretariat, source_name="short.csv")
    assert {error.column for error in no_header.value.errors} >= {"record", "amount"}


def test_the_import_page(client, client_as, secretariat, focal_point_a, prj_project):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = "/assistance/projects/import"
    assert client.get(url).status_code == 302
    assert client_as(focal_point_a).get(url).status_code == 403
    admin = client_as(secretariat)
    assert admin.get(url).status_code == 200
    refused = admin.post(url, {"file": SimpleUploadedFile("bad.csv", BAD.encode(), "text/csv")})
    assert refused.status_code == 400
    assert 'data-row="3" data-column="chapter"' in refused.text and "nothing was imported" in refused.text
    assert admin.post(url, {}).status_code == 400
    new = write_csv().replace("PRJ-2003-001", "PRJ-2005-001").replace("completed", "planned")
    checked = admin.post(url, {"file": SimpleUploadedFile("new.csv", new.encode()), "dry_run": "on"})
    assert checked.status_code == 302 and not Project.objects.filter(key="PRJ-2005-001").exists()
    stored = admin.post(url, {"file": SimpleUploadedFile("new.csv", new.encode())}, follow=True)
    assert "1 created" in stored.content.decode() and Project.objects.filter(key="PRJ-2005-001").exists()
    with pytest.raises(Exception, match="project"):
        import_projects(new.encode(), user=focal_point_a, source_name="new.csv")
