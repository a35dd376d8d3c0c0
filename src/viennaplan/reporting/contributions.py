"""Comments from civil society on a State's published report, reviewed before they show.

    submit_contribution(contributor, report, "The new law is not applied yet.") -> Contribution (pending)
    moderate_contribution(secretariat, contribution, "approve", note="") -> Contribution (approved)
    visible_contributions(user, report) -> the contributions `user` may read, oldest first
    moderation_queue(user, status=None) -> every contribution, those waiting for review first

Who may: "contribution.submit" (contributors, on published reports) and "contribution.moderate"
(the Secretariat) in accounts.permissions. The public sees approved contributions only; an
author also sees their own pending or rejected ones; the Secretariat sees all of them.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from viennaplan.accounts.permissions import can, require

from . import workflow
from .models import Contribution, Report

DECISIONS: dict[str, str] = {"approve": Contribution.APPROVED, "reject": Contribution.REJECTED}
MAX_NOTE_LENGTH = 2000


class InvalidContribution(ValueError):
    """Wrong input (empty or over-long text, an unknown decision); nothing was saved."""


class ContributionNotNow(ValueError):
    """Not possible at this moment: the report is not published, or the contribution was
    already moderated."""


def clean_text(text: str, *, what: str = "comment", limit: int = Contribution.MAX_LENGTH) -> str:
    """`text` with ends stripped and line breaks as browsers count them (\\n, not \\r\\n); `what`:
    "comment" or "note" (each has its own translated message)."""
    cleaned = (text or "").replace("\r\n", "\n").strip()
    if len(cleaned) > limit:
        message = (
            _("The note is %(length)s characters long; at most %(limit)s are allowed. Shorten it and send it again.")
            if what == "note"
            else _(
                "The comment is %(length)s characters long; at most %(limit)s are allowed. "
                "Shorten it and send it again."
            )
        )
        raise InvalidContribution(message % {"length": f"{len(cleaned):,}", "limit": f"{limit:,}"})
    return cleaned


def submit_contribution(user: Any, report: Report, text: str) -> Contribution:
    """A new contribution of `user` on `report`, waiting for review.

    Raises PermissionDenied (no "contribution.submit" on this report), ContributionNotNow (the
    report is not published) or InvalidContribution (empty or longer than 5,000 characters).
    """
    require(user, "contribution.submit", report)
    if report.pk is None or report.status != workflow.PUBLISHED:
        raise ContributionNotNow(_("Comments from civil society are taken on published reports only."))
    cleaned = clean_text(text)
    if not cleaned:
        raise InvalidContribution(_("The comment is empty; write what you would like to say about this report."))
    contribution = Contribution(
        report=report,
        author=user,
        organisation=getattr(getattr(user, "profile", None), "organisation", "") or "",
        text=cleaned,
    )
    contribution._history_user = user  # type: ignore[attr-defined]
    contribution.save()
    return contribution


def moderate_contribution(user: Any, contribution: Contribution, decision: str, note: str = "") -> Contribution:
    """Approve (it shows to everyone) or reject (it never shows but to its author) a pending
    contribution, with an optional note for the author.

    Raises PermissionDenied (no "contribution.moderate"), InvalidContribution (unknown decision,
    over-long note) or ContributionNotNow (already approved or rejected, maybe by someone else).
    """
    require(user, "contribution.moderate")
    if decision not in DECISIONS:
        raise InvalidContribution(
            _("%(decision)s is not a decision; the decisions are %(decisions)s.")
            % {"decision": repr(decision), "decisions": " and ".join(DECISIONS)}
        )
    cleaned_note = clean_text(note, what="note", limit=MAX_NOTE_LENGTH)
    target = DECISIONS[decision]
    with transaction.atomic():
        if not Contribution.objects.filter(pk=contribution.pk, status=Contribution.PENDING).update(status=target):
            contribution.refresh_from_db()
            raise ContributionNotNow(
                _("This comment was already %(status)s; only comments waiting for review are moderated.")
                % {"status": str(contribution.get_status_display()).lower()}
            )
        contribution.status = target
        contribution.moderated_by = user
        contribution.moderated_at = timezone.now()
        contribution.moderation_note = cleaned_note
        contribution._history_user = user  # type: ignore[attr-defined]
        contribution._change_reason = decision  # type: ignore[attr-defined]
        contribution.save()
    return contribution


def visible_contributions(user: Any, report: Report) -> QuerySet[Contribution]:
    """The contributions on `report` that `user` may read, oldest first (none when the user may
    not read the report itself)."""
    if report.pk is None or not can(user, "report.view", report):
        return Contribution.objects.none()
    rows = Contribution.objects.filter(report=report).select_related("author", "moderated_by")
    if can(user, "contribution.moderate"):
        return rows
    shown = Q(status=Contribution.APPROVED)
    if getattr(user, "is_authenticated", False):
        shown |= Q(author=user)
    return rows.filter(shown)


def moderation_queue(user: Any, status: str | None = None) -> list[Contribution]:
    """For the Secretariat: the contributions (of `status`, or all of them), those waiting for
    review first and oldest first, then the others most recently moderated first."""
    require(user, "contribution.moderate")
    rows = Contribution.objects.select_related("report__cycle", "report__state", "author", "moderated_by")
    if status is not None:
        rows = rows.filter(status=status)
    pending = list(rows.filter(status=Contribution.PENDING).order_by("submitted_at", "id"))
    done = list(rows.exclude(status=Contribution.PENDING).order_by("-moderated_at", "-id"))
    return pending + done
