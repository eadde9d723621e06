"""*Hỏi đáp pháp luật*: a reader's question, the staff's answer and its publication.

A question moves new → assigned (someone takes it) → answered (the answer drafted by one person
was approved by another and emailed to the asker) → published (chosen for the archive, only
when the asker agreed); or rejected. The asker's name, email and address hash are kept for the
reply and never shown: the archive shows the public title and question the staff wrote from the
original, and "Bạn đọc hỏi".
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from congdoan.core.pages import BasePage
from congdoan.core.permissions import CONTENT_ROLES
from congdoan.core.text import vietnamese_slugify

ANSWER_FEATURES = ["bold", "italic", "ol", "ul", "link"]
QUESTIONS_PER_PAGE = 10


class QuestionTopic(models.Model):
    """A topic readers pick when asking (tiền lương, BHXH…), editable in the admin."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("question topic")
        verbose_name_plural = _("question topics")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = vietnamese_slugify(self.name, max_length=100)
        super().save(*args, **kwargs)


def may_review_answers(user) -> bool:
    """Whether `user` may approve an answer someone else drafted: editors and chief editors."""
    return bool(
        user
        and user.is_active
        and (user.is_superuser or user.groups.filter(role__code__in=CONTENT_ROLES).exists())
    )


class LegalQuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=LegalQuestion.Status.PUBLISHED)

    def public_listing(self):
        """Published questions with only what the public sees, newest first."""
        return (
            self.published()
            .select_related("topic")
            .only(
                "pk",
                "title",
                "public_question",
                "answer",
                "published_at",
                "topic__name",
                "topic__slug",
            )
            .order_by("-published_at", "-pk")
        )


class LegalQuestion(index.Indexed, models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        ANSWERED = "answered", _("Answered")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    # What the asker sent: never shown on the site.
    topic = models.ForeignKey(
        QuestionTopic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="questions"
    )
    asker_name = models.CharField(_("asker's name"), max_length=80, blank=True)
    email = models.EmailField(_("asker's email"), max_length=254)
    question = models.TextField(_("question as sent"))
    consent_to_publish = models.BooleanField(
        _("asker agrees to anonymous publication"), default=False
    )
    address_hash = models.CharField(max_length=64, db_index=True, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    staff_note = models.TextField(_("internal note"), blank=True)

    # The answer and its review.
    answer = RichTextField(
        _("answer"),
        blank=True,
        features=ANSWER_FEATURES,
        help_text=_(
            "Cite documents by their number (e.g. 45/2019/QH14): the site links them to the "
            "library."
        ),
    )
    answer_drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answer drafted by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer_submitted_at = models.DateTimeField(
        _("sent for review"), null=True, blank=True, editable=False
    )
    answer_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answer approved by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)
    reply_sent_at = models.DateTimeField(_("reply emailed"), null=True, blank=True, editable=False)
    reply_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    reply_error = models.CharField(_("reply error"), max_length=500, blank=True, editable=False)

    # What the public sees once published.
    title = models.CharField(
        _("public title"),
        max_length=200,
        blank=True,
        help_text=_("A short title for the archive, e.g. “Mức lương tối thiểu vùng năm 2025”."),
    )
    public_question = models.TextField(
        _("question as published"),
        blank=True,
        help_text=_("The question rewritten without names, places of work or other details."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    objects = LegalQuestionQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    search_fields = [
        index.SearchField("title", boost=5),
        index.AutocompleteField("title"),
        index.SearchField("public_question", boost=2),
        index.SearchField("answer"),
        index.RelatedFields("topic", [index.SearchField("name")]),
        index.FilterField("status"),
        index.FilterField("topic"),
        index.FilterField("published_at"),
    ]

    class Meta:
        verbose_name = _("legal question")
        verbose_name_plural = _("legal questions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title or self.question[:80]

    def get_absolute_url(self):
        return reverse("questions:detail", kwargs={"pk": self.pk})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Whether saving it changes a public page (see signals.py).
        instance._was_published = instance.__dict__.get("status") == cls.Status.PUBLISHED
        return instance

    @classmethod
    def search_queryset(cls):
        """What the site search may show: published questions only."""
        return cls.objects.published()

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def awaiting_review(self) -> bool:
        return self.answer_submitted_at is not None and self.answer_approved_by_id is None

    # The workflow. Each step checks its rule and saves; the admin form calls them.

    def assign(self, user):
        self.assigned_to = user
        if self.status == self.Status.NEW:
            self.status = self.Status.ASSIGNED

    def submit_answer(self, user):
        """The drafter hands the answer to a second person."""
        if self.answered_at is not None:
            raise ValidationError(_("This question was already answered."))
        if not self.answer_text():
            raise ValidationError(_("Write the answer before sending it for review."))
        self.answer_drafted_by = user
        self.answer_submitted_at = timezone.now()
        if self.assigned_to_id is None:
            self.assigned_to = user
        self.status = self.Status.ASSIGNED

    def approve_answer(self, user):
        """A second person approves: the question is answered and the reply is emailed."""
        if not self.awaiting_review:
            raise ValidationError(_("The answer has not been sent for review."))
        if not may_review_answers(user):
            raise PermissionDenied(_("Only editors and chief editors may approve answers."))
        if user.pk == self.answer_drafted_by_id:
            raise ValidationError(_("Nobody may approve an answer they drafted themselves."))
        self.answer_approved_by = user
        self.answered_at = timezone.now()
        self.status = self.Status.ANSWERED
        from .tasks import send_answer_email

        transaction.on_commit(lambda: send_answer_email.enqueue(question_id=self.pk))

    def publish(self):
        if self.answered_at is None:
            raise ValidationError(_("Only approved answers can be published."))
        if not self.consent_to_publish:
            raise ValidationError(_("The asker did not agree to publication."))
        if not self.title.strip() or not self.public_question.strip():
            raise ValidationError(
                _("Write the public title and the question as published before publishing.")
            )
        self.status = self.Status.PUBLISHED
        self.published_at = self.published_at or timezone.now()

    def unpublish(self):
        if self.is_published:
            self.status = self.Status.ANSWERED

    def reject(self):
        if self.answered_at is not None:
            raise ValidationError(_("An answered question cannot be rejected; unpublish it."))
        self.status = self.Status.REJECTED

    def answer_text(self) -> str:
        from django.utils.html import strip_tags

        return strip_tags(self.answer or "").strip()


class QuestionArchivePage(RoutablePageMixin, BasePage):
    """The archive (e.g. /hoi-dap-phap-luat/): published answers, searchable and filtered by
    topic, each at `<pk>/`; readers ask at `gui-cau-hoi/`."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = 1
    template = "questions/archive_page.html"

    class Meta:
        verbose_name = _("legal Q&A archive")
        verbose_name_plural = _("legal Q&A archives")

    @path("")
    def archive(self, request):
        from .views import archive

        return archive(request, self)

    @path("gui-cau-hoi/", name="ask")
    def ask(self, request):
        from .views import ask

        return ask(request, self)

    @path("<int:pk>/", name="detail")
    def detail(self, request, pk):
        from .views import detail

        return detail(request, self, pk)
