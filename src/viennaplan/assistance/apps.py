from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistanceConfig(AppConfig):
    """Requests for technical assistance and the projects that deliver it (issue 13)."""

    name = "viennaplan.assistance"
    label = "assistance"
    verbose_name = _("Technical assistance")
