"""The interface strings of the Python code are marked for translation (issue 11).

- Labels defined at import time (the fixed scales, the workflow's statuses and buttons, the
  workbook's headers, model choices) are lazy translations, so they are translated when shown,
  in the reader's language: a plain str added to one of these tables fails here.
- Messages built at call time are translated with named placeholders: with a French entry in the
  catalogue, the message comes out in French with the values in place.
- A workbook built in French reads back in French (its statuses, headers and Yes/No).
- The plain-Python domain modules load nothing of Django but `django.utils.translation`.

The French entries are put in the active catalogue for the test only (the real catalogues are
written elsewhere); English, the source language, needs none.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation
from django.utils.functional import Promise

from viennaplan.accounts import roles
from viennaplan.assistance import rules as assistance_rules
from viennaplan.assistance import workflow as assistance_workflow
from viennaplan.assistance.events import rules as event_rules
from viennaplan.notices import rules, sending
from viennaplan.reporting import answer_data, desk, excel, excel_reading, scale, workflow
from viennaplan.reporting.models import Answer, Contribution, InternationalActionProgress, Report

LABEL_TABLES = {
    "workflow.STATUS_LABELS": workflow.STATUS_LABELS,
    "scale.STATUS_SCALE": scale.STATUS_SCALE,
    "scale.MEASURE_KINDS": scale.MEASURE_KINDS,
    "scale.INTERNATIONAL_STATUSES": scale.INTERNATIONAL_STATUSES,
    "scale.OUTPUT_KINDS": scale.OUTPUT_KINDS,
    "scale.RESOURCES": scale.RESOURCES,
    "answer_data.FIELD_LABELS": answer_data.FIELD_LABELS,
    "desk.BOARD_LABELS": desk.BOARD_LABELS,
    "workflow.TRANSITIONS (button words)": {name: t.label for name, t in workflow.TRANSITIONS.items()},
    "excel.COLUMNS (visible headers)": {c.name: c.header for c in excel.COLUMNS if not c.hidden},
    "excel.YES, excel.NO": {"yes": excel.YES, "no": excel.NO},
    "notices.rules.KINDS": rules.KINDS,
    "accounts.roles.ROLE_LABELS": {**roles.ROLE_LABELS, "public": roles.PUBLIC_LABEL},
    "Report.STATUS_CHOICES": dict(Report.STATUS_CHOICES),
    "Answer.STATUS_CHOICES": dict(Answer.STATUS_CHOICES),
    "Contribution.STATUS_CHOICES": dict(Contribution.STATUS_CHOICES),
    "InternationalActionProgress.STATUS_CHOICES": dict(InternationalActionProgress.STATUS_CHOICES),
    "InternationalActionProgress.RESOURCES_CHOICES": dict(InternationalActionProgress.RESOURCES_CHOICES),
    "assistance.workflow.STATUS_LABELS": assistance_workflow.STATUS_LABELS,
    "assistance.workflow.TRANSITIONS (button words)": {
        name: t.label for name, t in assistance_workflow.TRANSITIONS.items()
    },
    "assistance.rules.KIND_LABELS": assistance_rules.KIND_LABELS,
    "assistance.rules.URGENCY_LABELS": assistance_rules.URGENCY_LABELS,
    "assistance.rules.PROJECT_STATUS_LABELS": assistance_rules.PROJECT_STATUS_LABELS,
    "assistance.rules.OUTPUT_KIND_LABELS": assistance_rules.OUTPUT_KIND_LABELS,
    "assistance.events.rules.DOCUMENT_KINDS": event_rules.DOCUMENT_KINDS,
    "assistance.events.rules.OUTPUT_KINDS": event_rules.OUTPUT_KINDS,
}

# The domain rules in plain Python: they may load `django.utils.translation` (and what it loads), nothing more.
PLAIN = (
    "viennaplan.reporting.workflow",
    "viennaplan.reporting.scale",
    "viennaplan.reporting.answer_data",
    "viennaplan.reporting.questionnaire",
    "viennaplan.reporting.completion",
    "viennaplan.reporting.desk",
    "viennaplan.reporting.excel",
    "viennaplan.reporting.excel_reading",
    "viennaplan.notices.rules",
    "viennaplan.accounts.roles",
    "viennaplan.assistance.workflow",
    "viennaplan.assistance.rules",
    "viennaplan.assistance.resources.ledger",
    "viennaplan.assistance.projects_csv",
    "viennaplan.assistance.resources.currencies",
)

FRENCH = {
    "Draft": "Brouillon",
    "Implemented": "Mis en œuvre",
    "Implementation status": "État de mise en œuvre",
    "Yes": "Oui",
    "No": "Non",
    "%(name)s: %(value)s is not one of %(codes)s": "%(name)s : %(value)s ne fait pas partie de %(codes)s",
    "%(state)s: report submitted for review (%(cycle)s)": "%(state)s : rapport soumis pour examen (%(cycle)s)",
    ("waiting %(days)s day", 0): "en attente depuis %(days)s jour",  # plurals: (singular, form)
    ("waiting %(days)s day", 1): "en attente depuis %(days)s jours",
}


@pytest.mark.parametrize("table", sorted(LABEL_TABLES))
def test_every_label_of_the_fixed_tables_is_a_lazy_translation(table):
    plain = {key: label for key, label in LABEL_TABLES[table].items() if not isinstance(label, Promise)}
    assert plain == {}, f"{table}: mark these labels with gettext_lazy"


def test_a_label_is_translated_when_shown_not_when_defined(french):
    assert str(workflow.STATUS_LABELS[workflow.DRAFT]) == "Brouillon"
    assert str(scale.STATUS_SCALE["implemented"]) == "Mis en œuvre"
    with translation.override("en"):
        assert str(workflow.STATUS_LABELS[workflow.DRAFT]) == "Draft"


def test_a_message_is_translated_with_its_values_in_place(french):
    with pytest.raises(answer_data.AnswerDataError) as refused:
        answer_data.clean_answer({"status": "done"})
    codes = ", ".join(scale.STATUS_SCALE)
    assert refused.value.errors == [f"status : 'done' ne fait pas partie de {codes}"]
    assert desk.waiting_words(1) == "en attente depuis 1 jour"
    assert desk.waiting_words(3) == "en attente depuis 3 jours"


def test_the_english_messages_are_unchanged():
    with translation.override("en"):
        with pytest.raises(answer_data.AnswerDataError) as refused:
            answer_data.clean_answer({"status": "done"})
        assert refused.value.errors == [f"status: 'done' is not one of {', '.join(scale.STATUS_SCALE)}"]
        assert desk.waiting_words(0) == "waiting since today"
        assert desk.waiting_words(9) == "waiting 9 days"


def questionnaire() -> excel.Questionnaire:
    answer = answer_data.AnswerData(status="implemented", narrative="A law of 2001.", assistance_needed=True)
    question = excel.Question("57/k", "57(k)", "National action: (k) a law", 1, answer)
    chapter = excel.Chapter("VI", "Drug demand reduction", (question,))
    return excel.Questionnaire(1, "2002 review", "CHE", "Switzerland", 7, date(2002, 12, 31), (chapter,))


def test_a_workbook_made_in_french_reads_back_in_french(french):
    import io

    from openpyxl import load_workbook

    q = questionnaire()
    content = excel.build_workbook(q)
    sheet = load_workbook(io.BytesIO(content))["VI"]
    assert [sheet["C2"].value, sheet["C3"].value, sheet["G3"].value] == ["État de mise en œuvre", "Mis en œuvre", "Oui"]
    result = excel_reading.read_workbook(content, q)
    assert result.errors == []
    assert [(a.answer.status, a.answer.assistance_needed, a.touched) for a in result.answers] == [
        ("implemented", True, False)
    ]


def test_the_plain_python_rules_load_only_the_translation_machinery_of_django(loads_only_translation):
    loads_only_translation(PLAIN)


@pytest.mark.django_db
def test_a_notice_is_worded_in_each_recipients_language(french, reviewer, secretariat):
    told = [
        sending.Person(pk=reviewer.pk, role="reviewer", language="fr"),
        sending.Person(pk=secretariat.pk, role="secretariat"),  # no language chosen: English
    ]
    facts = rules.Facts(cycle="2002 review", state="Switzerland")
    pairs = sending.record(rules.SUBMITTED, facts, "/reporting/1/CHE/", told)
    assert [notice.subject for notice, _person in pairs] == [
        "Switzerland : rapport soumis pour examen (2002 review)",
        "Switzerland: report submitted for review (2002 review)",
    ]
