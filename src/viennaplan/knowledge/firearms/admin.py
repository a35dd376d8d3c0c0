"""The admin for the Secretariat: each State's firearms regulations by round with their topics, and the
national firearms reports with their moves.

History and the differences between versions are on each record's History page (SimpleHistoryAdmin);
each topic has its own (a round's page edits its topics inline).
A report's status is the workflow's: it is read-only here and changes only through `transitions.py`
(the report's page), so that every move is checked and recorded.
"""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import national_reports
from .models import FirearmsReport, FirearmsReportEvent, Regulation, RegulationTopic


class RegulationTopicInline(admin.StackedInline):
    model = RegulationTopic
    extra = 0
    fields = ("topic", "summary", "law", "law_citation", "official_url")
    raw_id_fields = ("law",)


@admin.register(Regulation)
class RegulationAdmin(SimpleHistoryAdmin):
    list_display = ("state", "round", "published", "updated")
    list_filter = ("published", "round")
    search_fields = ("state__alpha3", "state__name_en", "topics__summary")
    raw_id_fields = ("state",)
    readonly_fields = ("created", "updated")
    inlines = [RegulationTopicInline]


@admin.register(RegulationTopic)
class RegulationTopicAdmin(SimpleHistoryAdmin):
    """Each topic on its own too, for its history and the differences between its versions."""

    list_display = ("regulation", "topic", "law_citation")
    list_filter = ("topic",)
    search_fields = ("regulation__state__alpha3", "summary", "law_citation")
    raw_id_fields = ("regulation", "law")


class FirearmsReportEventInline(admin.TabularInline):
    model = FirearmsReportEvent
    extra = 0
    fields = ("at", "transition", "from_status", "to_status", "user", "comment")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(FirearmsReport)
class FirearmsReportAdmin(SimpleHistoryAdmin):
    list_display = ("state", "year", "status", "updated")
    list_filter = ("status", "year")
    search_fields = ("state__alpha3", "state__name_en")
    raw_id_fields = ("state",)
    readonly_fields = ("status", "created", "updated", "submitted_at", "validated_at", "published_at")
    fields = ("state", "year", *readonly_fields, *national_reports.FIELD_NAMES)
    inlines = [FirearmsReportEventInline]
