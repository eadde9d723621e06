"""Keep caches and the citation table in step with documents and the pages citing them.

Pages are announced by their own app through `core.signals` (news sends them for articles).
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from congdoan.core import content_version
from congdoan.core.signals import page_text_published, page_text_withdrawn

from .forms import FILTER_CHOICES_CACHE_KEY
from .linking import forget_code_links, update_document_citations, update_page_citations
from .templatetags.legal_tags import LATEST_DOCUMENTS_CACHE_KEY


def forget_cached_lists(**kwargs):
    cache.delete_many([FILTER_CHOICES_CACHE_KEY, LATEST_DOCUMENTS_CACHE_KEY])


def document_saved(instance, raw=False, **kwargs):
    forget_cached_lists()
    forget_code_links()
    if not raw:
        update_document_citations(instance)


def document_deleted(**kwargs):
    forget_cached_lists()
    forget_code_links()


def page_text_changed(page, html, **kwargs):
    update_page_citations(page, html)


def page_withdrawn(page, **kwargs):
    from .models import DocumentCitation

    DocumentCitation.objects.filter(page_id=page.pk).delete()


def draft_comment_changed(instance, raw=False, **kwargs):
    """Approved comments are shown on their document's page; unapproved ones nowhere."""
    if raw:
        return
    was_shown = getattr(instance, "_approved_when_loaded", False)
    if instance.approved or was_shown:
        content_version.bump()
    # The next save of this same object compares with what is stored now.
    instance._approved_when_loaded = instance.approved


def connect():
    from .models import Area, DocumentType, DraftComment, Issuer, LegalDocument, LegalDocumentFile

    # Documents are listed in the sidebar of every page and cited in articles: a change shows
    # on cached pages at once.
    content_version.watch(LegalDocument, LegalDocumentFile, Area, DocumentType, Issuer)

    post_save.connect(document_saved, sender=LegalDocument, dispatch_uid="legal_doc_saved")
    post_delete.connect(document_deleted, sender=LegalDocument, dispatch_uid="legal_doc_deleted")
    for model in (Area, DocumentType, Issuer):
        post_save.connect(forget_cached_lists, sender=model, dispatch_uid=f"legal_{model}_s")
        post_delete.connect(forget_cached_lists, sender=model, dispatch_uid=f"legal_{model}_d")
    post_save.connect(draft_comment_changed, sender=DraftComment, dispatch_uid="legal_comment_s")
    post_delete.connect(draft_comment_changed, sender=DraftComment, dispatch_uid="legal_comment_d")
    page_text_published.connect(page_text_changed, dispatch_uid="legal_page_text_published")
    page_text_withdrawn.connect(page_withdrawn, dispatch_uid="legal_page_text_withdrawn")
