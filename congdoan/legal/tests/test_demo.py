import io

import pytest
from django.core.management import call_command

from congdoan.legal.models import DocumentCitation, ExtractionStatus, LegalDocument

pytestmark = pytest.mark.django_db


def test_demo_site_finds_the_resolution_first_and_links_the_seed_article(client):
    call_command("load_demo", stdout=io.StringIO())
    assert LegalDocument.objects.count() >= 15
    resolution = LegalDocument.objects.get(code="02-NQ/TW")
    assert resolution.issuer.name == "Bộ Chính trị"
    assert resolution.issued_on.isoformat() == "2021-06-12"
    assert resolution.extraction_status == ExtractionStatus.DONE
    for code in ("50/2024/QH15", "45/2019/QH14", "12/2022/NĐ-CP"):
        assert LegalDocument.objects.filter(code=code).exists()

    response = client.get("/van-ban/?q=02-nq/tw")
    assert response.context["documents"][0] == resolution

    citation = DocumentCitation.objects.get(document=resolution)
    article_page = client.get(citation.page.url).content.decode()
    assert f'href="{resolution.get_absolute_url()}"' in article_page
    assert citation.page.title in client.get(resolution.get_absolute_url()).content.decode()

    draft = LegalDocument.objects.open_for_comments().get()
    assert draft.draft_comments.count() == 3
    assert draft.draft_comments.approved().count() == 1
    drafts = client.get("/van-ban/du-thao/").content.decode()
    assert draft.summary in drafts
    assert 'action="/van-ban/' in client.get(draft.get_absolute_url()).content.decode()

    counts = (LegalDocument.objects.count(), DocumentCitation.objects.count())
    citation_ids = list(DocumentCitation.objects.values_list("pk", flat=True))
    call_command("load_demo", stdout=io.StringIO())
    assert (LegalDocument.objects.count(), DocumentCitation.objects.count()) == counts
    assert list(DocumentCitation.objects.values_list("pk", flat=True)) == citation_ids
