"""The interface strings of the monitoring code are marked for translation (issue 11).

- Labels defined at import time (outcomes, rules, map legends, the report's title, the statuses'
  abbreviations, the commands' help) are lazy translations, translated when shown in the reader's
  language: a plain str added to one of these tables fails here.
- The Commission report's headings and sentences, and a chart's legend and text alternative, come
  out in French with their values in place (dates through `dates.long_date`).
- A cached chart is cached per language: a French page never gets the English chart.
- The plain-Python modules load nothing of Django but `django.utils.translation`.

The French entries are put in the active catalogue for the test only (the real catalogues are
written elsewhere); English, the source language, needs none.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.functional import Promise

from viennaplan.dates import long_date
from viennaplan.monitoring import (
    charts,
    commission_report,
    deadline_views,
    deadlines,
    indicator_targets,
    map_data,
    maps,
    matrix,
    profile_indicators,
    profile_views,
    queries,
    report_views,
    shares,
)
from viennaplan.monitoring.management.commands import report as report_command
from viennaplan.monitoring.management.commands import targets as targets_command
from viennaplan.monitoring.models import IndicatorTarget

LABEL_TABLES = {
    "indicator_targets.OUTCOMES": indicator_targets.OUTCOMES,
    "indicator_targets.RULES": indicator_targets.RULES,
    "deadlines.KINDS": deadlines.KINDS,
    "deadlines.CONSENT_KINDS": deadlines.CONSENT_KINDS,
    "matrix.BY_CHOICES": matrix.BY_CHOICES,
    "shares.STATUS_SHORT (but the dash of 'not answered')": {
        status: short for status, short in shares.STATUS_SHORT.items() if status != shares.UNANSWERED
    },
    "queries.PUBLIC_STAGES": queries.PUBLIC_STAGES,
    "map_data.TREATY_CATEGORIES": {c.key: c.label for c in map_data.TREATY_CATEGORIES},
    "map_data.REPORTING_CATEGORIES": {c.key: c.label for c in map_data.REPORTING_CATEGORIES},
    "map_data.TARGET_CATEGORIES": {c.key: c.label for c in map_data.TARGET_CATEGORIES},
    "deadline_views.OUTCOME_CATEGORIES": {c.key: c.label for c in deadline_views.OUTCOME_CATEGORIES},
    "the review deadline's title": {d.key: d.name for d in deadlines.DEADLINES if d.kind == deadlines.REVIEW},
    "fixed words": {
        "maps.DISCLAIMER": maps.DISCLAIMER,
        "maps.SOURCE_NOTE": maps.SOURCE_NOTE,
        "commission_report.TITLE": commission_report.TITLE,
        "commission_report.SUBTITLE": commission_report.SUBTITLE,
        "commission_report.NO_TARGET": commission_report.NO_TARGET,
        "commission_report.NO_TARGET_AT_ALL": commission_report.NO_TARGET_AT_ALL,
        "commission_report.NO_CYCLE": commission_report.NO_CYCLE,
        "report_views.TITLE": report_views.TITLE,
        "profile_views.TITLE": profile_views.TITLE,
        "profile_views.PUBLIC_WORDS": profile_views.PUBLIC_WORDS,
        "profile_indicators.NO_CHAPTER": profile_indicators.NO_CHAPTER,
    },
    "commands' help": {"report": report_command.Command.help, "targets": targets_command.Command.help},
    "IndicatorTarget help texts": {
        f.name: f.help_text for f in IndicatorTarget._meta.get_fields() if getattr(f, "help_text", "")
    },
}

# The plain-Python modules of monitoring: they may load `django.utils.translation` (and what it loads), nothing more.
PLAIN = (
    "viennaplan.monitoring.charts",
    "viennaplan.monitoring.commission_report",
    "viennaplan.monitoring.indicator_targets",
    "viennaplan.monitoring.deadlines",
    "viennaplan.monitoring.maps",
    "viennaplan.monitoring.matrix",
    "viennaplan.monitoring.shares",
    "viennaplan.monitoring.targets",
)

FRENCH = {
    "Progress made in the implementation of the Plans of Action for the Vienna Declaration on Crime and Justice": (
        "Progrès accomplis dans la mise en œuvre des plans d'action pour la Déclaration de Vienne sur la criminalité "
        "et la justice"
    ),
    "as of %(day)s": "au %(day)s",
    "the data on file on %(day)s, judged on the deadline's date": (
        "les données disponibles le %(day)s, jugées à la date de l'échéance"
    ),
    "met": "atteint",
    "not met": "non atteint",
    "threshold (%(threshold)s)": "seuil (%(threshold)s)",
    "change in per cent, baseline to end": "variation en pour cent, de la référence à la fin",
    "%(title)s. No State has a baseline and an end value to compare.": (
        "%(title)s. Aucun État n'a de valeur de référence et de fin à comparer."
    ),
    ("%(n)s State with both values, all shown", 0): "%(n)s État avec les deux valeurs, tous montrés",
    ("%(n)s State with both values, all shown", 1): "%(n)s États avec les deux valeurs, tous montrés",
    "Published value": "Valeur publiée",
}


@pytest.mark.parametrize("table", sorted(LABEL_TABLES))
def test_every_label_of_the_fixed_tables_is_a_lazy_translation(table):
    plain = {key: label for key, label in LABEL_TABLES[table].items() if not isinstance(label, Promise)}
    assert plain == {}, f"{table}: mark these labels with gettext_lazy"


def empty_inputs(cycle_id: int | None = None) -> commission_report.ReportInputs:
    return commission_report.ReportInputs(
        as_of=date(2005, 3, 31),
        generated_on=date(2005, 4, 2),
        cycle_id=cycle_id,
        cycle_name="2004 review" if cycle_id else "",
        chapters=[],
        objectives={},
        asked=[],
        ratification=[],
        instrument_names={},
        matrix=None,
        commitments=[],
        stages=[],
        stage_labels={},
        international=[],
        international_units={},
        needs=[],
    )


def test_the_report_heading_and_its_sentences_come_out_in_french_with_the_values_in_place(french):
    report = commission_report.assemble(empty_inputs())
    assert report.title.startswith("Progrès accomplis dans la mise en œuvre")
    assert report.identification == f"au {long_date(date(2005, 3, 31))}"
    assert report.deadlines_note.as_of == (
        f"les données disponibles le {long_date(date(2005, 4, 2))}, jugées à la date de l'échéance"
    )
    assert commission_report.as_json(report)["title"] == report.title
    with translation.override("en"):
        english = commission_report.assemble(empty_inputs())
        assert english.identification == "as of 31 March 2005"
        assert english.title.startswith("Progress made in the implementation")


CHANGES = [
    charts.Change("Spain", Decimal("-25"), indicator_targets.MET, "met"),
    charts.Change("France", Decimal("4"), indicator_targets.NOT_MET, "not met"),
]


def test_a_chart_legend_and_its_text_alternative_come_out_in_french(french):
    svg = charts.change_chart_svg("Victimes", CHANGES, Decimal(10))
    assert ">atteint<" in svg and ">non atteint<" in svg and ">seuil (-10.0%)<" in svg
    assert "variation en pour cent, de la référence à la fin" in svg
    assert "2 États avec les deux valeurs, tous montrés" in svg
    assert "Victimes. Aucun État n'a de valeur de référence" in charts.describe_changes("Victimes", [], Decimal(10))
    with translation.override("en"):
        english = charts.change_chart_svg("Victims", CHANGES, Decimal(10))
        assert ">met<" in english and ">threshold (-10.0%)<" in english
        assert "2 States with both values, all shown" in english


def test_a_cached_chart_is_drawn_again_in_another_language(french):
    row = commission_report.TargetRow(
        target=1,
        chapter="V",
        citation="35(a)",
        plan_path="35/a",
        indicator="VIC",
        indicator_name="Victims",
        unit="",
        disaggregation={},
        baseline_year=2000,
        target_year=2005,
        rule=indicator_targets.REDUCTION,
        threshold=Decimal(10),
        window=1,
        met=1,
        insufficient=0,
        review=(("FRA", "France"),),
        compared=(
            commission_report.ComparedRow("ESP", "Spain", 2000, "100", 2005, "75", Decimal(-25), "met", "met"),
            commission_report.ComparedRow("FRA", "France", 2000, "100", 2005, "104", Decimal(4), "not_met", "x"),
        ),
        chart_title="Victims: change from 2000 to 2005, by State",
    )
    with translation.override("en"):
        assert ">threshold (-10.0%)<" in report_views.target_chart(row)  # cached in English first
    assert ">seuil (-10.0%)<" in report_views.target_chart(row)
    points = ((2000, Decimal(100), "100"), (2005, Decimal(75), "75"))
    with translation.override("en"):
        assert "Published value" in profile_indicators.chart("Spain: Victims", points)
    assert "Valeur publiée" in profile_indicators.chart("Spain: Victims", points)


def test_the_plain_python_modules_load_only_the_translation_machinery_of_django(loads_only_translation):
    loads_only_translation(PLAIN)


def test_the_matrix_columns_name_the_regions_in_the_readers_language():
    from viennaplan.monitoring.matrix import areas_for

    with translation.override("fr"):
        labels = [str(area.label) for area in areas_for("region")]
    assert labels[:5] == ["Afrique", "Amériques", "Asie", "Europe", "Océanie"]
    assert [area.key for area in areas_for("region")][:2] == ["Africa", "Americas"]  # the codes stay
