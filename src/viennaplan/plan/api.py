"""The plan as open data: a read-only JSON API under /api/plan (OpenAPI at /api/docs).

Every endpoint takes `?version=ID` (default: the current version). Unknown chapters,
provisions and notes answer 404, malformed parameters 422, both with the API's one error
body {"detail": "…", "errors": […]}.
Operation ids are stable (`plan_get_provision`, …): clients generated from the OpenAPI
document keep working across releases.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Count, F, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from viennaplan.api_shapes import INVALID, ErrorOut

from .kept import kept_answers
from .models import Deadline, Objective, PlanVersion, Provision
from .schemas import (
    API_ROOT,
    ActorOut,
    ChapterDetailOut,
    ChapterHeading,
    ChapterOut,
    CountsOut,
    CrumbOut,
    DatedProvisionOut,
    DeadlineOut,
    Links,
    NoteDetailOut,
    NoteOut,
    PlanOut,
    ProvisionDetailOut,
    ProvisionFilters,
    ProvisionSummary,
    ReferenceOut,
    SearchFilters,
    SearchHitOut,
    VersionFilter,
    canonical_path,
    cite_line,
    objective_out,
    version_out,
)
from .search import filter_provisions, search_provisions

router = Router()

ERRORS = {404: ErrorOut, **INVALID}  # every operation takes ?version=, which can be malformed


def resolve_version(version_id: int | None) -> PlanVersion:
    """The version asked for, else the current one; 404 with a message that says what to do."""
    if version_id is None:
        version = PlanVersion.current()
        if version is None:
            raise HttpError(404, _("No version of the plan has been imported yet; run `viennaplan plan import`."))
        return version
    try:
        return PlanVersion.objects.get(pk=version_id)
    except PlanVersion.DoesNotExist:
        raise HttpError(
            404,
            _("There is no plan version %(id)s; GET %(root)s lists the versions.")
            % {"id": version_id, "root": API_ROOT},
        ) from None


def operation(path: str, answer: Any, operation_id: str, summary: str) -> Callable[[Callable], Callable]:
    """A GET operation of the plan API: every one takes ?version=, so may answer 404 or 422 too; its
    answers are kept while the plan does not change (`kept.kept_answers`)."""
    register = router.get(path, response={200: answer, **ERRORS}, operation_id=operation_id, summary=summary)
    return lambda view: register(decorate_view(kept_answers)(view))


def version_and_links(filters: VersionFilter) -> tuple[PlanVersion, Links]:
    """The version asked for (`resolve_version`) and the links of the answer, keeping its ?version=."""
    version = resolve_version(filters.version)
    return version, Links(version, filters.version is not None)


def _provisions(version: PlanVersion) -> QuerySet[Provision]:
    return version.provisions.select_related("chapter", "actor").order_by("position")


# ---------------------------------------------------------------------------------------------
# endpoints


@operation("", PlanOut, "plan_get", "The plan and its versions")
def get_plan(request: HttpRequest, filters: Query[VersionFilter]):
    version = resolve_version(filters.version)
    current = PlanVersion.current()
    provisions = version.provisions
    return PlanOut(
        version=version_out(version, current),
        summary=list(version.summary),
        counts=CountsOut(
            chapters=version.chapters.count(),
            objectives=Objective.objects.filter(chapter__version=version).count(),
            paragraphs=provisions.filter(depth=0).count(),
            provisions=provisions.count(),
            notes=version.notes.count(),
            deadlines=Deadline.objects.filter(provision__version=version).count(),
        ),
        versions=[version_out(v, current) for v in PlanVersion.objects.order_by("-imported_at", "-id")],
    )


@operation("/chapters", list[ChapterOut], "plan_list_chapters", "Chapters")
def list_chapters(request: HttpRequest, filters: Query[VersionFilter]):
    version, links = version_and_links(filters)
    chapters = version.chapters.annotate(objective_count=Count("objectives")).order_by("ordinal")
    return [
        ChapterOut(
            **ChapterHeading.model_validate(chapter).model_dump(),
            objectives=chapter.objective_count,
            api_url=links.api(f"chapters/{chapter.number}"),
            url=links.site(f"/plan/chapter/{chapter.number}"),
        )
        for chapter in chapters
    ]


@operation("/chapters/{number}", ChapterDetailOut, "plan_get_chapter", "One chapter with its objectives and paragraphs")
def get_chapter(request: HttpRequest, number: str, filters: Query[VersionFilter]):
    version, links = version_and_links(filters)
    chapter = (
        version.chapters.prefetch_related("notes", Prefetch("objectives", Objective.objects.prefetch_related("notes")))
        .filter(number=number.upper())
        .first()
    )
    if chapter is None:
        known = ", ".join(version.chapters.order_by("ordinal").values_list("number", flat=True))
        raise HttpError(
            404,
            _("There is no chapter %(number)s in plan version %(version)s; chapters are %(known)s.")
            % {"number": repr(number), "version": version.pk, "known": known},
        )
    paragraphs = _provisions(version).filter(chapter=chapter, depth=0)
    return ChapterDetailOut(
        **ChapterHeading.model_validate(chapter).model_dump(),
        notes=sorted(note.number for note in chapter.notes.all()),
        objectives=[objective_out(objective) for objective in chapter.objectives.all()],
        paragraphs=[links.provision_summary(p) for p in paragraphs],
        url=links.site(f"/plan/chapter/{chapter.number}"),
    )


@operation(
    "/provisions", list[ProvisionSummary], "plan_list_provisions", "Provisions (paragraphs, items, sub-items), filtered"
)
def list_provisions(request: HttpRequest, filters: Query[ProvisionFilters]):
    version, links = version_and_links(filters)
    provisions = filter_provisions(
        _provisions(version), chapter=filters.chapter, scope=filters.scope, actor=filters.actor
    )
    if filters.kind:
        provisions = provisions.filter(kind=filters.kind)
    if filters.paragraph:
        provisions = provisions.filter(paragraph=filters.paragraph)
    return [links.provision_summary(p) for p in provisions]


@operation(
    "/provisions/{path:path}",
    ProvisionDetailOut,
    "plan_get_provision",
    "One provision, cited by its path: 57, 57/k or 57/k/ii",
)
def get_provision(request: HttpRequest, path: str, filters: Query[VersionFilter]):
    version, links = version_and_links(filters)
    wanted = canonical_path(path)
    provision = (
        _provisions(version)
        .select_related("version", "parent")
        .prefetch_related("notes", "references", "deadlines", "partners", "objectives__notes", "objectives__chapter")
        .filter(path=wanted)
        .first()
    )
    if provision is None:
        raise HttpError(
            404,
            _(
                "There is no provision %(path)s in plan version %(version)s; "
                "provisions are cited by path, e.g. 57, 57/k or 57/k/ii."
            )
            % {"path": repr(path), "version": version.pk},
        )
    ancestors: list[Provision] = []
    parent = provision.parent
    while parent is not None:
        ancestors.insert(0, parent)
        parent = parent.parent
    chapter = provision.chapter
    crumbs = [
        CrumbOut(label=_("Plan"), url=links.site("/")),
        CrumbOut(label=f"{chapter.number}. {chapter.title}", url=links.site(f"/plan/chapter/{chapter.number}")),
        *[CrumbOut(label=a.citation, url=links.site(a.get_absolute_url())) for a in ancestors],
        CrumbOut(label=provision.citation, url=links.site(provision.get_absolute_url())),
    ]
    summary = links.provision_summary(provision)
    return ProvisionDetailOut(
        **summary.model_dump(),
        version=version.pk,
        full_text=provision.full_text,
        chapter_title=chapter.title,
        parent=links.provision_ref(provision.parent) if provision.parent else None,
        children=[links.provision_summary(child) for child in _provisions(version).filter(parent=provision)],
        breadcrumbs=crumbs,
        cite=cite_line(provision),
        notes=[links.note(note) for note in sorted(provision.notes.all(), key=lambda n: n.number)],
        references=[ReferenceOut.model_validate(ref) for ref in provision.references.all()],
        deadlines=[DeadlineOut.model_validate(deadline) for deadline in provision.deadlines.all()],
        actor_detail=ActorOut.model_validate(provision.actor) if provision.actor else None,
        partners=[ActorOut.model_validate(actor) for actor in provision.partners.all()],
        objectives=[objective_out(o) for o in sorted(provision.objectives.all(), key=lambda o: o.number)],
        subject_to_resources=provision.subject_to_resources,
        upon_request=provision.upon_request,
        source_lines=[provision.source_first_line, provision.source_last_line],
    )


@operation("/notes", list[NoteOut], "plan_list_notes", "Notes")
def list_notes(request: HttpRequest, filters: Query[VersionFilter]):
    version, links = version_and_links(filters)
    return [links.note(note) for note in version.notes.order_by("number")]


@operation("/notes/{number}", NoteDetailOut, "plan_get_note", "One note and what cites it")
def get_note(request: HttpRequest, number: int, filters: Query[VersionFilter]):
    version, links = version_and_links(filters)
    note = version.notes.filter(number=number).first()
    if note is None:
        raise HttpError(
            404,
            _("There is no note %(number)s in plan version %(version)s; GET %(root)s/notes lists them.")
            % {"number": number, "version": version.pk, "root": API_ROOT},
        )
    return NoteDetailOut(
        **links.note(note).model_dump(),
        provisions=[links.provision_ref(p) for p in note.provisions.order_by("position")],
        chapters=[chapter.number for chapter in note.chapters.order_by("ordinal")],
        objectives=[
            str(objective) for objective in note.objectives.select_related("chapter").order_by("chapter__ordinal")
        ],
    )


@operation("/deadlines", list[DatedProvisionOut], "plan_list_deadlines", "Dates the plan commits to, soonest first")
def list_deadlines(request: HttpRequest, filters: Query[VersionFilter]):
    version, links = version_and_links(filters)
    deadlines = (
        Deadline.objects.filter(provision__version=version)
        .select_related("provision__chapter")
        .order_by(F("end").asc(nulls_last=True), "provision__position", "id")
    )
    return [
        DatedProvisionOut(
            **DeadlineOut.model_validate(deadline).model_dump(),
            provision=links.provision_ref(deadline.provision),
            chapter=deadline.provision.chapter.number,
            kind=deadline.provision.kind,
        )
        for deadline in deadlines
    ]


@operation("/search", list[SearchHitOut], "plan_search", "Full-text search over the provisions")
def search(request: HttpRequest, filters: Query[SearchFilters]):
    version, links = version_and_links(filters)
    hits = search_provisions(
        filters.q,
        version=version,
        chapter=filters.chapter,
        scope=filters.scope,
        actor=filters.actor,
        limit=filters.limit,
    )
    return [
        SearchHitOut(
            path=hit.provision.path,
            citation=hit.provision.citation,
            chapter=hit.provision.chapter.number,
            kind=hit.provision.kind,
            snippet=str(hit.snippet),
            rank=hit.rank,
            api_url=links.api(f"provisions/{hit.provision.path}"),
            url=links.site(hit.provision.get_absolute_url()),
        )
        for hit in hits
    ]


# ---------------------------------------------------------------------------------------------
# downloads

EXPORT_TYPES = {
    "json": "application/json; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "akn": "application/akn+xml; charset=utf-8",
}


def _download(version: PlanVersion, fmt: str) -> HttpResponse:
    from .exports import export_plan
    from .loading import load_document

    response = HttpResponse(export_plan(load_document(version), fmt), content_type=EXPORT_TYPES[fmt])
    extension = "xml" if fmt == "akn" else fmt
    suffix = "-akn" if fmt == "akn" else ""
    response["Content-Disposition"] = f'attachment; filename="plans-of-action-v{version.pk}{suffix}.{extension}"'
    return response


def _download_doc(fmt: str) -> dict:
    return {
        "responses": {
            200: {"description": f"the plan as {fmt}", "content": {EXPORT_TYPES[fmt].split(";")[0]: {}}},
        }
    }


def _register_download(fmt: str, summary: str) -> None:
    """One download endpoint per format: /export.json, /export.csv, /export.akn."""

    def export(request: HttpRequest, filters: Query[VersionFilter]):
        return _download(resolve_version(filters.version), fmt)

    export.__name__ = f"export_{fmt}"
    router.get(
        f"/export.{fmt}",
        response=ERRORS,
        operation_id=f"plan_export_{fmt}",
        summary=f"Download: {summary}",
        openapi_extra=_download_doc(fmt),
    )(decorate_view(kept_answers)(export))


for _fmt, _summary in (("json", "JSON"), ("csv", "CSV"), ("akn", "Akoma Ntoso 3.0")):
    _register_download(_fmt, _summary)
