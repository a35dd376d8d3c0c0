"""How the site names a person, on pages, in the API and in messages alike:

    display_name(user)                     -> "Anna Graf", or "focal.che@example.org" without a name
    display_name(None)                     -> "—" (nobody, e.g. a deleted account)
    display_name(None, nobody="someone")   -> "someone"

The full name when the account has one, else the username (every account the site creates has
its email address as username). Templates use the filter `{{ user|person }}` (accounts_tags).
"""

from __future__ import annotations

from typing import Any


def display_name(user: Any, nobody: str = "—") -> str:
    if user is None:
        return nobody
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return full or user.get_username()
