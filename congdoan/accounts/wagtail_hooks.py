"""Admin hooks: the two-factor pages, the account page's link to them, *Tài khoản bị khóa*."""

from dataclasses import dataclass

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("two-factor/", views.two_factor_setup, name="accounts_two_factor_setup"),
        path("two-factor/verify/", views.two_factor_verify, name="accounts_two_factor_verify"),
        path(
            "two-factor/backup-codes/",
            views.two_factor_backup_codes,
            name="accounts_two_factor_backup_codes",
        ),
        path("two-factor/disable/", views.two_factor_disable, name="accounts_two_factor_disable"),
        path("locked-accounts/", views.locked_accounts, name="accounts_locked"),
    ]


@dataclass
class AccountMenuLink:
    url: str
    label: str
    help_text: str


@hooks.register("register_account_menu_item")
def two_factor_account_link(request):
    return AccountMenuLink(
        url=reverse("accounts_two_factor_setup"),
        label=_("Two-step sign-in"),
        help_text=_("Sign in with a code from an authenticator app as well as your password."),
    )


class LockedAccountsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_unlock(request.user)


@hooks.register("register_settings_menu_item")
def locked_accounts_menu_item():
    return LockedAccountsMenuItem(
        _("Locked sign-ins"), reverse("accounts_locked"), icon_name="lock", order=610
    )
