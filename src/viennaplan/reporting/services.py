"""The Django side of reporting: every change to cycles, reports, answers, international
progress and contributions from civil society goes through these functions, and each checks
permission via accounts.permissions.

    open_cycle(user, name, opens, closes, chapters) -> ReportingCycle
    report_for(cycle, state) -> Report
    save_answer(user, answer, data, expected_version) -> Answer        (EditConflict)
    apply_transition(user, report, name, comment="") -> ReportEvent    (TransitionError)
    add_comment(user, report, text, question=None) -> ReviewComment
    report_diff(report, at_a, at_b) -> list[AnswerDiff]
    record_international_progress(user, cycle, provision, data, entity="") -> InternationalActionProgress
    submit_contribution(user, report, text) -> Contribution            (InvalidContribution, ContributionNotNow)
    moderate_contribution(user, contribution, "approve"|"reject", note="") -> Contribution
    visible_contributions(user, report) -> QuerySet[Contribution]
"""

from .answer_data import AnswerDataError
from .answers import EditConflict, ReportNotEditable, add_comment, save_answer
from .contributions import (
    ContributionNotNow,
    InvalidContribution,
    moderate_contribution,
    moderation_queue,
    submit_contribution,
    visible_contributions,
)
from .cycles import CycleError, open_cycle, previous_cycle_report, report_for
from .diffs import AnswerDiff, FieldChange, created_moment, report_diff
from .international import ProgressError, international_units, record_international_progress
from .transitions import apply_transition
from .workflow import TransitionError

__all__ = [
    "AnswerDataError",
    "AnswerDiff",
    "ContributionNotNow",
    "CycleError",
    "EditConflict",
    "FieldChange",
    "InvalidContribution",
    "ProgressError",
    "ReportNotEditable",
    "TransitionError",
    "add_comment",
    "apply_transition",
    "created_moment",
    "international_units",
    "moderate_contribution",
    "moderation_queue",
    "open_cycle",
    "previous_cycle_report",
    "record_international_progress",
    "report_diff",
    "report_for",
    "save_answer",
    "submit_contribution",
    "visible_contributions",
]
