"""Checks across an alignment, one bead at a time: numbers, markers, glossary terms, omissions, length."""
from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from typing import TYPE_CHECKING

from workbench.checks.base import Bead, BeadCheck, Finding, Pair
from workbench.errors import N_, Message
from workbench.text.normalise import fold

if TYPE_CHECKING:
    from workbench.glossary.model import Entry, Term

MARKER_RE = re.compile(r"\[(\d{1,4})\]")
# 12 651 and 12 651,5 are one number; 1990-шы / 1990-х keep only the digits.
NUMBER_RE = re.compile(r"(?<![\d,.])\d{1,3}(?:[  ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?")


def numbers(text: str) -> Counter[str]:
    """The numbers of a text, footnote markers left out, written the same way in both languages."""
    text = MARKER_RE.sub(" ", text)
    out: Counter[str] = Counter()
    for m in NUMBER_RE.finditer(text):
        value = re.sub(r"[  ]", "", m.group()).replace(",", ".")
        out[value.rstrip("0").rstrip(".") if "." in value else value] += 1
    return out


# Numbers written out in words: a figure on one side may be a word on the other ("20" / "жиырма").
NUMBER_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "1": (("бір",), ("один", "одн", "перв")), "2": (("екі",), ("два", "две", "двух", "втор")),
    "3": (("үш",), ("три", "трех", "трёх", "трет")), "4": (("төрт",), ("четыр", "четв")),
    "5": (("бес",), ("пят",)), "6": (("алты",), ("шест",)), "7": (("жеті",), ("сем", "седьм")),
    "8": (("сегіз",), ("восем", "восьм")), "9": (("тоғыз",), ("девят",)), "10": (("он",), ("десят",)),
    "20": (("жиырма",), ("двадцат",)), "30": (("отыз",), ("тридцат",)), "40": (("қырық",), ("сорок",)),
    "50": (("елу",), ("пятьдесят",)), "100": (("жүз",), ("сто", "сотн")), "1000": (("мың",), ("тысяч",)),
}


def _spelled(number: str, text: str, lang: str) -> bool:
    stems = NUMBER_WORDS.get(number, ((), ()))[0 if lang == "kk" else 1]
    words = re.findall(r"\w+", fold(text))
    return any(w == s or (len(s) > 2 and w.startswith(s)) for w in words for s in stems)


def _diff(a: Counter[str], b: Counter[str]) -> tuple[list[str], list[str]]:
    return sorted((a - b).elements()), sorted((b - a).elements())


class NumberMismatchCheck(BeadCheck):
    """Numbers, years or percentages that differ between the two sides of a bead."""

    id = "number-mismatch"
    name = N_("Numbers differ")
    description = N_("Fires when the Kazakh and the Russian sentence of a bead do not contain the same numbers "
                      "(years, percentages, counts); footnote markers are checked separately.")
    severity = "error"

    def check_bead(self, pair: Pair, index: int, bead: Bead) -> list[Finding]:
        if not bead.kk or not bead.ru:
            return []
        kk, ru = pair.texts(index)
        only_kk, only_ru = _diff(numbers(kk), numbers(ru))
        only_kk = [n for n in only_kk if not _spelled(n, ru, "ru")]
        only_ru = [n for n in only_ru if not _spelled(n, kk, "kk")]
        if not only_kk and not only_ru:
            return []
        if only_kk and only_ru:
            message = Message(N_("numbers differ (only in Kazakh: %(kk)s; only in Russian: %(ru)s)"),
                              kk=", ".join(only_kk), ru=", ".join(only_ru))
        elif only_kk:
            message = Message(N_("numbers differ (only in Kazakh: %(kk)s)"), kk=", ".join(only_kk))
        else:
            message = Message(N_("numbers differ (only in Russian: %(ru)s)"), ru=", ".join(only_ru))
        return [self.at(pair, index, message)]


class MarkerMismatchCheck(BeadCheck):
    """Footnote markers that differ between the two sides of a bead."""

    id = "marker-mismatch"
    name = N_("Footnote markers differ")
    description = N_("Fires when the two sides of a bead do not carry the same footnote markers [N].")
    severity = "error"

    def check_bead(self, pair: Pair, index: int, bead: Bead) -> list[Finding]:
        if not bead.kk or not bead.ru:
            return []
        kk, ru = pair.texts(index)
        a, b = Counter(MARKER_RE.findall(kk)), Counter(MARKER_RE.findall(ru))
        if a == b:
            return []
        only_kk, only_ru = _diff(a, b)
        return [self.at(pair, index, Message(N_("footnote markers differ: Kazakh %(kk)s, Russian %(ru)s"),
                                             kk="".join(f"[{n}]" for n in only_kk) or "—",
                                             ru="".join(f"[{n}]" for n in only_ru) or "—"))]


def _matcher(glossary: list[Entry] | None) -> object | None:
    if not glossary:
        return None
    from workbench.glossary.matching import TermMatcher

    return TermMatcher(glossary)


class _GlossaryCheck(BeadCheck):
    def run(self, pair: Pair) -> list[Finding]:
        self._m = _matcher(pair.glossary)
        self._entries = {e.id: e for e in pair.glossary or []}
        if self._m is None:
            return []
        return super().run(pair)

    def hits(self, text: str, lang: str) -> list:
        return self._m.find(text, lang)  # type: ignore[union-attr]


class GlossaryTermMissingCheck(_GlossaryCheck):
    """A glossary term on one side whose equivalent is missing on the other."""

    id = "glossary-term-missing"
    name = N_("Glossary equivalent missing")
    description = N_("Fires when one side of a bead uses a glossary term of two or more words (or an "
                      "abbreviation) and the other side has no word sharing a stem with any term of the same "
                      "entry; paraphrases that keep part of the term (сөз еркіндігі for сөз бостандығы) are "
                      "left out.")
    severity = "warning"

    def check_bead(self, pair: Pair, index: int, bead: Bead) -> list[Finding]:
        if not bead.kk or not bead.ru:
            return []
        kk, ru = pair.texts(index)
        kk_hits, ru_hits = self.hits(kk, "kk"), self.hits(ru, "ru")
        kk_ids, ru_ids = {h.entry_id for h in kk_hits}, {h.entry_id for h in ru_hits}
        found = []
        for hits, other_ids, side, other, other_text in (
            (kk_hits, ru_ids, N_("“%(term)s” (Kazakh) has no “%(want)s” on the other side"), "ru", ru),
            (ru_hits, kk_ids, N_("“%(term)s” (Russian) has no “%(want)s” on the other side"), "kk", kk),
        ):
            for entry_id in dict.fromkeys(h.entry_id for h in hits if h.entry_id not in other_ids):
                hit = next(h for h in hits if h.entry_id == entry_id)
                entry = self._entries.get(entry_id)
                want = entry.preferred(other) if entry else None
                if want is None or entry is None:
                    continue  # the entry has no term in the other language: nothing to expect
                # One common word (закон, суд) is often rendered freely; terms of two words or more and
                # abbreviations are what a translation must keep.
                if len(hit.term.split()) < 2 and not hit.term.isupper():
                    continue
                if any(_stems_present(t.text, other_text) for t in entry.terms_in(other)):
                    continue  # an inflected form the matcher did not know
                if _shares_a_stem(entry.terms_in(other), other_text):
                    continue  # a paraphrase (сөз еркіндігі for сөз бостандығы): part of the term is there
                found.append(self.at(pair, index, Message(side, term=hit.surface, want=want.text),
                                     excerpt=hit.surface, suggestion=want.text))
        return found


# Kazakh stems voice their last consonant before a vowel (аумақ -> аумағы, кітап -> кітабы); Latin
# look-alikes (ə, i) stand for ә and і in older Kazakh texts.
_LOOSE = str.maketrans({"ғ": "қ", "г": "к", "б": "п", "ə": "ә", "i": "і"})


def _loose(text: str) -> str:
    return fold(text).translate(_LOOSE)


def _stems_present(term: str, text: str) -> bool:
    """Every word of ``term`` starts some word of ``text`` by its first letters (Ата Заң ~ Ата Заңын)."""
    words = re.findall(r"\w+", _loose(text))
    stems = [w[: max(3, min(len(w) - 1, 5))] for w in re.findall(r"\w+", _loose(term))]
    return bool(stems) and all(any(w.startswith(s) for w in words) for s in stems)


# Words that tie a term together without carrying its meaning.
_FUNCTION_WORDS = frozenset({"және", "мен", "пен", "бен", "немесе", "үшін", "туралы", "и", "или", "в", "во",
                             "на", "о", "об", "по", "для", "с", "со", "к", "от", "из", "при", "а"})


def _shares_a_stem(terms: list[Term], text: str) -> bool:
    """Some word of some term has its stem in ``text``: the term is paraphrased, not left out.

    A stem is the first five letters (the whole word if shorter than six), found at the start of a
    word of ``text`` or, for stems of five letters, inside one (антиядерного ~ ядерное, көпвекторлы ~
    көп векторлы).
    """
    folded = _loose(text)
    words = re.findall(r"\w+", folded)
    glued = "".join(words)
    for term in terms:
        for w in re.findall(r"\w+", _loose(term.text)):
            if len(w) < 3 or w in _FUNCTION_WORDS:
                continue
            stem = w if len(w) < 6 else w[:5]
            if len(stem) >= 5 and stem in glued or any(t.startswith(stem) for t in words):
                return True
    return False


class ForbiddenTermCheck(_GlossaryCheck):
    """A term the glossary marks as forbidden (or deprecated) used in either edition."""

    id = "forbidden-term"
    name = N_("Forbidden term")
    description = N_("Fires when a bead uses a term that the glossary marks as forbidden, suggesting the "
                      "preferred term.")
    severity = "error"

    def check_bead(self, pair: Pair, index: int, bead: Bead) -> list[Finding]:
        kk, ru = pair.texts(index)
        found = []
        for text, lang in ((kk, "kk"), (ru, "ru")):
            for hit in self.hits(text, lang) if text else []:
                entry = self._entries.get(hit.entry_id)
                if entry is None:
                    continue
                term = next((t for t in entry.terms_in(lang) if fold(t.text) == fold(hit.term)), None)
                if term is None or term.status != "forbidden":
                    continue
                better = entry.preferred(lang)
                found.append(self.at(pair, index, Message(N_("“%(term)s” is a forbidden term"), term=hit.surface),
                                     excerpt=hit.surface, suggestion=better.text if better else None))
        return found


class OmissionCheck(BeadCheck):
    """A sentence with nothing on the other side (a 1-0 or 0-1 bead)."""

    id = "omission"
    name = N_("Sentence not translated")
    description = N_("Fires on a bead with sentences on one side only: text that the other edition leaves out "
                      "or adds.")
    severity = "warning"

    def check_bead(self, pair: Pair, index: int, bead: Bead) -> list[Finding]:
        if bead.kk and bead.ru:
            return []
        kk, ru = pair.texts(index)
        if len(re.findall(r"[^\W\d_]{2,}", kk or ru)) < 2:
            return []  # a number or a stray letter, not a sentence
        return [self.at(pair, index, Message(N_("Kazakh sentence with nothing in the Russian edition") if bead.kk
                                             else N_("Russian sentence with nothing in the Kazakh edition")))]


MIN_CHARS = 30          # shorter sentences (headings, "3. Құрылтай:") vary too much in length to judge
RATIO_FACTOR = 2.0      # a bead this many times longer or shorter than the norm is reported


class LengthRatioCheck(BeadCheck):
    """A bead whose length ratio is far from the document's norm: part of a sentence is missing."""

    id = "length-ratio"
    name = N_("Length far from the norm")
    description = N_("Fires when one side of a bead is more than twice as long, relative to the other, as the "
                      "document's median Russian/Kazakh length ratio says it should be.")
    severity = "warning"

    def run(self, pair: Pair) -> list[Finding]:
        ratios = []
        for i, bead in enumerate(pair.beads):
            kk, ru = pair.texts(i)
            if bead.kk and bead.ru and min(len(kk), len(ru)) >= MIN_CHARS:
                ratios.append(math.log(len(ru) / len(kk)))
        self._norm = statistics.median(ratios) if ratios else 0.0
        return super().run(pair)

    def check_bead(self, pair: Pair, index: int, bead: Bead) -> list[Finding]:
        if not bead.kk or not bead.ru:
            return []
        kk, ru = pair.texts(index)
        if min(len(kk), len(ru)) < MIN_CHARS:
            return []
        off = math.log(max(len(ru), 1) / max(len(kk), 1)) - self._norm
        if abs(off) < math.log(RATIO_FACTOR):
            return []
        longer = (N_("the Russian side is %(times)s× longer than usual (%(kk)s vs %(ru)s characters)") if off > 0
                  else N_("the Kazakh side is %(times)s× longer than usual (%(kk)s vs %(ru)s characters)"))
        return [self.at(pair, index, Message(longer, times=f"{math.exp(abs(off)):.1f}", kk=len(kk), ru=len(ru)))]


class UntranslatedBeadCheck(BeadCheck):
    """Both sides of a bead carry the same text: the sentence was copied, not translated."""

    id = "untranslated-bead"
    name = N_("Same text on both sides")
    description = N_("Fires when the Kazakh and the Russian side of a bead are the same text of four or more "
                      "words.")
    severity = "error"

    def check_bead(self, pair: Pair, index: int, bead: Bead) -> list[Finding]:
        if not bead.kk or not bead.ru:
            return []
        kk, ru = pair.texts(index)
        a, b = " ".join(re.findall(r"\w+", fold(kk))), " ".join(re.findall(r"\w+", fold(ru)))
        # Three words or fewer are usually a name kept as it is (“Қазақстан Халық Кеңесі:”).
        if a != b or len(re.findall(r"[^\W\d_]{2,}", a)) < 4:
            return []
        return [self.at(pair, index, N_("the Kazakh and Russian sides are the same text"))]
