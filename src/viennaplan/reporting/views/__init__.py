"""Reporting pages: cycles, a State's report (and its forms), its history, international progress,
and the moderation of comments from civil society."""

from .contributions import moderate, moderation
from .cycles import cycle_detail, cycle_list, cycle_options
from .desk import desk_page
from .history import report_history
from .international import international_progress
from .printing import report_pdf, report_print
from .reports import answer_save, comment, contribute, next_unanswered, report_page, start_report, transition
from .sections import section_page
from .submit import submit_step

__all__ = [
    "answer_save",
    "comment",
    "contribute",
    "cycle_detail",
    "cycle_list",
    "cycle_options",
    "desk_page",
    "international_progress",
    "moderate",
    "moderation",
    "next_unanswered",
    "report_history",
    "report_pdf",
    "report_print",
    "report_page",
    "section_page",
    "start_report",
    "submit_step",
    "transition",
]
