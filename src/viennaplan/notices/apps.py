from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "viennaplan.notices"
    label = "notices"
    verbose_name = _("Notices")

    def ready(self) -> None:
        from viennaplan.reporting.signals import cycle_opened, report_transitioned

        from . import sending

        report_transitioned.connect(sending.on_report_transitioned, dispatch_uid="notices.report_transitioned")
        cycle_opened.connect(sending.on_cycle_opened, dispatch_uid="notices.cycle_opened")
