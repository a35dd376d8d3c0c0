"""Reporting pages: cycles, a State's report (and its forms), its history, international progress."""

from .cycles import cycle_detail, cycle_list
from .history import report_history
from .international import international_progress
from .reports import answer_save, comment, report_page, transition

__all__ = [
    "answer_save",
    "comment",
    "cycle_detail",
    "cycle_list",
    "international_progress",
    "report_history",
    "report_page",
    "transition",
]
