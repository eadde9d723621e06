"""Keep caches and the citation table in step with documents and articles."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from .forms import FILTER_CHOICES_CACHE_KEY
from .linking import forget_code_links, update_article_citations, update_document_citations
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


def article_published(instance, **kwargs):
    update_article_citations(instance)


def article_unpublished(instance, **kwargs):
    from .models import DocumentCitation

    DocumentCitation.objects.filter(article_id=instance.pk).delete()


def connect():
    from congdoan.news.models import ArticlePage

    from .models import Area, DocumentType, Issuer, LegalDocument

    post_save.connect(document_saved, sender=LegalDocument, dispatch_uid="legal_doc_saved")
    post_delete.connect(document_deleted, sender=LegalDocument, dispatch_uid="legal_doc_deleted")
    for model in (Area, DocumentType, Issuer):
        post_save.connect(forget_cached_lists, sender=model, dispatch_uid=f"legal_{model}_s")
        post_delete.connect(forget_cached_lists, sender=model, dispatch_uid=f"legal_{model}_d")
    page_published.connect(article_published, sender=ArticlePage, dispatch_uid="legal_pub")
    page_unpublished.connect(article_unpublished, sender=ArticlePage, dispatch_uid="legal_unpub")
    post_delete.connect(article_unpublished, sender=ArticlePage, dispatch_uid="legal_art_del")
