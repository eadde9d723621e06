from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congdoan.core.factories import make_image
from congdoan.gallery.models.album_index_page import ALBUMS_PER_PAGE

from .conftest import add_album


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_album_index_is_at_anh_hoat_dong_newest_event_first_and_paginated(client, album_index):
    image = make_image()
    for day in range(1, ALBUMS_PER_PAGE + 3):
        add_album(album_index, 1, image=image, event_date=date(2024, 1, day), title=f"Album {day}")
    first = soup(client.get("/anh-hoat-dong/"))
    titles = [a.get_text(strip=True) for a in first.select(".card-title a")]
    assert titles[0] == f"Album {ALBUMS_PER_PAGE + 2}"
    assert len(titles) == ALBUMS_PER_PAGE
    assert titles == sorted(titles, key=lambda t: -int(t.split()[-1]))
    second = soup(client.get("/anh-hoat-dong/?page=2"))
    assert [a.get_text(strip=True) for a in second.select(".card-title a")] == [
        "Album 2",
        "Album 1",
    ]
    assert client.get("/anh-hoat-dong/?page=99").status_code == 200


@pytest.mark.django_db
def test_photos_keep_the_editors_order(client, album):
    page = album.get_latest_revision_as_object()
    photos = list(page.photos.all())
    photos.reverse()
    for position, photo in enumerate(photos):
        photo.sort_order = position
    page.photos = photos
    page.save_revision().publish()
    html = soup(client.get(album.url))
    alts = [a["data-alt"] for a in html.select("[data-lightbox-item]")]
    assert alts == ["Mô tả ảnh 3", "Mô tả ảnh 2", "Mô tả ảnh 1"]


@pytest.mark.django_db
def test_lightbox_markup_and_no_js_links(client, album):
    html = soup(client.get(album.url))
    dialog = html.select_one("[data-lightbox]")
    assert dialog["role"] == "dialog"
    assert dialog["aria-modal"] == "true"
    assert dialog.has_attr("hidden")
    assert dialog.select_one("[data-lightbox-prev]")["aria-label"]
    assert dialog.select_one("[data-lightbox-next]")["aria-label"]
    assert dialog.select_one("[data-lightbox-close]")["aria-label"]
    links = html.select("[data-lightbox-item]")
    assert [link["href"] for link in links] == [f"{album.url}anh/{n}/" for n in (1, 2, 3)]
    assert links[0]["data-caption"] == "Chú thích ảnh 1"
    assert ".webp" in links[0]["data-webp"]
    assert html.find("script", src=lambda src: src and "lightbox.js" in src)

    second = soup(client.get(f"{album.url}anh/2/"))
    assert "Chú thích ảnh 2" in second.get_text()
    assert second.select_one("a[rel=prev]")["href"] == f"{album.url}anh/1/"
    assert second.select_one("a[rel=next]")["href"] == f"{album.url}anh/3/"
    assert second.select_one("figure img")["alt"] == "Mô tả ảnh 2"
    assert client.get(f"{album.url}anh/4/").status_code == 404
    assert client.get(f"{album.url}anh/0/").status_code == 404


@pytest.mark.postgres
@pytest.mark.django_db
def test_album_page_queries_do_not_grow_with_photos(client, album_index):
    images = [make_image(f"Ảnh {n}", 8, 8) for n in range(20)]
    # One cover for both: each page's sidebar shows the other album (never the one viewed).
    small = add_album(album_index, 10, image=images[0], title="Album nhỏ")
    big = add_album(album_index, 0, title="Album lớn", cover_image=images[0])
    page = big.get_latest_revision_as_object()
    from congdoan.gallery.models import AlbumPhoto

    page.photos = [
        AlbumPhoto(image=images[n % 20], alt_text=f"Ảnh {n}", sort_order=n) for n in range(200)
    ]
    page.save_revision().publish()

    def count(url):
        client.get(url)  # warm caches shared by every page (site, settings)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response

    small_queries, _ = count(small.url)
    big_queries, response = count(big.url)
    assert len(soup(response).select("[data-lightbox-item]")) == 200
    assert big_queries == small_queries


@pytest.mark.django_db
def test_album_page_sidebar_lists_other_albums_not_itself(client, album_index):
    older = add_album(album_index, 1, event_date=date(2024, 3, 1), title="Hội thao")
    viewed = add_album(album_index, 1, event_date=date(2024, 6, 1), title="Đại hội")

    def sidebar_albums(page):
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        return [span.text for span in soup.select("aside .widget-albums li span")]

    assert sidebar_albums(viewed) == ["Hội thao"]
    assert sidebar_albums(older) == ["Đại hội"]
