"""*Liên hệ*: the contact page with its form, the messages readers send (routed to a department's
recipients, answered from the admin), and the *Đường dây nóng* numbers of every page's footer."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from congdoan.core.form_limits import Limit, address_hash, create_within_limits
from congdoan.core.pages import BasePage

PHONE_PATTERN = re.compile(r"\+?[0-9 .()-]{3,30}")


def validate_phone(value: str) -> None:
    if not PHONE_PATTERN.fullmatch(value):
        raise ValidationError(
            _("Please enter a phone number with digits only, for example 0218 3852 000."),
            code="invalid_phone",
        )


def tel_target(number: str) -> str:
    """The number for a `tel:` link: digits and a leading +, nothing else."""
    return ("+" if number.strip().startswith("+") else "") + re.sub(r"\D", "", number)


class ContactPage(BasePage):
    """*Liên hệ*: the organization's address, map link and phones, its departments' public
    contacts, and the contact form (handled by `congdoan.contact.views.serve_contact_page`)."""

    intro = models.TextField(_("introduction"), blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    map_url = models.URLField(
        _("map link"), blank=True, help_text=_("e.g. the organization's place on a map site.")
    )
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    fax = models.CharField(_("fax"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    show_departments = models.BooleanField(_("list the departments' contacts"), default=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("map_url"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")]),
            ],
            heading=_("Contact details"),
        ),
        FieldPanel("show_departments"),
    ]
    subpage_types = []
    template = "contact/contact_page.html"

    class Meta:
        verbose_name = _("contact page")

    def serve(self, request, *args, **kwargs):
        from .views import serve_contact_page

        return serve_contact_page(self, request)


class ContactMessageQuerySet(models.QuerySet):
    def reserve(self, ip: str, **fields) -> "ContactMessage":
        """Store one message, or raise SubmissionLimitReached (its `limit`: "ip" or "email")
        and store nothing."""
        ip_hash = address_hash(ip, "contact")
        limits = [
            Limit("ip", {"ip_hash": ip_hash}, settings.CONTACT_MESSAGES_PER_IP_PER_HOUR),
            Limit(
                "email",
                {"email__iexact": fields["email"]},
                settings.CONTACT_MESSAGES_PER_EMAIL_PER_HOUR,
            ),
        ]
        return create_within_limits(self.model, limits, ip_hash=ip_hash, **fields)


class ContactMessage(models.Model):
    """A message sent through *Liên hệ*. Personal data: shown only in the admin, never public;
    the sender's address is kept only as a keyed hash, for the rate limits."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", pgettext_lazy("message status", "In progress")
        ANSWERED = "answered", _("Answered")

    # Kept when a department is deleted (the message history stays), then without one.
    department = models.ForeignKey(
        "about.Department",
        verbose_name=_("department"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="contact_messages",
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    subject = models.CharField(pgettext_lazy("message", "subject"), max_length=200)
    message = models.TextField(_("message"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    ip_hash = models.CharField(_("sender IP (hashed)"), max_length=64, db_index=True)
    reply = models.TextField(
        _("reply"),
        blank=True,
        help_text=_("Saving a new reply emails it to the sender and marks the message answered."),
    )
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("replied by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ContactMessageQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    panels = [
        FieldRowPanel(
            [FieldPanel("name", read_only=True), FieldPanel("email", read_only=True)],
        ),
        FieldRowPanel(
            [
                FieldPanel("phone", read_only=True),
                FieldPanel("department", read_only=True),
                FieldPanel("created_at", read_only=True),
            ]
        ),
        FieldPanel("subject", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("status"),
        FieldPanel("reply"),
    ]

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    def record_reply(self, user) -> None:
        self.status = self.Status.ANSWERED
        self.replied_at = timezone.now()
        self.replied_by = user
        self.save(update_fields=["status", "replied_at", "replied_by"])


@register_setting(icon="phone")
class HotlineSettings(ClusterableModel, BaseSiteSetting):
    """*Đường dây nóng*: the numbers shown in every page's footer."""

    panels = [InlinePanel("hotlines", heading=_("Hotline numbers"), label=_("number"))]

    class Meta:
        verbose_name = _("hotlines")


class Hotline(Orderable):
    settings = ParentalKey(HotlineSettings, on_delete=models.CASCADE, related_name="hotlines")
    label = models.CharField(
        pgettext_lazy("hotline", "label"), max_length=100, help_text=_("e.g. Tư vấn pháp luật")
    )
    number = models.CharField(_("number"), max_length=30, validators=[validate_phone])

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("number")])]

    class Meta(Orderable.Meta):
        verbose_name = _("hotline number")

    def __str__(self):
        return f"{self.label}: {self.number}"

    @property
    def tel(self) -> str:
        return tel_target(self.number)
