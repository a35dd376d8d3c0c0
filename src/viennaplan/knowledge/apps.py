from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The databases the plan asks the Secretariat to keep (issue 12): one app, a module per collection."""

    name = "viennaplan.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge databases")
