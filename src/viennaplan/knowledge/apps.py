from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The databases the plan asks the Secretariat to keep (issue 12): national legislation, the
    registry of collections (each further collection is an app under knowledge/) and the one search."""

    name = "viennaplan.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge databases")

    def ready(self) -> None:
        from viennaplan.reporting import citations

        from . import search
        from .collections import register
        from .legislation_collection import CITABLE_LAWS, LEGISLATION

        register(LEGISLATION)
        citations.register(CITABLE_LAWS)
        search.connect_signals()
        post_migrate.connect(search.catch_up, dispatch_uid="knowledge-search-catch-up")
