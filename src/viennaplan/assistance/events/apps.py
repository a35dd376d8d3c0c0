from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistanceEventsConfig(AppConfig):
    """The plan's meetings and seminars, with participants, documents and outputs (issue 13)."""

    name = "viennaplan.assistance.events"
    label = "assistance_events"
    verbose_name = _("Events")
