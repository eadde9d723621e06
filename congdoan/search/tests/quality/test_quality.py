"""Search quality on a fixed Vietnamese corpus: MRR and hits@3 over every input form."""

from collections import defaultdict

import pytest

from . import build_corpus, first_relevant_rank, load, ranked_ids

MIN_MRR = 0.9


@pytest.mark.postgres
@pytest.mark.django_db
def test_quality_set_mrr(home_page):
    corpus, queries = load("corpus.json"), load("queries.json")
    assert len(corpus) >= 40 and len(queries) >= 60
    ids = build_corpus(home_page)

    reciprocal_ranks, hits_at_3 = [], []
    by_form = defaultdict(list)
    failures = []
    for query in queries:
        ranked = ranked_ids(query, ids)
        rank = first_relevant_rank(query, ranked)
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
