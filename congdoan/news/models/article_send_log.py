from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congdoan.core.form_limits import Limit, address_hash, create_within_limits, keyed_hash

RATE_WINDOW = timedelta(hours=1)
ERROR_MAX_LENGTH = 500


class ArticleSendLogQuerySet(models.QuerySet):
    def recent(self):
        return self.filter(created_at__gte=timezone.now() - RATE_WINDOW)

    def reserve(self, article, ip: str, recipient: str) -> "ArticleSendLog":
        """Record one email, or raise SubmissionLimitReached (its `limit`: "ip",
        "recipient_article" or "recipient") and record nothing."""
        ip_hash = address_hash(ip, "news.send")
        recipient_hash = keyed_hash("news.send.recipient", recipient)
        to_recipient = {"recipient_hash": recipient_hash}
        limits = [
            Limit("ip", {"ip_hash": ip_hash}, settings.SEND_ARTICLE_PER_IP_PER_HOUR),
            Limit(
                "recipient_article",
                {**to_recipient, "article": article},
                settings.SEND_ARTICLE_PER_RECIPIENT_PER_HOUR,
            ),
            Limit("recipient", to_recipient, settings.SEND_ARTICLE_TO_RECIPIENT_PER_HOUR),
        ]
        entry = create_within_limits(
            self.model,
            limits,
            window=RATE_WINDOW,
            article=article,
            ip_hash=ip_hash,
            recipient_hash=recipient_hash,
        )
        self.prune()
        return entry

    def prune(self):
        """Finished sends older than the window count for nothing; the others stay for admins."""
        now = timezone.now()
        finished = [ArticleSendLog.Status.SENT, ArticleSendLog.Status.CANCELLED]
        self.filter(status__in=finished, created_at__lt=now - RATE_WINDOW).delete()
        keep = timedelta(days=settings.SEND_ARTICLE_FAILED_KEEP_DAYS)
        self.filter(created_at__lt=now - keep).delete()


class ArticleSendLog(models.Model):
    """One "Gửi bài viết" email: the rate limits and its delivery; IP and address hashed.

    Kept an hour for the rate limits; failed sends are kept longer so admins can see them.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        RETRYING = "retrying", _("Failed, will be retried")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Not sent: article no longer published")

    article = models.ForeignKey(
        "news.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now, db_index=True)
    ip_hash = models.CharField(_("sender IP (hashed)"), max_length=64, db_index=True)
    recipient_hash = models.CharField(_("recipient (hashed)"), max_length=64, db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=ERROR_MAX_LENGTH, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ArticleSendLogQuerySet.as_manager()
    # Shown in the admin as a snippet, but nothing links to a log row: no reference index task
    # on every save.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("article email")
        verbose_name_plural = _("article emails")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.article_id} {self.created_at:%Y-%m-%d %H:%M}"

    def record_failure(self, error: Exception, final: bool) -> None:
        self.attempts += 1
        self.status = self.Status.FAILED if final else self.Status.RETRYING
        self.last_error = f"{type(error).__name__}: {error}"[:ERROR_MAX_LENGTH]
        self.save(update_fields=["attempts", "status", "last_error", "updated_at"])

    def record_outcome(self, status: str) -> None:
        """Sent (one more attempt, the successful one) or cancelled (no attempt made)."""
        if status == self.Status.SENT:
            self.attempts += 1
        self.status = status
        self.save(update_fields=["attempts", "status", "updated_at"])
