from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "viennaplan.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"
