"""Helpers of the submit-step tests (importable by name)."""

from __future__ import annotations

from viennaplan.reporting.models import Answer


def answer_all(report, but: int = 0) -> list[Answer]:
    """Answer every question of `report` but the last `but`; returns those left unanswered."""
    answers = list(report.answers.select_related("question").order_by("question__position"))
    left = answers[len(answers) - but :] if but else []
    Answer.objects.filter(pk__in=[a.pk for a in answers if a not in left]).update(status="implemented")
    return left
