import unicodedata

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
