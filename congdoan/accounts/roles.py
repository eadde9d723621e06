"""Which accounts must sign in with a second factor.

Roles are groups known by a stable code (`core.Role`: the newsroom's *Tổng biên tập* is
`chief_editor`, *Quản trị* is `administrator`), never by the group's name, which administrators
may change. Superusers count as administrators unless `TWO_FACTOR_REQUIRED_FOR_SUPERUSERS` is off.
"""

from django.conf import settings


def user_has_any_role(user, codes) -> bool:
    """True when the user belongs to the group of one of these role codes."""
    return user.groups.filter(role__code__in=list(codes)).exists()


def two_factor_required(user) -> bool:
    """Whether this signed-in user may use the admin only after enrolling a TOTP device."""
    if not user.is_authenticated:
        return False
    if user.is_superuser and settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS:
        return True
    return user_has_any_role(user, settings.TWO_FACTOR_REQUIRED_ROLES)
