"""A poll's page (its form or its results) and the vote endpoint the side block posts to.

The side block lives in cached pages, so its form carries no CSRF token (a token would make
every page uncacheable). The vote endpoint is therefore exempt from Django's token check and
makes its own: the request's `Origin` (or, without it, `Referer`) must be this site, which a
cross-site form cannot forge in a browser. A vote changes no cached page.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from congdoan.core.client_ip import client_ip

from .models import Poll
from .voting import VoteRefused, cast_vote, has_voted, reader_id, remember_reader


def _poll(pk):
    return get_object_or_404(Poll.objects.prefetch_related("choices"), pk=pk)


def render_poll(request, poll, *, error="", status=200):
    reader, _new = reader_id(request)
    voted = has_voted(poll, reader) if not _new else False
    state = poll.state()
    show_results = poll.results_visible(voted)
    results, voters = poll.results() if show_results else ([], 0)
    response = TemplateResponse(
        request,
        "polls/poll_detail.html",
        {
            "poll": poll,
            "state": state,
            "has_voted": voted,
            "show_results": show_results,
            "results": results,
            "voters": voters,
            "error": error,
            "page_title": poll.question,
        },
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def poll_detail(request, pk):
    return render_poll(request, _poll(pk))


def is_same_origin(request) -> bool:
    """Whether the POST comes from a page of this site (the vote's CSRF check)."""
    own = f"{request.scheme}://{request.get_host()}"
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin == own
    referer = request.META.get("HTTP_REFERER", "")
    return referer == own or referer.startswith(own + "/")


@csrf_exempt
@require_POST
def vote(request, pk):
    poll = _poll(pk)
    if not is_same_origin(request):
        return render_poll(
            request,
            poll,
            error=_("Your vote could not be verified. Please vote from the poll's page."),
            status=403,
        )
    reader, new_reader = reader_id(request)
    try:
        cast_vote(poll, request.POST.getlist("choice")[:100], reader, client_ip(request))
    except VoteRefused as refused:
        response = render_poll(request, poll, error=str(refused.message), status=refused.status)
    else:
        messages.success(request, _("Thank you: your vote has been counted."))
        response = redirect(poll)
    if new_reader:
        remember_reader(response, reader)
    return response
