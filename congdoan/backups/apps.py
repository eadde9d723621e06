from django.apps import AppConfig


class BackupsConfig(AppConfig):
    """`manage.py backup` and `manage.py restore`: database and media in one checked archive."""

    name = "congdoan.backups"
    label = "backups"
    verbose_name = "Backups"
