"""The article tools: "In bài" (print view) and "Gửi bài viết" (send by email)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

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


def send_article(request, article):
    if not article.allow_send:
        raise Http404
    status = 200
    if request.method == "POST":
        form = SendArticleForm(request.POST)
        if form.is_valid():
            recipient = form.cleaned_data["recipient"]
            sent_message = _("The article has been sent to %(recipient)s.") % {
                "recipient": recipient
            }
            if form.is_bot():
                messages.success(request, sent_message)
                return redirect(request.path)
            ip = request.META.get("REMOTE_ADDR", "")
            if ArticleSendLog.objects.ip_limit_reached(ip):
                form.add_error(
                    None,
                    _("You have sent many articles in the last hour. Please try again later."),
                )
                status = 429
            elif ArticleSendLog.objects.recipient_limit_reached(article, recipient):
                form.add_error(
                    "recipient",
                    _(
                        "This article was already sent to this address in the last hour. "
                        "Please try again later."
                    ),
                )
                status = 429
            else:
                ArticleSendLog.objects.record(article, ip, recipient)
                send_article_email.enqueue(
                    article_id=article.pk,
                    recipient=recipient,
                    sender_name=form.cleaned_data["sender_name"],
                    message=form.cleaned_data["message"],
                    article_url=article.get_full_url(request),
                    language=translation.get_language(),
                )
                messages.success(request, sent_message)
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
