"""The demo Q&A: published answers that cite the demo library, waiting questions kept private."""

import io

import pytest

from congdoan.legal.factories import LegalDocumentFactory
from congdoan.questions import demo
from congdoan.questions.models import LegalQuestion

pytestmark = pytest.mark.django_db


def test_demo_answers_are_published_in_the_menu_and_cite_documents(client, home_page):
    labour_code = LegalDocumentFactory(code="45/2019/QH14", summary="Bộ luật Lao động")
    demo.load(io.StringIO())
    demo.load(io.StringIO())  # idempotent
    assert LegalQuestion.objects.published().count() == len(demo.PUBLISHED)
    assert LegalQuestion.objects.count() == len(demo.PUBLISHED) + len(demo.WAITING)
    home = client.get("/").content.decode()
    assert 'href="/hoi-dap-phap-luat/"' in home
    maternity = LegalQuestion.objects.get(title__startswith="Lao động nữ sinh con")
    page = client.get(f"/hoi-dap-phap-luat/{maternity.pk}/").content.decode()
    assert f'href="{labour_code.get_absolute_url()}"' in page
    listing = client.get("/hoi-dap-phap-luat/").content.decode()
    for data in demo.WAITING:
        assert data["question"] not in listing
        assert data["email"] not in listing
