"""The admin (for the secretariat): users with their role, profiles with history, and the
failed sign-in attempts (delete them to lift a lockout early)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import FailedLogin, Profile

User = get_user_model()


class ProfileInline(admin.StackedInline):
    model = Profile
    fk_name = "user"
    can_delete = False
    autocomplete_fields = ["state"]
    raw_id_fields = ["invited_by"]


admin.site.unregister(User)


@admin.register(User)
class UserWithRoleAdmin(UserAdmin):
    inlines = [ProfileInline]
    list_display = ["username", "get_full_name", "role", "state", "is_active", "last_login"]
    list_filter = ["is_active", "profile__role", "is_staff"]
    list_select_related = ["profile"]

    @admin.display(description=_("role"), ordering="profile__role")
    def role(self, user: Any) -> str:
        profile = getattr(user, "profile", None)
        return profile.get_role_display() if profile else "—"

    @admin.display(description=_("State"), ordering="profile__state")
    def state(self, user: Any) -> str:
        profile = getattr(user, "profile", None)
        return (profile.state_id or "") if profile else ""


@admin.register(Profile)
class ProfileAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "state", "organisation", "invited_by", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email", "organisation", "state__alpha3", "state__name_en"]
    autocomplete_fields = ["state"]
    raw_id_fields = ["user", "invited_by"]


@admin.register(FailedLogin)
class FailedLoginAdmin(admin.ModelAdmin):
    list_display = ["username", "ip", "at"]
    search_fields = ["username", "ip"]
    readonly_fields = ["username", "ip", "at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
