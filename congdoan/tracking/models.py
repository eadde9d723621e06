"""The action-program tracker: who does what by when, and how far along it is.

A `Program` (e.g. the action program carrying out Nghị quyết 02-NQ/TW) holds `Task`s, each led
by one `Unit` (*chủ trì*) with others cooperating (*phối hợp*). Units report progress
(`ProgressReport`); a task's status is never stored but computed from its reports and its
deadline on a given day (`tracking.status`), so it is always what the reports say.
"""

import secrets

from django.conf import settings
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from congdoan.core.pages import BasePage

# What offices attach as evidence: signed documents, scans and photos.
EVIDENCE_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "jpg", "jpeg", "png"]


def evidence_path(report, filename: str) -> str:
    """`theo-doi/minh-chung/<year>/<random>/<name>`: evidence is internal, so its media address
    holds a random folder nobody can guess from the task or the date; the admin links to it
    only through a view that checks who asks (`tracking:evidence`)."""
    return f"theo-doi/minh-chung/{timezone.now():%Y}/{secrets.token_urlsafe(16)}/{filename}"


class Unit(models.Model):
    """A department or a lower-level union that leads or cooperates on tasks."""

    class Kind(models.TextChoices):
        BAN = "ban", _("Department (Ban)")
        OFFICE = "office", _("Office (Văn phòng)")
        PROVINCIAL = "provincial", _("Provincial labour federation")
        DISTRICT = "district", _("District labour federation")
        SECTOR = "sector", _("Sector union")
        GRASSROOTS = "grassroots", _("Grassroots union")

    name = models.CharField(_("unit name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("unit kind"), max_length=20, choices=Kind.choices, default=Kind.BAN)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Deadline reminders are sent to this address.")
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("unit staff"),
        blank=True,
        related_name="tracking_units",
        help_text=_("Staff who see and report on this unit's tasks."),
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self):
        return self.short_name or self.name


class Program(models.Model):
    """An action program: the tasks carrying out one resolution over a period."""

    code = models.CharField(
        _("program code"), max_length=40, unique=True, help_text=_("Short code, e.g. CTHD-02.")
    )
    name = models.CharField(_("program name"), max_length=500)
    resolution = models.ForeignKey(
        "legal.LegalDocument",
        verbose_name=_("resolution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tracking_programs",
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    owner_unit = models.ForeignKey(
        Unit, verbose_name=_("owner unit"), on_delete=models.PROTECT, related_name="programs"
    )
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Show the tasks' progress on the public site.")
    )
    public_intro = models.TextField(_("public introduction"), blank=True)
    # The administrative form of the periodic reports (NĐ 30/2020/NĐ-CP), see tracking.reports.
    report_governing_body = models.CharField(
        _("governing body (reports)"),
        max_length=255,
        blank=True,
        help_text=_(
            "Above the issuing unit, e.g. TỔNG LĐLĐ VIỆT NAM (empty: the owner unit's parent)."
        ),
    )
    report_issuing_unit = models.CharField(
        _("issuing unit (reports)"),
        max_length=255,
        blank=True,
        help_text=_("e.g. LĐLĐ TỈNH BẮC NINH (empty: the site's organization name)."),
    )
    report_code = models.CharField(
        _("document code (reports)"),
        max_length=60,
        default="BC-LĐLĐ",
        help_text=_("After the number in “Số: …/BC-LĐLĐ”."),
    )
    report_place = models.CharField(
        _("place (reports)"), max_length=100, blank=True, help_text=_("e.g. Bắc Ninh.")
    )
    report_signer_authority = models.CharField(
        _("signing authority (reports)"),
        max_length=100,
        blank=True,
        help_text=_("e.g. TM. BAN THƯỜNG VỤ, KT. CHỦ TỊCH."),
    )
    report_signer_title = models.CharField(
        _("signer's title (reports)"), max_length=100, blank=True, help_text=_("e.g. CHỦ TỊCH.")
    )
    report_signer_name = models.CharField(_("signer's name (reports)"), max_length=100, blank=True)
    report_recipients = models.TextField(
        _("recipients (reports)"),
        blank=True,
        help_text=_("One a line, e.g. “Tổng LĐLĐ Việt Nam (để b/c);”. “Lưu: VT, …” is added."),
    )

    class Meta:
        ordering = ["-period_start", "code"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="tracking_program_period_in_order",
            )
        ]

    def __str__(self):
        return f"{self.code} – {self.name}"


class Task(models.Model):
    class Priority(models.TextChoices):
        URGENT = "urgent", _("Urgent (Cấp bách)")
        IMPORTANT = "important", _("Important (Quan trọng)")
        REGULAR = "regular", _("Regular (Thường xuyên)")

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="tasks"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent task"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subtasks",
    )
    title = models.CharField(_("task title"), max_length=500)
    description = models.TextField(_("task description"), blank=True)
    lead_unit = models.ForeignKey(
        Unit, verbose_name=_("lead unit"), on_delete=models.PROTECT, related_name="led_tasks"
    )
    cooperating_units = models.ManyToManyField(
        Unit, verbose_name=_("cooperating units"), blank=True, related_name="cooperating_tasks"
    )
    deadline = models.DateField(_("deadline"))
    priority = models.CharField(
        _("priority"), max_length=20, choices=Priority.choices, default=Priority.REGULAR
    )
    expected_output = models.TextField(_("expected output"), blank=True)
    overdue_reason = models.TextField(_("reason for delay"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["program", "order", "deadline", "pk"]
        verbose_name = pgettext_lazy("action-program task", "task")
        verbose_name_plural = pgettext_lazy("action-program task", "tasks")
        permissions = [
            ("view_all_tasks", _("Can see every unit's tasks")),
            ("report_progress", _("Can reach the tracker and report on own unit's tasks")),
        ]

    def __str__(self):
        return self.title


class ProgressReport(models.Model):
    task = models.ForeignKey(
        Task,
        verbose_name=pgettext_lazy("action-program task", "task"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="reports"
    )
    reported_on = models.DateField(_("reported on"), default=timezone.localdate)
    percent = models.PositiveSmallIntegerField(
        _("percent done"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    text = models.TextField(_("progress notes"))
    evidence = models.FileField(
        _("evidence"),
        upload_to=evidence_path,
        max_length=255,
        blank=True,
        validators=[FileExtensionValidator(EVIDENCE_EXTENSIONS)],
        help_text=_("Optional: PDF, Word, Excel, ODT or a photo (JPEG, PNG)."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-reported_on", "-created_at", "-pk"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percent__lte=100), name="tracking_report_percent_at_most_100"
            )
        ]

    def __str__(self):
        return f"{self.task} – {self.percent}% ({self.reported_on:%d/%m/%Y})"


class ReminderSent(models.Model):
    """A deadline reminder that went out; also the notice shown in the admin.

    Unique per (task, kind): the daily command may run any number of times and each reminder
    still goes out once.
    """

    class Kind(models.TextChoices):
        BEFORE_7 = "before_7", _("7 days before the deadline")
        BEFORE_3 = "before_3", _("3 days before the deadline")
        BEFORE_1 = "before_1", _("1 day before the deadline")
        MISSED = "missed", _("Deadline missed")

    task = models.ForeignKey(
        Task,
        verbose_name=pgettext_lazy("action-program task", "task"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    kind = models.CharField(_("reminder kind"), max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["task", "kind"], name="tracking_reminder_once")
        ]

    def __str__(self):
        return f"{self.task} – {self.get_kind_display()}"


class ReportDownload(models.Model):
    """A periodic report a user asked for in the admin (*Tải báo cáo*).

    The worker of the `reports` queue produces the file (`report_tasks.produce_report_file`)
    and keeps it here, in the database rather than under the public media folder, so that only
    its requester can download it and every web server sees it. Reports are tens of kilobytes
    and are deleted after a week (`admin_reports.REPORT_KEEP_DAYS`).
    """

    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("report", "Being prepared")
        READY = "ready", pgettext_lazy("report", "Ready")
        FAILED = "failed", pgettext_lazy("report", "Failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("report", "requested by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="+"
    )
    date_from = models.DateField(pgettext_lazy("report", "from"))
    date_to = models.DateField(pgettext_lazy("report", "to"))
    file_format = models.CharField(
        pgettext_lazy("report", "format"),
        max_length=4,
        choices=[("docx", "DOCX"), ("xlsx", "XLSX")],
    )
    state = models.CharField(
        pgettext_lazy("report", "state"),
        max_length=10,
        choices=State.choices,
        default=State.PENDING,
    )
    file_name = models.CharField(pgettext_lazy("report", "file name"), max_length=255, blank=True)
    content = models.BinaryField(pgettext_lazy("report", "content"), default=b"", editable=False)
    error = models.TextField(pgettext_lazy("report", "error"), blank=True)
    requested_at = models.DateTimeField(
        pgettext_lazy("report", "requested at"), default=timezone.now
    )
    finished_at = models.DateTimeField(
        pgettext_lazy("report", "finished at"), null=True, blank=True
    )

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("report download")
        verbose_name_plural = _("report downloads")

    def __str__(self):
        return f"{self.program.code} {self.date_from:%d/%m/%Y}–{self.date_to:%d/%m/%Y}"


class ProgramPage(BasePage):
    """The public follow-up of one program: its tasks' progress by status.

    Shown only while the program is public (`Program.is_public`), else 404. Readers see the
    title, lead unit, deadline, percent and status of each task: never evidence, report texts
    or reasons, which are internal.
    """

    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Only a program marked public is shown."),
    )
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("program"), FieldPanel("intro")]
    subpage_types = []
    template = "tracking/program_page.html"

    class Meta:
        verbose_name = _("program follow-up page")

    def serve(self, request, *args, **kwargs):
        if (
            self.program_id is None
            or not Program.objects.filter(pk=self.program_id, is_public=True).exists()
        ):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .public import program_progress

        context = super().get_context(request, *args, **kwargs)
        context["progress"] = program_progress(self.program, timezone.localdate())
        return context
