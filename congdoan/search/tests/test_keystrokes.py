"""Raw Telex and VNI keystrokes decoded only when the word is not Vietnamese as typed."""

import pytest

from congdoan.search.keystrokes import decode_word, is_syllable


@pytest.mark.parametrize(
    ("typed", "decoded"),
    [
        ("coong", "công"),
        ("ddoanf", "đoàn"),
        ("baor", "bảo"),
        ("hieemr", "hiểm"),
        ("xax", "xã"),
        ("hooij", "hội"),
        ("luowng", "lương"),
        ("nguowif", "người"),
        ("dduwowcj", "được"),
        ("nhwngx", "những"),
        ("quyeets", "quyết"),
        ("cofng", "còng"),  # the tone key right after the vowel
        ("COONG", "công"),
        # VNI
        ("co6ng", "công"),
        ("d9oa2n", "đoàn"),
        ("luong7", "lương"),
        ("ba3o", "bảo"),
    ],
)
def test_keystrokes_of_a_non_word_are_decoded(typed, decoded):
    assert decode_word(typed) == decoded


@pytest.mark.parametrize(
    "typed", ["ca", "an", "do", "tong", "toi", "cong", "doan", "nghieng", "quynh", "gieng"]
)
def test_a_vietnamese_syllable_as_typed_stays(typed):
    assert is_syllable(typed)
    assert decode_word(typed) is None


@pytest.mark.parametrize(
    "typed", ["email", "zalo", "bhxh", "ldld", "ubnd", "atvsld", "2024", "covid19", "website"]
)
def test_words_that_decode_to_no_syllable_stay(typed):
    assert decode_word(typed) is None


def test_words_with_marks_are_never_decoded():
    assert decode_word("đoànf") is None


def test_phonotactics_reject_impossible_spellings():
    assert not is_syllable("ke" + "o" * 3)
    assert not is_syllable("ca" + "x")
    assert is_syllable("ki")  # k before i is fine
    assert not is_syllable("ka")  # k only before e, i, y
    assert not is_syllable("ce")  # c never before e, i, y
    assert not is_syllable("coong")  # the loan rhyme oong is left out on purpose
