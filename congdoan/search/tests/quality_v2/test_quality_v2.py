"""The second search quality set: MRR and hits@3 per category, on SQLite and PostgreSQL.

The corpus is built and every query ranked once per database (a module-scoped fixture, rolled
back at once); the tests then only compare the scores. The scores are printed in the test
summary (`record_property("terminal_report", …)`, see the root conftest) whatever the
outcome, and in a failing test's captured output.
"""

import pytest
from django.core.cache import caches
from django.db import connection, transaction

from congdoan.core.factories import HomePageFactory

from ..quality import build_corpus, evaluate, load
from . import CATEGORIES, HERE

MIN_MRR = 0.85
MIN_CATEGORY_MRR = 0.7
MIN_QUERIES_PER_CATEGORY = 8

# django_db also tells pytest-django to create the test database the module fixture uses.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture(scope="module")
def evaluation(django_db_setup, django_db_blocker):
    corpus, queries = load("corpus.json", HERE), load("queries.json", HERE)
    with django_db_blocker.unblock(), transaction.atomic():
        ids = build_corpus(HomePageFactory.create_as_site_root(), corpus)
        result = evaluate(queries, ids, group_key="category")
        vendor = connection.vendor
        transaction.set_rollback(True)
    # Nothing cached from the rolled-back rows may outlive them.
    for cache in caches.all():
        cache.clear()
    return result, vendor


def test_the_set_is_as_specified():
    corpus, queries = load("corpus.json", HERE), load("queries.json", HERE)
    article_ids = [item["id"] for item in corpus]
    assert len(corpus) >= 80 and len(set(article_ids)) == len(article_ids)
    fields = ("title", "sapo", "body", "section", "date")
    assert all(item[name] for item in corpus for name in fields)
    assert len(queries) >= 80
    assert {query["category"] for query in queries} == set(CATEGORIES)
    for category in CATEGORIES:
        count = sum(query["category"] == category for query in queries)
        assert count >= MIN_QUERIES_PER_CATEGORY, category
    for query in queries:
        assert len(query["relevant"]) == 1 and query["relevant"][0] in article_ids, query


def test_overall_mrr(evaluation, record_property):
    result, vendor = evaluation
    text = result.report(f"Search quality v2 on {vendor}")
    record_property("terminal_report", text)
    print(text)
    assert result.overall.mrr >= MIN_MRR, f"MRR {result.overall.mrr:.3f} below {MIN_MRR}"


@pytest.mark.parametrize("category", CATEGORIES)
def test_category_mrr(evaluation, category):
    result, _vendor = evaluation
    scores = result.groups[category]
    misses = "\n".join(
        f"  {q!r}: wanted {wanted}, got {got}"
        for group, q, wanted, got in result.misses
        if group == category
    )
    assert scores.mrr >= MIN_CATEGORY_MRR, f"{category}: {scores}\n{misses}"
