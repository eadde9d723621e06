from django.utils.translation import gettext_lazy as _

from congdoan.core.jsonl_import import ImportCommand
from congdoan.legal.exchange import import_record


class Command(ImportCommand):
    help = (
        "Import legal documents from a JSON-lines file (one document a line; "
        "`id` is the import key: importing again updates). File paths are relative to the file."
    )
    import_record = import_record
    summary_message = _("%(created)d created, %(updated)d updated, %(failed)d failed.")
