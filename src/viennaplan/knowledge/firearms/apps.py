from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeFirearmsConfig(AppConfig):
    """A collection of the knowledge databases (issue 12): the record of firearms regulations per State
    (59(a), on the topics of 57(a)-(h)) and the periodic national firearms reports (57(k)-(l)) through
    the reporting roles and review workflow.
    """

    name = "viennaplan.knowledge.firearms"
    label = "knowledge_firearms"
    verbose_name = _("Firearms")

    def ready(self) -> None:
        from viennaplan.knowledge.collections import register

        from .collection import REGULATIONS, REPORTS

        register(REGULATIONS)
        register(REPORTS)
