from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from congdoan.legal.exchange import export_documents


class Command(BaseCommand):
    help = (
        "Export every legal document to a JSON-lines file, in the format import_documents "
        "reads; attached files are copied to <name>_files/ beside it."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The .jsonl file to write")

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        output = Path(options["path"]).resolve()
        output.parent.mkdir(parents=True, exist_ok=True)
        count = export_documents(output)
        self.stdout.write(
            _("%(count)d documents written to %(path)s") % {"count": count, "path": output}
        )
