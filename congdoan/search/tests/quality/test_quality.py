"""Search quality on a fixed Vietnamese corpus: MRR and hits@3 over every input form."""

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from congdoan.news.factories import ArticlePageFactory, SectionPageFactory
from congdoan.search.engine import SearchParams, run_search

HERE = Path(__file__).parent
MIN_MRR = 0.9


def load(name):
    return json.loads((HERE / name).read_text(encoding="utf-8"))


@pytest.mark.postgres
@pytest.mark.django_db
def test_quality_set_mrr(home_page):
    corpus, queries = load("corpus.json"), load("queries.json")
    assert len(corpus) >= 40 and len(queries) >= 60
    section = SectionPageFactory(parent=home_page, title="Tin tức")
    ids = {}
    for item in corpus:
        day = dt.date.fromisoformat(item["date"])
        page = ArticlePageFactory(
            parent=section,
            title=item["title"],
            sapo=item["sapo"],
            body=[("paragraph", RichText(f"<p>{item['body']}</p>"))],
            published_at=timezone.make_aware(dt.datetime(day.year, day.month, day.day, 8)),
        )
        ids[page.pk] = item["id"]

    reciprocal_ranks, hits_at_3 = [], []
    by_form = defaultdict(list)
    failures = []
    for query in queries:
        outcome = run_search(SearchParams(q=query["q"]), per_page=10)
        ranked = [ids[hit.obj.pk] for hit in outcome.hits]
        rank = next((i + 1 for i, key in enumerate(ranked) if key in query["relevant"]), None)
        rr = 1 / rank if rank else 0.0
        reciprocal_ranks.append(rr)
        hits_at_3.append(1.0 if rank and rank <= 3 else 0.0)
        by_form[query["form"]].append(rr)
        if rr < 1:
            failures.append(f"  {query['q']!r}: expected {query['relevant']}, got {ranked[:5]}")

    mrr = sum(reciprocal_ranks) / len(reciprocal_ranks)
    hits3 = sum(hits_at_3) / len(hits_at_3)
    print(f"\nSearch quality: {len(queries)} queries, MRR={mrr:.3f}, hits@3={hits3:.3f}")
    for form, values in sorted(by_form.items()):
        print(f"  {form:<16} MRR={sum(values) / len(values):.3f} ({len(values)} queries)")
    print("Not ranked first:\n" + "\n".join(failures) if failures else "All ranked first.")
    assert mrr >= MIN_MRR, f"MRR {mrr:.3f} below {MIN_MRR}"
