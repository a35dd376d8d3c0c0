"""The admin for the Secretariat: laws with the articles they implement and the provisions they serve.

History and the differences between versions are on each law's History page (SimpleHistoryAdmin).
"""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Law, LawArticle, LawProvision


class LawArticleInline(admin.TabularInline):
    model = LawArticle
    extra = 0
    fields = ("instrument", "article", "extract")


class LawProvisionInline(admin.TabularInline):
    model = LawProvision
    extra = 0
    fields = ("path",)


@admin.register(Law)
class LawAdmin(SimpleHistoryAdmin):
    list_display = ("state", "key", "title_en", "kind", "status", "adopted", "published")
    list_filter = ("status", "kind", "published")
    search_fields = ("key", "title_en", "title_original", "state__alpha3", "state__name_en")
    autocomplete_fields = ("amended_by", "repealed_by")
    raw_id_fields = ("state",)
    readonly_fields = ("created", "updated")
    inlines = [LawArticleInline, LawProvisionInline]
