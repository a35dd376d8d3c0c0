from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeAuthoritiesConfig(AppConfig):
    """A collection of the knowledge databases (issue 12): the directory of competent national authorities
    per State and purpose (57(i), mutual legal assistance, extradition, trafficking, asset recovery);
    contact details for signed-in officials only.
    """

    name = "viennaplan.knowledge.authorities"
    label = "knowledge_authorities"
    verbose_name = _("Competent national authorities")

    def ready(self) -> None:
        from ..collections import register
        from .collection import AUTHORITIES

        register(AUTHORITIES)
