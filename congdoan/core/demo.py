"""Demo site settings and the demo editor account, loaded once into an empty database.

The demo editor gets a random password per install. It is kept, readable by the owner only, in
`VAR_DIR/demo_editor_password` so that every `make run` can print it again; the file is removed
as soon as the password no longer opens the account (the editor changed it, or the account was
deleted), and from then on nothing is printed.
"""

import os
import secrets
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

from congdoan.core.models import SiteSettings
from congdoan.core.permissions import EDITOR_GROUPS

DEMO_EDITOR_USERNAME = "bientap"
DEMO_EDITOR_EMAIL = "bientap@example.vn"
PASSWORD_FILE_NAME = "demo_editor_password"  # noqa: S105 - a file name, not a password

DEMO_SETTINGS = {
    "organization_name": "Liên đoàn Lao động tỉnh Hòa Bình",
    "short_name": "LĐLĐ tỉnh Hòa Bình",
    "slogan": "Vì quyền lợi của đoàn viên và người lao động",
    "address": "Số 1 đường Trần Hưng Đạo, phường Phương Lâm, tỉnh Hòa Bình",
    "phone": "0218 3852 000",
    "email": "vanphong@ldldhoabinh.example.vn",
    "footer_text": (
        "Cơ quan chủ quản: Liên đoàn Lao động tỉnh Hòa Bình. "
        "Chịu trách nhiệm nội dung: Trưởng Ban Tuyên giáo."
    ),
    "copyright_text": (
        "© Liên đoàn Lao động tỉnh Hòa Bình. Ghi rõ nguồn khi phát hành lại thông tin."
    ),
    "facebook_url": "https://www.facebook.com/congdoanvietnam",
    "youtube_url": "https://www.youtube.com/@congdoanvietnam",
    "zalo_url": "https://zalo.me/congdoanvietnam",
}


def password_file() -> Path:
    return Path(settings.VAR_DIR) / PASSWORD_FILE_NAME


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


def write_password_file(password: str) -> None:
    """Write the password for the owner only (0600), replacing a file left by an older database."""
    path = password_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(password + "\n")


def create_demo_editor() -> None:
    """The demo editor, in the Editors and Moderators groups, with a new random password."""
    password = secrets.token_urlsafe(12)
    editor = get_user_model().objects.create_user(
        DEMO_EDITOR_USERNAME,
        DEMO_EDITOR_EMAIL,
        password,
        first_name="Biên tập",
        last_name="viên",
        is_staff=True,
    )
    editor.groups.add(*Group.objects.filter(name__in=EDITOR_GROUPS))
    # Should the load be rolled back, demo_login_lines() finds no account and removes the file.
    write_password_file(password)


def demo_login_lines() -> list[str]:
    """The lines `make run` prints last about the demo editor: its login, or nothing.

    Nothing when the demo was never loaded, or when the stored password no longer opens the
    account (its file is then deleted: a password an editor chose is never printed).
    """
    path = password_file()
    try:
        password = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return []
    editor = get_user_model().objects.filter(username=DEMO_EDITOR_USERNAME).first()
    if editor is None or not password or not editor.check_password(password):
        path.unlink(missing_ok=True)
        return []
    with translation.override(settings.LANGUAGE_CODE):
        return [
            _("Demo editor: %(username)s / %(password)s")
            % {
                "username": DEMO_EDITOR_USERNAME,
                "password": password,
            },
            _("(random password of this install; change it in the admin, then it is not shown)"),
        ]


def load(stdout):
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    changed = False
    for field, value in DEMO_SETTINGS.items():
        if not getattr(site_settings, field):
            setattr(site_settings, field, value)
            changed = True
    if changed:
        site_settings.save()
    if not get_user_model().objects.filter(username=DEMO_EDITOR_USERNAME).exists():
        create_demo_editor()
