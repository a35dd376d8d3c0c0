"""Server-rendered pages of the plan. Each page has a JSON twin under /api/plan/."""

from .pages import chapter, deadlines, home, note, notes
from .provisions import provision
from .search import search

__all__ = ["chapter", "deadlines", "home", "note", "notes", "provision", "search"]
