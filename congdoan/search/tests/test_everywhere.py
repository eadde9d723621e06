"""The API v2 and the editors' admin search use the same Vietnamese folding as the site."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.documents.models import Document
from wagtail.images.tests.utils import get_test_image_file

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_api_pages_search_is_folded(client, make_article):
    make_article("Công đoàn cơ sở tổ chức hội thao")
    make_article("Hội nghị người lao động")
    response = client.get("/api/v2/pages/", {"search": "cong doan", "type": "news.ArticlePage"})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == [
        "Công đoàn cơ sở tổ chức hội thao"
    ]
    response = client.get("/api/v2/pages/", {"search": "CÔNG ĐÒAN"})
    assert [item["title"] for item in response.json()["items"]] == [
        "Công đoàn cơ sở tổ chức hội thao"
    ]


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "secret-pass")
    client.force_login(user)
    return client


def test_admin_page_search_is_folded(admin_client, make_article):
    make_article("Đại hội Công đoàn ngành Giáo dục")
    make_article("Giải bóng đá công nhân")
    response = admin_client.get("/admin/pages/search/", {"q": "dai hoi cong doan"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đại hội Công đoàn ngành Giáo dục" in html
    assert "Giải bóng đá công nhân" not in html


def test_admin_image_and_document_search_is_folded(admin_client):
    from wagtail.images.models import Image

    Image.objects.create(title="Ảnh hội thao công đoàn", file=get_test_image_file())
    Image.objects.create(title="Ảnh phong cảnh", file=get_test_image_file())
    Document.objects.create(title="Điều lệ Công đoàn Việt Nam")
    Document.objects.create(title="Mẫu đơn xin nghỉ phép")

    html = admin_client.get("/admin/images/", {"q": "hoi thao cong doan"}).content.decode()
    assert "Ảnh hội thao công đoàn" in html and "Ảnh phong cảnh" not in html
    html = admin_client.get("/admin/documents/", {"q": "dieu le"}).content.decode()
    assert "Điều lệ Công đoàn Việt Nam" in html and "Mẫu đơn xin nghỉ phép" not in html
