"""Raw Telex and VNI keystrokes, typed with the input method off, read back as Vietnamese.

`coong ddoanf` -> `công đoàn`, `baor hieemr xax hooij` -> `bảo hiểm xã hội`, `co6ng d9oa2n` ->
`công đoàn`, `luowng` -> `lương`. A word is decoded only when it is not a Vietnamese syllable
as typed (`ca`, `an`, `do`, `tong` are, and stay) and its decoding is one: both checks read the
folded word against the tables of onsets and rhymes below (Vietnamese phonotactics), so English
words, names and abbreviations (`email`, `zalo`, `bhxh`) are left alone.

The loan rhymes `oong`/`ooc` (`boong`, `soóc`) are left out of the tables on purpose: `coong`
is far more often Telex for `công` than a word.
"""

import re
import unicodedata

from congdoan.core.text import fold

VOWELS = set("aeiouy")
# Onsets (folded: `đ` is `d`), longest first so `ngh` is tried before `ng` and `n`.
ONSETS = sorted(
    [
        "b",
        "c",
        "ch",
        "d",
        "g",
        "gh",
        "gi",
        "h",
        "k",
        "kh",
        "l",
        "m",
        "n",
        "ng",
        "ngh",
        "nh",
        "p",
        "ph",
        "qu",
        "r",
        "s",
        "t",
        "th",
        "tr",
        "v",
        "x",
    ]
    + [""],
    key=len,
    reverse=True,
)
# Every rhyme of standard Vietnamese with its marks folded (ă/â -> a, ê -> e, ô/ơ -> o, ư -> u).
RHYMES = frozenset(
    [
        "a",
        "ac",
        "ach",
        "ai",
        "am",
        "an",
        "ang",
        "anh",
        "ao",
        "ap",
        "at",
        "au",
        "ay",
        "e",
        "ec",
        "ech",
        "em",
        "en",
        "eng",
        "enh",
        "eo",
        "ep",
        "et",
        "eu",
        "i",
        "ia",
        "ich",
        "iec",
        "iem",
        "ien",
        "ieng",
        "iep",
        "iet",
        "ieu",
        "im",
        "in",
        "inh",
        "ip",
        "it",
        "iu",
        "o",
        "oa",
        "oac",
        "oach",
        "oai",
        "oam",
        "oan",
        "oang",
        "oanh",
        "oao",
        "oap",
        "oat",
        "oay",
        "oc",
        "oe",
        "oen",
        "oeo",
        "oet",
        "oi",
        "om",
        "on",
        "ong",
        "op",
        "ot",
        "u",
        "ua",
        "uan",
        "uang",
        "uanh",
        "uat",
        "uay",
        "uau",
        "uc",
        "ue",
        "uech",
        "uen",
        "uenh",
        "uet",
        "ui",
        "um",
        "un",
        "ung",
        "uo",
        "uoc",
        "uoi",
        "uom",
        "uon",
        "uong",
        "uop",
        "uot",
        "uou",
        "up",
        "ut",
        "uu",
        "uy",
        "uya",
        "uych",
        "uyen",
        "uyet",
        "uynh",
        "uyt",
        "uyu",
        "y",
        "yem",
        "yen",
        "yet",
        "yeu",
    ]
)
# Onsets that only come before a front vowel (e, i, y), and those that never do.
_FRONT_ONLY = {"k", "gh", "ngh"}
_NEVER_FRONT = {"c", "ng", "g"}

TELEX_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323", "z": ""}
VNI_TONES = {"1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323", "0": ""}
CIRCUMFLEX = {"a": "â", "e": "ê", "o": "ô"}
HORN = {"o": "ơ", "u": "ư"}
BREVE = {"a": "ă"}
_MARKED_VOWELS = set("âăêôơư")
_ALL_VOWELS = VOWELS | _MARKED_VOWELS
_TELEX_WORD = re.compile(r"[a-z]+")
_VNI_WORD = re.compile(r"[a-z0-9]*[a-z][a-z0-9]*")


def is_syllable(word: str) -> bool:
    """Whether a folded lower-case word is a possible Vietnamese syllable."""
    if not word.isascii() or not word.isalpha():
        return False
    for onset in ONSETS:
        if not word.startswith(onset):
            continue
        rhyme = word[len(onset) :]
        if onset == "qu":
            # `quy`, `quan`, `quoc`: the u glides into the rhyme.
            rhyme = "u" + rhyme
            if rhyme == "u":
                continue
        elif onset == "gi" and rhyme and rhyme[0] in "ie":
            continue  # `gieng` is g + ieng, tried with the onset `g`
        if rhyme not in RHYMES:
            continue
        front = rhyme[0] in "eiy"
        if onset in _FRONT_ONLY and not front:
            continue
        if onset in _NEVER_FRONT and front and not (onset == "g" and rhyme.startswith("i")):
            continue
        return True
    return False


def decode_word(word: str) -> str | None:
    """The Vietnamese syllable a Telex or VNI keystroke sequence types, when `word` is not a
    syllable as typed and its decoding is one; else None. Lower case, NFC."""
    typed = word.lower()
    if not typed.isascii() or is_syllable(typed):
        return None
    if any(char.isdigit() for char in typed):
        decoded = _vni(typed) if _VNI_WORD.fullmatch(typed) else None
    else:
        decoded = _telex(typed) if _TELEX_WORD.fullmatch(typed) else None
    if decoded is None or decoded == typed or not is_syllable(fold(decoded)):
        return None
    return decoded


def _telex(typed: str) -> str | None:
    first_vowel = next((i for i, c in enumerate(typed) if c in VOWELS or c == "w"), None)
    if first_vowel is None:
        return None
    tone = None
    kept = list(typed[: first_vowel + 1])
    for char in typed[first_vowel + 1 :]:
        if char in TELEX_TONES:  # never a final consonant: after the first vowel, a tone key
            tone = char
        else:
            kept.append(char)
    letters = "".join(kept)
    if letters.startswith("dd"):
        letters = "đ" + letters[2:]
    for doubled, marked in (("aa", "â"), ("ee", "ê"), ("oo", "ô")):
        letters = letters.replace(doubled, marked)
    if "w" in letters:
        letters = _telex_horns(letters)
        if letters is None:
            return None
    return _with_tone(letters, TELEX_TONES[tone] if tone else "")


def _telex_horns(letters: str) -> str | None:
    """`uow`/`uwow` -> ươ, `aw` -> ă, `ow` -> ơ, `uw` -> ư, a lone `w` -> ư; a `w` typed after
    the final consonants (`luongw`) marks the vowels before it."""
    letters = letters.replace("uwow", "ươ").replace("uow", "ươ")
    letters = letters.replace("aw", "ă").replace("ow", "ơ").replace("uw", "ư")
    if "w" not in letters:
        return letters
    position = letters.index("w")
    before = letters[:position]
    if any(c in VOWELS for c in before):
        for plain, marked in (("uo", "ươ"), ("o", "ơ"), ("u", "ư"), ("a", "ă")):
            at = before.rfind(plain)
            if at >= 0:
                before = before[:at] + marked + before[at + len(plain) :]
                return (before + letters[position + 1 :]).replace("w", "") or None
        return None
    return letters.replace("w", "ư", 1) if letters.count("w") == 1 else None


def _vni(typed: str) -> str | None:
    letters: list[str] = []
    tone = ""
    for char in typed:
        if not char.isdigit():
            letters.append(char)
            continue
        if char in VNI_TONES:
            tone = VNI_TONES[char]
        elif char == "9":
            if not _mark_last(letters, {"d": "đ"}):
                return None
        elif char == "6":
            if not _mark_last(letters, CIRCUMFLEX):
                return None
        elif char == "7":
            text = "".join(letters)
            if "uo" in text:
                at = text.rfind("uo")
                letters = list(text[:at] + "ươ" + text[at + 2 :])
            elif not _mark_last(letters, HORN):
                return None
        elif char == "8" and not _mark_last(letters, BREVE):
            return None
    return _with_tone("".join(letters), tone)


def _mark_last(letters: list[str], marks: dict[str, str]) -> bool:
    for position in range(len(letters) - 1, -1, -1):
        if letters[position] in marks:
            letters[position] = marks[letters[position]]
            return True
    return False


def _with_tone(letters: str, mark: str) -> str:
    """`letters` with the tone mark on its main vowel (the marked vowel, else the last vowel
    before final consonants, else the second of oa/oe/uy, the middle of three, the first of
    two). Placement does not change search (the index ignores it), only how it is shown."""
    if not mark:
        return unicodedata.normalize("NFC", letters)
    start = 0
    for onset in ("qu", "gi"):
        if letters.startswith(onset) and len(letters) > 2 and letters[2] in _ALL_VOWELS:
            start = 2
    positions = [i for i in range(start, len(letters)) if letters[i] in _ALL_VOWELS]
    if not positions:
        return unicodedata.normalize("NFC", letters)
    cluster = positions[: _run_length(positions)]
    marked = [i for i in cluster if letters[i] in _MARKED_VOWELS]
    if marked:
        target = marked[-1]
    elif len(cluster) == 1 or cluster[-1] + 1 < len(letters):
        target = cluster[-1]
    elif len(cluster) == 3 or letters[cluster[0] : cluster[-1] + 1] in ("oa", "oe", "uy"):
        target = cluster[1]
    else:
        target = cluster[0]
    return unicodedata.normalize("NFC", letters[: target + 1] + mark + letters[target + 1 :])


def _run_length(positions: list[int]) -> int:
    length = 1
    while length < len(positions) and positions[length] == positions[length - 1] + 1:
        length += 1
    return length
