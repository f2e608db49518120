"""What the aligner sees in a sentence: its length and the keys (numbers, names, loanwords, terms) it shares.

Kazakh and Russian share little spelling, but they share a lot that survives translation: numbers,
years, footnote markers ``[N]``, article labels (``34-бап`` / ``Статья 34``), Roman numerals (the
Kazakh text writes them with Cyrillic ``І``), proper names and the many loanwords (``демократиялық`` /
``демократический``). A *key* is one such item: a number, or the first ``stem_length`` letters of a
word after the Kazakh→Russian letter mapping. The Kazakh side may also carry keys from the
glossary and from a lexicon learnt from the text (``lexicon.py``), already in Russian spelling.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from workbench.language import LATIN_EXTRA, LATIN_TO_CYRILLIC
from workbench.text.normalise import fold, to_russian_letters

NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
FOOTNOTE_RE = re.compile(r"\[(\d+)\]")
WORD_RE = re.compile(r"[^\W\d_]+")
CYRILLIC_RE = re.compile("[\u0400-\u052f]")
LATIN_RE = re.compile(f"[A-Za-z{LATIN_EXTRA}]")
# Roman numerals as typed in either edition: Latin letters, or the Cyrillic look-alikes І and Х
# that Kazakh typists use ("І бөлім" / "Раздел I").
ROMAN_RE = re.compile(r"^[IVXLCІХ]+$")
ROMAN_VALUES = {"I": 1, "І": 1, "V": 5, "X": 10, "Х": 10, "L": 50, "C": 100}
# Russian х and Kazakh қ stand for the same sound in shared names (Қазақстан / Казахстан).
STEM_TABLE = str.maketrans({"х": "к", "ё": "е", "й": "и"})
PERCENT_WORDS = ("пайыз", "проце")
MIN_WORD = 4
PUNCTUATION_KEYS = ("(", ":", ";", "–", "?", "!")
# A line opening with a point number ("2.", "16)") or an article label starts a new unit of text.
ENUMERATOR_RE = re.compile(
    r"^\s*(?:\d+[.)]\s|\d+-бап|статья\s+\d|[IVXІ]+\s+(?:бөлім|раздел)|(?:бөлім|раздел)\s+[IVXІ])",
    re.IGNORECASE)
END_PUNCTUATION = ".!?…:;"
HEADING_MAX = 100


LEADING_NUMBER_RE = re.compile(r"^\s*(\d+)[.)]\s")


def looks_like_heading(text: str) -> bool:
    """A short line without final punctuation: a heading, or a running header or page number from a PDF."""
    stripped = text.strip().rstrip("»\"')]”")
    return len(stripped) < HEADING_MAX and not stripped.endswith(tuple(END_PUNCTUATION))


def looks_like_break(text: str) -> bool:
    """Whether a sentence opens a unit of its own (a numbered point or a heading-like line): beads that
    run across such a sentence are unlikely."""
    return bool(ENUMERATOR_RE.match(text)) or looks_like_heading(text)


LABEL_RE = re.compile(r"^\s*(?:статья\s+\d+|\d+-бап|раздел\s+\w+|\w+\s+бөлім|глава\s+\d+|\d+-тарау)\.?\s+\S",
                      re.IGNORECASE)


def opens_with_heading(text: str) -> bool:
    """Whether a sentence opens with a heading run into the text after it: two words in capitals
    ("ДЕКЛАРАЦИЯ ДВАДЦАТИЛЕТИЯ … Парламент …") or an article label ("Статья 12 1. Каждый …")."""
    words = text.split()[:2]
    if len(words) == 2 and all(len(w) >= 3 and w.isupper() for w in words):
        return True
    return bool(LABEL_RE.match(text))


def leading_number(text: str) -> str | None:
    """The point number a sentence opens with ("3." / "16)" -> "3" / "16"), which both editions keep."""
    m = LEADING_NUMBER_RE.match(text)
    return m.group(1) if m else None


def roman_value(word: str) -> int | None:
    """The value of an upper-case Roman numeral (Latin or Cyrillic look-alike letters), else None."""
    if not ROMAN_RE.match(word) or len(word) > 7:
        return None
    total = 0
    values = [ROMAN_VALUES[c] for c in word]
    for k, v in enumerate(values):
        total += -v if k + 1 < len(values) and values[k + 1] > v else v
    return total if total > 0 else None


@functools.lru_cache(maxsize=200_000)
def stem(word: str, length: int) -> str:
    """The comparison key of one word: folded, Kazakh letters mapped to Russian ones, cut to ``length``."""
    if CYRILLIC_RE.search(word) and LATIN_RE.search(word):
        # A Latin look-alike inside a Cyrillic word is a typing slip, not a different word.
        word = "".join(LATIN_TO_CYRILLIC.get(c, c) for c in word)
    return to_russian_letters(fold(word)).translate(STEM_TABLE)[:length]


@functools.lru_cache(maxsize=50_000)
def sentence_keys(text: str, stem_length: int) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """(all keys, number keys, word stems in order) of one sentence (cached: laws and copies repeat
    sentences word for word)."""
    numbers = {"#" + m.group().replace(",", ".").lstrip("0") for m in NUMBER_RE.finditer(text)}
    keys = set(numbers)
    keys.update("[" + m.group(1) + "]" for m in FOOTNOTE_RE.finditer(text))
    stems = []
    for m in WORD_RE.finditer(text):
        word = m.group()
        value = roman_value(word) if word.isupper() and (len(word) > 1 or word in "IІVX") else None
        if value is not None:
            numbers.add(f"#{value}")
            keys.add(f"#{value}")
            continue
        if len(word) < MIN_WORD:
            continue
        s = stem(word, stem_length)
        stems.append(s)
        keys.add(s)
    if "%" in text or any(s.startswith(PERCENT_WORDS) for s in stems):
        keys.add("%")
    if "«" in text or "\u201c" in text:
        keys.add("«»")
    # Punctuation that translation keeps: brackets, list colons and semicolons, the copula dash, ? and !.
    keys.update(p for p in PUNCTUATION_KEYS if p in text)
    return frozenset(keys), frozenset(numbers), tuple(stems)


@dataclass
class SideFeatures:
    """Per-sentence features of one side, by sentence index."""

    lengths: list[int]
    keys: list[frozenset[str]]
    numbers: list[frozenset[str]]
    stems: list[tuple[str, ...]]


def side_features(sentences: Sequence[str], stem_length: int) -> SideFeatures:
    """Features of every sentence of one side."""
    lengths, keys, numbers, stems = [], [], [], []
    for text in sentences:
        k, n, s = sentence_keys(text, stem_length)
        lengths.append(len(text.strip()))
        keys.append(k)
        numbers.append(n)
        stems.append(s)
    return SideFeatures(lengths, keys, numbers, stems)


def add_translations(features: SideFeatures, lexicon: Mapping[str, Iterable[str]]) -> list[frozenset[str]]:
    """Kazakh keys enlarged with the Russian stems the lexicon gives for their stems."""
    out = []
    for keys, stems in zip(features.keys, features.stems):
        extra = {t for s in stems for t in lexicon.get(s, ())}
        out.append(keys | extra if extra else keys)
    return out


@dataclass
class PairFeatures:
    """Both sides reduced to what can match across them, with a weight per key (rarer = heavier)."""

    kk_lengths: list[int]
    ru_lengths: list[int]
    kk_keys: list[frozenset[str]]   # only keys that also occur on the ru side
    ru_keys: list[frozenset[str]]
    kk_numbers: list[frozenset[str]]
    ru_numbers: list[frozenset[str]]
    weight: dict[str, float]
    ratio: float  # ru characters per kk character over the whole text
    # Log-likelihood ratios (true pair vs random pair) of a key being matched or missed, see pair_features.
    match_bonus: dict[str, float]
    kk_miss: dict[str, float]  # a kk key the ru sentence lacks
    ru_miss: dict[str, float]  # a ru key the kk sentence lacks
    # One side's share of match_bonus: a kk key found on the ru side (kk_gain) rather than missed, and
    # the other way round; match_bonus is their sum.
    kk_gain: dict[str, float] = field(default_factory=dict)
    ru_gain: dict[str, float] = field(default_factory=dict)


def pair_features(kk: SideFeatures, ru: SideFeatures, key_recall: float,
                  kk_keys: Sequence[frozenset[str]] | None = None,
                  extra_kk: Sequence[frozenset[str]] = (),
                  extra_ru: Sequence[frozenset[str]] = (), ratio: float | None = None) -> PairFeatures:
    """Keep the keys present on both sides and weigh them by how rare they are.

    A key of a kk sentence turns up in its translation with probability ``key_recall`` and in a random
    ru sentence with probability p (its share of ru sentences). Finding it is evidence
    log(recall / p) for the pair, missing it log((1 - recall) / (1 - p)); the same holds from the ru
    side. So a shared rare name counts a lot, a shared "Қазақстан" little, and a sentence without
    keys is neither helped nor hurt.
    """
    kk_all = list(kk_keys if kk_keys is not None else kk.keys)
    ru_all = list(ru.keys)
    if extra_kk:
        kk_all = [a | b for a, b in zip(kk_all, extra_kk)]
    if extra_ru:
        ru_all = [a | b for a, b in zip(ru_all, extra_ru)]
    df_kk = Counter(k for keys in kk_all for k in keys)
    df_ru = Counter(k for keys in ru_all for k in keys)
    shared = df_kk.keys() & df_ru.keys()
    n = len(kk_all) + len(ru_all)
    weight = {k: math.log(1.0 + n / (df_kk[k] + df_ru[k])) for k in shared}
    if ratio is None:
        ratio = (sum(ru.lengths) + 1) / (sum(kk.lengths) + 1)
    q = key_recall
    bonus, kk_miss, ru_miss, kk_gain, ru_gain = {}, {}, {}, {}, {}
    for k in shared:
        p_ru = min((df_ru[k] + 0.5) / (len(ru_all) + 1), 0.95)
        p_kk = min((df_kk[k] + 0.5) / (len(kk_all) + 1), 0.95)
        kk_miss[k] = math.log((1 - q) / (1 - p_ru))
        ru_miss[k] = math.log((1 - q) / (1 - p_kk))
        kk_gain[k] = math.log(q / p_ru) - kk_miss[k]
        ru_gain[k] = math.log(q / p_kk) - ru_miss[k]
        bonus[k] = kk_gain[k] + ru_gain[k]
    return PairFeatures(
        kk.lengths, ru.lengths,
        [keys & shared for keys in kk_all], [keys & shared for keys in ru_all],
        kk.numbers, ru.numbers, weight, ratio, bonus, kk_miss, ru_miss, kk_gain, ru_gain,
    )
