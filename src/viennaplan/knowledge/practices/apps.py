from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgePracticesConfig(AppConfig):
    """A collection of the knowledge databases (issue 12): best practices across the plan's areas
    (33(a),(c), 59(b), 65(d), 82(e), 84(c),(d), 90(b), 100(c), 18(d), 46(b)), tagged by area, provision
    and State, with evaluations.
    """

    name = "viennaplan.knowledge.practices"
    label = "knowledge_practices"
    verbose_name = _("Best practices")

    def ready(self) -> None:
        from viennaplan.knowledge.collections import register

        from .registration import collection

        register(collection())
