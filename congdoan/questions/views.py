"""The archive page's routes: the list (search, topic), one answer, and the question form."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backend

from congdoan.core.client_ip import client_ip
from congdoan.core.form_limits import SubmissionLimitReached, address_hash, create_within_limit

from .forms import ArchiveFilterForm, AskQuestionForm
from .models import QUESTIONS_PER_PAGE, LegalQuestion, QuestionArchivePage

QUESTION_FORM_PURPOSE = "legal-question"


def _render(request, page, template, context, status=200):
    return TemplateResponse(
        request, template, {"page": page, "self": page, **context}, status=status
    )


def archive(request, page):
    form = ArchiveFilterForm(request.GET or None)
    questions = LegalQuestion.objects.public_listing()
    query = ""
    status = 200
    if form.is_bound and not form.is_valid():
        # Say what is wrong rather than show every answer as if nothing had been asked.
        questions = questions.none()
        status = 400
    elif form.is_bound:
        if topic := form.cleaned_data["topic"]:
            questions = questions.filter(topic=topic)
        query = form.cleaned_data["q"].strip()
        if query and not any(char.isalnum() for char in query):
            # Only marks or symbols: no word to look for, so nothing matches.
            questions = questions.none()
        elif query:
            # The site search's backend: Vietnamese with or without marks, best first.
            found = get_search_backend().search(query, questions, operator="and")
            questions = (
                found.annotate_score("_score")
                .get_queryset()
                .order_by("-_score", "-published_at", "-pk")
            )
    page_obj = page.paginate(request, questions, QUESTIONS_PER_PAGE)
    parameters = request.GET.copy()
    parameters.pop("page", None)
    return _render(
        request,
        page,
        "questions/archive_page.html",
        {
            "form": form,
            "page_obj": page_obj,
            "questions": page_obj.object_list,
            "query": query,
            "is_filtered": form.is_filtered(),
            "query_prefix": f"{parameters.urlencode()}&" if parameters else "",
        },
        status=status,
    )


def detail(request, page, pk):
    question = get_object_or_404(LegalQuestion.objects.public_listing(), pk=pk)
    return _render(request, page, "questions/question_detail.html", {"question": question})


def ask(request, page):
    status = 200
    if request.method == "POST":
        form = AskQuestionForm(request.POST)
        if form.is_valid():
            if not form.is_bot():
                try:
                    create_within_limit(
                        LegalQuestion,
                        limit=settings.LEGAL_QUESTIONS_PER_IP_PER_HOUR,
                        address_hash=address_hash(client_ip(request), QUESTION_FORM_PURPOSE),
                        topic=form.cleaned_data["topic"],
                        asker_name=form.cleaned_data["asker_name"].strip(),
                        email=form.cleaned_data["email"],
                        question=form.cleaned_data["question"].strip(),
                        consent_to_publish=form.cleaned_data["consent_to_publish"],
                    )
                except SubmissionLimitReached:
                    form.add_error(
                        None,
                        _("You have sent many questions in the last hour. Please try again later."),
                    )
                    status = 429
            if status == 200:
                messages.success(
                    request,
                    _(
                        "Thank you. Your question has been received; the answer will be sent "
                        "to your email."
                    ),
                )
                return redirect(page.url + page.reverse_subpage("ask"))
    elif request.method in ("GET", "HEAD"):
        form = AskQuestionForm()
    else:
        raise Http404
    response = _render(request, page, "questions/ask.html", {"form": form}, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


def question_redirect(request, pk):
    """`/hoi-dap/<pk>/`: a published answer's stable address (site search links here)."""
    if not LegalQuestion.objects.published().filter(pk=pk).exists():
        raise Http404
    archive_page = QuestionArchivePage.objects.live().public().first()
    if archive_page is None:
        raise Http404
    return redirect(archive_page.url + archive_page.reverse_subpage("detail", args=[pk]))
