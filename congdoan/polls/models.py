"""Polls (*Thăm dò ý kiến*): a question, its choices and one vote per reader.

A reader is known by two keyed hashes from the visitor counter (`visitors.identity`), salted
per poll so that nothing links a reader across polls: `reader_key` of the random id in the
reader's poll cookie (one vote per key), and `address_key` of the client address, which bounds
how many votes one address casts by clearing its cookies (`POLL_VOTES_PER_ADDRESS`; a
factory's network is many readers, so the bound is wide). No raw address or id is stored.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from congdoan.visitors.identity import address_hash, visitor_hash


class PollQuerySet(models.QuerySet):
    def open_at(self, moment):
        return self.filter(opens_at__lte=moment, closes_at__gt=moment)

    def opening_or_closing_between(self, start, end):
        """Polls whose state changed in (start, end]: pages showing polls must be rendered anew."""
        return self.filter(
            models.Q(opens_at__gt=start, opens_at__lte=end)
            | models.Q(closes_at__gt=start, closes_at__lte=end)
        )

    def current(self):
        """The poll the side block shows: the newest one open now."""
        return self.open_at(timezone.now()).order_by("-opens_at", "-pk").first()


class Poll(ClusterableModel):
    class ResultsShown(models.TextChoices):
        AFTER_VOTING = "after_voting", _("To each reader after voting, and to all after closing")
        AFTER_CLOSING = "after_closing", _("Only after the poll closes")

    question = models.CharField(_("question"), max_length=255)
    multiple_choice = models.BooleanField(
        _("several answers allowed"),
        default=False,
        help_text=_("Readers may tick several choices instead of one."),
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    results_shown = models.CharField(
        _("results shown"),
        max_length=20,
        choices=ResultsShown.choices,
        default=ResultsShown.AFTER_VOTING,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PollQuerySet.as_manager()

    panels = [
        FieldPanel("question"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldRowPanel([FieldPanel("multiple_choice"), FieldPanel("results_shown")]),
        InlinePanel("choices", heading=_("Choices"), label=_("choice"), min_num=2),
    ]

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["-opens_at", "-pk"]

    def __str__(self):
        return self.question

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The poll must close after it opens.")})

    def get_absolute_url(self):
        return reverse("polls:detail", kwargs={"pk": self.pk})

    def get_vote_url(self):
        return reverse("polls:vote", kwargs={"pk": self.pk})

    def state(self, moment=None) -> str:
        """ "upcoming", "open" or "closed" at `moment` (now)."""
        moment = moment or timezone.now()
        if moment < self.opens_at:
            return "upcoming"
        return "open" if moment < self.closes_at else "closed"

    def results_visible(self, has_voted: bool, moment=None) -> bool:
        if self.state(moment) == "closed":
            return True
        return has_voted and self.results_shown == self.ResultsShown.AFTER_VOTING

    def results(self):
        """(choice, votes, percent of voters) in order, and the number of voters."""
        voters = self.votes.count()
        choices = self.choices.annotate(vote_count=Count("votes")).order_by("sort_order", "pk")
        rows = [
            (choice, choice.vote_count, round(100 * choice.vote_count / voters) if voters else 0)
            for choice in choices
        ]
        return rows, voters

    def reader_key(self, reader_id: str) -> str:
        return visitor_hash(self.salt, "", "", reader_id)

    def address_key(self, ip: str) -> str:
        return address_hash(self.salt, ip)

    @property
    def salt(self) -> str:
        return f"poll:{self.pk}"


def current_poll_with_choices() -> tuple["Poll | None", list["PollChoice"]]:
    """The side block's poll and its choices in one query (the choices with their poll)."""
    newest_open = Poll.objects.open_at(timezone.now()).order_by("-opens_at", "-pk")
    choices = list(
        PollChoice.objects.filter(poll=Subquery(newest_open.values("pk")[:1]))
        .select_related("poll")
        .order_by("sort_order", "pk")
    )
    return (choices[0].poll if choices else None), choices


class PollChoice(Orderable):
    poll = ParentalKey(Poll, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(_("choice"), max_length=200)

    panels = [FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = pgettext_lazy("poll answers", "choices")

    def __str__(self):
        return self.label


class Vote(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    reader_key = models.CharField(max_length=32)
    address_key = models.CharField(max_length=32, db_index=True)
    choices = models.ManyToManyField(PollChoice, related_name="votes")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["poll", "reader_key"], name="polls_one_vote_per_reader")
        ]

    def __str__(self):
        return f"{self.poll_id}:{self.reader_key[:8]}"
