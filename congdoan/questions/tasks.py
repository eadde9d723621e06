from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from congdoan.news.tasks import retry_delay


def build_answer_email(question):
    from congdoan.core.models import SiteSettings
    from congdoan.core.registry import filter_rich_text

    from .models import QuestionArchivePage

    archive = QuestionArchivePage.objects.live().first()
    site = archive.get_site() if archive else None
    site_name = SiteSettings.for_site(site).display_name if site else settings.WAGTAIL_SITE_NAME
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    # The answer's links (documents it cites) are site paths; a mail client needs full URLs.
    answer_html = filter_rich_text(question.answer).replace('href="/', f'href="{base_url}/')
    context = {
        "question": question,
        "answer_html": answer_html,
        "site_name": site_name,
        "site_url": base_url,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("Answer to your legal question (%(site)s)") % {"site": site_name}
        text_body = render_to_string("questions/email/answer.txt", context)
        html_body = render_to_string("questions/email/answer.html", context)
    email = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text_body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[question.email],
    )
    email.attach_alternative(html_body, "text/html")
    return email


@task(queue_name="mail")
def send_answer_email(question_id: int) -> str:
    """Email the approved answer to the asker; retried like "Gửi bài viết" when sending fails.

    Returns "sent", "retrying", "failed" or "" (nothing to send).
    """
    from .models import LegalQuestion

    question = LegalQuestion.objects.filter(pk=question_id).first()
    if question is None or question.answered_at is None or question.reply_sent_at is not None:
        return ""
    try:
        build_answer_email(question).send()
    except Exception as error:  # noqa: BLE001 - any failure of the mail backend is a failed attempt
        question.reply_attempts += 1
        question.reply_error = f"{type(error).__name__}: {error}"[:500]
        question.save(update_fields=["reply_attempts", "reply_error"])
        if question.reply_attempts >= settings.SEND_ARTICLE_MAX_ATTEMPTS:
            return "failed"
        retry = send_answer_email
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + retry_delay(question.reply_attempts))
        retry.enqueue(question_id=question_id)
        return "retrying"
    question.reply_attempts += 1
    question.reply_sent_at = timezone.now()
    question.reply_error = ""
    question.save(update_fields=["reply_attempts", "reply_sent_at", "reply_error"])
    return "sent"
