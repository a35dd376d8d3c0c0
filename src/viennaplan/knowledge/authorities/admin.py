"""The admin for the Secretariat: authorities with the provisions they serve and their contact details.

History and the differences between versions are on each authority's History page, and on the
contact details' own History page (SimpleHistoryAdmin): both are kept. The contact details are shown
only to whom the permission table allows `authority.contacts` (the admin is the Secretariat's, but
the table decides, not the staff flag).
"""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from viennaplan.accounts.permissions import can

from .models import Authority, AuthorityContact, AuthorityProvision

CONTACTS = "authority.contacts"


class AuthorityProvisionInline(admin.TabularInline):
    model = AuthorityProvision
    extra = 0
    fields = ("path",)


class AuthorityContactInline(admin.StackedInline):
    model = AuthorityContact
    extra = 0
    max_num = 1
    fields = ("contact_title", "address", "telephone", "fax", "email", "hours", "time_zone")

    def has_view_permission(self, request, obj=None) -> bool:
        return can(request.user, CONTACTS, obj or Authority()) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return can(request.user, CONTACTS, obj or Authority()) and super().has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return can(request.user, CONTACTS, obj or Authority()) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return can(request.user, CONTACTS, obj or Authority()) and super().has_delete_permission(request, obj)


@admin.register(Authority)
class AuthorityAdmin(SimpleHistoryAdmin):
    list_display = ("state", "key", "name_en", "purpose", "published")
    list_filter = ("purpose", "published")
    search_fields = ("key", "name_en", "name_original", "state__alpha3", "state__name_en")
    raw_id_fields = ("state",)
    readonly_fields = ("created", "updated")
    inlines = [AuthorityProvisionInline, AuthorityContactInline]


@admin.register(AuthorityContact)
class AuthorityContactAdmin(SimpleHistoryAdmin):
    """Reached from an authority's page; here for the contact details' own history and diff."""

    list_display = ("authority", "contact_title", "email", "telephone")
    search_fields = ("authority__key", "authority__name_en")
    raw_id_fields = ("authority",)

    def has_module_permission(self, request) -> bool:
        return False  # not listed on the admin's index: edited inline on its authority

    def _allowed(self, request, obj=None) -> bool:
        return can(request.user, CONTACTS, obj.authority if obj is not None else Authority())

    def has_view_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj) and super().has_change_permission(request, obj)

    def has_add_permission(self, request) -> bool:
        return self._allowed(request) and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj) and super().has_delete_permission(request, obj)
