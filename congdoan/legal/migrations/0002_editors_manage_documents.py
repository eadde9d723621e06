from django.db import migrations

from congdoan.core.permissions import grant_to_editors

LEGAL_MODELS = ("LegalDocument", "DocumentType", "Issuer", "Area")


def grant(apps, schema_editor):
    grant_to_editors(apps, "legal", LEGAL_MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("legal", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
