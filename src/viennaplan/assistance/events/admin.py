"""The admin for the Secretariat: events with the provisions they serve, their participations,
documents and outputs inline, the requests they answer and the project that delivered them. A
provision must be one of the current plan, as in the CSV import. History and the differences between
versions are on each event's History page (SimpleHistoryAdmin); the inlines' rows keep their own
history too."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext
from simple_history.admin import SimpleHistoryAdmin

from .models import Event, EventDocument, EventOutput, EventProvision, Participation


class EventProvisionForm(forms.ModelForm):
    class Meta:
        model = EventProvision
        fields = ("path",)

    def clean_path(self) -> str:
        from viennaplan.plan.models import PlanVersion, Provision

        path = self.cleaned_data["path"].strip("/")
        current = PlanVersion.current()
        if current is None or not Provision.objects.filter(version=current, path=path).exists():
            raise forms.ValidationError(gettext("%(path)s is not a provision of the current plan") % {"path": path})
        return path


class EventProvisionInline(admin.TabularInline):
    model = EventProvision
    form = EventProvisionForm
    extra = 0
    fields = ("path",)


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    fields = ("state", "participants")
    raw_id_fields = ("state",)


class EventDocumentInline(admin.TabularInline):
    model = EventDocument
    extra = 0
    fields = ("kind", "symbol", "title", "url")


class EventOutputInline(admin.TabularInline):
    model = EventOutput
    extra = 0
    fields = ("kind", "description", "quantity")


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ("key", "title", "kind", "start", "end", "host", "published")
    list_filter = ("kind", "published")
    search_fields = ("key", "title", "organizer", "city", "host__alpha3")
    date_hierarchy = "start"
    raw_id_fields = ("host", "project")
    filter_horizontal = ("requests",)
    readonly_fields = ("created", "updated")
    inlines = [EventProvisionInline, ParticipationInline, EventDocumentInline, EventOutputInline]
