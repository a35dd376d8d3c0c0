"""Shapes of the reporting JSON API (django-ninja / pydantic)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Schema
from pydantic import ConfigDict, Field

from viennaplan.api_shapes import ErrorOut, IsoDate

API_ROOT = "/api/reporting"


class CycleIn(Schema):
    name: str
    opens: IsoDate
    closes: IsoDate
    chapters: list[str] = Field(description='Roman numerals, e.g. ["III", "IV"]')
    require_all_answers: bool = Field(False, description="a report is submitted only when every question is answered")


class CycleOptionsIn(Schema):
    require_all_answers: bool = Field(description="a report is submitted only when every question is answered")


class CycleOut(Schema):
    id: int
    name: str
    opens: date
    closes: date
    chapters: list[str]
    plan_version: int
    is_demo: bool
    question_count: int
    require_all_answers: bool
    url: str
    api_url: str


class ReportRowOut(Schema):
    state: str
    name: str
    status: str  # a report status, or "not_started"
    submitted_at: datetime | None
    late: bool
    url: str
    api_url: str


class CycleDetailOut(CycleOut):
    reports: list[ReportRowOut]


class QuestionOut(Schema):
    id: int
    position: int
    path: str
    citation: str
    chapter: str
    objectives: list[int]
    text: str
    plan_url: str


class MeasureOut(Schema):
    """A measure of an answer, an output of international progress: stored entries may lack url and date."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    kind: str
    title: str
    url: str = ""
    date: str = ""


class AnswerOut(Schema):
    id: int
    question: QuestionOut
    status: str
    narrative: str
    measures: list[MeasureOut]
    responsible_institution: str
    assistance_needed: bool
    assistance_description: str
    version: int
    updated_by: str | None
    updated_at: datetime
    carried_over_from_cycle: str | None


class AnswerPatch(Schema):
    version: int = Field(description="the version you started from (optimistic locking)")
    status: str | None = None
    narrative: str | None = None
    measures: list[dict[str, Any]] | None = None
    responsible_institution: str | None = None
    assistance_needed: bool | None = None
    assistance_description: str | None = None


class ConflictOut(ErrorOut):
    """An edit conflict: the error body, with the answer as saved now and the change you sent."""

    current: AnswerOut
    yours: dict[str, Any]


class EventOut(Schema):
    id: int
    transition: str
    from_status: str
    to_status: str
    user: str | None
    at: datetime
    comment: str


class TransitionIn(Schema):
    comment: str = ""


class CommentIn(Schema):
    text: str
    question: str | None = Field(None, description='the question\'s path, e.g. "57/k"; none for the whole report')


class CommentOut(Schema):
    id: int
    question: str | None
    author: str | None
    text: str
    at: datetime


class ReportOut(Schema):
    cycle: int
    cycle_name: str
    state: str
    name: str
    status: str  # a report status, or "not_started"
    started: bool
    submitted_at: datetime | None
    validated_at: datetime | None
    published_at: datetime | None
    late: bool
    may_edit: bool
    transitions: list[str]
    is_demo: bool
    answered: int = Field(description="questions answered (a status chosen)")
    question_count: int
    url: str
    answers_url: str
    events_url: str


class ContributionIn(Schema):
    text: str = Field(description="the comment, at most 5,000 characters")


class ContributionOut(Schema):
    id: int
    cycle: int
    state: str
    report_url: str
    organisation: str  # the author's, when submitted ("" for an individual)
    text: str
    submitted_at: datetime
    status: str  # pending, approved or rejected
    author: str | None = Field(None, description="shown to the author and the Secretariat only")
    moderated_at: datetime | None = None
    moderation_note: str | None = Field(None, description="shown to the author and the Secretariat only")


class ModerationIn(Schema):
    decision: str = Field(description='"approve" (it shows on the report) or "reject"')
    note: str = Field("", description="for the author; never public")


class FieldChangeOut(Schema):
    field: str
    before: Any
    after: Any


class AnswerDiffOut(Schema):
    path: str
    citation: str
    version_before: int | None
    version_after: int | None
    changes: list[FieldChangeOut]
    changed_by: list[str]


class DiffOut(Schema):
    a: str
    b: str
    answers: list[AnswerDiffOut]


class ProgressIn(Schema):
    entity: str = ""
    status: str
    resources: str
    outputs: list[dict[str, Any]] = []
    narrative: str = ""
    version: int | None = Field(None, description="the version you started from; none to overwrite")


class ProgressOut(Schema):
    id: int
    path: str
    citation: str
    entity: str
    status: str
    resources: str
    outputs: list[MeasureOut]
    narrative: str
    version: int
    updated_by: str | None
    updated_at: datetime


class UnitOut(Schema):
    path: str
    citation: str
    chapter: str
    actor: str | None
    text: str
    progress: list[ProgressOut]
