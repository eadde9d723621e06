"""Article text for whoever reads it (legal's citation links), without them importing news.

On publish, unpublish and delete of an article, news sends `core.signals.page_text_published`
or `page_text_withdrawn`; `live_article_texts` is news's `page_text_sources` entry in the
portal registry (see `NewsConfig.portal`), used to rescan every live article.
"""

from django.db.models import TextField
from django.db.models.functions import Cast
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from congdoan.core.signals import page_text_published, page_text_withdrawn


def article_html(article) -> str:
    """The HTML of an article's paragraphs: the text readers see links in."""
    return "\n".join(block.value.source for block in article.body if hasattr(block.value, "source"))


def live_article_texts(containing: str = ""):
    """(article, paragraphs' HTML) of every live article; `containing` narrows it in SQL first."""
    from congdoan.news.models import ArticlePage

    articles = ArticlePage.objects.live()
    if containing:
        articles = articles.annotate(body_text=Cast("body", TextField())).filter(
            body_text__icontains=containing
        )
    for article in articles.only("id", "body", "live").iterator(chunk_size=200):
        yield article, article_html(article)


def article_published(instance, **kwargs):
    page_text_published.send(sender=type(instance), page=instance, html=article_html(instance))


def article_withdrawn(instance, **kwargs):
    page_text_withdrawn.send(sender=type(instance), page=instance)


def connect():
    from congdoan.news.models import ArticlePage

    page_published.connect(article_published, sender=ArticlePage, dispatch_uid="news_text_pub")
    page_unpublished.connect(article_withdrawn, sender=ArticlePage, dispatch_uid="news_text_unpub")
    post_delete.connect(article_withdrawn, sender=ArticlePage, dispatch_uid="news_text_deleted")
