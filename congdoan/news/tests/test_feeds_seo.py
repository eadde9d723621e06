import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from html.parser import HTMLParser

import feedparser
import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file_jpeg

from congdoan.news.factories import ArticlePageFactory, SectionPageFactory
from congdoan.news.sitemaps import PageSitemap

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]
# Our own server's output, parsed in a test.
parse_xml = ET.fromstring  # noqa: S314
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def cover(db):
    return Image.objects.create(title="Ảnh bìa", file=get_test_image_file_jpeg(size=(1600, 900)))


@pytest.fixture
def news_site(home_page, cover):
    news = SectionPageFactory(parent=home_page, title="Tin tức – Sự kiện")
    nested = SectionPageFactory(parent=news, title="Tin trong tỉnh")
    other = SectionPageFactory(parent=home_page, title="Tin cơ sở")
    article = ArticlePageFactory(
        parent=nested,
        title="Tháng Công nhân 2024: Lắng nghe và chăm lo cho người lao động",
        sapo="LĐLĐ tỉnh phát động Tháng Công nhân năm 2024 với chủ đề đối thoại.",
        published_at=datetime(2024, 5, 1, 0, 30, tzinfo=UTC),
        cover_image=cover,
        cover_alt="Công nhân dự lễ phát động Tháng Công nhân",
        cover_caption="Lễ phát động.",
        author="Hải Yến",
    )
    article.tags.add("Tháng Công nhân")
    article.save_revision().publish()
    elsewhere = ArticlePageFactory(
        parent=other,
        title="Công đoàn cơ sở Công ty Giày Minh Phát tổ chức đối thoại",
        published_at=datetime(2023, 3, 2, 3, 0, tzinfo=UTC),
    )
    return {
        "news": news,
        "nested": nested,
        "other": other,
        "article": article,
        "other_article": elsewhere,
    }


def test_site_feed_lists_articles_newest_first_with_enclosure(client, news_site):
    response = client.get("/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.language == "vi"
    titles = [entry.title for entry in feed.entries]
    assert titles == [news_site["article"].title, news_site["other_article"].title]
    entry = feed.entries[0]
    assert entry.link == "http://testserver" + news_site["article"].url
    assert entry.id == entry.link
    assert entry.summary == news_site["article"].sapo
    assert entry.published_parsed[:5] == (2024, 5, 1, 0, 30)
    assert entry.published.endswith("07:30:00 +0700")
    assert entry.author == "Hải Yến"
    (enclosure,) = entry.enclosures
    assert enclosure.type == "image/jpeg"
    assert enclosure.href.startswith("http://testserver/")
    assert int(enclosure.length) > 0
    image = client.get(enclosure.href.removeprefix("http://testserver"))
    assert image.status_code == 200
    assert not feed.entries[1].get("enclosures")


def test_section_feed_holds_the_section_and_its_subsections_only(client, news_site):
    response = client.get(news_site["news"].url + "rss/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title.startswith("Tin tức – Sự kiện")
    assert [entry.title for entry in feed.entries] == [news_site["article"].title]
    other = feedparser.parse(client.get(news_site["other"].url + "rss/").content)
    assert [entry.title for entry in other.entries] == [news_site["other_article"].title]


def test_section_page_still_lists_and_links_its_feed(client, news_site):
    response = client.get(news_site["news"].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert news_site["article"].title in html
    assert (
        f'type="application/rss+xml" title="Tin tức – Sự kiện" href="{news_site["news"].url}rss/"'
        in html
    )


def test_sitemap_index_points_to_pages_that_list_every_page(client, news_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    index = parse_xml(response.content)
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    locations = [node.text for node in index.findall("sm:sitemap/sm:loc", SITEMAP_NS)]
    assert locations == ["http://testserver/sitemap-pages.xml"]
    assert index.find("sm:sitemap/sm:lastmod", SITEMAP_NS) is not None

    page = parse_xml(client.get("/sitemap-pages.xml").content)
    urls = {
        node.find("sm:loc", SITEMAP_NS).text: node.find("sm:lastmod", SITEMAP_NS)
        for node in page.findall("sm:url", SITEMAP_NS)
    }
    article_url = "http://testserver" + news_site["article"].url
    assert article_url in urls and urls[article_url] is not None
    assert "http://testserver/" in urls
    assert "http://testserver" + news_site["nested"].url in urls
    assert len(urls) == 6  # home, three sections, two articles


def test_sitemap_index_splits_past_the_page_limit(client, news_site, monkeypatch):
    monkeypatch.setattr(PageSitemap, "limit", 4)
    index = parse_xml(client.get("/sitemap.xml").content)
    locations = [node.text for node in index.findall("sm:sitemap/sm:loc", SITEMAP_NS)]
    assert locations == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
    ]
    second = parse_xml(client.get("/sitemap-pages.xml", {"p": 2}).content)
    assert len(second.findall("sm:url", SITEMAP_NS)) == 2
    assert PageSitemap.__dict__["limit"] == 4
    monkeypatch.undo()
    assert PageSitemap.limit == 10_000


def test_draft_and_private_pages_stay_out_of_feeds_and_sitemap(client, news_site):
    draft = ArticlePageFactory(parent=news_site["news"], title="Bản nháp chưa đăng", live=False)
    assert "Bản nháp" not in client.get("/rss/").content.decode()
    assert draft.url_path.split("/")[-2] not in client.get("/sitemap-pages.xml").content.decode()


def test_robots_txt(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.scripts, self._in_ld = {}, [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, attrs.get("content"))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True

    def handle_endtag(self, tag):
        self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.scripts.append(data)


def parse_head(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def test_article_has_canonical_open_graph_twitter_and_json_ld(client, news_site):
    article = news_site["article"]
    response = client.get(article.url)
    assert response.status_code == 200
    head = parse_head(response)
    canonical = "http://testserver" + article.url
    assert {"rel": "canonical", "href": canonical} in head.links
    assert any(
        link.get("rel") == "alternate" and link.get("href") == "/rss/" for link in head.links
    )
    assert head.meta["og:type"] == "article"
    assert head.meta["og:title"] == article.title
    assert head.meta["og:url"] == canonical
    assert head.meta["og:description"] == article.sapo
    assert head.meta["og:locale"] == "vi_VN"
    assert head.meta["og:image"].startswith("http://testserver/")
    assert (head.meta["og:image:width"], head.meta["og:image:height"]) == ("1200", "630")
    assert head.meta["og:image:alt"] == article.cover_alt
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["twitter:image"] == head.meta["og:image"]
    assert head.meta["article:published_time"] == "2024-05-01T07:30:00+07:00"
    image = client.get(head.meta["og:image"].removeprefix("http://testserver"))
    assert image.status_code == 200

    (script,) = head.scripts
    data = json.loads(script)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["datePublished"] == "2024-05-01T07:30:00+07:00"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+07:00", data["dateModified"])
    assert data["image"]["url"] == head.meta["og:image"]
    assert data["author"] == {"@type": "Person", "name": "Hải Yến"}
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["logo"]["url"].startswith("http://testserver/")
    assert data["mainEntityOfPage"]["@id"] == canonical
    assert data["keywords"] == ["Tháng Công nhân"]


def test_json_ld_cannot_break_out_of_its_script(client, news_site):
    article = news_site["other_article"]
    article.title = "Bài </script><script>alert(1)</script> & “trích dẫn”"
    article.save_revision().publish()
    response = client.get(article.url)
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    (script,) = parse_head(response).scripts
    assert json.loads(script)["headline"] == article.title


def test_section_and_home_pages_have_canonical_and_website_type(client, news_site):
    head = parse_head(client.get(news_site["news"].url, {"page": "2"}))
    assert {
        "rel": "canonical",
        "href": f"http://testserver{news_site['news'].url}?page=2",
    } in head.links
    assert head.meta["og:type"] == "website"
    assert head.meta["twitter:card"] == "summary"
    home = parse_head(client.get("/"))
    assert {"rel": "canonical", "href": "http://testserver/"} in home.links
    assert not home.scripts


def test_site_feed_query_count_does_not_grow_with_articles(client, news_site, cover):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/rss/")  # renditions are created on the first request
    with CaptureQueriesContext(connection) as few:
        client.get("/rss/")
    for number in range(5):
        ArticlePageFactory(
            parent=news_site["other"],
            title=f"Bài có ảnh {number}",
            cover_image=cover,
            cover_alt="Ảnh",
        )
    client.get("/rss/")
    with CaptureQueriesContext(connection) as many:
        response = client.get("/rss/")
    assert len(feedparser.parse(response.content).entries) == 7
    assert len(many) == len(few)
