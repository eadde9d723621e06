import wagtail_factories
from django.conf import settings
from wagtail.models import Page, Site

from congdoan.core.models import HomePage
from congdoan.core.sites import site_address


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
