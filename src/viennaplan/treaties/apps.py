"""The treaties app. After every `migrate` (and every test database flush) the Instrument table
is brought up to date with `treaties.rules.INSTRUMENTS`: rules are code, reviewed like code,
and the table mirrors them so that actions can point at an instrument and the admin and API
can list them. Instruments that exist only in the database are left alone."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TreatiesConfig(AppConfig):
    name = "viennaplan.treaties"
    label = "treaties"
    verbose_name = "Treaty status"

    def ready(self) -> None:
        post_migrate.connect(sync_instruments_after_migrate, sender=self)


def sync_instruments_after_migrate(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    from .store import sync_instruments

    sync_instruments(using=using)
