"""The legal-documents library: documents, their types, issuers, areas, files and citations."""

import datetime
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Length
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from congdoan.core.text import code_key, fold_tokens, normalize, vietnamese_slugify

from .validators import validate_document_file


class NamedListItem(models.Model):
    """An entry of an editable list (types, issuers): a name, a URL slug and an order."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        unique=True,
        blank=True,
        help_text=_("Used in addresses; filled from the name when left empty."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = normalize(self.name).strip()
        if not self.slug:
            self.slug = vietnamese_slugify(self.name)
        super().save(*args, **kwargs)


class DocumentType(NamedListItem):
    """Loại văn bản: Luật, Nghị quyết, Nghị định, Hướng dẫn, …"""

    class Meta(NamedListItem.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")


class Issuer(NamedListItem):
    """Cơ quan ban hành."""

    class Meta(NamedListItem.Meta):
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")


class Area(models.Model):
    """Lĩnh vực, nested: filtering by an area also finds its sub-areas."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent area"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    sort_order = models.PositiveIntegerField(_("order"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("parent"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="legal_area_unique_name")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = normalize(self.name).strip()
        if not self.slug:
            base = vietnamese_slugify(self.name) or "linh-vuc"
            slug, number = base, 2
            while Area.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, number = f"{base}-{number}", number + 1
            self.slug = slug
        super().save(*args, **kwargs)

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("An area cannot be inside itself.")})
            ancestor = ancestor.parent


class Status(models.TextChoices):
    NOT_YET_EFFECTIVE = "not_yet_effective", _("not yet in force")
    IN_FORCE = "in_force", _("in force")
    EXPIRED = "expired", _("no longer in force")
    REPLACED = "replaced", _("replaced")


class ExtractionStatus(models.TextChoices):
    NOT_NEEDED = "not_needed", _("no PDF, DOCX or ODT file")
    PENDING = "pending", _("not yet extracted")
    DONE = "done", _("extracted")
    FAILED = "failed", _("extraction failed (not yet extracted)")


EXTRACTION_FIELDS = [
    "extracted_text",
    "extraction_status",
    "extraction_error",
    "extracted_files",
]


# Never loaded for a list row: the extracted text of a file can be megabytes.
LONG_TEXT_FIELDS = ("extracted_text",)


class LegalDocumentQuerySet(models.QuerySet):
    def listing(self):
        """What a list row needs, without the long text columns, newest issue date first."""
        return (
            self.select_related("document_type", "issuer")
            .defer(*LONG_TEXT_FIELDS)
            .order_by("-issued_on", "-pk")
        )

    def matching(self, query: str):
        """These documents matching `query` through the site's search backend (the one
        search path: public list, admin list and site search), best first.

        The number is indexed as the document's title (`SearchField("code", boost=10)`), so a
        number typed in any spelling (`02-NQ/TW`, `02 nq tw`, `NQ 02`) matches. Order: the
        number typed (in any spelling), then numbers holding every typed part (fewest other
        parts first), then the backend's relevance, then the newest. Whole words match; when
        none do, the last word is read as a prefix of a number or summary, for a reader still
        typing it."""
        backend = get_search_backend()
        found = backend.search(query, self, operator="and").annotate_score("_score")
        matches = found.get_queryset()
        if not matches.exists():
            typed = backend.autocomplete(query, self, operator="and").annotate_score("_score")
            matches = typed.get_queryset()
        typed_key = code_key(query)
        if not typed_key.split():
            # Only symbols or marks: no word to search and no number part to match.
            return self.none()
        every_part = Q()
        for token in typed_key.split():
            every_part &= Q(code_key__contains=f" {token} ")
        return matches.annotate(
            _number_match=Case(
                When(code_key=typed_key, then=Value(2)),
                When(every_part, then=Value(1)),
                default=Value(0),
                output_field=models.IntegerField(),
            ),
            _number_extra=Case(When(every_part, then=Length("code_key")), default=Value(0)),
        ).order_by("-_number_match", "_number_extra", "-_score", "-issued_on", "-pk")

    def open_for_comments(self, today: datetime.date | None = None):
        """Drafts whose comment window includes `today` (Vietnam's date)."""
        today = today or timezone.localdate()
        return self.filter(is_draft=True, comments_open_on__lte=today, comments_close_on__gte=today)

    def with_status(self, status: str, today: datetime.date | None = None):
        today = today or timezone.localdate()
        effective_from = Q(effective_on__lte=today) | Q(
            effective_on__isnull=True, issued_on__lte=today
        )
        expired = Q(expires_on__lte=today)
        if status == Status.REPLACED:
            return self.filter(is_replaced=True)
        active = self.filter(is_replaced=False)
        if status == Status.NOT_YET_EFFECTIVE:
            return active.exclude(effective_from).exclude(expired)
        if status == Status.IN_FORCE:
            return active.filter(effective_from).exclude(expired)
        if status == Status.EXPIRED:
            return active.filter(expired)
        return self


class LegalDocument(index.Indexed, ClusterableModel):
    """A văn bản: one row per document, with its files as an inline list."""

    code = models.CharField(
        _("document number (số ký hiệu)"),
        max_length=100,
        help_text=_("As printed on the document, e.g. 02-NQ/TW or 45/2019/QH14."),
    )
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("document type"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    issuer = models.ForeignKey(
        Issuer,
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    signer = models.CharField(_("signed by"), max_length=255, blank=True, db_index=True)
    areas = ParentalManyToManyField(
        Area, verbose_name=_("areas"), blank=True, related_name="documents"
    )
    summary = models.TextField(
        _("summary (trích yếu)"),
        help_text=_("What the document is about, as in its heading."),
    )
    issued_on = models.DateField(_("issue date"), db_index=True)
    effective_on = models.DateField(
        _("in force from"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the document is in force from its issue date."),
    )
    expires_on = models.DateField(
        _("no longer in force from"),
        null=True,
        blank=True,
        help_text=_("The first day the document is no longer in force."),
    )
    is_replaced = models.BooleanField(
        _("replaced"),
        default=False,
        help_text=_("Mark when another document has replaced this one."),
    )
    replaces = ParentalManyToManyField(
        "self",
        verbose_name=_("replaces"),
        symmetrical=False,
        blank=True,
        related_name="replaced_by",
        help_text=_("Older documents this one replaces."),
    )
    related_documents = ParentalManyToManyField(
        "self",
        verbose_name=_("related documents"),
        symmetrical=False,
        blank=True,
        related_name="related_from",
        help_text=_("Shown on both documents' pages."),
    )
    note = models.TextField(_("note"), blank=True)

    # Lấy ý kiến dự thảo: readers comment on a draft between two dates (both included, Vietnam
    # time: from 00:00 of the first day through 23:59 of the last).
    is_draft = models.BooleanField(
        _("draft open for comments"),
        default=False,
        db_index=True,
        help_text=_("Readers may send comments on its page between the two dates below."),
    )
    comments_open_on = models.DateField(_("comments open on"), null=True, blank=True)
    comments_close_on = models.DateField(
        _("comments close on"),
        null=True,
        blank=True,
        help_text=_("Comments are accepted until 23:59 of this day (Vietnam time)."),
    )

    extracted_text = models.TextField(_("extracted full text"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("full text"),
        max_length=20,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.NOT_NEEDED,
        editable=False,
    )
    extraction_error = models.TextField(_("extraction error"), blank=True, editable=False)
    extracted_files = models.TextField(blank=True, editable=False)

    slug = models.SlugField(max_length=255, blank=True, editable=False)
    # `core.text.code_key(code)`: finds a duplicate number in any spelling with one indexed
    # lookup when a document is saved or imported (why it is kept: bench/README.md).
    code_key = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    view_count = models.PositiveIntegerField(_("views"), default=0, editable=False)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    external_id = models.CharField(
        _("import key"), max_length=255, null=True, blank=True, unique=True, editable=False
    )
    created_at = models.DateTimeField(pgettext_lazy("date", "created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = LegalDocumentQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("document_type")]),
        FieldRowPanel([FieldPanel("issuer"), FieldPanel("signer")]),
        FieldPanel("summary"),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("issued_on"), FieldPanel("effective_on"), FieldPanel("expires_on")]
                ),
                FieldPanel("is_replaced"),
            ],
            heading=_("Dates and validity"),
        ),
        InlinePanel("files", heading=_("Attached files"), label=_("file")),
        MultiFieldPanel(
            [FieldPanel("replaces"), FieldPanel("related_documents")],
            heading=_("Links between documents"),
        ),
        FieldPanel("note"),
        MultiFieldPanel(
            [
                FieldPanel("is_draft"),
                FieldRowPanel([FieldPanel("comments_open_on"), FieldPanel("comments_close_on")]),
            ],
            heading=_("Consultation on a draft (lấy ý kiến dự thảo)"),
        ),
    ]

    # The number, with a title's boost, is the indexed title (search.backends.common): an
    # exact number outranks documents that only mention it.
    search_fields = [
        index.SearchField("code", boost=10),
        index.AutocompleteField("code"),
        index.AutocompleteField("summary"),
        index.SearchField("summary", boost=3),
        index.SearchField("signer"),
        index.SearchField("note"),
        index.SearchField("extracted_text"),
        index.RelatedFields("document_type", [index.SearchField("name")]),
        index.RelatedFields("issuer", [index.SearchField("name")]),
        index.FilterField("issued_on"),
        index.FilterField("document_type"),
        index.FilterField("issuer"),
        index.FilterField("is_replaced"),
    ]

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["-issued_on", "-pk"]
        indexes = [models.Index(fields=["-issued_on", "-id"], name="legal_doc_newest")]

    def __str__(self):
        return f"{self.document_type_name} {self.code}".strip()

    @property
    def document_type_name(self):
        return self.document_type.name if self.document_type_id else ""

    @property
    def title(self):
        """`Nghị quyết 02-NQ/TW`: how readers name a document."""
        return str(self)

    def clean(self):
        super().clean()
        errors = {}
        if self.effective_on and self.issued_on and self.effective_on < self.issued_on:
            errors["effective_on"] = _("The document cannot be in force before its issue date.")
        start = self.effective_on or self.issued_on
        if self.expires_on and start and self.expires_on <= start:
            errors["expires_on"] = _(
                "The end of validity must come after the date the document is in force."
            )
        if self.code and self.issued_on:
            duplicate = LegalDocument.objects.filter(
                code_key=code_key(self.code), issued_on=self.issued_on
            ).exclude(pk=self.pk)
            if duplicate.exists():
                errors["code"] = _("A document with this number and issue date already exists.")
        if self.is_draft:
            if not self.comments_open_on:
                errors["comments_open_on"] = _("Give the first day comments are accepted.")
            if not self.comments_close_on:
                errors["comments_close_on"] = _("Give the last day comments are accepted.")
            elif self.comments_open_on and self.comments_close_on < self.comments_open_on:
                errors["comments_close_on"] = _(
                    "The last day of comments cannot come before the first."
                )
        if errors:
            raise ValidationError(errors)

    def fill_derived_fields(self):
        """NFC text, the number's duplicate key and the URL slug, from the edited fields."""
        self.code = normalize(self.code).strip()
        self.summary = normalize(self.summary).strip()
        self.signer = normalize(self.signer).strip()
        self.code_key = code_key(self.code)
        tokens = fold_tokens(f"{self.document_type_name} {self.code}")
        self.slug = "-".join(tokens)[:200].strip("-") or "van-ban"

    def save(self, *args, **kwargs):
        self.fill_derived_fields()
        super().save(*args, **kwargs)
        if self.files_signature() != self.extracted_files:
            from .tasks import extract_document_text

            LegalDocument.objects.filter(pk=self.pk).update(
                extraction_status=ExtractionStatus.PENDING
            )
            extract_document_text.enqueue(self.pk)
            self.refresh_from_db(fields=EXTRACTION_FIELDS)

    def comment_window_state(self, today: datetime.date | None = None) -> str:
        """ "" (not a draft), "upcoming", "open" or "closed" on `today` (Vietnam's date)."""
        if not (self.is_draft and self.comments_open_on and self.comments_close_on):
            return ""
        today = today or timezone.localdate()
        if today < self.comments_open_on:
            return "upcoming"
        return "open" if today <= self.comments_close_on else "closed"

    def accepts_comments(self) -> bool:
        return self.comment_window_state() == "open"

    def files_signature(self) -> str:
        """Which files the full text was taken from: a change means extracting again."""
        return "\n".join(f"{item.pk}:{item.file.name}" for item in self.files.all())

    def get_absolute_url(self):
        return reverse("legal:detail", kwargs={"pk": self.pk, "slug": self.slug})

    def extraction_report(self) -> str:
        """The full-text status with its message (a refused or cut file), for the admin list."""
        label = self.get_extraction_status_display()
        return f"{label}: {self.extraction_error}" if self.extraction_error else label

    def status_on(self, day: datetime.date) -> str:
        if self.is_replaced:
            return Status.REPLACED
        if self.expires_on and day >= self.expires_on:
            return Status.EXPIRED
        if (self.effective_on or self.issued_on) > day:
            return Status.NOT_YET_EFFECTIVE
        return Status.IN_FORCE

    @cached_property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    @property
    def status_label(self):
        return Status(self.status).label

    def pdf_file(self):
        return next((item for item in self.files.all() if item.extension == "pdf"), None)


class LegalDocumentFile(Orderable):
    """One attached file (PDF, DOC, DOCX, XLS, XLSX, ODT)."""

    document = ParentalKey(LegalDocument, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(
        _("file"),
        upload_to="van-ban/%Y/%m/",
        max_length=255,
        validators=[validate_document_file],
        help_text=_("PDF, DOC, DOCX, XLS, XLSX or ODT."),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Optional, e.g. “Phụ lục kèm theo”. The file name is shown when empty."),
    )
    file_size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    panels = [FieldPanel("file"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")

    def __str__(self):
        return self.display_name

    @property
    def extension(self) -> str:
        return PurePath(self.file.name).suffix.lower().lstrip(".")

    @property
    def display_name(self) -> str:
        return self.title or PurePath(self.file.name).name

    def save(self, *args, **kwargs):
        if self.file:
            try:
                self.file_size = self.file.size
            except OSError:
                self.file_size = 0
        super().save(*args, **kwargs)

    def get_download_url(self):
        return reverse("legal:download", kwargs={"pk": self.pk})


class DocumentCitation(models.Model):
    """A page whose text mentions a document's number, kept up to date on publishing.

    Any page type can cite: the app that owns the page sends `core.signals.page_text_published`.
    """

    document = models.ForeignKey(LegalDocument, on_delete=models.CASCADE, related_name="citations")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="legal_citations"
    )

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.UniqueConstraint(fields=["document", "page"], name="legal_citation_unique")
        ]

    def __str__(self):
        return f"{self.document} ← {self.page_id}"


class DraftCommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(approved=True)


class DraftComment(models.Model):
    """A reader's comment on a draft document: kept for the drafting body, shown on the page
    only once a moderator approves it (and then without the email)."""

    document = models.ForeignKey(
        LegalDocument,
        verbose_name=pgettext_lazy("legal document", "document"),
        on_delete=models.CASCADE,
        related_name="draft_comments",
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("email"), max_length=254)
    organization = models.CharField(_("organization"), max_length=200, blank=True)
    comment = models.TextField(pgettext_lazy("draft comment", "comment"))
    created_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    address_hash = models.CharField(max_length=64, db_index=True, editable=False)
    approved = models.BooleanField(
        _("approved"),
        default=False,
        help_text=_("Approved comments are shown on the document's page (without the email)."),
    )

    objects = DraftCommentQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    panels = [
        FieldPanel("document", read_only=True),
        FieldRowPanel([FieldPanel("name"), FieldPanel("organization")]),
        FieldPanel("email"),
        FieldPanel("comment"),
        FieldPanel("approved"),
    ]

    class Meta:
        verbose_name = _("comment on a draft")
        verbose_name_plural = _("comments on drafts")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.name}: {self.comment[:60]}"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Whether saving it changes the public page (legal.signals.draft_comment_changed).
        instance._approved_when_loaded = instance.__dict__.get("approved", False)
        return instance

    @property
    def status_label(self):
        return _("Approved") if self.approved else _("Awaiting moderation")
