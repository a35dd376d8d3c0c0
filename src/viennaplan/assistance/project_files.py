"""The projects in and out as CSV (`import_projects`, all or nothing; `write_csv`), and the rows of the
requests' CSV download (`request_rows`).

The projects' file (see `projects_csv.py` for its columns and the rules of a row): each project's row,
then its budget rows. A project is matched by its key: importing a file creates the projects it does not
know and brings the others up to it. A project in the file is the whole of it: its requests and its
budget lines (matched by year and currency) become those of the file, so importing the same file twice
changes nothing (no save, no history row). Projects stored but absent from the file are left as they
are; a budget row needs its project's row in the same file. Milestones and outputs are not in the file:
they are recorded on the project's page (an output moves the requests it serves).

All or nothing: a file with any bad row stores nothing, and every bad row is reported (row, column,
value, why; row 1 is the header). The export writes every project in the import's layout, each cell
through `viennaplan.cells.safe_text` (`knowledge.csvfile.write_rows`; the import reads each through
`plain_text`), so export -> import -> export gives the same bytes. Only the Secretariat
(`project.manage`) imports or downloads the file: it names the requests each project serves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from viennaplan.accounts.permissions import require
from viennaplan.knowledge import csvfile
from viennaplan.rowerrors import FileRefused, RowError

from . import projects_csv
from .models import AssistanceRequest, Project, ProjectBudget
from .projects import MANAGE
from .projects_csv import COLUMNS, BudgetRecord, Known, ProjectRecord

PROJECT_FIELDS = ("title", "region", "chapter", "executing_office", "partners", "status", "start", "end")


class ProjectsRefused(FileRefused):
    """Nothing was imported; `errors` lists every problem (RowError), in the order of the file."""


@dataclass
class Outcome:
    source_name: str
    projects: int = 0
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        figures = {
            "file": self.source_name,
            "projects": self.projects,
            "created": self.created,
            "changed": self.changed,
            "unchanged": self.unchanged,
        }
        if self.dry_run:
            message = gettext(
                "%(file)s: %(projects)s projects; %(created)s would be created, %(changed)s changed, "
                "%(unchanged)s unchanged (dry run: nothing was stored)"
            )
        elif self.created or self.changed:
            message = gettext(
                "%(file)s: %(projects)s projects; %(created)s created, %(changed)s changed, %(unchanged)s unchanged"
            )
        else:
            message = gettext("%(file)s: %(projects)s projects; nothing changed")
        return message % figures


def known_now() -> Known:
    return Known(
        requests=frozenset(AssistanceRequest.objects.values_list("key", flat=True)),
        projects=dict(Project.objects.values_list("key", "status")),
    )


@dataclass
class Parts:
    project: ProjectRecord
    budgets: list[BudgetRecord] = field(default_factory=list)


def check_file(data: bytes, known: Known) -> tuple[list[Parts], list[RowError]]:
    """Every row checked, then what needs the other rows: a key given twice, a budget row of a project
    not in the file, a year and currency given twice for one project."""
    rows, errors = csvfile.read_rows(
        data,
        COLUMNS,
        expected=gettext("expected a CSV text file of projects"),
        not_a_column=gettext("not a column of the projects file"),
    )
    records = []
    for number, cells in rows:
        parsed = projects_csv.parse_row(number, cells, known)
        if isinstance(parsed, list):
            errors.extend(parsed)
        else:
            records.append(parsed)
    keys: dict[str, int] = {}
    for number, cells in rows:
        value = projects_csv.cleaned(cells)
        if value["record"] == projects_csv.PROJECT and value["key"]:
            first = keys.setdefault(value["key"], number)
            if first != number:
                errors.append(
                    RowError(number, "key", value["key"], gettext("the same key as row %(row)s") % {"row": first})
                )
    for number, cells in rows:
        value = projects_csv.cleaned(cells)
        if value["record"] == projects_csv.BUDGET and value["key"] and value["key"] not in keys:
            errors.append(RowError(number, "key", value["key"], gettext("no project with this key in the file")))
    found: dict[str, Parts] = {}
    for record in records:
        if isinstance(record, ProjectRecord) and keys.get(record.key) == record.row:
            found[record.key] = Parts(record)
    seen: dict[tuple, int] = {}
    for record in records:
        if not isinstance(record, BudgetRecord) or record.key not in keys:
            continue
        first = seen.setdefault((record.key, *record.identity), record.row)
        if first != record.row:
            errors.append(
                RowError(
                    record.row,
                    "currency",
                    record.currency,
                    gettext("the same project, year and currency as row %(row)s") % {"row": first},
                )
            )
            continue
        parts = found.get(record.key)
        if parts is not None:  # else its project's row is bad: reported there
            parts.budgets.append(record)
    errors.sort(key=lambda error: error.row)
    return list(found.values()), errors


def import_projects(data: bytes, *, user: Any, source_name: str, dry_run: bool = False) -> Outcome:
    """Store the projects of a CSV file, all or nothing; ProjectsRefused listing every problem otherwise.
    PermissionDenied for anyone not allowed `project.manage`."""
    require(user, MANAGE)
    found, errors = check_file(data, known_now())
    if errors:
        raise ProjectsRefused(source_name, errors)
    outcome = Outcome(source_name=source_name, projects=len(found), dry_run=dry_run)
    reason = f"import {source_name}"[:100]
    with transaction.atomic():
        stored = {
            project.key: project
            for project in Project.objects.filter(key__in=[parts.project.key for parts in found]).prefetch_related(
                "budgets", "requests"
            )
        }
        wanted = {key for parts in found for key in parts.project.requests}
        requests = dict(AssistanceRequest.objects.filter(key__in=wanted).values_list("key", "pk")) if wanted else {}
        for parts in found:
            project = stored.get(parts.project.key)
            if project is None:
                save_new(parts, user, reason, requests)
                outcome.created += 1
            elif update_one(project, parts, user, reason, requests):
                outcome.changed += 1
            else:
                outcome.unchanged += 1
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def saved(instance, user: Any, reason: str) -> None:
    instance._history_user = user
    instance._change_reason = reason
    instance.save()


def save_new(parts: Parts, user: Any, reason: str, requests: dict[str, int]) -> Project:
    record = parts.project
    project = Project(key=record.key, **{name: getattr(record, name) for name in PROJECT_FIELDS})
    saved(project, user, reason)
    if record.requests:
        project.requests.set([requests[key] for key in record.requests])  # history: m2m_fields
    for line in parts.budgets:
        saved(ProjectBudget(project=project, year=line.year, currency=line.currency, amount=line.amount), user, reason)
    return project


def update_one(project: Project, parts: Parts, user: Any, reason: str, requests: dict[str, int]) -> bool:
    """A stored project brought up to the file (saved, with history, only where something differs)."""
    record = parts.project
    changes = {
        name: getattr(record, name) for name in PROJECT_FIELDS if getattr(project, name) != getattr(record, name)
    }
    if changes:
        for name, value in changes.items():
            setattr(project, name, value)
        saved(project, user, reason)
    changed = bool(changes)
    if sorted(r.key for r in project.requests.all()) != list(record.requests):
        project._history_user = user  # type: ignore[attr-defined]
        project._change_reason = reason  # type: ignore[attr-defined]
        project.requests.set([requests[key] for key in record.requests])
        changed = True
    lines = {(line.year, line.currency): line for line in project.budgets.all()}
    wanted = {line.identity: line for line in parts.budgets}
    for identity in [identity for identity in lines if identity not in wanted]:
        line = lines[identity]
        line._history_user = user  # type: ignore[attr-defined]
        line._change_reason = reason  # type: ignore[attr-defined]
        line.delete()
        changed = True
    for identity, item in wanted.items():
        line = lines.get(identity)
        if line is None:
            saved(
                ProjectBudget(project=project, year=item.year, currency=item.currency, amount=item.amount), user, reason
            )
            changed = True
        elif line.amount != item.amount:
            line.amount = item.amount
            saved(line, user, reason)
            changed = True
    return changed


def project_rows(project: Project) -> list[list[str]]:
    """The rows of a project (its own, then its budget by year and currency), in the order of `COLUMNS`."""

    def row(**cells: str) -> list[str]:
        filled = dict.fromkeys(COLUMNS, "")
        filled.update(cells)
        return [filled[name] for name in COLUMNS]

    rows = [
        row(
            record=projects_csv.PROJECT,
            key=project.key,
            title=project.title,
            region=project.region,
            chapter=project.chapter,
            executing_office=project.executing_office,
            partners=project.partners,
            status=project.status,
            start=project.start.isoformat() if project.start else "",
            end=project.end.isoformat() if project.end else "",
            requests=projects_csv.write_keys(r.key for r in project.requests.all()),
        )
    ]
    for line in sorted(project.budgets.all(), key=lambda line: (line.year, line.currency)):
        rows.append(
            row(
                record=projects_csv.BUDGET,
                key=project.key,
                year=str(line.year),
                currency=line.currency,
                amount=projects_csv.write_amount(line.amount),
            )
        )
    return rows


def write_csv(projects=None) -> str:
    """Every project (or those given) by key, each followed by its budget lines."""
    projects = Project.objects.all() if projects is None else projects
    ordered = sorted(projects.prefetch_related("budgets", "requests"), key=lambda project: project.key)
    return csvfile.write_rows(COLUMNS, [row for project in ordered for row in project_rows(project)])


# -- the requests' download -----------------------------------------------------------------------

REQUEST_COLUMNS = (
    "key",
    "state",
    "chapter",
    "provisions",
    "articles",
    "kind",
    "urgency",
    "status",
    "need",
    "requesting_authority",
    "estimated_cost",
    "currency",
    "shareable",
    "decline_reason",
    "projects",
    "answer",
    "created_at",
    "updated_at",
)


def request_rows(requests):
    """Each request as a row of REQUEST_COLUMNS (codes, not labels: the file is for tables)."""
    for item in requests.select_related("state").prefetch_related("provisions", "articles", "projects"):
        yield {
            "key": item.key,
            "state": item.state_id,
            "chapter": item.chapter,
            "provisions": "; ".join(p.path for p in item.provisions.all()),
            "articles": "; ".join(f"{a.instrument_id} art. {a.article}" for a in item.articles.all()),
            "kind": item.kind,
            "urgency": item.urgency,
            "status": item.status,
            "need": item.need,
            "requesting_authority": item.requesting_authority,
            "estimated_cost": "" if item.estimated_cost is None else f"{item.estimated_cost}",
            "currency": item.currency,
            "shareable": "yes" if item.shareable else "no",
            "decline_reason": item.decline_reason,
            "projects": "; ".join(sorted(p.key for p in item.projects.all())),
            "answer": item.answer_id or "",
            "created_at": item.created_at.isoformat(),
            "updated_at": item.updated_at.isoformat(),
        }
