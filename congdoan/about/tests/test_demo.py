"""The demo Giới thiệu and Liên hệ load once and every page they add renders."""

import io

import pytest

from congdoan.about import demo as about_demo
from congdoan.about.models import AboutPage, Department, EnglishPage, Leader
from congdoan.contact import demo as contact_demo
from congdoan.contact.models import ContactPage, Hotline

pytestmark = pytest.mark.django_db


def test_demo_pages_load_once_and_render(client, home_page):
    for _ in range(2):
        about_demo.load(io.StringIO())
        contact_demo.load(io.StringIO())

    assert AboutPage.objects.count() == 1 and ContactPage.objects.count() == 1
    assert Department.objects.count() == 12
    assert Leader.objects.count() == 8
    assert EnglishPage.objects.count() == 4
    assert Hotline.objects.count() == 3
    home_page.refresh_from_db()
    assert home_page.get_children().first().title == "Giới thiệu"  # opens the main menu
    receiving = Department.objects.filter(receives_messages=True)
    assert all(department.recipients() for department in receiving) and receiving.count() == 4
    urls = [
        "/gioi-thieu/",
        "/gioi-thieu/lanh-dao-lien-doan/",
        "/gioi-thieu/co-cau-to-chuc/",
        "/lien-he/",
        "/en/",
        "/en/functions/",
        "/en/structure/",
        "/en/contacts/",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    home = client.get("/").content.decode()
    assert '<a href="/gioi-thieu/">Giới thiệu</a>' in home
    assert '<a href="/lien-he/">Liên hệ</a>' in home
    assert '<a href="tel:19001234">1900 1234</a>' in home
    structure = client.get("/en/structure/").content.decode()
    assert "Policy and Law Department" in structure
    assert "tuvanphapluat@" not in structure + client.get("/lien-he/").content.decode()
