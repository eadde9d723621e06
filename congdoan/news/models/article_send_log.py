from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

RATE_WINDOW = timedelta(hours=1)


def keyed_hash(kind: str, value: str) -> str:
    """HMAC of an IP or address keyed with SECRET_KEY: counts senders without storing who."""
    key_salt = f"congdoan.news.send.{kind}"
    return salted_hmac(key_salt, value.strip().lower(), algorithm="sha256").hexdigest()


class ArticleSendLogQuerySet(models.QuerySet):
    def recent(self):
        return self.filter(created_at__gte=timezone.now() - RATE_WINDOW)

    def ip_limit_reached(self, ip: str) -> bool:
        limit = settings.SEND_ARTICLE_PER_IP_PER_HOUR
        return self.recent().filter(ip_hash=keyed_hash("ip", ip)).count() >= limit

    def recipient_limit_reached(self, article, recipient: str) -> bool:
        limit = settings.SEND_ARTICLE_PER_RECIPIENT_PER_HOUR
        recipient_hash = keyed_hash("recipient", recipient)
        recent = self.recent().filter(article=article, recipient_hash=recipient_hash)
        return recent.count() >= limit

    def record(self, article, ip: str, recipient: str):
        # Rows older than the window count for nothing: drop them (collect the minimum).
        self.filter(created_at__lt=timezone.now() - RATE_WINDOW).delete()
        return self.create(
            article=article,
            ip_hash=keyed_hash("ip", ip),
            recipient_hash=keyed_hash("recipient", recipient),
        )


class ArticleSendLog(models.Model):
    """One "Gửi bài viết" email, kept an hour for the rate limits; IP and address hashed."""

    article = models.ForeignKey(
        "news.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    ip_hash = models.CharField(_("sender IP (hashed)"), max_length=64, db_index=True)
    recipient_hash = models.CharField(_("recipient (hashed)"), max_length=64, db_index=True)

    objects = ArticleSendLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("article email log entry")
        verbose_name_plural = _("article email log")

    def __str__(self):
        return f"{self.article_id} {self.created_at:%Y-%m-%d %H:%M}"
