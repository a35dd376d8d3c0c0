"""Admin pages of monitoring: the indicator targets, for the Secretariat only (`target.manage`),
with the history of every change (simple-history). The pages /targets/new and /targets/ID/edit
do the same outside the admin."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from viennaplan.accounts.permissions import can

from .models import IndicatorTarget


@admin.register(IndicatorTarget)
class IndicatorTargetAdmin(SimpleHistoryAdmin):
    list_display = ["provision", "indicator", "baseline_year", "target_year", "rule", "threshold", "window"]
    list_filter = ["rule", "indicator"]
    search_fields = ["provision", "indicator__code", "indicator__name"]
    readonly_fields = ["created_by", "created_at"]

    def _manages(self, request: Any) -> bool:
        return can(request.user, "target.manage")

    def has_add_permission(self, request: Any) -> bool:
        return self._manages(request)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return self._manages(request)

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return self._manages(request)

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return self._manages(request)

    def has_module_permission(self, request: Any) -> bool:
        return self._manages(request)

    def save_model(self, request: Any, obj: IndicatorTarget, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
