"""What search knows beyond the index: abbreviations, synonyms and the index's vocabulary.

Editors keep the dictionaries in the admin (snippets); a change takes effect on the next query
(`search.dictionary`). The vocabulary is written while indexing and read to correct typos
(`search.spelling`).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from congdoan.core.text import fold, fold_tokens, normalize


def _lines(text: str) -> list[str]:
    """Non-empty lines (or comma-free entries) of a dictionary field, NFC, trimmed."""
    return [line.strip() for line in normalize(text).splitlines() if line.strip()]


class Abbreviation(models.Model):
    """A short form and what it stands for: `BHXH` = `bảo hiểm xã hội`. Expanded both ways,
    with or without marks: `LDLD` finds `Liên đoàn Lao động`, and the reverse."""

    short_form = models.CharField(_("short form"), max_length=30)
    # The short form folded (`LĐLĐ` -> `ldld`): one entry per spelling, with or without marks.
    key = models.CharField(max_length=30, unique=True, editable=False)
    expansions = models.TextField(
        _("stands for"), help_text=_("One expansion per line, e.g. “bảo hiểm xã hội”.")
    )

    class Meta:
        ordering = ["key"]
        verbose_name = _("abbreviation")
        verbose_name_plural = _("abbreviations")

    def __str__(self):
        return self.short_form

    def save(self, *args, **kwargs):
        tokens = fold_tokens(self.short_form)
        self.key = tokens[0] if tokens else fold(self.short_form)
        super().save(*args, **kwargs)

    @property
    def expansion_list(self) -> list[str]:
        return _lines(self.expansions)

    def clean(self):
        self.short_form = normalize(self.short_form).strip()
        tokens = fold_tokens(self.short_form)
        if len(tokens) != 1:
            raise ValidationError({"short_form": _("A short form is one word, e.g. “BHXH”.")})
        if not any(len(fold_tokens(line)) > 0 for line in self.expansion_list):
            raise ValidationError({"expansions": _("Give at least one expansion.")})
        self.key = tokens[0]
        clash = Abbreviation.objects.filter(key=self.key).exclude(pk=self.pk).first()
        if clash:
            raise ValidationError(
                {"short_form": _("“%(other)s” is already in the list.") % {"other": clash}}
            )


class SynonymGroup(models.Model):
    """Words and phrases readers use for the same thing (`tiền lương`, `thu nhập`, `lương`):
    a query for one also finds the others, ranked below what was typed."""

    name = models.CharField(_("name"), max_length=100)
    words = models.TextField(
        _("words"), help_text=_("One word or phrase per line, at least two lines.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")

    def __str__(self):
        return self.name

    @property
    def word_list(self) -> list[str]:
        return [line for line in _lines(self.words) if fold_tokens(line)]

    def clean(self):
        if len(self.word_list) < 2:
            raise ValidationError({"words": _("A group needs at least two words or phrases.")})


class IndexedWord(models.Model):
    """A word of the search index's vocabulary (folded, letters only): what a misspelt query
    word is corrected to. Written while indexing; never shown."""

    word = models.CharField(max_length=40, unique=True)

    class Meta:
        verbose_name = _("indexed word")
        verbose_name_plural = _("indexed words")

    def __str__(self):
        return self.word


class IndexedWordDeletion(models.Model):
    """A word with one letter deleted (SymSpell's deletion neighbourhood), on SQLite only: two
    words one edit apart share such a key or one is the other's key. PostgreSQL finds the
    same candidates with a trigram index (pg_trgm) on `IndexedWord.word`."""

    key = models.CharField(max_length=40, db_index=True)
    word = models.ForeignKey(IndexedWord, on_delete=models.CASCADE, related_name="deletions")

    class Meta:
        verbose_name = _("indexed word deletion")
        verbose_name_plural = _("indexed word deletions")
        constraints = [
            models.UniqueConstraint(fields=["key", "word"], name="search_deletion_unique")
        ]

    def __str__(self):
        return self.key


# Longer queries are cut: the report is for reading, and a pasted paragraph must not grow rows.
MAX_STORED_QUERY_CHARS = 100


class SearchQueryStat(models.Model):
    """How often one query was searched on one day, for the editors' report of top searches.

    The query is stored folded (no marks, `đ` as `d`, lower case, single spaces), so `Công đoàn`,
    `cong doan` and `CÔNG  ĐOÀN` are one row. Nothing about the reader is kept: no address,
    session, account or browser, only the day, the words and the counts.
    """

    day = models.DateField(_("day"))
    query = models.CharField(_("query"), max_length=MAX_STORED_QUERY_CHARS)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    # Matches found by the latest search of the day (0: the search found nothing).
    results = models.PositiveIntegerField(_("results"), default=0)

    class Meta:
        verbose_name = _("search query statistic")
        verbose_name_plural = _("search query statistics")
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="search_query_stat_day_query")
        ]

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.query}: {self.searches}"
