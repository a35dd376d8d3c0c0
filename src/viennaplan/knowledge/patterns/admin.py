"""The admin for the Secretariat: records with their crime types, States, regions, instruments and
provisions inline. History and the differences between versions are on each record's History page
(SimpleHistoryAdmin)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    PatternCrimeType,
    PatternInstrument,
    PatternProvision,
    PatternRecord,
    PatternRegion,
    PatternState,
)


class CrimeTypeInline(admin.TabularInline):
    model = PatternCrimeType
    extra = 0


class StateInline(admin.TabularInline):
    model = PatternState
    extra = 0
    raw_id_fields = ("state",)


class RegionInline(admin.TabularInline):
    model = PatternRegion
    extra = 0


class InstrumentInline(admin.TabularInline):
    model = PatternInstrument
    extra = 0


class ProvisionInline(admin.TabularInline):
    model = PatternProvision
    extra = 0


@admin.register(PatternRecord)
class PatternRecordAdmin(SimpleHistoryAdmin):
    list_display = ("key", "title", "kind", "period_from", "period_to", "confidence", "published")
    list_filter = ("kind", "confidence", "published")
    search_fields = ("key", "title", "summary", "source")
    readonly_fields = ("year_from", "year_to", "created", "updated")
    inlines = [CrimeTypeInline, StateInline, RegionInline, InstrumentInline, ProvisionInline]
