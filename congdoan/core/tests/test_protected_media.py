"""Files of restricted collections are reachable only through a view that checks the restriction."""

import http.client
import mimetypes
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test.testcases import _MediaFilesHandler
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.utils import sendfile as wagtail_sendfile

from congdoan.core.s3_storage import ProtectedFoldersS3Storage

PDF = b"%PDF-1.4\n% a small test file\n"
PASSWORD = "mat-khau-noi-bo"  # noqa: S105 - a test collection's password


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node()


@pytest.fixture
def private_collection(root_collection):
    collection = root_collection.add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    return collection


def make_document(name, collection, content=PDF):
    return get_document_model().objects.create(
        title=name, file=ContentFile(content, name=name), collection=collection
    )


@pytest.fixture
def private_document(private_collection):
    return make_document("bien-ban-hop.pdf", private_collection)


@pytest.fixture
def public_document(root_collection):
    return make_document("dieu-le.pdf", root_collection)


def media_url(name):
    return f"/media/{name}"


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_private_document_file_is_404_under_every_spelling(client, private_document):
    name = private_document.file.name
    assert name.startswith("documents/")
    filename = name.removeprefix("documents/")
    for path in [
        media_url(name),
        f"/media//documents/{filename}",
        f"/media/images/../documents/{filename}",
        f"/media/./documents/{filename}",
    ]:
        assert client.get(path).status_code == 404, path
        assert client.head(path).status_code == 404, path


def test_private_document_view_still_asks_for_the_password(client, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert b'name="password"' in response.content
    assert PDF not in response.content


def test_private_document_file_is_served_once_the_password_is_given(client, private_document):
    restriction = private_document.collection.get_view_restrictions()[0]
    passed = client.post(
        f"/documents/authenticate_with_password/{restriction.id}/",
        {"password": PASSWORD, "return_url": private_document.url},
    )
    assert passed.status_code == 302
    response = client.get(media_url(private_document.file.name))
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Cache-Control"] == "private, no-store"
    assert body(client.get(private_document.url)) == PDF


def test_login_and_group_restrictions_apply_to_the_file(client, django_user_model, root_collection):
    members = Group.objects.create(name="Ban chấp hành")
    collection = root_collection.add_child(name="Ban chấp hành")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(members)
    document = make_document("nghi-quyet.pdf", collection)
    url = media_url(document.file.name)
    outsider = django_user_model.objects.create_user("ngoai", password="x")
    member = django_user_model.objects.create_user("uyvien", password="x")
    member.groups.add(members)

    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(member)
    assert body(client.get(url)) == PDF


def test_public_document_still_downloads_and_answers_head(client, public_document):
    url = media_url(public_document.file.name)
    response = client.get(url)
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    # Revalidated every time: the document may be moved to a private collection tomorrow.
    assert response["Cache-Control"] == "public, no-cache"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    head = client.head(url)
    assert head.status_code == 200
    assert head["Content-Length"] == str(len(PDF))
    assert body(head) == b""
    served = client.get(public_document.url)
    assert served.status_code == 200 and body(served) == PDF


def test_a_file_in_a_protected_folder_without_an_owner_is_404(client, db):
    name = default_storage.save("documents/mo-coi.pdf", ContentFile(PDF))
    assert client.get(media_url(name)).status_code == 404
    name = default_storage.save("original_images/mo-coi.png", ContentFile(b"x"))
    assert client.get(media_url(name)).status_code == 404


def test_original_of_a_private_image_is_404_but_its_renditions_are_served(
    client, private_collection, root_collection
):
    private = wagtail_factories.ImageFactory(collection=private_collection)
    assert private.file.name.startswith("original_images/")
    assert client.get(media_url(private.file.name)).status_code == 404
    rendition = private.get_rendition("fill-20x20")
    shown = client.get(rendition.url)
    assert shown.status_code == 200
    assert shown["Content-Type"] == mimetypes.guess_type(rendition.file.name)[0]

    public = wagtail_factories.ImageFactory(collection=root_collection)
    original = client.get(media_url(public.file.name))
    assert original.status_code == 200
    assert body(original) == public.file.open("rb").read()


def test_range_requests_under_media_still_work(client, db):
    data = bytes(range(256)) * 8
    name = default_storage.save("videos/2026/11/thu.mp4", ContentFile(data))
    partial = client.get(media_url(name), HTTP_RANGE="bytes=100-199")
    assert partial.status_code == 206
    assert partial["Content-Range"] == f"bytes 100-199/{len(data)}"
    assert body(partial) == data[100:200]
    assert client.head(media_url(name)).status_code == 200


def test_document_pdf_may_be_framed_by_the_site_only(client, public_document, home_page):
    assert client.get(media_url(public_document.file.name))["X-Frame-Options"] == "SAMEORIGIN"
    assert client.get(public_document.url)["X-Frame-Options"] == "SAMEORIGIN"
    image = wagtail_factories.ImageFactory()
    assert client.get(media_url(image.file.name))["X-Frame-Options"] == "DENY"
    assert client.get("/")["X-Frame-Options"] == "DENY"


@pytest.fixture
def behind_nginx(settings):
    """Settings of the deploy/ nginx setup: X-Accel-Redirect to its internal location."""
    settings.MEDIA_ACCEL_REDIRECT_LOCATION = "/internal-media/"
    settings.SENDFILE_BACKEND = "congdoan.core.media"
    wagtail_sendfile._get_sendfile.clear()
    yield
    wagtail_sendfile._get_sendfile.clear()


def test_behind_nginx_the_checked_file_is_handed_over_with_x_accel_redirect(
    client, behind_nginx, public_document, private_document
):
    response = client.get(media_url(public_document.file.name))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/internal-media/{public_document.file.name}"
    assert response["Content-Type"] == "application/pdf"
    assert response.content == b""
    assert client.get(media_url(private_document.file.name)).status_code == 404

    served = client.get(public_document.url)
    assert served["X-Accel-Redirect"] == f"/internal-media/{public_document.file.name}"
    assert served["Content-Disposition"] == f'inline; filename="{public_document.filename}"'
    assert served.content == b""
    assert b'name="password"' in client.get(private_document.url).content


@pytest.fixture
def s3_media(settings):
    """Media in an S3 bucket: URLs and signatures are computed offline, no request is made."""
    settings.AWS_STORAGE_BUCKET_NAME = "congdoan-media"
    settings.AWS_S3_REGION_NAME = "ap-southeast-1"
    settings.AWS_ACCESS_KEY_ID = "AKIATESTTESTTESTTEST"
    settings.AWS_SECRET_ACCESS_KEY = "test-secret"  # noqa: S105 - never used on a network
    settings.AWS_QUERYSTRING_AUTH = False
    settings.AWS_S3_SIGNATURE_VERSION = "s3v4"
    settings.MEDIA_SIGNED_URL_SECONDS = 120
    # Last, so the storage is built with the settings above.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "congdoan.core.s3_storage.ProtectedFoldersS3Storage"},
    }
    return default_storage


def test_on_s3_public_files_are_direct_and_protected_ones_go_through_the_view(s3_media):
    public = s3_media.url("images/anh.fill-20x20.png")
    assert public == "https://congdoan-media.s3.amazonaws.com/images/anh.fill-20x20.png"
    assert s3_media.url("documents/bien ban.pdf") == "/media/documents/bien%20ban.pdf"
    assert s3_media.url("original_images/anh.png") == "/media/original_images/anh.png"
    assert isinstance(s3_media._wrapped, ProtectedFoldersS3Storage)


def test_on_s3_an_accepted_request_is_redirected_to_a_short_lived_signed_url(
    client, s3_media, root_collection, private_collection
):
    model = get_document_model()
    public = model.objects.create(title="Công khai", file="documents/cong-khai.pdf")
    private = model.objects.create(
        title="Nội bộ", file="documents/noi-bo.pdf", collection=private_collection
    )
    response = client.get(public.file.url)
    assert response.status_code == 302
    signed = urlsplit(response["Location"])
    assert signed.netloc == "congdoan-media.s3.amazonaws.com"
    assert signed.path == "/documents/cong-khai.pdf"
    assert "X-Amz-Signature=" in signed.query and "X-Amz-Expires=120" in signed.query
    assert response["Cache-Control"] == "private, no-store"
    assert client.get(private.file.url).status_code == 404


def test_on_s3_protected_objects_are_uploaded_private_even_with_a_public_default_acl(settings):
    settings.AWS_DEFAULT_ACL = "public-read"
    storage = ProtectedFoldersS3Storage(bucket_name="congdoan-media")
    assert storage.get_object_parameters("documents/x.pdf")["ACL"] == "private"
    assert storage.get_object_parameters("original_images/x.png")["ACL"] == "private"
    assert "ACL" not in storage.get_object_parameters("images/x.fill-20x20.png")


@pytest.fixture
def portal(live_server, monkeypatch):
    """The live server without Django's test-only media handler, which would serve every file
    itself before the portal's URLs are reached; the portal serves media as under make run."""
    monkeypatch.setattr(_MediaFilesHandler, "_should_handle", lambda handler, path: False)
    return live_server


# The live server needs committed rows; the flush after it must restore migrated data.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_running_portal_refuses_the_private_file_and_serves_the_public_one(
    portal, private_document, public_document
):
    host = urlsplit(portal.url).netloc

    def request(method, path, headers=None):
        connection = http.client.HTTPConnection(host, timeout=10)
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        content = response.read()
        connection.close()
        return response, content

    refused, _ = request("GET", media_url(private_document.file.name))
    assert refused.status == 404
    served, content = request("GET", media_url(public_document.file.name))
    assert served.status == 200 and content == PDF
    assert served.getheader("X-Frame-Options") == "SAMEORIGIN"
    head, content = request("HEAD", media_url(public_document.file.name))
    assert head.status == 200 and content == b""
    assert head.getheader("Content-Length") == str(len(PDF))
    part, content = request("GET", media_url(public_document.file.name), {"Range": "bytes=0-3"})
    assert part.status == 206 and content == PDF[:4]
