from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistanceConfig(AppConfig):
    """Requests for technical assistance and the projects that deliver it (issue 13)."""

    name = "viennaplan.assistance"
    label = "assistance"
    verbose_name = _("Technical assistance")

    def ready(self) -> None:
        # The report to the Commission reads the assistance figures of each chapter from here
        # (monitoring cannot import this app: see monitoring/assistance_source.py).
        from viennaplan.monitoring.assistance_source import AssistanceSource, register

        from . import report_figures

        register(
            AssistanceSource(
                figures_by_chapter=report_figures.figures_by_chapter,
                status_labels=report_figures.STATUS_LABELS,
                output_labels=report_figures.OUTPUT_LABELS,
            )
        )
