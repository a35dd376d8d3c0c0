from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeAssessmentsConfig(AppConfig):
    """A collection of the knowledge databases (issue 12): national assessments of corruption in one
    standardized format (33(a), 30(a)), and documents with versions: the toolkit of best practices and
    the manual on practical measures (33(a),(e)), tools to assess the effectiveness of measures (46(d)).
    """

    name = "viennaplan.knowledge.assessments"
    label = "knowledge_assessments"
    verbose_name = _("Corruption assessments")

    def ready(self) -> None:
        from . import collection

        collection.register()
