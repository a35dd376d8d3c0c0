"""Admin pages for the secretariat: instruments (the registry of the rules in code: read-only), imports (read-only
reports), and actions, declarations and reservations with their history. An action entered or
edited here is validated by the engine together with every action on file (`ActionForm.clean`)."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Declaration, Instrument, TreatyAction, TreatyImport
from .records import Action


def _rule(name: str, description: Any) -> Any:
    """An admin column showing one rule of the instrument, read from the code ('-' where it declares none)."""

    @admin.display(description=description)
    def column(model_admin: admin.ModelAdmin, obj: Instrument) -> object:
        rules = obj.rules
        value = getattr(rules, name) if rules is not None else None
        return "-" if value is None else value

    return column


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ["code", "short_name", "adopted", "threshold", "parent", "official_entry_into_force"]
    search_fields = ["code", "name", "short_name"]
    ordering = ["position", "code"]
    adopted = _rule("adopted", _("adopted"))
    threshold = _rule("threshold", _("threshold"))
    parent = _rule("parent", _("parent"))
    official_entry_into_force = _rule("official_entry_into_force", _("official entry into force"))

    def get_readonly_fields(self, request: HttpRequest, obj: Instrument | None = None) -> list[str]:
        # The registry is written from the code (treaties/rules.py) after every migrate: edits would be lost.
        return [field.name for field in Instrument._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(TreatyImport)
class TreatyImportAdmin(admin.ModelAdmin):
    list_display = ["source_name", "imported_at", "rows", "created", "skipped"]
    readonly_fields = ["source_name", "checksum", "rows", "created", "skipped", "notes_display", "imported_at"]
    exclude = ["notes"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # an import comes from `viennaplan treaties import`

    @admin.display(description=_("import report"))
    def notes_display(self, obj: TreatyImport) -> str:
        return format_html("<pre>{}</pre>", json.dumps(obj.notes, indent=2, ensure_ascii=False))


class ActionForm(forms.ModelForm):
    """Refuses what the engine refuses (a Protocol before the Convention, a second consent, ...)."""

    class Meta:
        model = TreatyAction
        fields = ["state", "instrument", "kind", "date", "source", "note"]

    validation_notes: list[str] = []

    def clean(self) -> dict[str, Any]:
        from .importer import check_action

        data = super().clean()
        if self.errors or not all(data.get(key) for key in ("state", "instrument", "kind", "date")):
            return data
        action = Action(
            state=data["state"].pk,
            instrument=data["instrument"].code,
            kind=data["kind"],
            date=data["date"],
            source=data.get("source", ""),
        )
        errors, self.validation_notes = check_action(action, replacing=self.instance.pk)
        if errors:
            raise forms.ValidationError(errors)
        return data


@admin.register(TreatyAction)
class TreatyActionAdmin(SimpleHistoryAdmin):
    form = ActionForm
    list_display = ["state", "instrument", "kind", "date", "source", "batch"]
    list_filter = ["instrument", "kind", "batch"]
    search_fields = ["state__alpha3", "state__name_en", "source", "note"]
    list_select_related = ["state", "instrument", "batch"]
    raw_id_fields = ["state"]
    date_hierarchy = "date"

    def save_model(self, request: HttpRequest, obj: TreatyAction, form: ActionForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        for note in form.validation_notes:
            messages.info(request, note)


@admin.register(Declaration)
class DeclarationAdmin(SimpleHistoryAdmin):
    list_display = ["state", "instrument", "kind", "date"]
    list_filter = ["instrument", "kind"]
    search_fields = ["state__alpha3", "state__name_en", "text"]
    list_select_related = ["state", "instrument"]
    raw_id_fields = ["state"]
