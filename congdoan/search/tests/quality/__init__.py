"""The search quality sets: fixed Vietnamese corpora and queries, each with its wanted articles.

Two sets share this machinery: the first one in this directory (every query's words are in its
article's title or text) and `quality_v2` (abbreviations, raw Telex and VNI, typos, questions,
synonyms, numbers, near-duplicates). The quality tests and `bench/search.py` use it, so all of
them measure the same thing.
"""

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
DEFAULT_SECTION = "Tin tức"


def load(name: str, directory: Path = HERE):
    return json.loads((directory / name).read_text(encoding="utf-8"))


def build_corpus(home, corpus: list[dict] | None = None) -> dict[int, str]:
    """Publish a corpus (by default this set's `corpus.json`) under `home`; {page pk: corpus id}.

    Each article goes into the section its item names ("section", default "Tin tức"), created
    under `home` the first time it is named, and is published at 8:00 on its "date". A title
    already used in its section gets its slug suffixed, as an editor would have to.
    """
    from django.utils import timezone
    from wagtail.rich_text import RichText

    from congdoan.core.text import vietnamese_slugify
    from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

    sections, slugs = {}, set()
    ids = {}
    for item in load("corpus.json") if corpus is None else corpus:
        name = item.get("section", DEFAULT_SECTION)
        if name not in sections:
            sections[name] = SectionPageFactory(parent=home, title=name)
        slug = vietnamese_slugify(item["title"])
        if (name, slug) in slugs:
            slug = f"{slug}-{item['id']}"
        slugs.add((name, slug))
        day = dt.date.fromisoformat(item["date"])
        page = ArticlePageFactory(
            parent=sections[name],
            title=item["title"],
            slug=slug,
            sapo=item["sapo"],
            body=[("paragraph", RichText(f"<p>{item['body']}</p>"))],
            published_at=timezone.make_aware(dt.datetime(day.year, day.month, day.day, 8)),
        )
        ids[page.pk] = item["id"]
    return ids


def ranked_ids(query: dict, ids: dict[int, str]) -> list[str]:
    """Corpus ids of the first results page for one query of the set."""
    from congdoan.search.engine import SearchParams, run_search

    outcome = run_search(SearchParams(q=query["q"]), per_page=10)
    return [ids[hit.obj.pk] for hit in outcome.hits]


def first_relevant_rank(query: dict, ranked: list[str]) -> int | None:
    return next((i + 1 for i, key in enumerate(ranked) if key in query["relevant"]), None)


@dataclass(repr=False)
class Scores:
    """Mean reciprocal rank and hits@3 of some queries (a rank past the first page counts 0)."""

    reciprocal_ranks: list[float] = field(default_factory=list)
    hits_at_3: list[float] = field(default_factory=list)

    def add(self, rank: int | None) -> None:
        self.reciprocal_ranks.append(1 / rank if rank else 0.0)
        self.hits_at_3.append(1.0 if rank and rank <= 3 else 0.0)

    @property
    def mrr(self) -> float:
        return sum(self.reciprocal_ranks) / len(self.reciprocal_ranks)

    @property
    def hits3(self) -> float:
        return sum(self.hits_at_3) / len(self.hits_at_3)

    def __str__(self) -> str:
        return f"MRR={self.mrr:.3f} hits@3={self.hits3:.3f} ({len(self.reciprocal_ranks)} queries)"


@dataclass(repr=False)
class Evaluation:
    """Every query of a set ranked once: the scores overall and per group, and the misses."""

    overall: Scores
    groups: dict[str, Scores]
    # (group, query text, wanted ids, the first five ids ranked) of queries not ranked first.
    misses: list[tuple[str, str, list[str], list[str]]]

    def report(self, title: str) -> str:
        lines = [f"{title}: {self.overall}"]
        lines += [f"  {name:<14} {scores}" for name, scores in sorted(self.groups.items())]
        if self.misses:
            lines.append("Not ranked first:")
            lines += [
                f"  [{group}] {q!r}: wanted {wanted}, got {got}"
                for group, q, wanted, got in self.misses
            ]
        else:
            lines.append("All ranked first.")
        return "\n".join(lines)


def evaluate(queries: list[dict], ids: dict[int, str], group_key: str) -> Evaluation:
    """Rank every query with the site search and score it, grouped by `query[group_key]`."""
    overall, groups, misses = Scores(), defaultdict(Scores), []
    for query in queries:
        ranked = ranked_ids(query, ids)
        rank = first_relevant_rank(query, ranked)
        overall.add(rank)
        groups[query[group_key]].add(rank)
        if rank != 1:
            misses.append((query[group_key], query["q"], query["relevant"], ranked[:5]))
    return Evaluation(overall, dict(groups), misses)
