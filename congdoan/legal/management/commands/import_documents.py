from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from congdoan.legal.exchange import import_documents


class Command(BaseCommand):
    help = (
        "Import legal documents from a JSON-lines file (one document a line; "
        "`id` is the import key: importing again updates). File paths are relative to the file."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The .jsonl file")

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        path = Path(options["path"]).resolve()
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        with path.open(encoding="utf-8-sig") as stream:
            report = import_documents(stream, path.parent)
        for number, reason in report.errors:
            self.stderr.write(
                _("Line %(number)d: %(reason)s") % {"number": number, "reason": reason}
            )
        self.stdout.write(
            _("%(created)d created, %(updated)d updated, %(failed)d failed.")
            % {
                "created": report.created,
                "updated": report.updated,
                "failed": len(report.errors),
            }
        )
        if report.errors:
            raise CommandError(
                _("%(failed)d lines were not imported.") % {"failed": len(report.errors)}
            )
