from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "viennaplan.plan"
    label = "plan"
    verbose_name = _("Plans of Action")

    def ready(self) -> None:
        from . import kept

        kept.connect_signals()  # every change to the plan renews the stamp of the API answers kept
