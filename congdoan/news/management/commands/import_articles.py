from django.utils.translation import gettext as _

from congdoan.core.jsonl_import import ImportCommand
from congdoan.news.importing import import_articles


class Command(ImportCommand):
    help = (
        "Import articles from a JSON Lines file (one article a line). "
        "Importing the same id again updates the article."
    )

    def import_file(self, path):
        return import_articles(path)

    def summary(self, report):
        return _(
            "Imported %(created)d new and updated %(updated)d articles; %(failed)d lines failed."
        ) % {"created": report.created, "updated": report.updated, "failed": len(report.errors)}
