"""The newsroom roles (core.Role): five groups with Vietnamese names, found by code.

Wagtail's default groups become two of the roles, keeping their members and rights: Editors →
*Biên tập viên* (code `editor`), Moderators → *Tổng biên tập* (`chief_editor`). Editors lose
the publish right should they have it (they approve step one; the chief editor publishes), and
the rights on settings models move from both to *Quản trị* (`administrator`).
"""

import django.db.models.deletion
from django.db import migrations, models

from congdoan.core.permissions import (
    ADMINISTRATOR,
    CHIEF_EDITOR,
    CONTRIBUTOR,
    EDITOR,
    LEGACY_GROUPS,
    REPORTER,
    ROLE_NAMES,
    ensure_permissions,
    is_settings_model,
)

# Page permissions on the tree's root, so on every site and section.
ROOT_PAGE_PERMISSIONS = {
    EDITOR: ("add_page", "change_page", "lock_page"),
    CHIEF_EDITOR: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
# Image and document library rights on the root collection.
COLLECTION_PERMISSIONS = {
    CONTRIBUTOR: ("add_image", "choose_image"),
    REPORTER: ("add_image", "choose_image", "add_document", "choose_document"),
    EDITOR: (
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ),
    CHIEF_EDITOR: (
        "add_image",
        "change_image",
        "delete_image",
        "choose_image",
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
    ),
}
ADMINISTRATOR_PERMISSIONS = (
    ("auth", ("add_user", "change_user", "delete_user", "view_user")),
    ("auth", ("add_group", "change_group", "delete_group", "view_group")),
    ("core", ("view_audit_log",)),
    ("wagtailcore", ("add_site", "change_site", "delete_site", "view_site")),
    ("wagtailcore", ("add_workflow", "change_workflow", "delete_workflow", "view_workflow")),
    ("wagtailcore", ("add_task", "change_task", "delete_task", "view_task")),
)


def permissions(apps, app_label, codenames):
    permission_model = apps.get_model("auth", "Permission")
    return list(
        permission_model.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def create_roles(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    role_model = apps.get_model("core", "Role")
    permission_model = apps.get_model("auth", "Permission")
    # wagtailadmin has no models: its access_admin permission comes from its migration 0001.
    for app_label in ("auth", "core", "wagtailcore", "wagtailimages", "wagtaildocs"):
        ensure_permissions(apps, app_label)

    groups = {}
    for code, name in ROLE_NAMES.items():
        legacy = group_model.objects.filter(name=LEGACY_GROUPS.get(code, "")).first()
        group = legacy or group_model.objects.filter(name=name).first()
        if group is None:
            group = group_model.objects.create(name=name)
        elif group.name != name and not group_model.objects.filter(name=name).exists():
            group.name = name
            group.save(update_fields=["name"])
        role_model.objects.get_or_create(code=code, defaults={"group": group})
        groups[code] = group

    access_admin = permissions(apps, "wagtailadmin", ["access_admin"])
    for group in groups.values():
        group.permissions.add(*access_admin)

    # Settings rights move from the editor roles to the administrators.
    settings_permissions = [
        permission
        for permission in permission_model.objects.filter(
            group__in=[groups[EDITOR], groups[CHIEF_EDITOR]]
        ).select_related("content_type")
        if is_settings_model(permission.content_type.model)
    ]
    groups[ADMINISTRATOR].permissions.add(*settings_permissions)
    groups[EDITOR].permissions.remove(*settings_permissions)
    groups[CHIEF_EDITOR].permissions.remove(*settings_permissions)
    for app_label, codenames in ADMINISTRATOR_PERMISSIONS:
        groups[ADMINISTRATOR].permissions.add(*permissions(apps, app_label, codenames))

    page_model = apps.get_model("wagtailcore", "Page")
    page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    root = page_model.objects.filter(depth=1).first()
    if root is not None:
        page_permission_model.objects.filter(
            group=groups[EDITOR], permission__codename="publish_page"
        ).delete()
        for code, codenames in ROOT_PAGE_PERMISSIONS.items():
            for permission in permissions(apps, "wagtailcore", codenames):
                page_permission_model.objects.get_or_create(
                    group=groups[code], page=root, permission=permission
                )

    collection_model = apps.get_model("wagtailcore", "Collection")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = collection_model.objects.filter(depth=1).first()
    if root_collection is not None:
        for code, codenames in COLLECTION_PERMISSIONS.items():
            for app_label in ("wagtailimages", "wagtaildocs"):
                for permission in permissions(apps, app_label, codenames):
                    collection_permission_model.objects.get_or_create(
                        group=groups[code], collection=root_collection, permission=permission
                    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_scheduled_command_runs"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.CreateModel(
            name="Role",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.SlugField(max_length=40, unique=True, verbose_name="code")),
                (
                    "group",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="role",
                        to="auth.group",
                        verbose_name="group",
                    ),
                ),
            ],
            options={
                "verbose_name": "role",
                "verbose_name_plural": "roles",
                "permissions": [("view_audit_log", "Can view the audit log of the whole site")],
            },
        ),
        migrations.RunPython(create_roles, migrations.RunPython.noop),
    ]
