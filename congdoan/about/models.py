"""*Giới thiệu*: the organization's history and functions, its leadership and its structure
(departments and member units, each with public contacts), plus the English pages at /en/.

Departments are one model for the whole portal: the organization page draws them as a tree, the
English structure page lists their English names, and *Liên hệ* (`congdoan.contact`) routes
messages to those marked as receiving them.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from congdoan.core.pages import BasePage

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "hr"]


def email_list(text: str) -> list[str]:
    """The addresses in a comma-, semicolon- or line-separated list, in order, each once."""
    addresses = []
    for address in text.replace(";", ",").replace("\n", ",").split(","):
        address = address.strip()
        if address and address not in addresses:
            addresses.append(address)
    return addresses


def validate_email_list(text: str) -> None:
    for address in email_list(text):
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError(
                _("“%(address)s” is not a valid email address."),
                code="invalid_email",
                params={"address": address},
            ) from None


class Department(models.Model):
    """A department of the organization (ban, văn phòng) or a member unit (LĐLĐ huyện, công đoàn
    ngành, công đoàn cơ sở), with its public contacts; `parent` builds the organization tree.

    `message_recipients` are internal addresses for *Liên hệ*: never shown on a public page.
    """

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Department (ban)")
        OFFICE = "office", _("Office (văn phòng)")
        # A context: the tracker's catalog (loaded first) translates the same msgid "LĐLĐ huyện".
        DISTRICT_FEDERATION = (
            "district_federation",
            pgettext_lazy("department kind", "District labour federation"),
        )
        SECTOR_UNION = "sector_union", _("Sector trade union")
        GRASSROOTS_UNION = "grassroots_union", _("Grassroots trade union")

    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(
        _("name in English"),
        max_length=255,
        blank=True,
        help_text=_("Shown on the English pages; the unit is left out of them when empty."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("belongs to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Empty for a unit directly under the organization."),
    )
    head = models.CharField(_("head"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("public email"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=100)
    receives_messages = models.BooleanField(
        _("receives contact messages"),
        default=False,
        help_text=_("Readers can choose this unit in the contact form."),
    )
    message_recipients = models.TextField(
        _("message recipients"),
        blank=True,
        validators=[validate_email_list],
        help_text=_(
            "Email addresses that receive the messages sent to this unit, separated by commas "
            "or lines. Never shown on the site."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent"), FieldPanel("sort_order")]),
        MultiFieldPanel(
            [FieldPanel("head"), FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Public contacts"),
        ),
        MultiFieldPanel(
            [FieldPanel("receives_messages"), FieldPanel("message_recipients")],
            heading=_("Contact form"),
        ),
    ]

    class Meta:
        verbose_name = _("department or member unit")
        verbose_name_plural = _("departments and member units")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def recipients(self) -> list[str]:
        return email_list(self.message_recipients)

    def clean(self):
        if self.receives_messages and not self.recipients():
            raise ValidationError(
                {"message_recipients": _("Give at least one address to send the messages to.")}
            )
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A unit cannot belong to itself.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


@dataclass
class DepartmentNode:
    department: Department
    children: list["DepartmentNode"] = field(default_factory=list)


def department_tree(departments=None) -> list[DepartmentNode]:
    """Every department as a tree of nodes (roots first), read in one query.

    A unit whose parent is not in `departments` is shown as a root rather than lost.
    """
    if departments is None:
        departments = Department.objects.all()
    nodes = {department.pk: DepartmentNode(department) for department in departments}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.department.parent_id)
        (parent.children if parent else roots).append(node)
    return roots


class AboutSectionPage(BasePage):
    """What every *Giới thiệu* page has: a short introduction above its own content."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True

    def meta_description(self) -> str:
        return self.search_description or self.intro[:300]


class AboutPage(AboutSectionPage):
    """*Giới thiệu*: history, functions and tasks; links its sub-pages (leadership, structure)."""

    body = RichTextField(_("content"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*AboutSectionPage.content_panels, FieldPanel("body")]
    subpage_types = ["about.LeadershipPage", "about.OrganizationPage", "about.AboutPage"]
    template = "about/about_page.html"

    class Meta:
        verbose_name = _("about page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sub_pages"] = (
            self.get_children().live().public().only("id", "title", "url_path", "path")
        )
        return context


class LeadershipPage(AboutSectionPage):
    """The leadership (Thường trực, Ban Thường vụ, Ban Chấp hành…): one card per leader."""

    content_panels = [
        *AboutSectionPage.content_panels,
        InlinePanel("leaders", heading=_("Leaders"), label=_("leader")),
    ]
    parent_page_types = ["about.AboutPage"]
    subpage_types = []
    template = "about/leadership_page.html"

    class Meta:
        verbose_name = _("leadership page")

    @classmethod
    def serving_queryset(cls, queryset):
        return queryset.prefetch_related(
            Prefetch("leaders", queryset=Leader.objects.select_related("photo"))
        )

    def leader_groups(self) -> list[tuple[str, list]]:
        """(group label, leaders) in the groups' order, leaders in their inline order."""
        groups = {value: [] for value in Leader.Group.values}
        for leader in self.leaders.all():
            groups[leader.group].append(leader)
        labels = dict(Leader.Group.choices)
        return [(labels[value], leaders) for value, leaders in groups.items() if leaders]


class Leader(Orderable):
    class Group(models.TextChoices):
        STANDING = "standing", _("Standing committee (Thường trực)")
        PRESIDIUM = "presidium", _("Presidium (Ban Thường vụ)")
        EXECUTIVE = "executive", _("Executive committee (Ban Chấp hành)")

    page = ParentalKey(LeadershipPage, on_delete=models.CASCADE, related_name="leaders")
    group = models.CharField(_("group"), max_length=16, choices=Group.choices, default="standing")
    full_name = models.CharField(_("full name"), max_length=120)
    title = models.CharField(
        pgettext_lazy("leader's position", "title"), max_length=255, help_text=_("e.g. Chủ tịch")
    )
    term = models.CharField(
        _("term"), max_length=64, blank=True, help_text=_("e.g. Nhiệm kỳ 2023–2028")
    )
    portfolio = models.TextField(_("portfolio"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("photo description"),
        max_length=255,
        blank=True,
        help_text=_("For readers who cannot see the photo; the full name when empty."),
    )
    phone = models.CharField(_("public phone"), max_length=64, blank=True)
    email = models.EmailField(_("public email"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("group"), FieldPanel("full_name")]),
        FieldRowPanel([FieldPanel("title"), FieldPanel("term")]),
        FieldPanel("portfolio"),
        FieldRowPanel([FieldPanel("photo"), FieldPanel("photo_alt")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("leader")

    def __str__(self):
        return self.full_name

    def initials(self) -> str:
        """Two letters for the avatar drawn when there is no photo: "Nguyễn Văn An" -> "NA"."""
        words = self.full_name.split()
        return (words[0][0] + words[-1][0]).upper() if len(words) > 1 else self.full_name[:1]


class OrganizationPage(AboutSectionPage):
    """*Cơ cấu tổ chức*: the departments and member units as a nested list, with contacts."""

    parent_page_types = ["about.AboutPage"]
    subpage_types = []
    template = "about/organization_page.html"

    class Meta:
        verbose_name = _("organization structure page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["department_tree"] = department_tree()
        return context


class EnglishPage(BasePage):
    """A page of the English part of the site at /en/: introduction, structure, functions and
    contacts (Nghị định 42/2022, Art. 7). Its interface is English (`<html lang="en">`, header,
    navigation within the English pages); the rest of the site stays Vietnamese.
    """

    page_language = "en"
    body = RichTextField(_("content"), features=RICH_TEXT_FEATURES, blank=True)
    show_structure = models.BooleanField(
        _("list the departments and member units"),
        default=False,
        help_text=_("Their English names and contacts, below the content."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("show_structure")]
    subpage_types = ["about.EnglishPage"]
    template = "about/english_page.html"

    class Meta:
        verbose_name = _("English page")

    def english_root(self) -> "EnglishPage":
        """The top English page (/en/): the first EnglishPage among this page's ancestors."""
        ancestors = [*self.breadcrumb_ancestors(), self]
        for ancestor in ancestors:
            if ancestor.specific_class is EnglishPage:
                return ancestor
        return self

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        root = self.english_root()
        context["english_root"] = root
        context["english_menu"] = [
            root,
            *Page.objects.child_of(root).live().public().only("id", "title", "url_path", "path"),
        ]
        if self.show_structure:
            context["department_tree"] = department_tree(Department.objects.exclude(name_en=""))
        return context

    def serve(self, request, *args, **kwargs):
        # Rendered here, inside the override: a TemplateResponse renders only after serve()
        # returns, when the interface language would be Vietnamese again.
        with translation.override(self.page_language):
            response = super().serve(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        return response
