"""One address of every public page type of the demo site, for the page-wide checks."""

from django.urls import reverse
from wagtail.models import Page

# Pages the site answers with something else than 200 on purpose.
NOT_FOUND = "/trang-khong-ton-tai/"


def public_page_urls() -> dict[str, str]:
    """{page type: path}: home, section, article, print, search results, document list and
    detail, album list and album, video list and video, the 404 page; then one page of every
    other page type the demo has (Giới thiệu, Liên hệ, Hỏi đáp, English pages, a program's
    progress...), and the views of the apps that have them (a question form and an answer, the
    drafts open for comment)."""
    from congdoan.gallery.models import AlbumIndexPage, AlbumPage, VideoIndexPage, VideoPage
    from congdoan.legal.models import LegalDocument
    from congdoan.news.models import ArticlePage, SectionPage

    def first(model):
        return model.objects.live().order_by("path").first().url

    article = (
        ArticlePage.objects.live().exclude(cover_image=None).order_by("-first_published_at").first()
    )
    urls = {
        "home": Page.objects.get(depth=2).url,
        "section": first(SectionPage),
        "article": article.url,
        "print": article.url + "in/",
        "search": reverse("site_search") + "?q=cong+doan",
        "documents": reverse("legal:list"),
        "document": LegalDocument.objects.order_by("pk").first().get_absolute_url(),
        "albums": first(AlbumIndexPage),
        "album": first(AlbumPage),
        "videos": first(VideoIndexPage),
        "video": first(VideoPage),
        "404": NOT_FOUND,
    }
    for page in Page.objects.live().public().filter(depth__gt=2).specific().order_by("path"):
        urls.setdefault(type(page)._meta.model_name, page.url)
    archive = urls.get("questionarchivepage")
    if archive:
        from congdoan.questions.models import LegalQuestion

        urls["question form"] = archive + "gui-cau-hoi/"
        answered = LegalQuestion.objects.published().order_by("pk").first()
        if answered:
            urls["answer"] = archive + f"{answered.pk}/"
    urls["open drafts"] = reverse("legal:open_drafts")
    return urls


def send_article_url() -> str:
    """The *Gửi bài viết* form of the article `public_page_urls` names."""
    return public_page_urls()["article"] + "gui/"
