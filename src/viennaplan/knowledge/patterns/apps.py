from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgePatternsConfig(AppConfig):
    """A collection of the knowledge databases (issue 12): the patterns, trends and mapping of organized
    crime groups' activities (18(c),(d)), the links between terrorism and other crime, and each State's
    adherence to the instruments against terrorism (70, 71).
    """

    name = "viennaplan.knowledge.patterns"
    label = "knowledge_patterns"
    verbose_name = _("Organized-crime patterns and trends")

    def ready(self) -> None:
        from viennaplan.knowledge.collections import register

        from .registration import collection

        register(collection())
