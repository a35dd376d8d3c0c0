"""The admin for the Secretariat: assessments with their sectors, types and provisions; documents with
their versions and provisions. History and the differences between versions are on each record's
History page (SimpleHistoryAdmin)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import rules
from .models import (
    Assessment,
    AssessmentProvision,
    AssessmentSector,
    AssessmentType,
    Document,
    DocumentProvision,
    DocumentVersion,
)


class AssessmentSectorInline(admin.TabularInline):
    model = AssessmentSector
    extra = 0
    min_num = 1
    fields = ("sector",)


class AssessmentTypeInline(admin.TabularInline):
    model = AssessmentType
    extra = 0
    min_num = 1
    fields = ("type",)


class AssessmentProvisionInline(admin.TabularInline):
    model = AssessmentProvision
    extra = 0
    fields = ("path",)


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ("state", "key", "title", "scope", "method", "year", "published")
    list_filter = ("scope", "method", "published", "year")
    search_fields = ("key", "title", "publisher", "state__alpha3", "state__name_en")
    raw_id_fields = ("state",)
    readonly_fields = ("year", "created", "updated")
    inlines = [AssessmentSectorInline, AssessmentTypeInline, AssessmentProvisionInline]

    def save_related(self, request, form, formsets, change) -> None:
        """An assessment serves at least 33(a), the paragraph that asks for them (as in the CSV file)."""
        super().save_related(request, form, formsets, change)
        if not form.instance.provisions.exists():
            AssessmentProvision.objects.create(assessment=form.instance, path=rules.DEFAULT_PROVISION)


class DocumentVersionInline(admin.StackedInline):
    model = DocumentVersion
    extra = 0
    fields = ("label", "date", "published", "changes", "official_url", "text")


class DocumentProvisionInline(admin.TabularInline):
    model = DocumentProvision
    extra = 0
    fields = ("path",)


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ("key", "title", "kind", "area", "published")
    list_filter = ("kind", "area", "published")
    search_fields = ("key", "title")
    readonly_fields = ("created", "updated")
    inlines = [DocumentProvisionInline, DocumentVersionInline]


@admin.register(DocumentVersion)
class DocumentVersionAdmin(SimpleHistoryAdmin):
    """Each version has its own history: the changes to its text, step by step."""

    list_display = ("document", "label", "date", "published")
    list_filter = ("published", "document")
    search_fields = ("label", "document__key", "document__title")
    raw_id_fields = ("document",)
