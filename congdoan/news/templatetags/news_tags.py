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
