from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from congdoan.legal.models import ExtractionStatus, LegalDocument
from congdoan.legal.tasks import extract_document_text


class Command(BaseCommand):
    help = (
        "Queue full-text extraction: --retry for failed or pending documents, --all for every one."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--retry", action="store_true", help="Failed or not yet extracted")
        group.add_argument("--all", action="store_true", help="Every document with files")

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        documents = LegalDocument.objects.filter(files__isnull=False).distinct()
        if options["retry"]:
            documents = documents.filter(
                extraction_status__in=[ExtractionStatus.FAILED, ExtractionStatus.PENDING]
            )
        ids = list(documents.values_list("pk", flat=True))
        for pk in ids:
            extract_document_text.enqueue(pk)
        failed = LegalDocument.objects.filter(
            pk__in=ids, extraction_status=ExtractionStatus.FAILED
        ).count()
        self.stdout.write(
            _("%(count)d documents queued for extraction; %(failed)d still failed.")
            % {"count": len(ids), "failed": failed}
        )
