"""Which accounts must sign in with a second factor.

Roles are groups known by a stable code (the newsroom's *Tổng biên tập* is `chief_editor`,
*Quản trị* is `administrator`); `ROLE_GROUP_NAMES` maps a code to the group's Vietnamese name.
Superusers count as administrators unless `TWO_FACTOR_REQUIRED_FOR_SUPERUSERS` is off.
"""

from django.conf import settings

ROLE_GROUP_NAMES = {
    "contributor": "Cộng tác viên",
    "reporter": "Phóng viên",
    "editor": "Biên tập viên",
    "chief_editor": "Tổng biên tập",
    "administrator": "Quản trị",
}


def user_has_any_role(user, codes) -> bool:
    """True when the user belongs to the group of one of these role codes."""
    names = [ROLE_GROUP_NAMES[code] for code in codes if code in ROLE_GROUP_NAMES]
    return bool(names) and user.groups.filter(name__in=names).exists()


def two_factor_required(user) -> bool:
    """Whether this signed-in user may use the admin only after enrolling a TOTP device."""
    if not user.is_authenticated:
        return False
    if user.is_superuser and settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS:
        return True
    return user_has_any_role(user, settings.TWO_FACTOR_REQUIRED_ROLES)
