"""The roles a user can hold, as plain constants (no Django models here; the labels are lazy
translations, `django.utils.translation` the one Django import).

A signed-in user holds at most one role, through their Profile. A user without a role (or not
signed in, or deactivated) is the public: they read what is published.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

SECRETARIAT = "secretariat"
FOCAL_POINT = "focal_point"
REVIEWER = "reviewer"
CONTRIBUTOR = "contributor"

ROLES: tuple[str, ...] = (SECRETARIAT, FOCAL_POINT, REVIEWER, CONTRIBUTOR)
ROLE_LABELS: dict[str, str] = {
    SECRETARIAT: gettext_lazy("Secretariat"),
    FOCAL_POINT: gettext_lazy("National focal point"),
    REVIEWER: gettext_lazy("Reviewer"),
    CONTRIBUTOR: gettext_lazy("Civil-society contributor"),
}
PUBLIC_LABEL = gettext_lazy("The public")

# Roles that are bound to one State (Profile.state is required for them).
STATE_BOUND_ROLES: frozenset[str] = frozenset({FOCAL_POINT})


def label(role: str | None) -> str:
    """The role's name for people ("National focal point"); the public for None."""
    return ROLE_LABELS.get(role, PUBLIC_LABEL) if role else PUBLIC_LABEL
