"""Admin pages for the secretariat: the imported versions (read-only source and report) and
the plan's parts. Models with history use simple-history's admin, so every edit is kept and
can be compared. Versions are created by `viennaplan plan import`, never by hand."""

from __future__ import annotations

import json

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import changes, search
from .models import Actor, Chapter, Deadline, Note, Objective, PlanVersion, Provision, Reference


@admin.register(PlanVersion)
class PlanVersionAdmin(SimpleHistoryAdmin):
    list_display = ["id", "title_short", "symbol", "date", "source_name", "imported_at"]
    search_fields = ["title", "symbol", "source_name", "checksum"]
    readonly_fields = [
        "checksum",
        "source_name",
        "imported_at",
        "report_display",
        "source_text",
        "summary",
        "front_notes",
    ]
    exclude = ["report"]
    fieldsets = [
        (None, {"fields": ["title", "symbol", "date", "body", "session", "agenda_item", "original_language"]}),
        (_("Import"), {"fields": ["checksum", "source_name", "imported_at", "report_display"]}),
        (_("Source"), {"classes": ["collapse"], "fields": ["summary", "front_notes", "source_text"]}),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # a version comes from `viennaplan plan import`

    @admin.display(description=_("title"))
    def title_short(self, obj: PlanVersion) -> str:
        return obj.title[:80]

    @admin.display(description=_("import report"))
    def report_display(self, obj: PlanVersion) -> str:
        return format_html("<pre>{}</pre>", json.dumps(obj.report, indent=2, ensure_ascii=False))

    def delete_model(self, request: HttpRequest, obj: PlanVersion) -> None:
        super().delete_model(request, obj)
        search.rebuild_index()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[PlanVersion]) -> None:
        super().delete_queryset(request, queryset)
        search.rebuild_index()


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "description"]


@admin.register(Note)
class NoteAdmin(SimpleHistoryAdmin):
    list_display = ["number", "version", "text_short"]
    list_filter = ["version"]
    search_fields = ["text"]
    list_select_related = ["version"]
    raw_id_fields = ["version"]

    @admin.display(description=_("text"))
    def text_short(self, obj: Note) -> str:
        return obj.text[:100]


class ObjectiveInline(admin.TabularInline):
    model = Objective
    extra = 0
    fields = ["number", "numbered", "text"]


@admin.register(Chapter)
class ChapterAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "first_paragraph", "last_paragraph", "version"]
    list_filter = ["version"]
    search_fields = ["title"]
    list_select_related = ["version"]
    raw_id_fields = ["version"]
    filter_horizontal = ["notes"]
    inlines = [ObjectiveInline]


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ["__str__", "text_short"]
    list_filter = ["chapter__version", "chapter__number"]
    search_fields = ["text"]
    list_select_related = ["chapter"]
    raw_id_fields = ["chapter"]
    filter_horizontal = ["notes"]

    @admin.display(description=_("text"))
    def text_short(self, obj: Objective) -> str:
        return obj.text[:100]


class ReferenceInline(admin.TabularInline):
    model = Reference
    extra = 0
    fields = ["kind", "text", "target", "start", "end"]


class DeadlineInline(admin.TabularInline):
    model = Deadline
    extra = 0
    fields = ["text", "start", "end", "precision", "note"]


@admin.register(Provision)
class ProvisionAdmin(SimpleHistoryAdmin):
    list_display = ["citation", "kind", "chapter_number", "actor", "text_short", "version"]
    list_filter = ["kind", "chapter__number", "actor", "version", "subject_to_resources", "upon_request"]
    search_fields = ["=citation", "path", "text"]
    list_select_related = ["chapter", "actor", "version"]
    raw_id_fields = ["version", "chapter", "parent"]
    filter_horizontal = ["notes", "objectives", "partners"]
    readonly_fields = ["full_text", "source_first_line", "source_last_line"]
    ordering = ["version", "position"]
    inlines = [ReferenceInline, DeadlineInline]

    @admin.display(description=_("chapter"), ordering="chapter__ordinal")
    def chapter_number(self, obj: Provision) -> str:
        return obj.chapter.number

    @admin.display(description=_("text"))
    def text_short(self, obj: Provision) -> str:
        return obj.text[:100]

    def save_model(self, request: HttpRequest, obj: Provision, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        changes.refresh_full_text(obj)
        search.index_provision(obj)
