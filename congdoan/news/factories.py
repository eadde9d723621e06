import factory
import wagtail_factories
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page, Site

from congdoan.core.sites import site_address
from congdoan.core.text import vietnamese_slugify
from congdoan.news.models import ArticlePage, HomePage, SectionPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Trang chủ"

    class Meta:
        model = HomePage

    @classmethod
    def create_as_site_root(cls, **kwargs):
        """A home page under the tree root, made the default site's root."""
        root = Page.get_first_root_node()
        home = cls(parent=root, **kwargs)
        site = Site.objects.filter(is_default_site=True).first()
        if site:
            site.root_page = home
            site.save()
        else:
            hostname, port = site_address(settings.WAGTAILADMIN_BASE_URL)
            Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
        return home


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
