from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Login security: lockout, two-factor sign-in, the CSP header and its report endpoint."""

    name = "congdoan.accounts"
    label = "accounts"
    verbose_name = _("Accounts and login security")
