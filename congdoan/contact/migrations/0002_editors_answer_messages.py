from django.db import migrations

from congdoan.core.permissions import grant_to_editors


def grant(apps, schema_editor):
    # Messages come from readers: editors read, answer and delete them, never add them.
    grant_to_editors(apps, "contact", ["ContactMessage"], actions=("change", "delete", "view"))
    grant_to_editors(apps, "contact", ["HotlineSettings"], actions=("change",))


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0001_contact_page_messages_hotlines"),
        ("core", "0006_newsroom_roles"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
