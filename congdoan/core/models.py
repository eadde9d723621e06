from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from congdoan.core.pages import BasePage

# The colours the stylesheet is written for; a site that keeps them links no theme stylesheet.
DEFAULT_PRIMARY_COLOR = "#0b4ea2"
DEFAULT_ACCENT_COLOR = "#c8102e"

hex_color = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # and six hexadecimal digits, e.g. #0b4ea2.")
)


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """The organization behind the portal, shown in the header and footer.

    A ClusterableModel so that its *Liên kết website* (`WebsiteLink`) are edited inline.
    """

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
    banner = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("banner image"),
        help_text=_("Shown behind the name in the header; wide, e.g. 1600×300 pixels."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    primary_color = models.CharField(
        _("primary colour"),
        max_length=7,
        default=DEFAULT_PRIMARY_COLOR,
        validators=[hex_color],
        help_text=_("Menu, headings and links. Dark enough for white text on it."),
    )
    accent_color = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT_COLOR,
        validators=[hex_color],
        help_text=_("Section labels and highlights."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    responsible_title = models.CharField(
        _("title of the person responsible for the content"),
        max_length=150,
        blank=True,
        help_text=_("e.g. Trưởng Ban Tuyên giáo"),
    )
    responsible_name = models.CharField(
        _("name of the person responsible for the content"), max_length=150, blank=True
    )
    licence_text = models.CharField(
        _("licence line"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Giấy phép số 12/GP-TTĐT do Sở Văn hóa, Thể thao và Du lịch cấp."),
    )
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
                FieldPanel("banner"),
                FieldRowPanel([FieldPanel("primary_color"), FieldPanel("accent_color")]),
            ],
            heading=_("Organization"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("responsible_title"), FieldPanel("responsible_name")]),
                FieldPanel("licence_text"),
                FieldPanel("footer_text"),
                FieldPanel("copyright_text"),
            ],
            heading=_("Footer"),
        ),
        InlinePanel("website_links", heading=_("Website links"), label=_("Website link")),
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

    # The header shows the logo and banner on every page: read them with the settings.
    select_related = ["logo", "banner"]

    @classmethod
    def base_queryset(cls):
        """With the logo's and banner's renditions and the website links (with their banners'
        renditions), read once per content generation: `for_site` keeps the result."""
        from congdoan.core.images import rendition_prefetch

        return (
            super()
            .base_queryset()
            .prefetch_related(
                rendition_prefetch("logo__renditions"),
                rendition_prefetch("banner__renditions"),
                Prefetch(
                    "website_links",
                    queryset=WebsiteLink.objects.select_related("image")
                    .prefetch_related(rendition_prefetch("image__renditions"))
                    .order_by("sort_order", "pk"),
                ),
            )
        )

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

    @property
    def has_custom_colors(self) -> bool:
        return (self.primary_color.lower(), self.accent_color.lower()) != (
            DEFAULT_PRIMARY_COLOR,
            DEFAULT_ACCENT_COLOR,
        )

    @property
    def banner_links(self) -> list:
        """Website links with a picture: the sidebar's banners."""
        return [link for link in self.website_links.all() if link.image_id]

    @property
    def text_links(self) -> list:
        """Website links without a picture: the footer's *Liên kết website*."""
        return [link for link in self.website_links.all() if not link.image_id]

    @property
    def mark_letters(self) -> str:
        """Initials for the default emblem-free mark: "LĐLĐ tỉnh Hòa Bình" gives "LĐ"."""
        words = (self.short_name or self.display_name).split()
        return "".join(word[0] for word in words[:2]).upper()


class WebsiteLink(Orderable):
    """A link to another union's site, listed under *Liên kết website*."""

    site_settings = ParentalKey(
        SiteSettings, on_delete=models.CASCADE, related_name="website_links"
    )
    title = models.CharField(_("name"), max_length=150)
    url = models.URLField(_("address"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("banner"),
        help_text=_("Optional: with a picture the link is shown as a banner in the sidebar."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("image")]

    class Meta(Orderable.Meta):
        verbose_name = _("website link")
        verbose_name_plural = _("website links")

    def __str__(self):
        return self.title


class HomePage(BasePage):
    """The portal's front page: the blocks installed apps contribute (core.registry).

    It names no child page type: each feature's index page says it may live under
    `core.HomePage` (its `parent_page_types`), so removing an app removes its pages from here.
    """

    max_count = 1
    template = "core/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        # Side blocks that repeat a home block (e.g. latest albums) leave the home page's sidebar.
        context = super().get_context(request, *args, **kwargs)
        context["is_home_page"] = True
        return context

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
