"""Bilingual term candidates from aligned kk–ru sentence pairs: co-occurrence of n-grams, ranked (pure).

Each side is cut into words, Kazakh letters are mapped to Russian ones (``to_russian_letters``)
and every word is stemmed crudely by keeping its first ``stem_length`` letters, which stands for
both Kazakh suffix chains and Russian endings (Парламенті, Парламенттің, Парламента, Парламентом
all become ``парлам``). N-grams of 1–3 stems that do not start or end with a function word are
counted once per pair they occur in. Each kk n-gram × ru n-gram occurring together is scored with
Dunning's log-likelihood ratio (G², Dunning 1993, "Accurate methods for the statistics of surprise
and coincidence") over the 2×2 table of pairs; only positive associations count. Candidates are
then linked competitively (Melamed 2000): best score first, each n-gram used once, so that
"Қазақстан Республикасы" does not also come back as "Республикасы" with the same Russian.

What a person is shown is then made useful: only associations significant at p < 0.001
(G² ≥ 10.83) are kept; each side is given as its base form (``lemmas``: Қазақстан Республикасы ↔
Республика Казахстан, not Республикасының ↔ Республики), the inflected forms seen kept as
evidence; pairs whose Russian side names nothing (a verb, a lone adjective: назначает, общий) and
pairs whose Russian words are all everyday words are dropped (Zipf frequency ≥ 5.5 in
ordinary Russian, from the ``wordfreq`` lists: год, время, человек, также; Kazakh has no such list,
and the Russian side of a pair stands for both). The score has one meaning for every candidate:
``evidence`` = aligned sentence pairs holding both sides × Dice, i.e. how many sentence pairs
support the pair, discounted when either side also occurs without the other.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from workbench import language
from workbench.glossary.lemmas import kazakh_base, names_a_thing, russian_base
from workbench.glossary.matching import TermMatcher
from workbench.text.normalise import fold, to_russian_letters

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Function words on either end of an n-gram make it a phrase fragment, not a term.
KK_FUNCTION_WORDS = language.KK_FUNCTION_WORDS | language.KK_RELATIONAL_WORDS
RU_FUNCTION_WORDS = language.RU_FUNCTION_WORDS | language.RU_RELATIONAL_WORDS
SIGNIFICANT_G2 = 10.83  # χ²(1) at p < 0.001
EVERYDAY_ZIPF = 5.5  # wordfreq's Zipf scale: 6 = once per thousand words, 5 = once per 10 thousand


@dataclass(frozen=True)
class Candidate:
    """A kk–ru pair proposed for the glossary, with the evidence a person needs to judge it."""

    kk: str  # the Kazakh base form (lemmas.kazakh_base of the most frequent surface form)
    ru: str  # the Russian base form (lemmas.russian_base)
    score: float  # log-likelihood ratio G²
    dice: float  # 2·joint / (kk pairs + ru pairs)
    joint: int  # pairs with both
    kk_count: int  # pairs with the Kazakh n-gram
    ru_count: int  # pairs with the Russian n-gram
    examples: tuple[int, ...]  # indices into ``pairs`` of pairs with both, first ones first
    kk_seen: str = ""  # the forms as most often written in the texts
    ru_seen: str = ""

    @property
    def evidence(self) -> float:
        """Sentence pairs supporting the candidate: pairs holding both × Dice (the one score people see)."""
        return round(self.joint * self.dice, 1)


def everyday(ru: str) -> bool:
    """Whether every Russian word of ``ru`` is an everyday word (wordfreq Zipf ≥ ``EVERYDAY_ZIPF``)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # a dependency; without it nothing counts as everyday
        return False
    words = [w for w in re.findall(rf"[{language.RUSSIAN_LOWER}]+", ru.lower()) if w not in RU_FUNCTION_WORDS]
    return bool(words) and all(zipf_frequency(w, "ru") >= EVERYDAY_ZIPF for w in words)


def stems(text: str, lang: str, stem_length: int = 6) -> list[tuple[str, str]]:
    """(stem, word as written) for each word; Kazakh letters mapped to Russian ones first."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        key = fold(word)
        if lang == "kk":
            key = to_russian_letters(key)
        out.append((key[:stem_length], word))
    return out


def _ngrams(words: list[tuple[str, str]], lang: str, max_n: int) -> dict[tuple[str, ...], str]:
    """Each n-gram of stems (1..max_n) not starting or ending with a function word -> its surface text."""
    function_words = KK_FUNCTION_WORDS if lang == "kk" else RU_FUNCTION_WORDS
    grams: dict[tuple[str, ...], str] = {}
    for i in range(len(words)):
        if fold(words[i][1]) in function_words or len(words[i][1]) < 2:
            continue
        for n in range(1, max_n + 1):
            if i + n > len(words):
                break
            last = words[i + n - 1][1]
            if fold(last) in function_words or len(last) < 2:
                continue
            key = tuple(stem for stem, _ in words[i:i + n])
            grams.setdefault(key, " ".join(w for _, w in words[i:i + n]))
    return grams


def log_likelihood(joint: int, a_count: int, b_count: int, total: int) -> float:
    """Dunning's G² for a 2×2 table of ``total`` pairs; 0 when the association is not positive."""
    k11, k12, k21 = joint, a_count - joint, b_count - joint
    k22 = total - k11 - k12 - k21
    if k11 * k22 <= k12 * k21:
        return 0.0

    def h(*counts: int) -> float:
        n = sum(counts)
        return sum(c * math.log(c / n) for c in counts if c)

    return 2.0 * (h(k11, k12, k21, k22) - h(k11 + k12, k21 + k22) - h(k11 + k21, k12 + k22))


def _xlogx(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, x * np.log(np.maximum(x, 1)), 0.0)


def _ranked(
    joint: Counter[int], width: int, kk_counts: list[int], ru_counts: list[int], total: int, min_count: int,
    kk_sizes: list[int], ru_sizes: list[int],
) -> tuple[list[int], list[float], list[int]]:
    """G² of every co-occurring pair at once (numpy), best first; ties to longer n-grams, then first seen.

    :returns: joint keys, their scores and their joint counts, in rank order, positive scores only.
    """
    if not joint:
        return [], [], []
    keys = np.fromiter(joint.keys(), dtype=np.int64, count=len(joint))
    both = np.fromiter(joint.values(), dtype=np.int64, count=len(joint))
    keep = both >= min_count
    keys, both = keys[keep], both[keep]
    g, h = keys // width, keys % width
    a, b = np.asarray(kk_counts, dtype=np.int64)[g], np.asarray(ru_counts, dtype=np.int64)[h]
    k11, k12, k21 = both, a - both, b - both
    k22 = total - k11 - k12 - k21
    cells = [x.astype(np.float64) for x in (k11, k12, k21, k22)]
    score = 2.0 * (
        sum(_xlogx(x) for x in cells)
        - _xlogx(cells[0] + cells[1]) - _xlogx(cells[2] + cells[3])
        - _xlogx(cells[0] + cells[2]) - _xlogx(cells[1] + cells[3])
        + _xlogx(np.full_like(cells[0], float(total)))
    )
    score = np.where(k11 * k22 > k12 * k21, score, 0.0)  # only positive association
    sizes = np.asarray(kk_sizes, dtype=np.int64)[g] + np.asarray(ru_sizes, dtype=np.int64)[h]
    # Rounded so that float noise does not decide between equal tables.
    rank = np.lexsort((keys, -sizes, -np.round(score, 6)))
    rank = rank[score[rank] > 0]
    return keys[rank].tolist(), score[rank].tolist(), both[rank].tolist()


def bilingual_candidates(
    pairs: Sequence[tuple[str, str]],
    *,
    max_n: int = 3,
    min_count: int = 2,
    stem_length: int = 6,
    max_examples: int = 5,
    limit: int | None = 200,
) -> list[Candidate]:
    """Ranked kk–ru candidates (best first) from aligned (kk, ru) sentence pairs.

    :param min_count: an n-gram must occur in at least this many pairs, and the two together too.
    :param limit: at most this many candidates (None for all).
    """
    kk_grams, ru_grams = [], []
    kk_count: Counter[tuple[str, ...]] = Counter()
    ru_count: Counter[tuple[str, ...]] = Counter()
    kk_surface: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    ru_surface: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for kk_text, ru_text in pairs:
        kk = _ngrams(stems(kk_text, "kk", stem_length), "kk", max_n)
        ru = _ngrams(stems(ru_text, "ru", stem_length), "ru", max_n)
        kk_grams.append(kk)
        ru_grams.append(ru)
        kk_count.update(kk.keys())
        ru_count.update(ru.keys())
        for key, surface in kk.items():
            kk_surface[key][surface] += 1
        for key, surface in ru.items():
            ru_surface[key][surface] += 1

    # Frequent n-grams get integer ids and a list of the pairs they occur in; a kk×ru pair of
    # ids is one integer, so that counting stays in C (Counter.update over a list of ints).
    kk_ids = {g: n for n, g in enumerate(g for g, c in kk_count.items() if c >= min_count)}
    ru_ids = {h: n for n, h in enumerate(h for h, c in ru_count.items() if c >= min_count)}
    width = len(ru_ids) or 1
    kk_postings: dict[int, list[int]] = defaultdict(list)
    ru_postings: dict[int, list[int]] = defaultdict(list)
    joint: Counter[int] = Counter()
    for index, (kk, ru) in enumerate(zip(kk_grams, ru_grams)):
        frequent_kk = [kk_ids[g] for g in kk if g in kk_ids]
        frequent_ru = [ru_ids[h] for h in ru if h in ru_ids]
        for g in frequent_kk:
            kk_postings[g].append(index)
        for h in frequent_ru:
            ru_postings[h].append(index)
        joint.update([g * width + h for g in frequent_kk for h in frequent_ru])

    kk_by_id = list(kk_ids)
    ru_by_id = list(ru_ids)
    ranked = _ranked(joint, width, [kk_count[g] for g in kk_by_id], [ru_count[h] for h in ru_by_id],
                     len(pairs), min_count, [len(g) for g in kk_by_id], [len(h) for h in ru_by_id])
    scored = ((score, both, kk_by_id[key // width], ru_by_id[key % width])
              for key, score, both in zip(*ranked))

    known = frozenset(surface.lower() for counts in kk_surface.values() for surface in counts if " " not in surface)
    used_kk: set[tuple[str, ...]] = set()
    used_ru: set[tuple[str, ...]] = set()
    lemma_pairs: set[tuple[str, str]] = set()
    found = []
    for score, both, g, h in scored:
        if g in used_kk or h in used_ru:
            continue
        used_kk.add(g)
        used_ru.add(h)
        if score < SIGNIFICANT_G2:
            break  # ranked by G²: the rest are not significant either
        kk_seen, ru_seen = kk_surface[g].most_common(1)[0][0], ru_surface[h].most_common(1)[0][0]
        kk, ru = kazakh_base(kk_seen, known), russian_base(ru_seen)
        if everyday(ru) or not names_a_thing(ru) or (fold(kk), fold(ru)) in lemma_pairs:
            continue
        lemma_pairs.add((fold(kk), fold(ru)))
        found.append(
            Candidate(
                kk=kk,
                ru=ru,
                kk_seen=kk_seen,
                ru_seen=ru_seen,
                score=round(score, 3),
                dice=round(2 * both / (kk_count[g] + ru_count[h]), 3),
                joint=both,
                kk_count=kk_count[g],
                ru_count=ru_count[h],
                examples=_first_common(kk_postings[kk_ids[g]], ru_postings[ru_ids[h]], max_examples),
            )
        )
        if limit is not None and len(found) >= limit:
            break
    return found


def _first_common(a: list[int], b: list[int], size: int) -> tuple[int, ...]:
    """The first ``size`` indices in both sorted lists."""
    common = sorted(set(a).intersection(b))
    return tuple(common[:size])


def new_candidates(candidates: Sequence[Candidate], matcher: TermMatcher) -> list[Candidate]:
    """The candidates the glossary does not already have: drops those whose Kazakh and Russian
    sides are both found as terms of one entry (Құрылтайдың / Курултая when Құрылтай–Курултай is in)."""
    kept = []
    for candidate in candidates:
        kk_entries = {h.entry_id for h in matcher.find(candidate.kk, "kk")}
        ru_entries = {h.entry_id for h in matcher.find(candidate.ru, "ru")}
        if not kk_entries & ru_entries:
            kept.append(candidate)
    return kept
