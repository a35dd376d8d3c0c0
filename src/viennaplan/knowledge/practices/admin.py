"""The admin for the Secretariat: practices with their provisions, States and evaluations inline.

History and the differences between versions are on each practice's History page (SimpleHistoryAdmin);
an evaluation's own history is on its page under Evaluations.
"""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Evaluation, Practice, PracticeProvision, PracticeState


class PracticeProvisionInline(admin.TabularInline):
    model = PracticeProvision
    extra = 0
    fields = ("path",)


class PracticeStateInline(admin.TabularInline):
    model = PracticeState
    extra = 0
    fields = ("state",)
    raw_id_fields = ("state",)


class EvaluationInline(admin.StackedInline):
    model = Evaluation
    extra = 0
    fields = ("evaluator", "date", "method", "result", "findings", "url", "published")


@admin.register(Practice)
class PracticeAdmin(SimpleHistoryAdmin):
    list_display = ("key", "title", "area", "organisation", "period_from", "period_to", "published")
    list_filter = ("area", "published")
    search_fields = ("key", "title", "summary", "organisation")
    readonly_fields = ("created", "updated")
    inlines = [PracticeProvisionInline, PracticeStateInline, EvaluationInline]


@admin.register(Evaluation)
class EvaluationAdmin(SimpleHistoryAdmin):
    list_display = ("practice", "evaluator", "date", "method", "result", "published")
    list_filter = ("method", "result", "published")
    search_fields = ("practice__key", "practice__title", "evaluator", "findings")
    raw_id_fields = ("practice",)
