from django.db import migrations

WAGTAIL_DEFAULT = "Moderators approval"
VIETNAMESE = "Ban biên tập duyệt"


def rename(apps, schema_editor):
    for model_name in ("Workflow", "Task"):
        model = apps.get_model("wagtailcore", model_name)
        model.objects.filter(name=WAGTAIL_DEFAULT).update(name=VIETNAMESE)


def restore(apps, schema_editor):
    for model_name in ("Workflow", "Task"):
        model = apps.get_model("wagtailcore", model_name)
        model.objects.filter(name=VIETNAMESE).update(name=WAGTAIL_DEFAULT)


class Migration(migrations.Migration):
    """Wagtail's default moderation workflow, named in Vietnamese for the editors' buttons."""

    dependencies = [
        ("core", "0002_editors_manage_site_settings"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename, restore)]
