"""Word correspondences the aligner learns or is given: glossary pairs, name variants, a bootstrapped lexicon.

All three map a Kazakh stem (see ``features.stem``) to Russian stems, so that a Kazakh sentence
can share keys with its Russian translation even where the words share no letters
(``тәуелсіздік`` / ``независимость``).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from workbench.align.cooccurrence import Cooccurrence
from workbench.align.features import WORD_RE, SideFeatures, stem


def glossary_keys(glossary: Sequence[tuple[str, str]], kk_sentences: Sequence[str],
                  ru_sentences: Sequence[str],
                  stem_length: int) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """A shared key ``g:<n>`` on every sentence that holds all words of glossary term n in its language.

    A term word matches a text word that starts with it, cut to ``stem_length`` letters, so that the
    inflected forms match: ``тіл`` finds ``тілді``, ``партия`` finds ``партиясының``, ``язык``
    finds ``языка``.
    """
    kk_index, ru_index = _prefix_index(kk_sentences, stem_length), _prefix_index(ru_sentences, stem_length)
    kk_keys: list[set[str]] = [set() for _ in kk_sentences]
    ru_keys: list[set[str]] = [set() for _ in ru_sentences]
    for n, (kk_term, ru_term) in enumerate(glossary):
        for term, index, keys in ((kk_term, kk_index, kk_keys), (ru_term, ru_index, ru_keys)):
            words = {stem(w, stem_length) for w in WORD_RE.findall(term)}
            if not words:
                continue
            where = set.intersection(*(index.get(w, set()) for w in words))
            for k in where:
                keys[k].add(f"g:{n}")
    return [frozenset(k) for k in kk_keys], [frozenset(k) for k in ru_keys]


def _prefix_index(sentences: Sequence[str], stem_length: int) -> dict[str, set[int]]:
    """Every prefix (of two letters or more) of every word stem -> the sentences holding it."""
    index: dict[str, set[int]] = defaultdict(set)
    for k, text in enumerate(sentences):
        for word in WORD_RE.findall(text):
            s = stem(word, stem_length)
            for end in range(2, len(s) + 1):
                index[s[:end]].add(k)
    return index


def name_variants(kk_sentences: Sequence[str], ru_sentences: Sequence[str], stem_length: int,
                  min_ratio: float) -> dict[str, set[str]]:
    """Capitalised words whose stems differ by a letter in the two languages (Еуропа / Европа,
    Еуразия / Евразия), matched fuzzily; names that the letter mapping already equates (Мәми / Мами)
    are not compared, so the work stays small.
    """
    ru_stems = sorted({stem(w, stem_length) for w in _capitalised(ru_sentences)})
    kk_stems = {stem(w, stem_length) for w in _capitalised(kk_sentences)} - set(ru_stems)
    variants: dict[str, set[str]] = defaultdict(set)
    if not ru_stems:
        return variants
    for short in sorted(kk_stems):
        if len(short) < stem_length:
            continue
        hit = process.extractOne(short, ru_stems, scorer=fuzz.ratio, score_cutoff=min_ratio)
        if hit is not None:
            variants[short].add(hit[0])
    return variants


def _capitalised(sentences: Iterable[str]) -> set[str]:
    names = set()
    for text in sentences:
        words = WORD_RE.findall(text)
        # The first word is capitalised by grammar, not because it is a name.
        names.update(w for w in words[1:] if len(w) >= 4 and w[0].isupper() and not w.isupper())
    return names


def learn_lexicon(pairs: Iterable[tuple[int, int]], kk: SideFeatures, ru: SideFeatures,
                  min_count: int, min_dice: float) -> dict[str, set[str]]:
    """Kazakh stem → Russian stems that keep turning up together in confident 1-1 beads (Dice association).

    :param pairs: (kk index, ru index) of confident 1-1 beads.
    """
    pairs = list(pairs)
    # Stems spelt alike on both sides already match; only the others need a translation.
    kk_vocabulary = {s for i, _ in pairs for s in kk.stems[i]}
    ru_vocabulary = {t for _, j in pairs for t in ru.stems[j]}
    counts = Cooccurrence()
    for i, j in pairs:
        counts.add((s for s in kk.stems[i] if s not in ru_vocabulary),
                   (t for t in ru.stems[j] if t not in kk_vocabulary))
    return {s: {t} for s, (t, _, _) in counts.best_partners(min_count, min_dice).items()}
