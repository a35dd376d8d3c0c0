"""The secretariat may do everything, in the admin too: this backend grants every model
permission to active secretariat users (role decided by accounts.permissions.role_of), so
their accounts need no per-model permissions. It authenticates nobody (ModelBackend does)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from .permissions import role_of
from .roles import SECRETARIAT


class SecretariatBackend(BaseBackend):
    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return role_of(user_obj) == SECRETARIAT

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return role_of(user_obj) == SECRETARIAT
