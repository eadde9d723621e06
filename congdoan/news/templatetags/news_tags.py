"""Template tags of the news blocks that other pages (the home page) include."""

from django import template

from congdoan.news.models import ArticlePage

register = template.Library()

FEATURED_ARTICLES = 5
LATEST_ARTICLES = 12


@register.simple_tag
def home_articles(home_page):
    """The newest live articles under the home page: five featured, then twelve more."""
    if home_page is None:
        return {"featured": [], "latest": []}
    articles = list(
        ArticlePage.objects.live()
        .public()
        .descendant_of(home_page)
        .listing()[: FEATURED_ARTICLES + LATEST_ARTICLES]
    )
    return {"featured": articles[:FEATURED_ARTICLES], "latest": articles[FEATURED_ARTICLES:]}


SECTION_BLOCK_ARTICLES = 4


@register.simple_tag
def home_sections(home_page):
    """The home page's sections (those under it shown in menus), each with its newest
    articles, in two queries: [{"section": page, "articles": [...]}], in menu order."""
    from congdoan.news.models import SectionPage

    if home_page is None:
        return []
    sections = list(SectionPage.objects.live().public().in_menu().child_of(home_page))
    if not sections:
        return []
    prefix_length = sections[0].depth * SectionPage.steplen
    by_prefix = {section.path: {"section": section, "articles": []} for section in sections}
    recent = (
        ArticlePage.objects.live()
        .public()
        .descendant_of(home_page)
        .listing()[: SECTION_BLOCK_ARTICLES * len(sections) * 4]
    )
    for article in recent:
        block = by_prefix.get(article.path[:prefix_length])
        if block and len(block["articles"]) < SECTION_BLOCK_ARTICLES:
            block["articles"].append(article)
    return [block for block in by_prefix.values() if block["articles"]]


@register.simple_tag
def section_latest(article, limit=5):
    """*Tin cùng chuyên mục*: the newest live articles of the article's section, not itself."""
    parent_path = article.path[: -article.steplen]
    return list(
        ArticlePage.objects.live()
        .public()
        .filter(path__startswith=parent_path, depth=article.depth)
        .exclude(pk=article.pk)
        .order_by("-published_at", "-pk")
        .only("title", "url_path", "path", "depth", "published_at")[:limit]
    )
