from django.utils.translation import gettext as _

from congdoan.core.jsonl_import import ImportCommand
from congdoan.legal.exchange import import_documents


class Command(ImportCommand):
    help = (
        "Import legal documents from a JSON-lines file (one document a line; "
        "`id` is the import key: importing again updates). File paths are relative to the file."
    )

    def import_file(self, path):
        return import_documents(path)

    def summary(self, report):
        return _("%(created)d created, %(updated)d updated, %(failed)d failed.") % {
            "created": report.created,
            "updated": report.updated,
            "failed": len(report.errors),
        }
