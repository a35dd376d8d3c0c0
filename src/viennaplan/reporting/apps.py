from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "viennaplan.reporting"
    label = "reporting"
    verbose_name = "National reporting"
