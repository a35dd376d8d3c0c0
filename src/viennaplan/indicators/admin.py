"""Admin pages for the secretariat: the catalogue (extend and edit it), observations and imports,
with the history of every change (simple-history)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Indicator, Observation, ObservationImport


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "chapter", "kind", "unit", "seeded"]
    list_filter = ["chapter", "kind", "seeded"]
    search_fields = ["code", "name", "definition"]


@admin.register(Observation)
class ObservationAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "state", "year", "published", "disaggregation_key", "estimate", "provisional"]
    list_filter = ["indicator", "year", "estimate", "provisional", "break_in_series"]
    search_fields = ["state__alpha3", "state__name_en", "indicator__code", "source"]
    raw_id_fields = ["batch"]
    list_select_related = ["indicator"]


@admin.register(ObservationImport)
class ObservationImportAdmin(admin.ModelAdmin):
    list_display = ["source_name", "format", "rows", "created", "on_file", "imported_by", "imported_at"]
    readonly_fields = [f.name for f in ObservationImport._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False
