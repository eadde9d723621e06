"""Demo site settings and the demo accounts, one per newsroom role, loaded once into an empty
database.

Each demo account gets a random password per install. It is kept, readable by the owner only,
in `VAR_DIR` (`demo_editor_password` for the editor `bientap`, `demo_<username>_password` for
the others) so that every `make run` can print it again; a file is removed as soon as its
password no longer opens the account (its owner changed it, or the account was deleted), and
from then on that login is not printed.
"""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from congdoan.core.models import SiteSettings, WebsiteLink
from congdoan.core.permissions import (
    ADMINISTRATOR,
    CHIEF_EDITOR,
    CONTRIBUTOR,
    EDITOR,
    REPORTER,
    ROLE_NAMES,
)

DEMO_EDITOR_USERNAME = "bientap"
DEMO_EDITOR_EMAIL = "bientap@example.vn"
PASSWORD_FILE_NAME = "demo_editor_password"  # noqa: S105 - a file name, not a password


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    first_name: str
    last_name: str
    # The role's name as printed; the newsroom roles' names (ROLE_NAMES) when empty.
    role_name: str = ""

    @property
    def email(self) -> str:
        return f"{self.username}@example.vn"


# The editor first: it is the login `make run` has always printed.
DEMO_ACCOUNTS = (
    DemoAccount(DEMO_EDITOR_USERNAME, EDITOR, "Biên tập", "viên"),
    DemoAccount("tongbientap", CHIEF_EDITOR, "Tổng", "biên tập"),
    DemoAccount("phongvien", REPORTER, "Phóng", "viên"),
    DemoAccount("congtacvien", CONTRIBUTOR, "Cộng tác", "viên"),
    DemoAccount("quantri", ADMINISTRATOR, "Quản", "trị"),
)

DEMO_SETTINGS = {
    "organization_name": "Liên đoàn Lao động tỉnh Hòa Bình",
    "short_name": "LĐLĐ tỉnh Hòa Bình",
    "slogan": "Vì quyền lợi của đoàn viên và người lao động",
    "address": "Số 1 đường Trần Hưng Đạo, phường Phương Lâm, tỉnh Hòa Bình",
    "phone": "0218 3852 000",
    "email": "vanphong@ldldhoabinh.example.vn",
    "footer_text": "Cơ quan chủ quản: Liên đoàn Lao động tỉnh Hòa Bình.",
    "responsible_title": "Trưởng Ban Tuyên giáo",
    "responsible_name": "Nguyễn Thị Minh Hằng",
    "licence_text": (
        "Giấy phép thiết lập trang thông tin điện tử tổng hợp số 05/GP-TTĐT "
        "do Sở Văn hóa, Thể thao và Du lịch tỉnh Hòa Bình cấp ngày 15/3/2024."
    ),
    "copyright_text": (
        "© Liên đoàn Lao động tỉnh Hòa Bình. Ghi rõ nguồn khi phát hành lại thông tin."
    ),
    "facebook_url": "https://www.facebook.com/congdoanvietnam",
    "youtube_url": "https://www.youtube.com/@congdoanvietnam",
    "zalo_url": "https://zalo.me/congdoanvietnam",
}
# *Liên kết website* in the footer: the union's national bodies and its press.
DEMO_WEBSITE_LINKS = (
    ("Tổng Liên đoàn Lao động Việt Nam", "https://www.congdoan.vn/"),
    ("Báo Lao Động", "https://laodong.vn/"),
    ("Báo Người Lao Động", "https://nld.com.vn/"),
    ("LĐLĐ Thành phố Hà Nội", "https://congdoanhanoi.org.vn/"),
    ("LĐLĐ Thành phố Hồ Chí Minh", "https://www.congdoantphcm.org.vn/"),
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
)


# Demo accounts of feature apps, added from their AppConfig.ready() with `add_demo_accounts`
# so that every process (`load_demo`, `make run`) prints them after core's own.
_app_demo_accounts: list[DemoAccount] = []


def add_demo_accounts(*accounts: DemoAccount) -> None:
    """Let `demo_login_lines` print an app's demo accounts (created by its demo loader with
    `create_demo_account`)."""
    _app_demo_accounts.extend(account for account in accounts if account not in _app_demo_accounts)


def demo_accounts() -> tuple[DemoAccount, ...]:
    """Every demo account: core's, then those the apps added."""
    return (*DEMO_ACCOUNTS, *_app_demo_accounts)


def password_file(username: str = DEMO_EDITOR_USERNAME) -> Path:
    name = PASSWORD_FILE_NAME if username == DEMO_EDITOR_USERNAME else f"demo_{username}_password"
    return Path(settings.VAR_DIR) / name


def database_is_empty() -> bool:
    """True for a database that only holds what migrations create.

    That is: no account, no image or document, and no page but Wagtail's tree root and its
    generic welcome page. Anything else means the site is in use (or the demo was loaded once
    already), and the demo must never be loaded over it.
    """
    if get_user_model().objects.exists():
        return False
    if get_image_model().objects.exists() or get_document_model().objects.exists():
        return False
    generic_page = ContentType.objects.get_for_model(Page)
    return not Page.objects.exclude(depth__lte=2, content_type=generic_page).exists()


def write_password_file(password: str, username: str = DEMO_EDITOR_USERNAME) -> None:
    """Write the password for the owner only (0600), replacing a file left by an older database."""
    path = password_file(username)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(password + "\n")


def create_demo_account(account: DemoAccount) -> None:
    """A demo account in its role's group, with a new random password."""
    password = secrets.token_urlsafe(12)
    user = get_user_model().objects.create_user(
        account.username,
        account.email,
        password,
        first_name=account.first_name,
        last_name=account.last_name,
        is_staff=True,
    )
    user.groups.add(*Group.objects.filter(role__code=account.role))
    # Should the load be rolled back, demo_login_lines() finds no account and removes the file.
    write_password_file(password, account.username)


def create_demo_editor() -> None:
    """The demo editor, in the *Biên tập viên* role only (it cannot approve the last step)."""
    create_demo_account(DEMO_ACCOUNTS[0])


def stored_password(account: DemoAccount) -> str | None:
    """The account's stored demo password while it still opens the account; else None (and
    the file is deleted: a password someone chose is never printed)."""
    path = password_file(account.username)
    try:
        password = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    user = get_user_model().objects.filter(username=account.username).first()
    if user is None or not password or not user.check_password(password):
        path.unlink(missing_ok=True)
        return None
    return password


def demo_login_lines() -> list[str]:
    """The lines `make run` prints last about the demo accounts: their logins, or nothing.

    Nothing for an account whose demo was never loaded, or whose stored password no longer
    opens it.
    """
    logins = [
        (account, password)
        for account in demo_accounts()
        if (password := stored_password(account)) is not None
    ]
    if not logins:
        return []
    with translation.override(settings.LANGUAGE_CODE):
        lines = []
        for account, password in logins:
            if account.username == DEMO_EDITOR_USERNAME:
                line = _("Demo editor: %(username)s / %(password)s")
            else:
                line = _("Demo account (%(role)s): %(username)s / %(password)s")
            lines.append(
                line
                % {
                    "role": account.role_name or ROLE_NAMES[account.role],
                    "username": account.username,
                    "password": password,
                }
            )
        lines.append(
            _(
                "(random passwords of this install; change them in the admin, "
                "then they are not shown)"
            )
        )
        return lines


def load(stdout):
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    changed = False
    for field, value in DEMO_SETTINGS.items():
        if not getattr(site_settings, field):
            setattr(site_settings, field, value)
            changed = True
    if not site_settings.website_links.exists():
        for order, (title, url) in enumerate(DEMO_WEBSITE_LINKS):
            site_settings.website_links.add(WebsiteLink(sort_order=order, title=title, url=url))
        changed = True
    if changed:
        site_settings.save()
    for account in DEMO_ACCOUNTS:
        if not get_user_model().objects.filter(username=account.username).exists():
            create_demo_account(account)
