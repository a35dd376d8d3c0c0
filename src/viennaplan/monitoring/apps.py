from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "viennaplan.monitoring"
    label = "monitoring"
    verbose_name = "Where the plan stands"
