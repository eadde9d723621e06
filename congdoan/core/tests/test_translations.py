from pathlib import Path

import pytest
from babel.messages.pofile import read_po

PROJECT_DIR = Path(__file__).resolve().parents[2]
CATALOGS = sorted(PROJECT_DIR.glob("*/locale/vi/LC_MESSAGES/*.po"))


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: path.parts[-5])
def test_every_message_has_a_vietnamese_translation(catalog):
    with catalog.open("rb") as po_file:
        messages = [message for message in read_po(po_file) if message.id]
    untranslated = [
        message.id
        for message in messages
        if message.fuzzy
        or not (message.string if isinstance(message.string, str) else all(message.string))
    ]
    assert untranslated == []


def test_interface_is_vietnamese(client, home_page):
    response = client.get("/")
    assert "Trang chủ" in response.content.decode()
    assert "Skip to content" not in response.content.decode()
