from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "viennaplan.backups"
    label = "backups"
    verbose_name = "Backup and restore"
