"""The newsroom roles, and giving them rights on the portal's own models from data migrations.

Each role is a Django group tied to a `core.Role` with a stable code (the group's Vietnamese
name is for people and may be renamed). Migration `core.0006_newsroom_roles` creates them and
turns Wagtail's default groups into two of them (Editors → editor, Moderators → chief editor),
so accounts of existing installs keep their rights.
"""

from django.contrib.auth.management import create_permissions

CONTRIBUTOR = "contributor"
REPORTER = "reporter"
EDITOR = "editor"
CHIEF_EDITOR = "chief_editor"
ADMINISTRATOR = "administrator"

# Role code -> Vietnamese group name given when the role is created.
ROLE_NAMES = {
    CONTRIBUTOR: "Cộng tác viên",
    REPORTER: "Phóng viên",
    EDITOR: "Biên tập viên",
    CHIEF_EDITOR: "Tổng biên tập",
    ADMINISTRATOR: "Quản trị",
}

# Who manages content models (documents, albums' snippets…) and who manages settings models.
CONTENT_ROLES = (EDITOR, CHIEF_EDITOR)
SETTINGS_ROLES = (ADMINISTRATOR,)
# Wagtail's default groups, before migration core.0005 turned them into roles.
LEGACY_GROUPS = {EDITOR: "Editors", CHIEF_EDITOR: "Moderators"}
ALL_ACTIONS = ("add", "change", "delete", "view")


def is_settings_model(model_name: str) -> bool:
    """The portal's settings models (Wagtail settings) are all named "…Settings"."""
    return model_name.lower().endswith("settings")


def role_groups(apps, codes):
    """The groups of these roles in a migration's state, or Wagtail's default groups while
    `core.0005` has not run yet (it turns those into roles)."""
    group_model = apps.get_model("auth", "Group")
    try:
        role_model = apps.get_model("core", "Role")
    except LookupError:
        role_model = None
    if role_model is not None:
        return list(group_model.objects.filter(role__code__in=codes))
    # Before the roles, both default groups held every right (settings included); core.0005
    # then moves the settings rights to the administrators.
    return list(group_model.objects.filter(name__in=LEGACY_GROUPS.values()))


def ensure_permissions(apps, app_label: str) -> None:
    """Create an app's permissions now (Django creates them only after migrating), so that a
    data migration on a fresh database finds them."""
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True  # the migration state's app stub lacks it
    create_permissions(app_config, verbosity=0, apps=apps)


def grant_to_editors(apps, app_label: str, model_names, actions=ALL_ACTIONS):
    """Grant `actions` on these models to the roles that manage them: settings models
    (`is_settings_model`) to the administrators, every other model to the editor and chief
    editor roles.

    Permissions are normally created after migrating; create them now so a fresh database works.
    """
    ensure_permissions(apps, app_label)
    permission_model = apps.get_model("auth", "Permission")
    for roles, names in (
        (SETTINGS_ROLES, [name for name in model_names if is_settings_model(name)]),
        (CONTENT_ROLES, [name for name in model_names if not is_settings_model(name)]),
    ):
        codenames = [f"{action}_{name.lower()}" for name in names for action in actions]
        if not codenames:
            continue
        permissions = list(
            permission_model.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        )
        for group in role_groups(apps, roles):
            group.permissions.add(*permissions)
