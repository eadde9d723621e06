"""The search quality set: a fixed Vietnamese corpus and queries, each with its wanted articles.

Shared by the quality test and `bench/search.py`, so both measure the same thing.
"""

import datetime as dt
import json
from pathlib import Path

HERE = Path(__file__).parent


def load(name: str):
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def build_corpus(home) -> dict[int, str]:
    """Publish the corpus under one section of `home`; {page pk: corpus id}."""
    from django.utils import timezone
    from wagtail.rich_text import RichText

    from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

    section = SectionPageFactory(parent=home, title="Tin tức")
    ids = {}
    for item in load("corpus.json"):
        day = dt.date.fromisoformat(item["date"])
        page = ArticlePageFactory(
            parent=section,
            title=item["title"],
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
