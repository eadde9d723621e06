import unicodedata

import pytest

from congdoan.core.text import index_text
from congdoan.search.text import highlight, parse_query, snippet


def test_index_text_folds_and_adds_exact_and_code_tokens():
    text = index_text("Đoàn viên theo Nghị quyết 02-NQ/TW")
    assert text.startswith("doan vien theo nghi quyet 02 nq tw ")
    assert {"doanx29", "vienx6", "nghix5", "quyetx16", "02nqtw"} <= set(text.split())


def test_tone_placement_and_nfd_share_exact_token():
    nfd = unicodedata.normalize("NFD", "hoà")
    assert index_text("hoà") == index_text("hòa") == index_text(nfd) == "hoa hoax2"
    assert index_text("thuỷ") == index_text("thủy")
    assert index_text("đòan") == index_text("đoàn")


def test_query_never_carries_fts_syntax():
    parsed = parse_query('"a" * NEAR(b) AND c OR ( 🙂 \x00 d-')
    assert parsed.fts5() == '("a" AND "b" AND "c" AND "d") OR "a b c d"'
    assert parse_query("🙂 ***").fts5() is None
    assert parse_query("x" * 10_000).fts5() == '"' + "x" * 500 + '"'


def test_highlight_aligns_folded_query_with_original():
    html = highlight("Công đoàn <b> ĐOÀN viên", parse_query("cong doan"))
    assert html == "<mark>Công đoàn</mark> &lt;b&gt; ĐOÀN viên"
    assert highlight("Số 02-NQ/TW.", parse_query("02/nq-tw")) == "Số <mark>02-NQ/TW</mark>."


def test_a_syllable_shared_with_the_query_is_not_a_match():
    """Issue 10 #17: for `cong doan`, "Công ty" and a lone "đoàn" are not highlighted; only
    runs of two or more words that stand in the same order in the query are."""
    text = "Đại hội Công đoàn cơ sở Công ty TNHH Điện tử, đoàn viên và công nhân"
    assert highlight(text, parse_query("cong doan")) == (
        "Đại hội <mark>Công đoàn</mark> cơ sở Công ty TNHH Điện tử, đoàn viên và công nhân"
    )
    assert highlight(text, parse_query("công đoàn cơ sở")) == (
        "Đại hội <mark>Công đoàn cơ sở</mark> Công ty TNHH Điện tử, đoàn viên và công nhân"
    )
    # Words of the query apart from each other are not a match of it.
    assert highlight("Công ty. Đoàn viên", parse_query("cong doan")) == "Công ty. Đoàn viên"
    # A one-word query marks that word wherever it stands.
    assert highlight("Công ty và công nhân", parse_query("công")) == (
        "<mark>Công</mark> ty và <mark>công</mark> nhân"
    )


def test_snippet_centres_on_the_first_match():
    text = "Mở đầu. " * 60 + "Công đoàn cơ sở."
    result = snippet(text, parse_query("cong doan"), length=80)
    assert result.startswith("… ") and "<mark>Công đoàn</mark>" in result


# Query understanding (issue 16) -------------------------------------------------------


def test_question_words_are_not_needed_but_stay_in_the_phrase():
    parsed = parse_query("nghỉ thai sản được mấy tháng")
    assert [term.typed for term in parsed.required] == ["nghỉ", "thai", "sản", "tháng"]
    assert parsed.words == ["nghi", "thai", "san", "duoc", "may", "thang"]
    expression = parsed.fts5()
    assert '"duoc"' not in expression.split(" OR ")[0]
    assert expression.endswith('OR "nghi thai san duoc may thang"')


def test_question_phrases_and_unmarked_stop_words():
    parsed = parse_query("luong toi thieu vung 1 nam 2024 la bao nhieu")
    assert [term.typed for term in parsed.required] == [
        *["luong", "toi", "thieu", "vung", "1", "nam", "2024"]
    ]
    # Unmarked words that are often something else stay needed: cơ sở, máy, thi đua.
    assert len(parse_query("cong doan co so").required) == 4
    assert len(parse_query("may thi dua").required) == 3
    # With marks, only the function word itself: `lá` is not `là`.
    assert len(parse_query("lá cờ").required) == 2
    # A query of nothing but function words keeps them.
    assert len(parse_query("có không").required) == 2


def test_numbers_are_written_one_way_in_queries():
    assert parse_query("4,96 triệu").fts5() == parse_query("4.96 triệu").fts5()
    assert parse_query("01/07/2024").fts5() == parse_query("1/7/2024").fts5()
    assert parse_query("01/07/2024").terms[0].joined == "172024"
    assert parse_query("tăng 2%").words == ["tang", "2", "phan", "tram"]


@pytest.mark.django_db
def test_keystrokes_are_decoded_and_the_raw_words_kept_lower():
    parsed = parse_query("coong ddoanf", understand=True)
    assert parsed.understood == "công đoàn"
    assert parsed.reinterpreted
    assert parsed.words == ["cong", "doan"]
    expression = parsed.fts5()
    assert expression.startswith(
        '(((("cong" OR "congx6") OR "coong") AND (("doan" OR "doanx29") OR "ddoanf"))'
    )
    # Rows holding the decoded words score above those holding only the keystrokes.
    assert expression.endswith('OR (("cong" OR "congx6") AND ("doan" OR "doanx29"))')
    assert parse_query("co6ng d9oa2n", understand=True).understood == "công đoàn"
    assert parse_query("baor hieemr xax hooij", understand=True).understood == "bảo hiểm xã hội"
    plain = parse_query("tong ca an do", understand=True)
    assert not plain.rewritten and plain.understood == "tong ca an do"
    assert not parse_query("coong ddoanf").rewritten  # not asked to understand


@pytest.mark.django_db
def test_abbreviations_expand_both_ways_at_query_time():
    short = parse_query("LDLD Bac Ninh", understand=True)
    assert short.expansions == ["Liên đoàn Lao động"]
    assert short.tsquery().startswith("('ldld' | ('lien' <-> 'doan' <-> 'lao' <-> 'dong'))")
    long = parse_query("bảo hiểm xã hội", understand=True)
    assert long.expansions == ["BHXH"]
    assert "'bhxh'" in long.tsquery()
    assert parse_query("LĐLĐ", understand=True).expansions == ["Liên đoàn Lao động"]


@pytest.mark.django_db
def test_synonyms_expand_but_not_a_word_with_other_marks():
    assert set(parse_query("tiền lương", understand=True).expansions) == {"thu nhập", "lương"}
    assert "tiền lương" in parse_query("lương", understand=True).expansions
    # `lượng` (quantity) folds like `lương` (wage) but is typed with other marks.
    assert parse_query("chất lượng", understand=True).expansions == []


def test_a_partial_query_needs_at_least_so_many_words():
    from dataclasses import replace

    parsed = replace(parse_query("ba bon nam"), operator="or", at_least=2)
    assert parsed.tsquery() == ("(('ba') & ('bon')) | (('ba') & ('nam')) | (('bon') & ('nam'))")
    assert parsed.fts5() == (
        '((("ba") AND ("bon")) OR (("ba") AND ("nam")) OR (("bon") AND ("nam"))) OR "ba bon nam"'
    )
    # Any one of them, and every one, as before.
    assert replace(parsed, at_least=0).tsquery() == "'ba' | 'bon' | 'nam'"
    assert replace(parsed, at_least=3).tsquery() == "'ba' & 'bon' & 'nam'"
