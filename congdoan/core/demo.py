"""Demo site settings and a demo editor account."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from congdoan.core.models import SiteSettings

DEMO_EDITOR = {"username": "bientap", "password": "congdoan2024", "email": "bientap@example.vn"}

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

    user_model = get_user_model()
    if not user_model.objects.filter(username=DEMO_EDITOR["username"]).exists():
        editor = user_model.objects.create_user(
            DEMO_EDITOR["username"],
            DEMO_EDITOR["email"],
            DEMO_EDITOR["password"],
            first_name="Biên tập",
            last_name="viên",
            is_staff=True,
        )
        editors = Group.objects.filter(name="Editors").first()
        moderators = Group.objects.filter(name="Moderators").first()
        editor.groups.add(*[group for group in (editors, moderators) if group])


def demo_login_lines() -> list[str]:
    """The lines `run_portal` prints last: the demo editor's login, none without the account."""
    if not get_user_model().objects.filter(username=DEMO_EDITOR["username"]).exists():
        return []
    return [f"Tài khoản biên tập mẫu: {DEMO_EDITOR['username']} / {DEMO_EDITOR['password']}"]
