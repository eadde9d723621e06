"""The portal side of `bench/run`: builds the benchmark's dataset and counts SQL queries.

`bench/run` calls it in a child process per database, with the environment the web server gets
(`DJANGO_SETTINGS_MODULE`, `DATABASE_URL`, ...), because Django binds one database per process:

    python bench/dataset.py build --articles 10000 --output urls.json
    python bench/dataset.py count --urls urls.json --output queries.json

`build` migrates the empty database, then creates a home page, 30 sections (one "Tin tức" and
29 subsections under it, so "Tin tức" lists every article and has hundreds of pages), the
articles spread over the subsections, 2,000 legal documents and 200 albums, and writes the URLs
the benchmark requests. Articles and albums are created in bulk: the `wagtailcore_page` rows with
`bulk_create` (treebeard paths computed here), then the page-type rows in batched INSERTs; at
10,000 articles that takes seconds instead of the minutes that `add_child` per page would.

`bench/run --baseline` copies this file into an old tree of the project and runs it there with
that tree's own models (`--only-articles`: the baseline measures an article only).
"""

import argparse
import datetime
import json
import os
import random
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = (  # noqa: SIM905 - one string reads better than 46 quoted items
    "công đoàn cơ sở|đoàn viên|người lao động|công nhân|viên chức|doanh nghiệp|khu công nghiệp|"
    "chăm lo đời sống|tiền lương|thưởng tết|hợp đồng lao động|bảo hiểm xã hội|an toàn vệ sinh "
    "lao động|hội nghị|đại hội|ban chấp hành|liên đoàn lao động tỉnh|thỏa ước lao động tập thể|"
    "đối thoại|hòa giải|tranh chấp|tuyên truyền pháp luật|việc làm|nhà ở|bữa ăn ca|sức khỏe|"
    "thi đua|khen thưởng|văn hóa|hội thao|mái ấm công đoàn|học bổng|thủy điện|dệt may|lao động "
    "nữ|thai sản|hiến máu|kiểm tra|giám sát|tài chính|nghị quyết|tổ chức|triển khai|của|và|tại"
).split("|")
BATCH = 1000
ARTICLES_PER_SECTION_PAGE = 20
SEARCH_QUERY = "cong doan"


def sentence(rng, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:]


def setup_django():
    import django

    django.setup()


def insert_rows(model, objects):
    """INSERT the rows of `model`'s own table only (the page-type half of a Wagtail page).

    `bulk_create` refuses multi-table models; this is the INSERT that `Model.save_base(raw=True)`
    makes for one object, for a batch at a time.
    """
    fields = model._meta.local_concrete_fields
    for start in range(0, len(objects), BATCH):
        model._base_manager._insert(objects[start : start + BATCH], fields=fields, raw=True)


def bulk_pages(parent, model, rows, first_number=1):
    """Live pages of type `model` under `parent`, one per `rows` dict (title, slug, fields).

    Creates the `wagtailcore_page` rows with treebeard's paths, then the `model` rows, and
    updates the parent's `numchild`. Returns the pages' ids in order.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Locale, Page

    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    now = timezone.now()
    pages = [
        Page(
            title=row["title"],
            draft_title=row["title"],
            slug=row["slug"],
            content_type=content_type,
            path=Page._get_path(parent.path, parent.depth + 1, first_number + offset),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{row['slug']}/",
            live=True,
            locale=locale,
            translation_key=uuid.uuid4(),
            first_published_at=now,
            last_published_at=now,
        )
        for offset, row in enumerate(rows)
    ]
    Page.objects.bulk_create(pages, batch_size=BATCH)
    Page.objects.filter(pk=parent.pk).update(numchild=first_number - 1 + len(pages))
    specific = [model(page_ptr_id=page.pk, **rows[i]["fields"]) for i, page in enumerate(pages)]
    insert_rows(model, specific)
    return [page.pk for page in pages]


def home_page():
    try:
        from congdoan.core.factories import HomePageFactory
    except ImportError:  # older trees (the baseline) kept the home page in news
        from congdoan.news.factories import HomePageFactory
    return HomePageFactory.create_as_site_root(slug="trang-chu")


def build_articles(home, articles: int, sections: int, rng) -> dict:
    from django.utils import timezone
    from wagtail.rich_text import RichText

    from congdoan.news.factories import SectionPageFactory
    from congdoan.news.models import ArticlePage

    news = SectionPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    subsections = [
        SectionPageFactory(parent=news, title=f"Chuyên mục {number}", slug=f"chuyen-muc-{number}")
        for number in range(1, max(sections, 2))
    ]
    now = timezone.now()
    per_section = {section.pk: [] for section in subsections}
    for number in range(articles):
        title = sentence(rng, 5)
        body = [("paragraph", RichText(f"<p>{sentence(rng, 60)}.</p>"))] * 3
        per_section[subsections[number % len(subsections)].pk].append(
            {
                "title": title,
                "slug": f"bai-{number + 1}",
                "fields": {
                    "sapo": sentence(rng, 12) + ".",
                    "body": body,
                    "published_at": now - datetime.timedelta(minutes=number),
                },
            }
        )
    ids = []
    for section in subsections:
        section.refresh_from_db()
        ids += bulk_pages(section, ArticlePage, per_section[section.pk])
    # The newest article (what a shared link points at), in the first subsection.
    article = ArticlePage.objects.get(pk=ids[0])
    pages = -(-articles // ARTICLES_PER_SECTION_PAGE)
    return {"section": news.url, "section_pages": pages, "article": article.url, "ids": ids}


def build_documents(documents: int, rng) -> str:
    from django.urls import reverse

    from congdoan.legal.models import DocumentType, Issuer, LegalDocument

    types = [
        DocumentType.objects.create(name=name)
        for name in ["Nghị quyết", "Quyết định", "Nghị định", "Thông tư", "Hướng dẫn"]
    ]
    issuers = [
        Issuer.objects.create(name=name)
        for name in [
            "Tổng Liên đoàn Lao động Việt Nam",
            "Chính phủ",
            "Bộ Lao động - Thương binh và Xã hội",
            "Liên đoàn Lao động tỉnh",
        ]
    ]
    rows = []
    for number in range(documents):
        document = LegalDocument(
            code=f"{number + 1}/{2000 + number % 25}/QĐ-TLĐ",
            document_type=types[number % len(types)],
            issuer=issuers[number % len(issuers)],
            signer=rng.choice(["Nguyễn Đình Khang", "Ngọ Duy Hiểu", "Thái Thu Xương"]),
            summary="Về việc " + sentence(rng, 10).lower(),
            issued_on=datetime.date(2000 + number % 25, 1 + number % 12, 1 + number % 28),
        )
        document.fill_derived_fields()
        rows.append(document)
    LegalDocument.objects.bulk_create(rows, batch_size=BATCH)
    return f"{reverse('legal:list')}?type={types[1].slug}&issuer={issuers[0].slug}"


def build_albums(home, albums: int, rng) -> None:
    from congdoan.gallery.factories import AlbumIndexPageFactory
    from congdoan.gallery.models import AlbumPage

    index = AlbumIndexPageFactory(parent=home)
    today = datetime.date.today()
    rows = [
        {
            "title": f"Album {sentence(rng, 3)}",
            "slug": f"album-{number + 1}",
            "fields": {
                "event_date": today - datetime.timedelta(days=number),
                "description": sentence(rng, 15),
            },
        }
        for number in range(albums)
    ]
    bulk_pages(index, AlbumPage, rows)


def index_for_search(article_ids) -> None:
    """Index the articles and documents with the site's search backend, in chunks."""
    from wagtail.search.backends import get_search_backend

    from congdoan.legal.models import LegalDocument
    from congdoan.news.models import ArticlePage

    backend = get_search_backend()
    for model, ids in [
        (ArticlePage, article_ids),
        (LegalDocument, list(LegalDocument.objects.values_list("pk", flat=True))),
    ]:
        index = backend.get_index_for_model(model)
        for start in range(0, len(ids), 500):
            index.add_items(model, list(model.objects.filter(pk__in=ids[start : start + 500])))


def build(args) -> dict:
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", interactive=False, verbosity=0)
    rng = random.Random(20261129)
    with transaction.atomic():
        home = home_page()
        built = build_articles(home, args.articles, args.sections, rng)
        urls = {"home": "/", "article": built["article"]}
        if not args.only_articles:
            urls["documents"] = build_documents(args.documents, rng)
            build_albums(home, args.albums, rng)
    if not args.only_articles and not args.no_index:
        index_for_search(built["ids"])
    if args.only_articles:
        return {"urls": urls}
    deep_page = min(400, built["section_pages"])
    return {
        "urls": {
            "home": "/",
            "section_p1": built["section"],
            f"section_p{deep_page}": f"{built['section']}?page={deep_page}",
            "article": built["article"],
            "article_print": built["article"] + "in/",
            "search": "/tim-kiem/?q=" + SEARCH_QUERY.replace(" ", "+"),
            "documents": urls["documents"],
            "rss": "/rss/",
            "sitemap": "/sitemap.xml",
        }
    }


def count_queries(urls: dict) -> dict:
    """Status and SQL queries of each URL's second request (the first fills the caches)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        counts[name] = {"status": response.status_code, "queries": len(queries)}
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["build", "count"])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--sections", type=int, default=30)
    parser.add_argument("--documents", type=int, default=2_000)
    parser.add_argument("--albums", type=int, default=200)
    parser.add_argument("--only-articles", action="store_true")
    parser.add_argument("--no-index", action="store_true", help="skip the search index")
    parser.add_argument("--urls", help="count: the JSON written by build")
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings.production")
    setup_django()
    if args.command == "build":
        result = build(args)
    else:
        result = count_queries(json.loads(Path(args.urls).read_text())["urls"])
    Path(args.output).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
