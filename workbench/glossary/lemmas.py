"""Base forms of harvested terms (pure): Kazakh without its suffix chain, Russian in the nominative.

Kazakh. A single word loses its plural, 3rd-person possessive and case suffixes
(Парламентінің → Парламент, партиясы → партия, Конституцияда → Конституция); the last word of a
phrase of several words keeps its possessive, which belongs to the term (izafet: Қазақстан
Республикасының → Қазақстан Республикасы) and loses only its case suffix. A consonant voiced
before a vowel suffix is unvoiced again (тәуелсіздігін → тәуелсіздік). One-letter endings that
are mostly part of the stem are not taken off (dative -а/-е: қала; accusative -н and dative
-на/-не only after a possessive: Президентін, Президентіне), and a stem keeps at least three letters.

Russian. pymorphy3 (OpenCorpora dictionaries) finds the head noun of the phrase; the noun goes to
the nominative keeping its number, the adjectives and participles before it agree with it, and
the words after it (a genitive complement) stay: Конституционного Суда → Конституционный Суд,
Республики Казахстан → Республика Казахстан, выборах → выборы, соответствии → соответствие.
Without pymorphy3 the phrase is returned as written.
"""
from __future__ import annotations

import re
from functools import lru_cache

from workbench.language import (
    KK_CASE_SUFFIXES,
    KK_PLURAL_SUFFIXES,
    KK_VOICING,
    KK_VOWELS,
    RUSSIAN_LOWER,
    RUSSIAN_UPPER,
)

_PLURAL = KK_PLURAL_SUFFIXES
_POSSESSIVE = ("сы", "сі", "ы", "і")
# Case suffixes taken off anywhere: all but the one-letter dative -а/-е (mostly part of the stem:
# қала), the equative -ша/-ше, and the accusative -н and dative -на/-не, which are taken off only
# after a possessive (Президентін, Президентіне).
_CASE = tuple(s for s in KK_CASE_SUFFIXES if s not in ("а", "е", "н", "на", "не", "ша", "ше"))
_AFTER_POSSESSIVE = ("н", "на", "не", "нда", "нде", "нан", "нен", "ндағы", "ндегі")
_VOWELS = KK_VOWELS
_VOICED = {voiced: voiceless for voiceless, voiced in KK_VOICING.items()}
_MIN_STEM = 3


@lru_cache(maxsize=65536)
def _candidates(word: str, keep_possessive: bool) -> list[str]:
    """Stems of ``word`` left by taking off a plausible suffix chain, longest chain first."""
    low = word.lower()
    found = []
    for case in ("", *_CASE, *_AFTER_POSSESSIVE):
        if case and not low.endswith(case):
            continue
        rest = low[: len(low) - len(case)]
        for poss in ("",) if keep_possessive else ("", *_POSSESSIVE):
            if poss and not rest.endswith(poss):
                continue
            if case in _AFTER_POSSESSIVE and not (poss or rest.endswith(_POSSESSIVE)):
                continue
            stem = rest[: len(rest) - len(poss)]
            if poss in ("ы", "і") and (not stem or stem[-1] in _VOWELS):
                continue  # -ы/-і after a consonant, -сы/-сі after a vowel
            if poss in ("сы", "сі") and (not stem or stem[-1] not in _VOWELS):
                continue
            for plural in ("", *(() if keep_possessive else _PLURAL)):
                if plural and not stem.endswith(plural):
                    continue
                base = stem[: len(stem) - len(plural)]
                if len(base) >= _MIN_STEM and _VOWELS & set(base):
                    found.append(word[: len(base)])
                    if poss in ("ы", "і") and not plural and base[-1] in _VOICED:
                        # тәуелсіздік + і → тәуелсіздігі, азаматтық + ы → азаматтығы, кітап + ы → кітабы
                        found.append(word[: len(base) - 1] + _VOICED[base[-1]])
    # Longest chain first; a stem ending in a voiced г, ғ, б after its unvoiced twin (Kazakh words end so rarely).
    return sorted(set(found), key=lambda s: (len(s), s[-1] in _VOICED))


def kazakh_base(phrase: str, known: frozenset[str] | set[str] = frozenset()) -> str:
    """The Kazakh term ``phrase`` without the suffixes its last word took in running text.

    :param known: the words (lower case) of the texts. When given, a stem is taken only when it is
        attested: seen as a word, or seen with another suffix chain (Мәжілісі is Мәжіліс + і, not
        Мәжілі + сі; Қазақстан is not Қазақс + тан, since no other form of «Қазақс» occurs);
        the longest attested chain wins, and a word with none is its own base form.
    """
    words = phrase.split()
    if not words:
        return phrase
    last = words[-1]
    if sum(ch.isupper() for ch in last) >= 2:  # an abbreviation: ҚР-ның is handled by the matcher
        return " ".join([*words[:-1], last.split("-")[0]])
    stems = [s for s in _candidates(last, keep_possessive=len(words) > 1) if s != last]
    if not known:
        return " ".join([*words[:-1], stems[0] if stems else last])
    by_start = _index(frozenset(known))
    word = last.lower()
    attested = [stem for stem in stems  # the longest chain first
                if stem.lower() in known or any(other != word and stem.lower() in _lower(_candidates(other, False))
                                                for other in by_start.get(stem.lower()[:_MIN_STEM], ()))]
    if not attested:
        return phrase  # no other form of any shorter stem was seen: the word is its own base form
    # A stem seen as a word of its own beats one seen only inflected (Республика + сы, not Республикас + ы).
    bare = [stem for stem in attested if stem.lower() in known]
    return " ".join([*words[:-1], (bare or attested)[0]])


def _lower(stems: list[str]) -> set[str]:
    return {s.lower() for s in stems}


@lru_cache(maxsize=4)
def _index(known: frozenset[str]) -> dict[str, list[str]]:
    by_start: dict[str, list[str]] = {}
    for word in known:
        by_start.setdefault(word[:_MIN_STEM], []).append(word)
    return by_start


@lru_cache(maxsize=1)
def _morph():
    try:
        import pymorphy3
    except ImportError:  # the dictionaries are a dependency; without them, phrases stay as written
        return None
    return pymorphy3.MorphAnalyzer(lang="ru")


_WORD = re.compile(rf"[{RUSSIAN_UPPER}{RUSSIAN_LOWER}]+(?:-[{RUSSIAN_UPPER}{RUSSIAN_LOWER}]+)*")


def _same_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def russian_base(phrase: str) -> str:
    """The Russian term ``phrase`` in the nominative (head noun and the words agreeing with it)."""
    morph = _morph()
    words = phrase.split()
    if morph is None or not words or not all(_WORD.fullmatch(w) for w in words):
        return phrase
    parses = [morph.parse(w)[0] for w in words]
    head = next((k for k, p in enumerate(parses) if p.tag.POS == "NOUN"), None)
    if head is None:
        if len(words) == 1 and parses[0].tag.POS in ("ADJF", "PRTF"):  # государственных → государственный
            return _same_case(words[0], parses[0].normal_form)
        return phrase
    noun = parses[head]
    # A term names one thing: singular, unless the noun has no singular (выборы, полномочия stay).
    number = "plur" if "Pltm" in noun.tag or noun.inflect({"nomn", "sing"}) is None else "sing"
    out = list(words)
    nominative = noun.inflect({"nomn", number}) or noun.inflect({"nomn"})
    if nominative is None:
        return phrase
    out[head] = _same_case(words[head], nominative.word)
    for k in range(head):
        if parses[k].tag.POS not in ("ADJF", "PRTF"):
            return phrase  # not a simple noun phrase: keep it as written
        grammemes = {"nomn", "plur"} if number == "plur" else {"nomn", "sing", noun.tag.gender or "masc"}
        agreed = parses[k].inflect(grammemes)
        if agreed is None:
            return phrase
        out[k] = _same_case(words[k], agreed.word)
    return " ".join(out)


def names_a_thing(phrase: str) -> bool:
    """Whether the Russian ``phrase`` has a noun (or an abbreviation, a name): terms are nouns and noun
    phrases, not verbs or lone adjectives (назначает, осуществляется, общий). True without pymorphy3."""
    morph = _morph()
    words = phrase.split()
    if morph is None or not words:
        return True
    for word in words:
        if sum(ch.isupper() for ch in word) >= 2 or not _WORD.fullmatch(word):
            return True
        if any(p.tag.POS == "NOUN" for p in morph.parse(word)[:2]):
            return True
    return False
