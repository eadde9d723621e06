"""Looking up the newsroom roles (`core.Role`) by their stable codes."""

from django.contrib.auth.models import Group

from congdoan.core.permissions import ADMINISTRATOR


def role_group(code: str) -> Group:
    """The group of a role; raises Group.DoesNotExist if the roles were never created."""
    return Group.objects.get(role__code=code)


def has_role(user, code: str) -> bool:
    return user.is_authenticated and user.groups.filter(role__code=code).exists()


def can_view_audit_log(user) -> bool:
    """Administrators (the role, or superusers) see the site's audit log."""
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("core.view_audit_log") or has_role(user, ADMINISTRATOR)
    )
