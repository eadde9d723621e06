from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import PortalContributions


class CoreConfig(AppConfig):
    name = "congdoan.core"
    label = "core"
    verbose_name = _("Core")
    portal = PortalContributions(demo_loader="congdoan.core.demo.load")

    def ready(self):
        from django.db.models.signals import post_migrate

        from congdoan.core import content_version, page_cache, request_memo, view_restrictions
        from congdoan.core.images import connect_signals, use_fast_avif_encoder
        from congdoan.core.sites import sync_default_site

        connect_signals()
        content_version.connect_signals()
        page_cache.connect_signals()
        request_memo.connect_signals()
        view_restrictions.install()
        use_fast_avif_encoder()
        post_migrate.connect(sync_default_site, sender=self, dispatch_uid="core-default-site")
