"""The tracker's roles: *Lãnh đạo* sees every task, *Cán bộ theo dõi* reports for their units.

Both are `core.Role` groups (found by code) that may open the admin.
"""

from django.db import migrations

from congdoan.core.permissions import ensure_permissions
from congdoan.tracking.roles import ROLE_NAMES, ROLE_PERMISSIONS


def create_roles(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    role_model = apps.get_model("core", "Role")
    permission_model = apps.get_model("auth", "Permission")
    ensure_permissions(apps, "tracking")
    access_admin = permission_model.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for code, name in ROLE_NAMES.items():
        role = role_model.objects.filter(code=code).select_related("group").first()
        if role is None:
            group, _created = group_model.objects.get_or_create(name=name)
            role = role_model.objects.create(code=code, group=group)
        role.group.permissions.add(
            *access_admin,
            *permission_model.objects.filter(
                content_type__app_label="tracking", codename__in=ROLE_PERMISSIONS[code]
            ),
        )


def remove_roles(apps, schema_editor):
    role_model = apps.get_model("core", "Role")
    for role in role_model.objects.filter(code__in=list(ROLE_NAMES)).select_related("group"):
        role.group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tracking", "0001_initial"),
        ("core", "0006_newsroom_roles"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
