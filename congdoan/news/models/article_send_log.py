from datetime import timedelta

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

RATE_WINDOW = timedelta(hours=1)
# pg_advisory_xact_lock key that serializes "Gửi bài viết" reservations across processes.
SEND_LOCK_ID = 5_190_000_013
ERROR_MAX_LENGTH = 500


def keyed_hash(kind: str, value: str) -> str:
    """HMAC of an IP or address keyed with SECRET_KEY: counts senders without storing who."""
    key_salt = f"congdoan.news.send.{kind}"
    return salted_hmac(key_salt, value.strip().lower(), algorithm="sha256").hexdigest()


class SendLimitReached(Exception):
    """A rate limit refused the email; `limit` says which one."""

    def __init__(self, limit: str):
        super().__init__(limit)
        self.limit = limit


class ArticleSendLogQuerySet(models.QuerySet):
    def recent(self):
        return self.filter(created_at__gte=timezone.now() - RATE_WINDOW)

    def reserve(self, article, ip: str, recipient: str) -> "ArticleSendLog":
        """Record one email, or raise SendLimitReached and record nothing.

        Record-then-check in one transaction, so concurrent requests cannot all pass a check made
        before any of them recorded: the INSERT takes SQLite's write lock (held to the commit) and
        PostgreSQL takes an advisory lock first, so reservations run one at a time in every
        process, and each counts every earlier one.
        """
        ip_hash = keyed_hash("ip", ip)
        recipient_hash = keyed_hash("recipient", recipient)
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SEND_LOCK_ID])
            entry = self.create(article=article, ip_hash=ip_hash, recipient_hash=recipient_hash)
            recent = self.recent()
            to_recipient = recent.filter(recipient_hash=recipient_hash)
            if recent.filter(ip_hash=ip_hash).count() > settings.SEND_ARTICLE_PER_IP_PER_HOUR:
                limit = "ip"
            elif (
                to_recipient.filter(article=article).count()
                > settings.SEND_ARTICLE_PER_RECIPIENT_PER_HOUR
            ):
                limit = "recipient_article"
            elif to_recipient.count() > settings.SEND_ARTICLE_TO_RECIPIENT_PER_HOUR:
                limit = "recipient"
            else:
                self.prune()
                return entry
            transaction.set_rollback(True)
        raise SendLimitReached(limit)

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
