"""Hypothesis on the public inputs not already fuzzed in `search/tests/test_bad_input.py`.

Each endpoint answers only from an explicit set of statuses (never 500); forms that refuse
answer in Vietnamese; a refusal writes nothing (row counts unchanged).

- section `?page=`: 200 (a bad page number shows the first or last page) or 404;
- legal document list filters and `page`: 200, or 400 with the form's Vietnamese errors;
- *Gửi bài viết* (send an article by email): 200 (sent, or the form again with its errors);
- visitor beacon `POST /api/visitors/hit`: 204 always (a bad field is simply not counted);
- CSP report `POST /csp-report/`: 204 (logged) or 400 (not a report) or 413 (too big);
- *Gửi tin* `/gui-tin/` (signed-in contributor): 302 (sent) or 400 with Vietnamese errors;
- feeds (`/rss/`, the section feed, the sitemaps): 200 or 404 for any query string.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from congdoan.legal.models import LegalDocument
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory
from congdoan.news.models import ArticlePage, ArticleSendLog
from congdoan.newsroom.models import NewsroomSettings

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))

NASTY = [
    "",
    " ",
    "x" * 10_001,
    "Công đoàn cơ sở " * 800,
    "\x00",
    "công\x00đoàn",
    "a\r\nBcc: x@example.com",
    "\r\n\r\n",
    "\u202eRTL\u202c",
    "כתובת عربي",
    "e\u0301\u0301\u0301\u0301",
    "\\ud800",
    "%ED%A0%80",
    "-1",
    "0",
    "9" * 40,
    "1e308",
    "NaN",
    "31/02/2026",
    "<script>alert(1)</script>",
    "'; DROP TABLE x; --",
]
text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=200),
    st.text(alphabet="đĐăâêôơưáàảãạếềểễệ \t\r\n\x00\x0b\u0301\u200b", max_size=400),
)
number_text = st.one_of(st.integers(-(2**70), 2**70).map(str), st.sampled_from(NASTY))


def errors_are_vietnamese(response):
    html = response.content.decode()
    assert 'class="errorlist' in html
    # Django's English defaults would say "This field is required." or "Enter a valid ...".
    assert "This field" not in html and "Enter a valid" not in html


@pytest.fixture
def section(home_page):
    section = SectionPageFactory(parent=home_page, title="Hoạt động công đoàn")
    for number in range(3):
        ArticlePageFactory(parent=section, title=f"Hội nghị người lao động số {number}")
    return section


@pytest.mark.django_db
@FUZZ
@given(page=number_text)
def test_section_page_number(client, section, page):
    response = client.get(section.url, {"page": page})
    assert response.status_code in {200, 404}


@pytest.mark.django_db
@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(
            ["q", "type", "issuer", "area", "signer", "issued_from", "issued_to", "status", "page"]
        ),
        text,
        max_size=5,
    )
)
def test_legal_document_list_filters(client, home_page, params):
    response = client.get("/van-ban/", params)
    assert response.status_code in {200, 400}
    if response.status_code == 400:
        errors_are_vietnamese(response)
    assert not LegalDocument.objects.exists()


@pytest.mark.django_db
@FUZZ
@given(
    fields=st.fixed_dictionaries(
        {"recipient": text, "sender_name": text, "message": text, "website": st.just("")}
    )
)
def test_send_article_form(client, section, fields):
    article = ArticlePage.objects.live().first()
    logged = ArticleSendLog.objects.count()
    response = client.post(
        article.url + article.reverse_subpage("send"), fields, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code in {200, 302}
    if response.status_code == 200 and 'class="errorlist' in response.content.decode():
        errors_are_vietnamese(response)
        assert ArticleSendLog.objects.count() == logged


@pytest.mark.django_db
@FUZZ
@given(body=st.dictionaries(st.sampled_from(["page", "cid", "item"]), text, max_size=3))
def test_visitor_beacon(client, home_page, body):
    assert client.post("/api/visitors/hit", body).status_code == 204


@pytest.mark.django_db
@FUZZ
@given(
    body=st.one_of(
        st.binary(max_size=300),
        text.map(str.encode),
        st.recursive(
            st.none() | st.booleans() | st.integers() | text,
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
            max_leaves=8,
        ).map(lambda value: __import__("json").dumps({"csp-report": value}).encode()),
    )
)
def test_csp_report_body(client, body):
    cache.clear()  # every example within the per-address rate limit, so the body is what is judged
    response = client.post(
        "/csp-report/", body, content_type="application/csp-report", REMOTE_ADDR="198.51.100.4"
    )
    assert response.status_code in {204, 400, 413}


@pytest.fixture
def contributor(client, home_page, django_user_model):
    section = SectionPageFactory(parent=home_page, title="Tin cơ sở")
    newsroom_settings = NewsroomSettings.load()
    newsroom_settings.member_news_section = section
    newsroom_settings.save()
    user = django_user_model.objects.create_user("ctv", "ctv@example.vn", "mat-khau-dai-123")
    user.groups.add(Group.objects.get(role__code="contributor"))
    client.force_login(user)
    return user


@pytest.mark.django_db
@FUZZ
@given(
    fields=st.fixed_dictionaries(
        {"title": text, "sapo": text, "body": text, "unit_name": text, "alt_1": text}
    )
)
def test_member_submission_fields(client, contributor, fields):
    pages = Page.objects.count()
    response = client.post("/gui-tin/", fields)
    assert response.status_code in {302, 400}
    if response.status_code == 400:
        errors_are_vietnamese(response)
        assert Page.objects.count() == pages


@pytest.mark.django_db
@FUZZ
@given(
    path=st.sampled_from(
        ["/rss/", "/sitemap.xml", "/sitemap-news.xml", "/hoat-dong-cong-doan/rss/"]
    ),
    params=st.dictionaries(st.sampled_from(["page", "p", "q", "format"]), text, max_size=2),
)
def test_feeds(client, section, path, params):
    assert client.get(path, params).status_code in {200, 404}
