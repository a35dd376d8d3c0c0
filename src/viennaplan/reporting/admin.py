"""The admin for the Secretariat: cycles, reports, answers, events, comments, progress, and
comments from civil society (moderated on /reporting/contributions/, not here).

A report's status is read-only here: it changes only through the workflow's transitions
(`transitions.apply_transition`), which the report page offers. Events are never edited.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Answer,
    Contribution,
    InternationalActionProgress,
    Question,
    Report,
    ReportEvent,
    ReportingCycle,
    ReviewComment,
)


@admin.register(ReportingCycle)
class ReportingCycleAdmin(SimpleHistoryAdmin):
    list_display = ("name", "opens", "closes", "is_demo", "created_by")
    readonly_fields = ("plan_version", "chapters", "created_by", "created_at")


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("cycle", "citation", "chapter", "position")
    list_filter = ("cycle", "chapter")
    readonly_fields = ("cycle", "provision", "position", "path", "citation", "chapter", "objectives")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # questions are generated when a cycle opens


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ("state", "cycle", "status", "submitted_at", "published_at")
    list_filter = ("cycle", "status")
    search_fields = ("state__name_en", "state__alpha3")
    readonly_fields = (
        "cycle",
        "state",
        "status",
        "created_at",
        "submitted_at",
        "first_submitted_at",
        "validated_at",
        "published_at",
        "carried_over_from",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # a report is started by its State (cycles.report_for), with its answers


@admin.register(Answer)
class AnswerAdmin(SimpleHistoryAdmin):
    list_display = ("report", "question", "status", "version", "updated_by", "updated_at")
    list_filter = ("report__cycle", "status")
    readonly_fields = ("report", "question", "version", "carried_over_from", "updated_by", "updated_at")

    def has_change_permission(self, request: HttpRequest, obj: Answer | None = None) -> bool:
        return False  # answers change through the report page or the API (permission, locking, workflow)


@admin.register(ReportEvent)
class ReportEventAdmin(admin.ModelAdmin):
    list_display = ("report", "transition", "from_status", "to_status", "user", "at")
    list_filter = ("transition",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ReportEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ReportEvent | None = None) -> bool:
        return False


@admin.register(ReviewComment)
class ReviewCommentAdmin(admin.ModelAdmin):
    list_display = ("report", "question", "author", "at")


@admin.register(Contribution)
class ContributionAdmin(SimpleHistoryAdmin):
    list_display = ("report", "organisation", "author", "status", "submitted_at", "moderated_by")
    list_filter = ("status", "report__cycle")
    readonly_fields = (
        "report",
        "author",
        "organisation",
        "submitted_at",
        "status",
        "moderated_by",
        "moderated_at",
        "moderation_note",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # contributors submit on the report page; the Secretariat moderates on its own page


@admin.register(InternationalActionProgress)
class InternationalActionProgressAdmin(SimpleHistoryAdmin):
    list_display = ("cycle", "provision", "entity", "status", "resources", "version")
    list_filter = ("cycle", "status", "resources")
    readonly_fields = ("version", "updated_by", "updated_at")
