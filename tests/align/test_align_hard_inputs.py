"""Inputs that used to defeat the aligner: repetitive numbered text, sentences in the other order, a
sentence split at a comma."""
from __future__ import annotations

import pytest
from corpus_paths import CORPORA

from workbench.align import Bead, align, score_alignment

CONSTITUTION = CORPORA / "constitution_2026"
DECLARATION = CORPORA / "declaration_independence_20y"


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def numbered_copies(size: int, dropped: list[range]) -> tuple[list[str], list[str], list[Bead]]:
    """The constitution's 1-1 beads copied until ``size`` sentences, each opening with its number in its
    copy ("1. ", "2. " …); the ru sentences of the beads in ``dropped`` are missing."""
    kk0, ru0 = _lines(CONSTITUTION / "kk.txt"), _lines(CONSTITUTION / "ru.txt")
    pairs = [(kk0[k], ru0[k]) for k in range(200)]  # the first 200 beads are all 1-1
    kk, ru, gold = [], [], []
    gone = {k for r in dropped for k in r}
    for k in range(size):
        number = k % len(pairs) + 1
        a, b = pairs[k % len(pairs)]
        kk.append(f"{number}. {a}")
        if k in gone:
            gold.append(Bead((k,), ()))
        else:
            gold.append(Bead((k,), (len(ru),)))
            ru.append(f"{number}. {b}")
    return kk, ru, gold


def test_numbered_repetitive_text_with_missing_blocks_is_aligned():
    # Every sentence occurs ten times and opens with a number that occurs ten times: no key is rare
    # enough to anchor on, and the missing blocks are longer than any fixed band around the diagonal.
    kk, ru, gold = numbered_copies(2000, [range(300, 420), range(1100, 1250)])
    beads = align(kk, ru)
    assert score_alignment(gold, beads).strict_f1 >= 0.99


def test_sentences_translated_in_the_other_order_make_a_2_2_bead():
    kk, ru = _lines(DECLARATION / "kk.txt"), _lines(DECLARATION / "ru.txt")
    # kk 40 and 41 are translated by ru 40 and 41 (1-1 beads in the gold): swap the Russian pair.
    assert {"[40]:[40]", "[41]:[41]"} <= set(_lines(DECLARATION / "gold.txt"))
    ru = ru[:40] + [ru[41], ru[40]] + ru[42:]
    beads = align(kk, ru)
    bead = next(b for b in beads if 40 in b.kk)
    assert (bead.kk, bead.ru) == ((40, 41), (40, 41))


def test_a_swap_of_numbered_points_is_a_doubtful_2_2_bead():
    # Numbered points: "2." meets "3." on the straight pairs; the crossed pairs are the translation.
    kk = _lines(CONSTITUTION / "kk.txt")[:200]
    ru = _lines(CONSTITUTION / "ru.txt")[:200]
    assert {"[9]:[9]", "[10]:[10]"} <= set(_lines(CONSTITUTION / "gold.txt"))
    ru = ru[:9] + [ru[10], ru[9]] + ru[11:]
    beads = align(kk, ru)
    bead = next(b for b in beads if 9 in b.kk)
    assert (bead.kk, bead.ru) == ((9, 10), (9, 10))
    assert bead.score < 0.9


def test_sentence_split_at_a_comma_joins_its_halves_in_one_bead():
    kk, ru = _lines(DECLARATION / "kk.txt"), _lines(DECLARATION / "ru.txt")
    text = kk[22]
    comma = min((c for c, ch in enumerate(text) if ch == ","), key=lambda c: abs(c - len(text) / 2))
    rest = text[comma + 1:].lstrip()
    kk = kk[:22] + [text[:comma] + ".", rest[0].upper() + rest[1:]] + kk[23:]
    beads = align(kk, ru)
    assert "[22]:[21]" in _lines(DECLARATION / "gold.txt")
    bead = next(b for b in beads if 22 in b.kk)
    assert (bead.kk, bead.ru) == ((22, 23), (21,))


def test_unrelated_sentences_paired_one_to_one_are_doubtful():
    # The Russian sentence 30 is replaced by an unrelated one of about the same length: the DP may still
    # pair it with kk 30 (nothing better is on offer), but never with confidence.
    kk, ru = _lines(DECLARATION / "kk.txt"), _lines(DECLARATION / "ru.txt")
    assert "[31]:[30]" in _lines(DECLARATION / "gold.txt")
    unrelated = "Ночью над рекой долго кричали птицы, и никто в деревне не мог уснуть до самого утра."
    ru = ru[:30] + [unrelated] + ru[31:]
    beads = align(kk, ru)
    bead = next(b for b in beads if 30 in b.ru)
    assert bead.score < 0.9, bead


def test_swapped_sentences_are_never_confident_skips():
    kk = _lines(CONSTITUTION / "kk.txt")[:200]
    ru = _lines(CONSTITUTION / "ru.txt")[:200]
    ru = ru[:9] + [ru[10], ru[9]] + ru[11:]
    beads = align(kk, ru)
    around = [b for b in beads if set(b.kk) & {9, 10} or set(b.ru) & {9, 10}]
    assert all(b.score < 0.9 for b in around if not (b.kk and b.ru) or len(b.kk) + len(b.ru) > 2)


@pytest.mark.parametrize("kk, ru", [
    (["Бір сөйлем"], ["Одно предложение"]),            # no shared key at all
    (["1.", "2."], ["3."]),                            # numbers only
    (["!!!", "..."], ["?", "—"]),                      # punctuation only
    ([""], ["Предложение."]),                          # an empty sentence
])
def test_tiny_inputs_without_shared_keys_are_aligned(kk, ru):
    beads = align(kk, ru)
    assert sorted(i for b in beads for i in b.kk) == list(range(len(kk)))
    assert sorted(j for b in beads for j in b.ru) == list(range(len(ru)))
    assert all(0.0 <= b.score <= 1.0 for b in beads)
