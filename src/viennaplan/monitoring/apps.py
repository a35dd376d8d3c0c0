from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "viennaplan.monitoring"
    label = "monitoring"
    verbose_name = _("Where the plan stands")
