"""Abbreviations and synonyms: shipped, expanded both ways at index and query time, editable."""

import pytest

from congdoan.search import dictionary
from congdoan.search.backends.common import VietnameseIndexer
from congdoan.search.engine import SearchParams, run_search
from congdoan.search.models import Abbreviation, SynonymGroup

pytestmark = pytest.mark.django_db


def titles(q, **params):
    return [hit.obj.title for hit in run_search(SearchParams(q=q, **params)).hits]


def test_the_union_and_labour_law_set_is_shipped():
    keys = set(Abbreviation.objects.values_list("key", flat=True))
    wanted = "bhxh bhyt bhtn ldld tld tldldvn cdcs cnvcld atvsld kpcd hdld nld nsdld tuldtt"
    assert set(wanted.split()) | {"ubnd", "hdnd", "kcn", "cnld", "dvcd", "bch"} <= keys
    assert SynonymGroup.objects.filter(name="Tiền lương").exists()


def test_the_index_stores_each_form_for_the_other(make_article):
    spelt_out = make_article("Chi trả bảo hiểm xã hội đúng hạn")
    short = make_article("Tăng mức đóng BHXH")
    assert "bhxh" in VietnameseIndexer(spelt_out).title.split()
    assert VietnameseIndexer(short).title.split()[-4:] == ["bao", "hiem", "xa", "hoi"]


def test_abbreviation_with_or_without_marks_finds_the_spelt_out_text(make_article):
    make_article("Liên đoàn Lao động tỉnh Bắc Ninh thăm công nhân")
    make_article("Liên đoàn Lao động tỉnh Bắc Giang họp báo")
    assert titles("LDLD Bac Ninh") == ["Liên đoàn Lao động tỉnh Bắc Ninh thăm công nhân"]
    assert titles("LĐLĐ Bắc Ninh") == ["Liên đoàn Lao động tỉnh Bắc Ninh thăm công nhân"]
    # Searched exactly as typed, the query is not expanded (the index still knows `ldld`).
    assert not run_search(SearchParams(q="LDLD Bac Ninh", exact=True)).query.rewritten


def test_synonyms_rank_below_the_word_typed(make_article):
    make_article("Thu nhập của công nhân dệt may tăng")
    make_article("Tiền lương của công nhân dệt may tăng")
    assert titles("tiền lương công nhân") == [
        "Tiền lương của công nhân dệt may tăng",
        "Thu nhập của công nhân dệt may tăng",
    ]


def test_an_edit_takes_effect_on_the_next_query_without_a_reindex(make_article):
    make_article("Chương trình Mái ấm Công đoàn trao nhà")
    assert titles("MACĐ") == []
    Abbreviation.objects.create(short_form="MACĐ", expansions="Mái ấm Công đoàn")
    assert titles("MACĐ") == ["Chương trình Mái ấm Công đoàn trao nhà"]
    Abbreviation.objects.filter(key="macd").delete()
    assert titles("MACĐ") == []


def test_the_generation_is_read_from_the_cache_and_bumped_on_change():
    first = dictionary.current()
    assert dictionary.current() is first  # cached while nothing changes
    SynonymGroup.objects.create(name="Nghỉ phép", words="nghỉ phép\nnghỉ hằng năm")
    second = dictionary.current()
    assert second is not first
    assert [a.shown for a in second.lookup(("nghi", "phep"), ("nghỉ", "phép"))] == ["nghỉ hằng năm"]


def test_the_admin_refuses_a_short_form_of_two_words_or_a_duplicate():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        Abbreviation(short_form="BH XH", expansions="bảo hiểm xã hội").full_clean()
    assert "Từ viết tắt là một từ" in str(error.value) or "one word" in str(error.value)
    with pytest.raises(ValidationError):
        Abbreviation(short_form="bhxh", expansions="bảo hiểm xã hội").full_clean()


def test_editors_keep_the_dictionary_in_the_admin(client):
    from django.contrib.auth import get_user_model

    from conftest import force_login_verified

    user = get_user_model().objects.create_superuser("bientap", "bt@example.com", "x")
    force_login_verified(client, user)
    listing = client.get("/admin/snippets/search/abbreviation/")
    assert listing.status_code == 200
    assert "BHXH" in listing.content.decode()
    response = client.post(
        "/admin/snippets/search/abbreviation/add/",
        {"short_form": "MACĐ", "expansions": "Mái ấm Công đoàn"},
    )
    assert response.status_code == 302
    assert Abbreviation.objects.get(key="macd").expansion_list == ["Mái ấm Công đoàn"]
    duplicate = client.post(
        "/admin/snippets/search/abbreviation/add/",
        {"short_form": "BHXH", "expansions": "bảo hiểm xã hội"},
    )
    assert duplicate.status_code == 200
    assert "“BHXH” đã có trong danh sách." in duplicate.content.decode()
    groups = client.get("/admin/snippets/search/synonymgroup/")
    assert groups.status_code == 200 and "Tiền lương" in groups.content.decode()
