import wagtail_factories
from wagtail.models import Page, Site

from congdoan.core.models import HomePage


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
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        return home
