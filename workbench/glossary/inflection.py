"""Kazakh suffix chains and Russian endings, enough to find a glossary word in its inflected forms (pure).

Kazakh is agglutinative: a noun takes plural, possessive and case suffixes in that order, each in
vowel-harmony and consonant-assimilation variants (партия, партиясы, партиясының, партиялары,
партияларының). A term word matches a running-text word when the text word is the term word (or
its stem without the 3rd-person possessive, partия|сы) followed by a chain of *inflectional*
suffixes only; derivational suffixes (-лық, -шы, -сыз) make another word and are not accepted, so
``ел`` does not match ``елші`` and ``ұлт`` does not match ``ұлтаралық``.

Russian inflects endings: a word matches when both share the stem left after removing one
ending from a closed list (партия, партии, партией, партиями; демократическая, демократической).

All functions take *folded* words (``normalise.fold``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from workbench.language import (
    KK_CASE_SUFFIXES,
    KK_PLURAL_SUFFIXES,
    KK_POSSESSIVE_SUFFIXES,
    KK_VOICING,
    KK_VOWELS,
    RU_ADJECTIVE_ENDINGS,
    RU_ENDINGS,
)

# The suffix lists (workbench.language) include the equative -ша/-ше: қазақша is "in Kazakh", a
# common form of names of languages and peoples.
_KK_PLURAL = "|".join(KK_PLURAL_SUFFIXES)
KK_CHAIN = re.compile(
    rf"(?:{_KK_PLURAL})?(?:{'|'.join(KK_POSSESSIVE_SUFFIXES)})?(?:{'|'.join(KK_CASE_SUFFIXES)})?"
)
# After a short word (≤3 letters) one-letter suffixes, possessives starting with м/ң and the
# equative make too many other words (ақ + ша = ақша "money"), so only these chains are accepted there.
_KK_SHORT_POSSESSIVE = "|".join(s for s in KK_POSSESSIVE_SUFFIXES if s[0] not in "мң")
_KK_SHORT_CASE = "|".join(s for s in KK_CASE_SUFFIXES if len(s) > 1 and s not in ("ша", "ше"))
KK_SHORT_CHAIN = re.compile(rf"(?:{_KK_PLURAL})?(?:{_KK_SHORT_POSSESSIVE})?(?:{_KK_SHORT_CASE})?")
_KK_POSSESSIVE_3 = ("сы", "сі", "ы", "і")
_KK_VOWELS = KK_VOWELS
_KK_VOICING = KK_VOICING

# RU_ENDINGS are endings only, not "ия/ии/ией": партия keeps its и (парти|я, парти|й, парти|ями),
# so that the stem парт does not also find парты.
_RU_HARD_MASCULINE = frozenset("а у ом е ы ов ам ами ах".split())
_RU_VELAR_SIBILANT = frozenset("кгхжшщч")
_RU_MAX_ENDING = max(len(e) for e in RU_ENDINGS)
RU_MIN_STEM = 3


@lru_cache(maxsize=65536)
def is_kk_chain(rest: str, short: bool = False) -> bool:
    """Whether ``rest`` is a chain of Kazakh inflectional suffixes (possibly empty)."""
    return (KK_SHORT_CHAIN if short else KK_CHAIN).fullmatch(rest) is not None


def kk_bases(word: str, head: bool = False) -> tuple[tuple[str, bool], ...]:
    """Stems a Kazakh term word may show in text, each with "the suffix must start with a vowel".

    ``партиясы`` (the head of a term of several words) -> (партиясы, партия); ``одақ`` -> (одақ,
    одағ + vowel). Only a head loses its possessive: in a one-word name the ending is the name's
    own (Қарағанды is not Қарағанд|ы, or it would find қарағанда "than").
    """
    bases: list[tuple[str, bool]] = [(word, False)]
    for poss in _KK_POSSESSIVE_3 if head else ():
        # Drop the 3rd-person possessive so that партиясы also finds партиялары; only after a
        # vowel for сы/сі and a consonant for ы/і, and only on words long enough to stay words.
        if word.endswith(poss) and len(word) - len(poss) >= 4:
            stem = word[: -len(poss)]
            after_vowel = stem[-1] in _KK_VOWELS
            if (len(poss) == 2) == after_vowel:
                bases.append((stem, False))
            break
    for base, _ in list(bases):
        voiced = _KK_VOICING.get(base[-1:])
        if voiced and len(base) >= 3:
            bases.append((base[:-1] + voiced, True))
    # Elision of a narrow vowel in the last syllable before a vowel: халық -> халқы, орын -> орны.
    if len(word) >= 4 and word[-2] in "ыі" and word[-1] not in _KK_VOWELS and word[-3] not in _KK_VOWELS:
        bases.append((word[:-2] + word[-1], True))
    return tuple(bases)


def kk_word_matches(bases: tuple[tuple[str, bool], ...], token: str) -> bool:
    """Whether a folded text word is one of ``bases`` plus a Kazakh inflectional chain."""
    for base, needs_vowel in bases:
        if token.startswith(base):
            rest = token[len(base):]
            if needs_vowel and (not rest or rest[0] not in _KK_VOWELS):
                continue
            if is_kk_chain(rest, len(base) <= 3):
                return True
    return False


@lru_cache(maxsize=65536)
def ru_stem(word: str) -> str:
    """The word without its longest listed ending, keeping at least three letters.

    A word in -ие is a noun (управлени|е, соглас|ие -> согласи|е) unless a velar or sibilant comes
    before it, as in the plural adjectives русск|ие, высш|ие.
    """
    if word.endswith("ие") and len(word) > RU_MIN_STEM + 2 and word[-3] not in _RU_VELAR_SIBILANT:
        return word[:-1]
    for size in range(min(_RU_MAX_ENDING, len(word) - RU_MIN_STEM), 0, -1):
        if word[-size:] in RU_ENDINGS:
            return word[:-size]
    return word


def ru_word_matches(stem: str, word: str, token: str) -> bool:
    """Whether a folded text word is an inflected form of the term word with ``stem``.

    The endings allowed depend on the term word's own: an adjective takes adjective endings only
    (правые finds правых, not права), a noun ending in a consonant takes the hard masculine ones
    (суд finds суда, судов, not судья, судей), any other word any listed ending.
    """
    if token == word:
        return True
    if len(stem) < RU_MIN_STEM or not token.startswith(stem):
        return False
    rest, own = token[len(stem):], word[len(stem):]
    if own in RU_ADJECTIVE_ENDINGS:
        return rest in RU_ADJECTIVE_ENDINGS
    if not own:
        return rest in _RU_HARD_MASCULINE or (rest == "и" and stem[-1] in _RU_VELAR_SIBILANT) or (
            rest in ("ем", "ей", "ю", "я") and stem[-1] in "жшчщц"
        )
    return rest in RU_ENDINGS
