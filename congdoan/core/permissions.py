"""Giving Wagtail's editor groups the rights on the portal's own content, from data migrations."""

from django.contrib.auth.management import create_permissions

EDITOR_GROUPS = ("Editors", "Moderators")
ALL_ACTIONS = ("add", "change", "delete", "view")


def grant_to_editors(apps, app_label: str, model_names, actions=ALL_ACTIONS):
    """Grant `actions` on these models to the Editors and Moderators groups, where they exist.

    Permissions are normally created after migrating; create them now so a fresh database works.
    """
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True  # the migration state's app stub lacks it
    create_permissions(app_config, verbosity=0, apps=apps)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{name.lower()}" for name in model_names for action in actions]
    permissions = list(
        permission_model.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )
    for group in group_model.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)
