"""The admin for the Secretariat: trafficking flows with the provisions they serve, raw counts (the
admin is the Secretariat's), history and the differences between versions (SimpleHistoryAdmin)."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import rules
from .models import Flow, FlowProvision


class FlowProvisionInline(admin.TabularInline):
    model = FlowProvision
    extra = 0
    fields = ("path",)


@admin.register(Flow)
class FlowAdmin(SimpleHistoryAdmin):
    list_display = ("key", "origin", "destination", "year_from", "year_to", "form", "published")
    list_filter = ("form", "published", "year_to")
    search_fields = ("key", "source", "authority", "origin__alpha3", "destination__alpha3")
    raw_id_fields = ("origin", "destination", "transit")
    readonly_fields = ("created", "updated")
    fieldsets = (
        (None, {"fields": ("key", "origin", "destination", "transit", "year_from", "year_to", "form", "published")}),
        (_("detected victims"), {"fields": (*rules.CELLS, "total")}),
        (_("source"), {"fields": ("source", "source_url", "authority", "created", "updated")}),
    )
    inlines = [FlowProvisionInline]
