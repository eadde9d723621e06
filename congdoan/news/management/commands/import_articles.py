from django.utils.translation import gettext_lazy as _

from congdoan.core.jsonl_import import ImportCommand
from congdoan.news.importing import import_record


class Command(ImportCommand):
    help = (
        "Import articles from a JSON Lines file (one article a line). "
        "Importing the same id again updates the article."
    )
    import_record = import_record
    summary_message = _(
        "Imported %(created)d new and updated %(updated)d articles; %(failed)d lines failed."
    )
