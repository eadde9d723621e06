"""The printer icon of "In bài" is drawn inline: the 🖨 emoji is missing from Debian's fonts."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

PRINTER_EMOJI = "\N{PRINTER}"


def test_print_link_has_an_inline_printer_drawing_and_its_vietnamese_label(client, article):
    html = client.get(article.url).content.decode()

    link = BeautifulSoup(html, "html.parser").select_one("a.tool-print")
    icon = link.find("svg")
    assert icon is not None
    assert icon["aria-hidden"] == "true"
    assert icon["focusable"] == "false"
    assert link.get_text(" ", strip=True) == "In bài"
    assert PRINTER_EMOJI not in html


def test_print_button_of_the_print_view_has_the_same_drawing(client, article):
    html = client.get(article.url + article.reverse_subpage("print")).content.decode()

    button = BeautifulSoup(html, "html.parser").select_one("button.print-button")
    assert button.find("svg")["aria-hidden"] == "true"
    assert button.get_text(strip=True) == "In"
    assert PRINTER_EMOJI not in html
