"""Admin hooks of the news app."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from congdoan.news.models import ArticlePage, ArticleSendLog

from .admin_send_log import ArticleSendLogViewSet, ReadOnlyPermissionPolicy


def articles_missing_cover_alt(pages, include_descendants: bool) -> list[str]:
    """Titles of the articles whose latest version has a cover image and no alt text."""
    candidates = [page for page in pages if isinstance(page, Page)]
    if include_descendants:
        for page in list(candidates):
            candidates.extend(page.get_descendants().not_live().type(ArticlePage))
    titles = []
    for page in candidates:
        if page.specific_class is not ArticlePage:
            continue
        article = page.specific.get_latest_revision_as_object()
        if article.cover_image_id and not article.cover_alt.strip():
            titles.append(article.title)
    return titles


@hooks.register("before_bulk_action")
def refuse_to_bulk_publish_articles_without_cover_alt(request, action_type, objects, action):
    """Bulk "Xuất bản" publishes drafts without the editor's form: apply its alt text rule.

    Drafts may lack alt text (see `ArticlePageForm`); publishing them from the page listing
    would put an image without a description in front of readers.
    """
    if action_type != "publish":
        return None
    include_descendants = bool(action.cleaned_form.cleaned_data.get("include_descendants"))
    titles = articles_missing_cover_alt(objects, include_descendants)
    if not titles:
        return None
    messages.error(
        request,
        ngettext(
            "Nothing was published: %(titles)s has a cover image without alt text. "
            "Add it in the editor, then publish.",
            "Nothing was published: %(titles)s have cover images without alt text. "
            "Add it in the editor, then publish.",
            len(titles),
        )
        % {"titles": ", ".join(f"“{title}”" for title in titles)},
    )
    return redirect(action.next_url)


register_permission_policy(ArticleSendLog, ReadOnlyPermissionPolicy(ArticleSendLog))
register_snippet(ArticleSendLogViewSet)
