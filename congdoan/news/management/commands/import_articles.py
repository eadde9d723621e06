from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from congdoan.news.importing import import_articles


class Command(BaseCommand):
    help = (
        "Import articles from a JSON Lines file (one article a line). "
        "Importing the same id again updates the article."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSONL file; image paths are relative to it")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        try:
            result = import_articles(path)
        except UnicodeDecodeError:
            raise CommandError(_("The file is not UTF-8 text: %(path)s") % {"path": path}) from None
        for error in result.errors:
            self.stderr.write(str(error))
        summary = _(
            "Imported %(created)d new and updated %(updated)d articles; %(failed)d lines failed."
        ) % {"created": result.created, "updated": result.updated, "failed": len(result.errors)}
        if result.errors:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
