from collections import defaultdict
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from congdoan.core.compile_messages import catalogs

PROJECT_DIR = Path(__file__).resolve().parents[2]
CATALOGS = catalogs(PROJECT_DIR)


def test_project_catalogs_are_checked():
    assert PROJECT_DIR / "locale/vi/LC_MESSAGES/django.po" in CATALOGS
    assert PROJECT_DIR / "locale/vi/LC_MESSAGES/djangojs.po" in CATALOGS


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: str(path.relative_to(PROJECT_DIR)))
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


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: str(path.relative_to(PROJECT_DIR)))
def test_every_catalog_is_valid_for_the_vietnamese_plural_rule(catalog):
    """Vietnamese has one plural form: a msgstr[1] makes Babel warn and is never used."""
    with catalog.open("rb") as po_file:
        read_po(po_file, locale="vi", abort_invalid=True)


def test_interface_is_vietnamese_whatever_the_browser_language(client, home_page):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Trang chủ" in html
    assert "Skip to content" not in html


def test_compiled_catalogs_use_the_vietnamese_plural_rule(tmp_path, capsys):
    import gettext
    import shutil

    from congdoan.core.compile_messages import compile_all

    for catalog in CATALOGS:
        target = tmp_path / catalog.relative_to(PROJECT_DIR)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(catalog, target)
    compiled = compile_all(tmp_path)
    assert len(compiled) == len(CATALOGS)
    # Babel prints its complaints about a catalog instead of failing.
    assert "WARNING" not in capsys.readouterr().out
    for mo_path in compiled:
        with mo_path.open("rb") as mo_file:
            translations = gettext.GNUTranslations(mo_file)
        assert translations.plural(2) == 0, mo_path


def test_no_message_is_translated_two_ways_by_two_catalogs():
    """Django merges every catalog into one: the project's wins, then the first installed app's.
    A msgid two catalogs translate differently shows one app's word in the other's screens
    ("task" as a workflow step in the action-program tracker); such a msgid needs a msgctxt."""
    translations = defaultdict(dict)
    for catalog in CATALOGS:
        if catalog.name != "django.po":
            continue
        with catalog.open("rb") as po_file:
            for message in read_po(po_file):
                if message.id and message.string:
                    msgid = message.id if isinstance(message.id, str) else message.id[0]
                    owner = str(catalog.relative_to(PROJECT_DIR).parts[0])
                    translations[(message.context, msgid)][owner] = str(message.string)
    clashes = {key: found for key, found in translations.items() if len(set(found.values())) > 1}
    assert clashes == {}
