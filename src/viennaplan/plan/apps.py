from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "viennaplan.plan"
    label = "plan"
    verbose_name = "Plans of Action"
