"""The article tools: "In bài" (print view) and "Gửi bài viết" (send by email)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from congdoan.core.client_ip import client_ip
from congdoan.core.form_limits import SubmissionLimitReached
from congdoan.news.forms import SendArticleForm
from congdoan.news.models import ArticleSendLog
from congdoan.news.tasks import send_article_email


def print_article(request, article):
    if not article.allow_print:
        raise Http404
    response = TemplateResponse(
        request,
        "news/article_print.html",
        {
            "page": article,
            "self": article,
            "canonical_url": article.get_full_url(request),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


LIMIT_MESSAGES = {
    "ip": (None, _lazy("You have sent many articles in the last hour. Please try again later.")),
    "recipient_article": (
        "recipient",
        _lazy(
            "This article was already sent to this address in the last hour. "
            "Please try again later."
        ),
    ),
    "recipient": (
        "recipient",
        _lazy("This address has received many articles in the last hour. Please try again later."),
    ),
}


def delivery_message(request, status: str, recipient: str) -> None:
    """Tell the reader what really happened to the email, as far as it is known now.

    The email is sent by the task worker, not in the request: an SMTP server may take seconds or
    be down, and a failed send is retried later. So the usual answer is "will be sent within a
    few minutes"; "has been sent" or "could not be sent" only when the task already finished.
    """
    values = {"recipient": recipient}
    if status == ArticleSendLog.Status.SENT:
        messages.success(request, _("The article has been sent to %(recipient)s.") % values)
    elif status in (ArticleSendLog.Status.QUEUED, ArticleSendLog.Status.RETRYING):
        messages.success(
            request,
            _("The article will be sent to %(recipient)s within a few minutes.") % values,
        )
    else:
        messages.error(
            request,
            _("The article could not be sent to %(recipient)s. Please try again later.") % values,
        )


def send_article(request, article):
    if not article.allow_send:
        raise Http404
    status = 200
    if request.method == "POST":
        form = SendArticleForm(request.POST)
        if form.is_valid():
            recipient = form.cleaned_data["recipient"]
            if form.is_bot():
                delivery_message(request, ArticleSendLog.Status.QUEUED, recipient)
                return redirect(request.path)
            try:
                log = ArticleSendLog.objects.reserve(article, client_ip(request), recipient)
            except SubmissionLimitReached as refused:
                field, error = LIMIT_MESSAGES[refused.limit]
                form.add_error(field, error)
                status = 429
            else:
                send_article_email.enqueue(
                    log_id=log.pk,
                    recipient=recipient,
                    sender_name=form.cleaned_data["sender_name"],
                    message=form.cleaned_data["message"],
                    article_url=article.get_full_url(request),
                    language=translation.get_language(),
                )
                # A worker may already have sent it (or an immediate backend did, in the request).
                log.refresh_from_db(fields=["status"])
                delivery_message(request, log.status, recipient)
                return redirect(request.path)
    else:
        form = SendArticleForm()
    response = TemplateResponse(
        request,
        "news/article_send.html",
        {"page": article, "self": article, "form": form},
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response
