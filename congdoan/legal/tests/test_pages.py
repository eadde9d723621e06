import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from congdoan.legal.factories import (
    AreaFactory,
    DocumentTypeFactory,
    IssuerFactory,
    LegalDocumentFactory,
)
from congdoan.legal.models import LegalDocument, LegalDocumentFile, code_key
from congdoan.tests.realistic_site import warm_queries

pytestmark = pytest.mark.django_db


def bulk_documents(count):
    """`count` documents in one insert, with areas, as a big library would have."""
    document_type = DocumentTypeFactory(name="Quyết định")
    issuer = IssuerFactory(name="Tổng Liên đoàn Lao động Việt Nam")
    area = AreaFactory(name="Công đoàn")
    documents = []
    for number in range(count):
        code = f"{number + 1}/QĐ-TLĐ"
        documents.append(
            LegalDocument(
                code=code,
                code_key=code_key(code),
                slug=f"quyet-dinh-{number + 1}-qd-tld",
                document_type=document_type,
                issuer=issuer,
                summary=f"Quyết định số {number + 1} về công tác công đoàn",
                issued_on=datetime.date(2000, 1, 1) + datetime.timedelta(days=number),
            )
        )
    created = LegalDocument.objects.bulk_create(documents)
    # A bulk insert skips the signals: index them as an import does.
    get_search_backend().add_bulk(LegalDocument, created)
    through = LegalDocument.areas.through
    through.objects.bulk_create(
        [through(legaldocument_id=document.pk, area_id=area.pk) for document in created]
    )
    return created


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.postgres
def test_list_and_detail_take_a_fixed_number_of_queries(client, home_page):
    small = bulk_documents(20)
    urls = lambda document: [  # noqa: E731
        "/van-ban/",
        "/van-ban/?q=cong+doan&type=quyet-dinh&area=cong-doan&status=in_force",
        "/van-ban/?page=2",
        document.get_absolute_url(),
    ]
    for url in urls(small[0]):
        client.get(url)  # warm the caches
    at_20 = [count_queries(client, url) for url in urls(small[0])]
    LegalDocument.objects.all().delete()
    large = bulk_documents(2000)
    for url in urls(large[0]):
        client.get(url)
    at_2000 = [count_queries(client, url) for url in urls(large[0])]
    # Growing the library a hundredfold adds no query to any page.
    assert all(
        large_count <= small_count for large_count, small_count in zip(at_2000, at_20, strict=True)
    ), (at_20, at_2000)
    # The bound includes the base page: settings, menu and every sidebar block.
    assert max(at_2000) <= 25


def test_list_with_2000_documents_within_query_budget(client, home_page):
    bulk_documents(2000)
    # Side data warm (settings, menu, side blocks, hotlines, English link: cached per content
    # generation behind the page cache, as in production), only the list itself read.
    # 11: one of them asks whether whole words match (else the last word is read as a prefix).
    measured = warm_queries(client, "/van-ban/?q=cong+doan&area=cong-doan")
    assert measured.count <= 11, measured.sql
    response = measured.response
    assert response.context["page_obj"].paginator.count == 2000
    assert len(response.context["documents"]) == 20


def test_detail_page_shows_every_field_preview_and_links(client, home_page, pdf_bytes):
    old = LegalDocumentFactory(code="12/2012/QH13", summary="Luật Công đoàn", is_replaced=True)
    related = LegalDocumentFactory(code="02-NQ/TW", summary="Về đổi mới tổ chức")
    document = LegalDocumentFactory(
        code="50/2024/QH15",
        summary="Luật Công đoàn",
        signer="Trần Thanh Mẫn",
        issued_on=datetime.date(2024, 11, 27),
        effective_on=datetime.date(2025, 7, 1),
        areas=[AreaFactory(name="Tài chính công đoàn", parent=AreaFactory(name="Công đoàn"))],
    )
    document.replaces.add(old)
    document.related_documents.add(related)
    item = LegalDocumentFile(title="Toàn văn")
    item.file.save("luat.pdf", ContentFile(pdf_bytes), save=False)
    document.files.add(item)
    document.save()
    content = client.get(document.get_absolute_url()).content.decode()
    for text in (
        "50/2024/QH15",
        "Trần Thanh Mẫn",
        "27/11/2024",
        "01/07/2025",
        "Công đoàn › Tài chính công đoàn",
        "Số ký hiệu",
        "Người ký",
        "Thay thế văn bản",
        old.get_absolute_url(),
        "Văn bản liên quan",
        related.get_absolute_url(),
        'type="application/pdf"',
        document.files.get().get_download_url(),
    ):
        assert text in content, text
    # Related both ways; replaced-by on the old one.
    assert document.get_absolute_url() in client.get(related.get_absolute_url()).content.decode()
    old_page = client.get(old.get_absolute_url()).content.decode()
    assert "Được thay thế bởi" in old_page
    assert "Đã bị thay thế" in old_page


def test_wrong_slug_redirects_to_the_canonical_address(client, home_page):
    document = LegalDocumentFactory(code="02-NQ/TW")
    response = client.get(f"/van-ban/{document.pk}-sai-duong-dan/")
    assert response.status_code == 301
    assert response["Location"] == document.get_absolute_url()
    assert document.get_absolute_url().endswith("-nq-tw/")


def test_downloads_are_counted(client, home_page, pdf_bytes):
    """Views are counted by the visitor beacon (test_view_count.py), not by the page's GET."""
    document = LegalDocumentFactory()
    item = LegalDocumentFile()
    item.file.save("a.pdf", ContentFile(pdf_bytes), save=False)
    document.files.add(item)
    document.save()
    client.get(document.get_absolute_url())
    client.get(document.get_absolute_url())
    response = client.get(document.files.get().get_download_url())
    assert response.status_code == 302
    assert response["Location"] == document.files.get().file.url
    document.refresh_from_db()
    assert (document.view_count, document.download_count) == (0, 1)
    assert document.files.get().download_count == 1


def test_latest_documents_widget_on_every_page_in_one_cached_query(
    client, home_page, django_assert_num_queries
):
    from django.template import Context, Template

    for day in range(1, 8):
        LegalDocumentFactory(code=f"{day}/TB-LĐLĐ", issued_on=datetime.date(2025, 1, day))
    template = Template("{% include 'legal/latest_documents.html' %}")
    with django_assert_num_queries(1):
        html = template.render(Context({}))
    with django_assert_num_queries(0):
        template.render(Context({}))
    assert "Văn bản mới" in html
    assert html.index("7/TB-LĐLĐ") < html.index("3/TB-LĐLĐ")
    assert "2/TB-LĐLĐ" not in html
    home = client.get("/").content.decode()
    assert "Văn bản mới" in home and "7/TB-LĐLĐ" in home
    # A new document shows at once: saving drops the cache.
    LegalDocumentFactory(code="9/TB-LĐLĐ", issued_on=datetime.date(2025, 2, 1))
    assert "9/TB-LĐLĐ" in template.render(Context({}))


def test_main_menu_links_the_library(client, home_page):
    html = client.get("/").content.decode()

    menu = html[html.index('class="main-nav"') :]
    menu = menu[: menu.index("</nav>")]
    assert '<a href="/van-ban/">Văn bản</a>' in menu
    assert (
        '<a href="/van-ban/" aria-current="page">Văn bản</a>'
        in client.get("/van-ban/").content.decode()
    )
