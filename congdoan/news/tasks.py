from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task


@task(queue_name="mail")
def send_article_email(
    article_id: int,
    recipient: str,
    sender_name: str,
    message: str,
    article_url: str,
    language: str = "",
) -> bool:
    """Email an article's title, sapo and link; False when it was unpublished meanwhile."""
    from congdoan.core.models import SiteSettings
    from congdoan.news.models import ArticlePage

    article = ArticlePage.objects.live().public().filter(pk=article_id).first()
    if article is None or not article.allow_send:
        return False
    site = article.get_site()
    site_name = SiteSettings.for_site(site).display_name if site else settings.WAGTAIL_SITE_NAME
    context = {
        "article": article,
        "article_url": article_url,
        "sender_name": sender_name,
        "message": message,
        "site_name": site_name,
    }
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = gettext("%(sender)s sent you an article: %(title)s") % {
            "sender": sender_name,
            "title": article.title,
        }
        text_body = render_to_string("news/email/send_article.txt", context)
        html_body = render_to_string("news/email/send_article.html", context)
    email = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text_body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
    )
    email.attach_alternative(html_body, "text/html")
    email.send()
    return True
