from django.db import migrations

from congdoan.core.permissions import grant_to_editors


def grant(apps, schema_editor):
    # Editors read the report of top searches; nobody edits the counters by hand.
    grant_to_editors(apps, "search", ["SearchQueryStat"], actions=("view",))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_search_query_stats"),
        ("core", "0006_newsroom_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
