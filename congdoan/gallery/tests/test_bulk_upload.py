import struct
import zlib

import pytest
import requests
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from wagtail.images.models import Image
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from congdoan.core.factories import jpeg_bytes
from congdoan.gallery.models import AlbumPage


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims huge dimensions: a decompression bomb as far as a reader can tell."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@example.vn", "password")
    client.force_login(user)
    return client


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.mark.django_db
def test_bulk_upload_appends_good_photos_in_name_order_and_lists_refusals(admin_client, album):
    url = f"/admin/gallery/albums/{album.pk}/upload/"
    page = admin_client.get(url)
    assert page.status_code == 200
    form = BeautifulSoup(page.content, "html.parser")
    file_input = form.select_one("input[type=file][data-file-input]")
    assert file_input.has_attr("multiple") and form.select_one("[data-drop-zone]")

    valid = jpeg_bytes(40, 30)
    images_before = Image.objects.count()
    response = admin_client.post(
        url,
        {
            "photographer": "Thu Hà",
            "photos": [
                upload("IMG_10.jpg", valid),
                upload("IMG_2.jpg", valid),
                upload("hong.jpg", valid[: len(valid) // 2]),
                upload("bom.png", png_header_only(50_000, 50_000), "image/png"),
                upload("ghi-chu.jpg", b"day khong phai la anh"),
                upload("IMG_1.jpg", valid),
            ],
        },
    )
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ")
    assert "3 ảnh đã được thêm" in text
    refused = BeautifulSoup(response.content, "html.parser").select(".bulk-upload-refused li")
    reasons = {li.strong.get_text(): li.get_text() for li in refused}
    assert set(reasons) == {"hong.jpg", "bom.png", "ghi-chu.jpg"}
    assert "hỏng" in reasons["hong.jpg"]
    assert "bom giải nén" in reasons["bom.png"]
    assert "không phải là ảnh" in reasons["ghi-chu.jpg"]
    assert Image.objects.count() == images_before + 3

    album.refresh_from_db()
    draft = album.get_latest_revision_as_object()
    photos = list(draft.photos.all())
    assert len(photos) == 6
    new = photos[3:]
    assert [photo.alt_text for photo in new] == [f"{album.title} – ảnh {n}" for n in (4, 5, 6)]
    assert all(photo.caption == "" and photo.photographer == "Thu Hà" for photo in new)
    assert [photo.image.title for photo in new] == [f"{album.title} – ảnh {n}" for n in (4, 5, 6)]
    assert album.has_unpublished_changes
    assert album.photos.count() == 3  # live album untouched until the editor publishes


@pytest.mark.django_db
@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=10_000)
def test_an_image_over_the_pixel_limit_is_refused(admin_client, album):
    response = admin_client.post(
        f"/admin/gallery/albums/{album.pk}/upload/",
        {
            "photos": [
                upload("lon.jpg", jpeg_bytes(200, 100)),
                upload("nho.jpg", jpeg_bytes(50, 50)),
            ]
        },
    )
    refused = BeautifulSoup(response.content, "html.parser").select(".bulk-upload-refused li")
    assert len(refused) == 1
    assert "lon.jpg" in refused[0].get_text()
    assert "200×100" in refused[0].get_text() and "điểm ảnh" in refused[0].get_text()
    album.refresh_from_db()
    assert len(album.get_latest_revision_as_object().photos.all()) == 4


@pytest.mark.django_db
def test_bulk_upload_needs_edit_permission(client, album):
    user = get_user_model().objects.create_user("reader", "r@example.vn", "password")
    client.force_login(user)
    response = client.get(f"/admin/gallery/albums/{album.pk}/upload/")
    assert response.status_code in {302, 403}


@pytest.fixture
def album_editor(django_user_model, home_page):
    """Someone who may edit and publish pages under the home page, with no right on images."""
    group = Group.objects.create(name="Album editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=home_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user = django_user_model.objects.create_user("album", "album@example.vn", "mat-khau")
    user.groups.add(group)
    return user


def allow_adding_images(user, collection):
    GroupCollectionPermission.objects.create(
        group=user.groups.get(),
        collection=collection,
        permission=Permission.objects.get(
            content_type__app_label="wagtailimages", codename="add_image"
        ),
    )


@pytest.mark.django_db
def test_an_editor_without_the_right_to_add_images_is_refused(client, album, album_editor):
    client.force_login(album_editor)
    url = f"/admin/gallery/albums/{album.pk}/upload/"
    images_before = Image.objects.count()
    page = client.get(url)
    assert page.status_code == 403
    assert "Bạn không có quyền thêm ảnh" in page.content.decode()
    response = client.post(url, {"photos": [upload("IMG_1.jpg", jpeg_bytes(40, 30))]})
    assert response.status_code == 403
    assert Image.objects.count() == images_before
    album.refresh_from_db()
    assert len(album.get_latest_revision_as_object().photos.all()) == 3


@pytest.mark.django_db
def test_an_editor_adds_photos_only_to_a_collection_they_may_add_to(client, album, album_editor):
    root = Collection.get_first_root_node()
    events = root.add_child(name="Ảnh hoạt động")
    allow_adding_images(album_editor, events)
    client.force_login(album_editor)
    url = f"/admin/gallery/albums/{album.pk}/upload/"
    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert page.select_one("select[name=collection]") is None  # only one choice: no chooser

    response = client.post(
        url,
        {
            "collection": str(root.pk),  # not theirs: the upload goes to the one they may use
            "photos": [upload("IMG_2.jpg", jpeg_bytes(40, 30)), upload("IMG_1.jpg", jpeg_bytes())],
        },
    )
    assert response.status_code == 200
    assert "2 ảnh đã được thêm" in BeautifulSoup(response.content, "html.parser").get_text(" ")
    album.refresh_from_db()
    new = list(album.get_latest_revision_as_object().photos.all())[3:]
    assert [photo.image.title for photo in new] == [f"{album.title} – ảnh {n}" for n in (4, 5)]
    assert all(photo.image.collection_id == events.pk for photo in new)
    assert all(photo.image.uploaded_by_user == album_editor for photo in new)
    # IMG_1 (64×48) before IMG_2 (40×30); size, hash and dimensions filled in by Wagtail's form.
    assert [(photo.image.width, photo.image.height) for photo in new] == [(64, 48), (40, 30)]
    assert all(photo.image.file_size and photo.image.file_hash for photo in new)


@pytest.mark.django_db
def test_a_superuser_chooses_the_collection(admin_client, album):
    root = Collection.get_first_root_node()
    events = root.add_child(name="Ảnh hoạt động")
    url = f"/admin/gallery/albums/{album.pk}/upload/"
    chooser = BeautifulSoup(admin_client.get(url).content, "html.parser").select_one(
        "select[name=collection]"
    )
    assert [option["value"] for option in chooser.select("option")] == [
        str(root.pk),
        str(events.pk),
    ]
    response = admin_client.post(
        url, {"collection": str(events.pk), "photos": [upload("IMG_1.jpg", jpeg_bytes(40, 30))]}
    )
    assert response.status_code == 200
    assert Image.objects.order_by("pk").last().collection_id == events.pk


def live_session(live_server, user) -> requests.Session:
    """A requests session of `user` on the running portal, with its CSRF cookie."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set("sessionid", client.cookies["sessionid"].value)
    return session


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_running_portal_refuses_then_accepts_once_the_right_is_given(
    live_server, album, album_editor
):
    url = f"{live_server.url}/admin/gallery/albums/{album.pk}/upload/"
    session = live_session(live_server, album_editor)
    refused = session.get(url, timeout=30, allow_redirects=False)
    assert refused.status_code == 403
    assert "Bạn không có quyền thêm ảnh" in refused.text

    allow_adding_images(album_editor, Collection.get_first_root_node())
    form_page = session.get(url, timeout=30, allow_redirects=False)
    assert form_page.status_code == 200
    form = BeautifulSoup(form_page.text, "html.parser")
    token = form.select_one("form[data-bulk-upload] input[name=csrfmiddlewaretoken]")["value"]
    response = session.post(
        url,
        data={"csrfmiddlewaretoken": token, "photographer": "Thu Hà"},
        files=[
            ("photos", ("IMG_10.jpg", jpeg_bytes(40, 30), "image/jpeg")),
            ("photos", ("IMG_9.jpg", jpeg_bytes(64, 48), "image/jpeg")),
        ],
        headers={"Referer": url},
        timeout=60,
        allow_redirects=False,
    )
    assert response.status_code == 200
    assert "2 ảnh đã được thêm vào album (bản nháp)." in response.text
    new = list(AlbumPage.objects.get(pk=album.pk).get_latest_revision_as_object().photos.all())[3:]
    assert [(photo.image.width, photo.image.height) for photo in new] == [(64, 48), (40, 30)]
