from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task


def retry_delay(attempts: int) -> timedelta:
    """Back-off after the n-th failed attempt: 1, 4, 16 minutes… with the default base."""
    return timedelta(seconds=settings.SEND_ARTICLE_RETRY_SECONDS * 4 ** (attempts - 1))


def build_article_email(article, recipient, sender_name, message, article_url, language):
    from congdoan.core.models import SiteSettings

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
    return email


@task(queue_name="mail")
def send_article_email(
    log_id: int,
    recipient: str,
    sender_name: str,
    message: str,
    article_url: str,
    language: str = "",
) -> str:
    """Email an article's title, sapo and link; returns the send log's new status.

    A failed send is recorded on the log (shown to admins under "Thư gửi bài viết") and enqueued
    again after a growing delay, until SEND_ARTICLE_MAX_ATTEMPTS attempts have failed.
    """
    from congdoan.news.models import ArticlePage, ArticleSendLog

    log = ArticleSendLog.objects.filter(pk=log_id).first()
    if log is None:  # the article was deleted, and its log rows with it
        return ""
    article = ArticlePage.objects.live().public().filter(pk=log.article_id).first()
    if article is None or not article.allow_send:
        log.record_outcome(ArticleSendLog.Status.CANCELLED)
        return log.status
    email = build_article_email(article, recipient, sender_name, message, article_url, language)
    try:
        email.send()
    except Exception as error:  # noqa: BLE001 - any failure of the mail backend is a failed attempt
        final = log.attempts + 1 >= settings.SEND_ARTICLE_MAX_ATTEMPTS
        log.record_failure(error, final)
        if not final:
            retry = send_article_email
            if retry.get_backend().supports_defer:
                retry = retry.using(run_after=timezone.now() + retry_delay(log.attempts))
            retry.enqueue(
                log_id=log_id,
                recipient=recipient,
                sender_name=sender_name,
                message=message,
                article_url=article_url,
                language=language,
            )
            log.refresh_from_db(fields=["status", "attempts", "last_error"])
        return log.status
    log.record_outcome(ArticleSendLog.Status.SENT)
    return log.status
