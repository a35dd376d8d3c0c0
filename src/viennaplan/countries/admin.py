"""Admin pages for the secretariat: the country reference data, read-only. The rows come from
the CSV files in countries/data (`viennaplan countries load`); edit the files, with their
source, and reload, so that the files and the database never disagree."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Country, CountryName, CountryStatus, OrganizationMembership, Predecessor, RegionalGroupMembership


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class GroupInline(admin.TabularInline):
    model = RegionalGroupMembership
    fields = ["group", "primary", "note", "source"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class StatusInline(GroupInline):
    model = CountryStatus  # type: ignore[assignment]
    fields = ["list", "since", "until", "source", "note"]


@admin.register(Country)
class CountryAdmin(ReadOnlyAdmin):
    list_display = ["alpha3", "name_en", "alpha2", "m49", "kind", "region", "subregion", "un_member_since"]
    list_filter = ["kind", "region", "regional_groups__group", "statuses__list"]
    search_fields = ["alpha3", "alpha2", "m49", "name_en", "name_fr", "name_es", "name_ru", "name_zh", "name_ar"]
    inlines = [GroupInline, StatusInline]


@admin.register(RegionalGroupMembership)
class RegionalGroupMembershipAdmin(ReadOnlyAdmin):
    list_display = ["country", "group", "primary", "note"]
    list_filter = ["group", "primary"]
    search_fields = ["country__name_en", "country__alpha3"]


@admin.register(CountryStatus)
class CountryStatusAdmin(ReadOnlyAdmin):
    list_display = ["country", "list", "since", "until", "source"]
    list_filter = ["list"]
    search_fields = ["country__name_en", "country__alpha3", "source"]


@admin.register(CountryName)
class CountryNameAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "valid_from", "valid_to", "note"]
    search_fields = ["name", "normalised", "code"]


@admin.register(Predecessor)
class PredecessorAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "existed_from", "existed_to", "continued_by"]


@admin.register(OrganizationMembership)
class OrganizationMembershipAdmin(ReadOnlyAdmin):
    list_display = ["member", "organization", "joined", "left"]
    list_filter = ["organization"]
    search_fields = ["member__name_en", "member__alpha3"]
