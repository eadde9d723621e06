"""Background work: full-text extraction from a document's files."""

import logging

from django.db import transaction
from django_tasks import task
from wagtail.search import index

logger = logging.getLogger(__name__)


@task(queue_name="documents")
def extract_document_text(document_id: int) -> str:
    """Read every PDF/DOCX/ODT file of the document, within MAX_TEXT_CHARS in all. A failure
    or a refused file (a zip bomb) keeps the document and marks it "not yet extracted" with
    the reason, so it can be retried; a text cut at the limit is kept, and the cut is said in
    the extraction message the admin list shows."""
    from django.utils.translation import gettext as _
    from django.utils.translation import override

    from .extraction import (
        EXTRACTABLE_EXTENSIONS,
        MAX_TEXT_CHARS,
        ExtractionError,
        extract_text,
    )
    from .models import ExtractionStatus, LegalDocument

    document = LegalDocument.objects.filter(pk=document_id).first()
    if document is None:
        return "missing"
    texts, errors, notices = [], [], []
    room = MAX_TEXT_CHARS
    files = list(document.files.all())
    with override("vi"):
        for item in files:
            if item.extension not in EXTRACTABLE_EXTENSIONS:
                continue
            try:
                with item.file.open("rb") as stream:
                    extracted = extract_text(stream, item.extension, item.display_name, room)
            except (ExtractionError, OSError) as error:
                logger.warning("Extraction failed for %s: %s", item.file.name, error)
                errors.append(str(error))
                continue
            texts.append(extracted.text)
            room = max(0, room - len(extracted.text))
            if extracted.cut:
                notices.append(
                    _("Only the first %(limit)s characters of the text were kept (“%(name)s”).")
                    % {"limit": f"{MAX_TEXT_CHARS:,}".replace(",", "."), "name": item.display_name}
                )
    extractable = any(item.extension in EXTRACTABLE_EXTENSIONS for item in files)
    if errors:
        status = ExtractionStatus.FAILED
    elif extractable:
        status = ExtractionStatus.DONE
    else:
        status = ExtractionStatus.NOT_NEEDED
    document.extracted_text = "\n\n".join(text for text in texts if text)
    document.extraction_status = status
    document.extraction_error = "\n".join(errors + notices)
    document.extracted_files = "" if errors else document.files_signature()
    document.fill_derived_fields()
    with transaction.atomic():
        LegalDocument.objects.filter(pk=document.pk).update(
            extracted_text=document.extracted_text,
            extraction_status=status,
            extraction_error=document.extraction_error,
            extracted_files=document.extracted_files,
        )
    index.insert_or_update_object(document)
    return status
