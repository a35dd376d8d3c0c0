from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CountriesConfig(AppConfig):
    name = "viennaplan.countries"
    label = "countries"
    verbose_name = _("Countries")

    def ready(self) -> None:
        from . import registry, store

        # The reference data is loaded after every `migrate` (and so in every test database):
        # see store.load_after_migrate for why a signal rather than a data migration.
        post_migrate.connect(store.load_after_migrate, sender=self, dispatch_uid="countries-load-after-migrate")
        for model in self.get_models():
            post_save.connect(registry.forget, sender=model, dispatch_uid=f"countries-forget-save-{model.__name__}")
            post_delete.connect(registry.forget, sender=model, dispatch_uid=f"countries-forget-delete-{model.__name__}")
