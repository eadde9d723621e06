import factory
import wagtail_factories
from django.utils import timezone

from congdoan.core.text import vietnamese_slugify
from congdoan.news.models import ArticlePage, SectionPage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.LazyAttribute(lambda page: vietnamese_slugify(page.title))
    show_in_menus = True

    class Meta:
        model = SectionPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Bài viết số {n} về hoạt động công đoàn")
    slug = factory.LazyAttribute(lambda page: vietnamese_slugify(page.title))
    sapo = "Công đoàn cơ sở tổ chức nhiều hoạt động chăm lo cho đoàn viên, người lao động."
    published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ArticlePage
