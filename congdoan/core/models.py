from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from congdoan.core.pages import BasePage


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The organization behind the portal, shown in the header and footer."""

    organization_name = models.CharField(_("organization name"), max_length=255, blank=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    slogan = models.CharField(_("slogan"), max_length=255, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    footer_text = models.TextField(_("footer text"), blank=True)
    copyright_text = models.CharField(_("copyright line"), max_length=255, blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    zalo_url = models.URLField(_("Zalo page"), blank=True)
    tiktok_url = models.URLField(_("TikTok page"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organization_name"),
                FieldPanel("short_name"),
                FieldPanel("slogan"),
                FieldPanel("logo"),
            ],
            heading=_("Organization"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [FieldPanel("footer_text"), FieldPanel("copyright_text")], heading=_("Footer")
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
                FieldPanel("zalo_url"),
                FieldPanel("tiktok_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    # The header shows the logo on every page: read it with the settings.
    select_related = ["logo"]

    @classmethod
    def base_queryset(cls):
        """With the logo's renditions (header and publisher logo) in one more query."""
        from congdoan.core.images import rendition_prefetch

        return super().base_queryset().prefetch_related(rendition_prefetch("logo__renditions"))

    def save(self, *args, **kwargs):
        from congdoan.core import site_cache

        super().save(*args, **kwargs)
        site_cache.forget(f"settings:{self.site_id}")

    @classmethod
    def for_site(cls, site):
        """The site's settings with the logo and its renditions, read once per content
        generation (`core.site_cache`): the header of every page shows them."""
        from congdoan.core import site_cache

        if site is None:
            return super().for_site(site)
        return site_cache.cached(
            f"settings:{site.pk}", lambda: super(SiteSettings, cls).for_site(site)
        )

    class Meta:
        verbose_name = _("site settings")

    @property
    def display_name(self) -> str:
        from django.conf import settings

        return self.organization_name or settings.WAGTAIL_SITE_NAME


class HomePage(BasePage):
    """The portal's front page: the blocks installed apps contribute (core.registry).

    It names no child page type: each feature's index page says it may live under
    `core.HomePage` (its `parent_page_types`), so removing an app removes its pages from here.
    """

    max_count = 1
    template = "core/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        if path_components:
            return self.route_in_one_query(request, path_components)
        return super().route(request, path_components)


class ScheduledCommandRun(models.Model):
    """The last run of one entry of `settings.SCHEDULED_COMMANDS`, shared by every scheduler.

    Each `run_scheduler` (one per app host, or more) claims a due entry by moving `started_at`
    forward with one conditional UPDATE (`congdoan.core.scheduling.claim`): the database lets one
    of them win, so a job runs at most once per period however many hosts run a scheduler.
    """

    name = models.CharField(max_length=100, unique=True)
    started_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)
    succeeded = models.BooleanField(null=True)
    runs = models.PositiveIntegerField(default=0)
    failures = models.PositiveIntegerField(default=0)
    # Which host ran it last: where to read its log.
    host = models.CharField(max_length=100, blank=True)

    def __str__(self):
        return self.name


class Role(models.Model):
    """A newsroom role: one Django group, found by its stable `code`, never by its name.

    Administrators may rename the group (its name is what they see, in Vietnamese); code and
    migrations keep finding it through `code`. `congdoan.core.permissions` lists the codes.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    group = models.OneToOneField(
        "auth.Group", verbose_name=_("group"), on_delete=models.CASCADE, related_name="role"
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        permissions = [("view_audit_log", _("Can view the audit log of the whole site"))]

    def __str__(self):
        return f"{self.group.name} ({self.code})"
