from django.db import migrations

from congdoan.core.permissions import grant_to_editors


def grant(apps, schema_editor):
    grant_to_editors(apps, "core", ["SiteSettings"], actions=("change",))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
