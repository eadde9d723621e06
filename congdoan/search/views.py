from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from congdoan.core.text import fold
from congdoan.news.models import ArticlePage

from .engine import SearchParams, run_search, suggest_titles
from .forms import SearchForm
from .kinds import available_kinds
from .stats import record_search
from .text import clean_query

LATEST_ARTICLES_ON_NO_RESULTS = 5


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "kinds": available_kinds(), "outcome": None}
    if not form.is_bound:
        return render(request, "search/search_page.html", context)
    if not form.is_valid():
        context["query"] = clean_query(request.GET.get("q", ""))
        return render(request, "search/search_page.html", context, status=400)

    data = form.cleaned_data
    params = SearchParams(
        q=data["q"],
        kind=data["kind"],
        section=data["section"],
        date_from=data["date_from"],
        date_to=data["date_to"],
        sort=data["sort"],
        exact=data["exact"],
    )
    outcome = run_search(
        params,
        page_number=request.GET.get("page", 1),
        per_page=settings.SEARCH_RESULTS_PER_PAGE,
        request=request,
    )
    if not params.kind and request.GET.get("page", "1") == "1":
        # Another page or kind tab of the same results is not another search.
        record_search(request, data["q"], outcome.total)
    kept = request.GET.copy()
    kept.pop("page", None)
    kind_links = []
    for kind in context["kinds"]:
        link = kept.copy()
        link["kind"] = kind.key
        kind_links.append(
            {
                "kind": kind,
                "count": outcome.counts.get(kind.key, 0),
                "capped": kind.key in outcome.capped,
                "query": link.urlencode(),
            }
        )
    exact_link = kept.copy()
    exact_link["q"] = outcome.typed
    exact_link["exact"] = "1"
    all_link = kept.copy()
    all_link.pop("kind", None)
    context.update(
        outcome=outcome,
        params=params,
        query=data["q"],
        query_prefix=f"{kept.urlencode()}&" if kept else "",
        kind_links=kind_links,
        all_kinds_query=all_link.urlencode(),
        exact_query=exact_link.urlencode(),
        filtered=bool(params.kind or params.section or params.date_from or params.date_to),
    )
    if data["q"] and not outcome.hits:
        folded = fold(data["q"])
        context["without_marks"] = folded if folded != data["q"].lower() else ""
        context["latest_articles"] = (
            ArticlePage.objects.live().public().listing()[:LATEST_ARTICLES_ON_NO_RESULTS]
        )
    return render(request, "search/search_page.html", context)


@require_GET
def suggest(request):
    raw = request.GET.get("q", "")
    return JsonResponse({"query": clean_query(raw), "results": suggest_titles(raw, request)})
