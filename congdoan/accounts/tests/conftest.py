import re

import pytest
from django.contrib.auth.models import Group, Permission, User

PASSWORD = "Mật-khẩu-đúng-2026"
ROLE_NAMES = {
    "chief_editor": "Tổng biên tập",
    "administrator": "Quản trị",
    "editor": "Biên tập viên",
}


def admin_user(username: str, role: str | None = None) -> User:
    """A staff account that may use the Wagtail admin, in the group of `role` if given."""
    user = User.objects.create_user(username, f"{username}@example.vn", PASSWORD, is_staff=True)
    access = Group.objects.get_or_create(name=f"admin access {username}")[0]
    access.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(access)
    if role:
        user.groups.add(Group.objects.get_or_create(name=ROLE_NAMES[role])[0])
    return user


@pytest.fixture
def editor(db):
    return admin_user("bientap")


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
