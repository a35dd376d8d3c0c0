from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeTraffickingConfig(AppConfig):
    """A collection of the knowledge databases (issue 12): the nature and extent of trafficking in persons
    (46(b),(d)) as aggregates only, counts under 5 suppressed in every output.
    """

    name = "viennaplan.knowledge.trafficking"
    label = "knowledge_trafficking"
    verbose_name = _("Trafficking in persons")

    def ready(self) -> None:
        from viennaplan.knowledge.collections import register

        from .collection import TRAFFICKING

        register(TRAFFICKING)
