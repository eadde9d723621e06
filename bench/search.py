"""Search latency with 10,000 (or `--articles`) articles, on SQLite and (optionally) PostgreSQL.

    .venv/bin/python bench/search.py                       # SQLite (in-memory test database)
    .venv/bin/python bench/search.py --database-url postgres://u:p@127.0.0.1/db
    TEST_POSTGRES_URL=postgres://... .venv/bin/python bench/search.py   # both
    DATABASE_URL=postgres://... .venv/bin/python bench/search.py --only postgres --articles 100000
    DATABASE_URL=postgres://... .venv/bin/python bench/search.py --articles 100000 --keep NAME
    DATABASE_URL=postgres://... .venv/bin/python bench/search.py --reuse NAME --misses

`--keep NAME` builds into the database NAME and leaves it (100,000 articles take ~20 min to
build and index); `--reuse NAME` then times that database again in seconds, e.g. after a change
to the search code (a change to what is indexed needs a new `--keep`).

Builds both quality sets' articles, then the bulk articles, inside a throw-away test database,
indexes them with the Vietnamese backend, then times the whole site search (`engine.run_search`:
every kind, counts, ranking, highlighted first page) and the title suggestions over a fixed
query set, and scores both quality sets among all the articles (MRR: do the wanted articles
still come first among that many others?). Target: p50 <= 50 ms. The load average is printed
before and after: the machine may be shared.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from throwaway_database import throwaway_database  # noqa: E402

TARGET_P50_MS = 50.0
QUERIES = [
    "cong doan",
    "công đoàn cơ sở",
    "CÔNG ĐOÀN",
    "người lao động",
    "nguoi lao dong",
    "hoà giải",
    "hòa giải tranh chấp",
    "thuỷ điện",
    "thoả ước lao động tập thể",
    "đòan viên",
    "02-NQ/TW",
    "12/2022/NĐ-CP",
    "bàn giao",
    "bán hàng",
    "an toàn vệ sinh lao động",
    "hội thao",
    "tết sum vầy",
    "mái ấm công đoàn",
    "học bổng",
    "tiền lương",
    "bảo hiểm xã hội",
    "đại hội",
    "khủng long",
    "hiến máu tình nguyện",
    # Understood queries (issue 16): keystrokes, abbreviations, a question, a typo.
    "coong ddoanf",
    "co6ng d9oa2n",
    "BHXH",
    "LDLD tinh",
    "lương tối thiểu là bao nhiêu",
    "hoi nghij",
]
SUGGEST_QUERIES = ["cong d", "hoi ng", "đại h", "thoa u", "nghi q", "an to", "tet s", "hien m"]

WORDS = [
    "công đoàn cơ sở",
    "đoàn viên",
    "người lao động",
    "công nhân",
    "viên chức",
    "doanh nghiệp",
    "khu công nghiệp",
    "chăm lo đời sống",
    "tiền lương",
    "thưởng tết",
    "hợp đồng lao động",
    "bảo hiểm xã hội",
    "bảo hiểm y tế",
    "an toàn vệ sinh lao động",
    "hội nghị",
    "đại hội",
    "nhiệm kỳ",
    "ban chấp hành",
    "liên đoàn lao động tỉnh",
    "thành phố",
    "thỏa ước lao động tập thể",
    "thương lượng",
    "đối thoại",
    "hòa giải",
    "tranh chấp",
    "quyền lợi",
    "tuyên truyền pháp luật",
    "đào tạo nghề",
    "việc làm",
    "nhà ở",
    "nhà trọ",
    "bữa ăn ca",
    "sức khỏe",
    "thi đua",
    "khen thưởng",
    "phong trào",
    "sáng kiến",
    "văn hóa",
    "hội thao",
    "giải bóng đá",
    "văn nghệ",
    "mái ấm công đoàn",
    "học bổng",
    "quỹ hỗ trợ",
    "khó khăn",
    "thiên tai",
    "quà tặng",
    "bình ổn giá",
    "thủy điện",
    "dệt may",
    "điện tử",
    "thủy sản",
    "đường sắt",
    "xây dựng",
    "lao động nữ",
    "bình đẳng giới",
    "thai sản",
    "nhà trẻ",
    "hiến máu",
    "từ thiện",
    "kiểm tra",
    "giám sát",
    "tài chính",
    "đoàn phí",
    "quyết định",
    "nghị quyết",
    "nghị định",
    "tổ chức",
    "triển khai",
    "năm",
    "tháng",
    "của",
    "cho",
    "và",
    "với",
    "tại",
    "trong",
]
CODES = ["02-NQ/TW", "12/2022/NĐ-CP", "1588/QĐ-TLĐ", "145/2020/NĐ-CP", "38/2022/NĐ-CP"]


def sentence(rng, low, high):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high) // 2)]
    if rng.random() < 0.05:
        words.insert(rng.randint(0, len(words)), rng.choice(CODES))
    text = " ".join(words)
    return text[0].upper() + text[1:]


def build_articles(count: int, home):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page
    from wagtail.rich_text import RichText

    from congdoan.news.factories import SectionPageFactory
    from congdoan.news.models import ArticlePage

    rng = random.Random(20240901)
    section = SectionPageFactory(parent=home, title="Tin tức (bench)")
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    with transaction.atomic():
        pages = []
        for number in range(1, count + 1):
            title = sentence(rng, 6, 12)
            slug = f"bai-{number}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(section.path, section.depth + 1, number),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{slug}/",
                    live=True,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    first_published_at=now,
                    last_published_at=now,
                )
            )
        Page.objects.bulk_create(pages, batch_size=1000)
        Page.objects.filter(pk=section.pk).update(numchild=count)
        generated = []
        rows = []
        columns = list(ArticlePage._meta.local_concrete_fields)
        for number, page in enumerate(pages):
            body_text = sentence(rng, 80, 160) + "."
            sapo = sentence(rng, 15, 30) + "."
            article = ArticlePage(
                page_ptr_id=page.pk,
                sapo=sapo,
                body=[("paragraph", RichText(f"<p>{body_text}</p>"))],
                published_at=now - timezone.timedelta(hours=number),
            )
            rows.append(
                [f.get_db_prep_save(getattr(article, f.attname), connection) for f in columns]
            )
            generated.append(GeneratedArticle(page.pk, page.title, sapo, body_text))
        # The child rows in bulk (the ORM saves multi-table children one by one).
        table = connection.ops.quote_name(ArticlePage._meta.db_table)
        names = ", ".join(connection.ops.quote_name(f.column) for f in columns)
        marks = ", ".join(["%s"] * len(columns))
        with connection.cursor() as cursor:
            for start in range(0, len(rows), 1000):
                cursor.executemany(
                    f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608 - model metadata
                    rows[start : start + 1000],
                )
    return generated


class GeneratedArticle:
    """A bulk article's texts as generated, read by the index like an article's search fields
    (title, sapo boosted, body): indexing skips rendering 100,000 StreamFields, which is not
    what this bench measures."""

    class _meta:  # noqa: N801 - what modelsearch's SearchField.get_value looks up
        @staticmethod
        def get_field(name):
            from django.core.exceptions import FieldDoesNotExist

            raise FieldDoesNotExist(name)

    def __init__(self, pk, title, sapo, body_text):
        self.pk, self.title, self.sapo, self.body_text = pk, title, sapo, body_text

    @staticmethod
    def get_search_fields():
        from modelsearch.index import AutocompleteField, SearchField

        return [
            SearchField("title", boost=2),
            AutocompleteField("title"),
            SearchField("sapo", boost=2),
            SearchField("body_text"),
        ]


def index_articles(generated):
    """The quality sets' real articles through the backend as a page save does, then the bulk
    articles from their generated texts, 1,000 at a time."""
    from wagtail.search.backends import get_search_backend

    from congdoan.news.models import ArticlePage

    backend = get_search_backend()
    index = backend.get_index_for_model(ArticlePage)
    bulk = {article.pk for article in generated}
    real = ArticlePage.objects.exclude(pk__in=bulk).order_by("pk")
    index.add_items(ArticlePage, list(real))
    for start in range(0, len(generated), 1000):
        index.add_items(ArticlePage, generated[start : start + 1000])


QUALITY_SETS = (("quality", "form"), ("quality_v2", "category"))


def build_quality_sets(home):
    """Both quality sets' articles, each under its own section tree; {set: (ids, queries)}."""
    from congdoan.news.factories import SectionPageFactory
    from congdoan.search.tests import quality

    built = {}
    for name, _group in QUALITY_SETS:
        parent = SectionPageFactory(parent=home, title=f"Bộ kiểm tra {name}")
        directory = Path(quality.__file__).parent.parent / name
        corpus = quality.load("corpus.json", directory)
        queries = quality.load("queries.json", directory)
        built[name] = (quality.build_corpus(parent, corpus), queries)
    return built


def quality_mrr(ids, queries, show_misses=False) -> float:
    """MRR of one set's queries over the first results page, bulk articles counted as misses."""
    from congdoan.search.engine import SearchParams, run_search

    reciprocal_ranks = []
    for query in queries:
        outcome = run_search(SearchParams(q=query["q"]), per_page=10)
        ranked = [ids.get(hit.obj.pk) for hit in outcome.hits]
        rank = next((i + 1 for i, key in enumerate(ranked) if key in query["relevant"]), None)
        reciprocal_ranks.append(1 / rank if rank else 0.0)
        if show_misses and rank != 1:
            print(f"   miss: {query['q']!r} wanted {query['relevant']}, got {ranked[:5]}")
    return sum(reciprocal_ranks) / len(reciprocal_ranks)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed(function, queries, rounds):
    for query in queries:  # warm caches and connections once
        function(query)
    samples = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            function(query)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def find_quality_sets():
    """Both quality sets as `build_quality_sets` left them in a kept database (`--reuse`): the
    pages are found again by their section and slug, given as `quality.build_corpus` does."""
    from wagtail.models import Page

    from congdoan.core.text import vietnamese_slugify
    from congdoan.search.tests import quality

    found = {}
    for name, _group in QUALITY_SETS:
        root = Page.objects.get(title=f"Bộ kiểm tra {name}")
        sections = {page.path: page.title for page in root.get_children()}
        step = len(root.path) + 4  # treebeard's path step
        pages = {
            (sections[path[:step]], slug): pk
            for pk, slug, path in root.get_descendants()
            .filter(depth=root.depth + 2)
            .values_list("pk", "slug", "path")
        }
        directory = Path(quality.__file__).parent.parent / name
        ids, slugs = {}, set()
        for item in quality.load("corpus.json", directory):
            section = item.get("section", quality.DEFAULT_SECTION)
            slug = vietnamese_slugify(item["title"])
            if (section, slug) in slugs:
                slug = f"{slug}-{item['id']}"
            slugs.add((section, slug))
            ids[pages[(section, slug)]] = item["id"]
        found[name] = (ids, quality.load("queries.json", directory))
    return found


def run(label: str, articles: int, rounds: int, show_misses=False, keep_as="", reuse=False):
    with throwaway_database(keep_as=keep_as, reuse=reuse):
        from congdoan.core.factories import HomePageFactory
        from congdoan.news.models import ArticlePage
        from congdoan.search.engine import SearchParams, run_search, suggest_titles

        load_before = os.getloadavg()
        if reuse:
            quality_sets = find_quality_sets()
            alone = {}
            built = indexed = 0.0
            articles = ArticlePage.objects.count() - sum(
                len(ids) for ids, _queries in quality_sets.values()
            )
        else:
            home = HomePageFactory.create_as_site_root()
            quality_sets = build_quality_sets(home)
            alone = {name: quality_mrr(*quality_sets[name]) for name, _group in QUALITY_SETS}
            started = time.perf_counter()
            generated = build_articles(articles, home)
            built = time.perf_counter() - started
            started = time.perf_counter()
            index_articles(generated)
            indexed = time.perf_counter() - started
            if keep_as:
                from django.db import connection

                # What autovacuum does to a kept table: the planner's statistics, and the
                # GIN indexes' pending lists merged (a fresh bulk load leaves them long).
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")

        search_ms = timed(lambda q: run_search(SearchParams(q=q), per_page=10), QUERIES, rounds)
        suggest_ms = timed(suggest_titles, SUGGEST_QUERIES, rounds)
        sample = run_search(SearchParams(q="cong doan"), per_page=10)
        scores = {
            name: quality_mrr(*quality_sets[name], show_misses=show_misses)
            for name, _group in QUALITY_SETS
        }
        load_after = os.getloadavg()

    p50, p95 = percentile(search_ms, 0.5), percentile(search_ms, 0.95)
    how = "kept database, reused" if reuse else f"built {built:.1f} s, indexed {indexed:.1f} s"
    print(f"== {label}: {articles:,} articles ({how})")
    over = "over " if sample.total_capped else ""
    for name, (_ids, queries) in quality_sets.items():
        among = f"{len(queries)} queries, MRR={scores[name]:.3f} among all articles"
        if name in alone:
            among += f" ({alone[name]:.3f} among the quality sets' articles alone)"
        print(f"   {name}: {among}")
    print(f"   load average: before {load_before[0]:.1f}, after {load_after[0]:.1f} (1 min)")
    print(f"   'cong doan' matches {over}{sample.total:,} articles")
    print(
        f"   search      n={len(search_ms)}  p50={p50:.1f} ms  p95={p95:.1f} ms  "
        f"max={max(search_ms):.1f} ms  mean={statistics.mean(search_ms):.1f} ms"
    )
    s50, s95 = percentile(suggest_ms, 0.5), percentile(suggest_ms, 0.95)
    print(f"   suggestions n={len(suggest_ms)}  p50={s50:.1f} ms  p95={s95:.1f} ms")
    verdict = "OK" if p50 <= TARGET_P50_MS else "TOO SLOW"
    print(f"   p50 <= {TARGET_P50_MS:.0f} ms: {verdict}")
    return p50 <= TARGET_P50_MS


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database-url", default=os.environ.get("TEST_POSTGRES_URL", ""))
    parser.add_argument("--only", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    parser.add_argument(
        "--misses", action="store_true", help="print the quality queries not ranked first"
    )
    parser.add_argument(
        "--keep",
        metavar="NAME",
        default="",
        help="build into the PostgreSQL database NAME and keep it for --reuse",
    )
    parser.add_argument(
        "--reuse",
        metavar="NAME",
        default="",
        help="time the database NAME kept by --keep: nothing is built or indexed",
    )
    args = parser.parse_args()

    if args.keep or args.reuse:
        if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
            parser.error("--keep and --reuse need DATABASE_URL=postgres://...")
        args.only = "postgres"
    if args.only:
        label = "PostgreSQL" if args.only == "postgres" else "SQLite"
        ok = run(
            label,
            args.articles,
            args.rounds,
            args.misses,
            keep_as=args.keep or args.reuse,
            reuse=bool(args.reuse),
        )
        sys.exit(0 if ok else 1)

    # Each database in its own process: Django binds to one database per process.
    runs = [("sqlite", {k: v for k, v in os.environ.items() if k != "DATABASE_URL"})]
    if args.database_url:
        runs.append(("postgres", {**os.environ, "DATABASE_URL": args.database_url}))
    ok = True
    for name, env in runs:
        command = [sys.executable, __file__, "--only", name]
        command += ["--articles", str(args.articles), "--rounds", str(args.rounds)]
        ok &= subprocess.run(command, env=env, check=False).returncode == 0
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
