"""The Secretariat's admin for requests for technical assistance and projects (issue 13).

Only those allowed `project.manage` (the Secretariat) get in, whatever their staff flag. A request is
filed on its page (`filing.py`: the key, the State's permission) and moves only through its named
transitions (`transitions.py`: an event each), so here its key, State, status and events are read-only
and a request is neither added nor deleted; its need, kind, provisions and articles may be corrected.
A project's status also changes only on its page (an output starts the delivery of its requests,
completing it delivers them): here it is read-only, outputs are listed but recorded on the project's
page; its fields, requests, budget and milestones are edited. History and the differences between
versions are on each History page (SimpleHistoryAdmin); the inlines' rows keep their own history too.
"""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from viennaplan.accounts.permissions import can

from .models import (
    AssistanceRequest,
    Milestone,
    Project,
    ProjectBudget,
    ProjectOutput,
    RequestArticle,
    RequestEvent,
    RequestProvision,
)
from .projects import MANAGE


class SecretariatOnly:
    """The table of who may do what decides, not the staff flag."""

    def has_module_permission(self, request) -> bool:
        return can(request.user, MANAGE)

    def has_view_permission(self, request, obj=None) -> bool:
        return can(request.user, MANAGE)

    def has_add_permission(self, request, obj=None) -> bool:
        return can(request.user, MANAGE)

    def has_change_permission(self, request, obj=None) -> bool:
        return can(request.user, MANAGE)

    def has_delete_permission(self, request, obj=None) -> bool:
        return can(request.user, MANAGE)


class ReadOnlyInline(SecretariatOnly, admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class RequestProvisionInline(SecretariatOnly, admin.TabularInline):
    model = RequestProvision
    extra = 0
    fields = ("path",)


class RequestArticleInline(SecretariatOnly, admin.TabularInline):
    model = RequestArticle
    extra = 0
    fields = ("instrument", "article")


class RequestEventInline(ReadOnlyInline):
    model = RequestEvent
    fields = ("at", "transition", "from_status", "to_status", "user", "comment")
    readonly_fields = fields


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(SecretariatOnly, SimpleHistoryAdmin):
    list_display = ("key", "state", "chapter", "kind", "urgency", "status", "created_at")
    list_filter = ("status", "kind", "urgency", "chapter")
    search_fields = ("key", "state__alpha3", "need", "requesting_authority")
    date_hierarchy = "created_at"
    fields = (
        "key",
        "state",
        "chapter",
        "need",
        "kind",
        "urgency",
        "requesting_authority",
        "estimated_cost",
        "currency",
        "shareable",
        "status",
        "decline_reason",
        "answer",
        "created_by",
        "created_at",
        "updated_at",
    )
    readonly_fields = ("key", "state", "status", "decline_reason", "answer", "created_by", "created_at", "updated_at")
    inlines = [RequestProvisionInline, RequestArticleInline, RequestEventInline]

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # filed on its page (filing.py), which gives the key and checks the State

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # a request stays on file; it is declined or closed


class ProjectBudgetInline(SecretariatOnly, admin.TabularInline):
    model = ProjectBudget
    extra = 0
    fields = ("year", "currency", "amount")


class MilestoneInline(SecretariatOnly, admin.TabularInline):
    model = Milestone
    extra = 0
    fields = ("title", "due", "done")


class ProjectOutputInline(ReadOnlyInline):
    model = ProjectOutput
    fields = ("date", "kind", "quantity", "description")
    readonly_fields = fields


@admin.register(Project)
class ProjectAdmin(SecretariatOnly, SimpleHistoryAdmin):
    list_display = ("key", "title", "region", "chapter", "status", "start", "end")
    list_filter = ("status", "chapter", "region")
    search_fields = ("key", "title", "region", "executing_office", "partners")
    filter_horizontal = ("requests",)
    fields = (
        "key",
        "title",
        "region",
        "chapter",
        "executing_office",
        "partners",
        "requests",
        "status",
        "start",
        "end",
        "created_at",
        "updated_at",
    )
    readonly_fields = ("status", "created_at", "updated_at")
    inlines = [ProjectBudgetInline, MilestoneInline, ProjectOutputInline]

    def get_readonly_fields(self, request, obj=None):
        return ("key", *self.readonly_fields) if obj is not None else self.readonly_fields

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # money may have been disbursed to it; a project is completed, not deleted
