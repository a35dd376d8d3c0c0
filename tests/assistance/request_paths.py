"""Constants of the request tests, imported by name (`from request_paths import NEED`): a test module
importing from `conftest` gets whichever conftest pytest imported first under that name."""

from __future__ import annotations

# transitions that bring a received request to each status
PATH_TO: dict[str, tuple[str, ...]] = {
    "received": (),
    "assessed": ("assess",),
    "awaiting_resources": ("assess", "await"),
    "funded": ("assess", "await", "fund"),
    "in_delivery": ("assess", "await", "fund", "deliver"),
    "delivered": ("assess", "await", "fund", "deliver", "complete"),
    "closed": ("assess", "await", "fund", "deliver", "complete", "close"),
    "declined": ("decline",),
}
NEED = "Training of customs officers in the marking of firearms."
