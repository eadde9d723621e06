from django.db import migrations

from congdoan.core.permissions import grant_to_editors


def grant(apps, schema_editor):
    grant_to_editors(apps, "questions", ("LegalQuestion", "QuestionTopic"))


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0001_initial"),
        ("core", "0006_newsroom_roles"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
