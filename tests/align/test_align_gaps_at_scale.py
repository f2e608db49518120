"""Long inputs where one edition lacks or adds whole blocks: a dropped block longer than one repeated copy,
an edition holding only half of the document, a block only one edition has. Copies of the constitution's
first 200 one-to-one beads, each copy opened by a heading with its own number ("Көшірме 1007" / "Копия 1007"), as the
repeated sections of a long law are; long enough that the aligner needs its coarse path."""
from __future__ import annotations

import pytest
from corpus_paths import CORPORA

from workbench.align import Bead, align, score_alignment

CONSTITUTION = CORPORA / "constitution_2026"
TATOEBA = CORPORA / "tatoeba_kaz_rus_sample"
COPY = 201  # one heading and 200 sentences


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def copies(count: int, numbered: bool = False) -> list[tuple[list[str], list[str]]]:
    """Units (kk sentences, ru sentences) of ``count`` copies, each opened by its heading (or, with
    ``numbered``, no heading and every sentence opening with its number in its copy)."""
    kk0, ru0 = _lines(CONSTITUTION / "kk.txt"), _lines(CONSTITUTION / "ru.txt")
    units = []
    for c in range(count):
        if not numbered:
            units.append(([f"Көшірме {1001 + c}"], [f"Копия {1001 + c}"]))
        units.extend(([f"{k + 1}. {kk0[k]}" if numbered else kk0[k]],
                      [f"{k + 1}. {ru0[k]}" if numbered else ru0[k]]) for k in range(200))
    return units


def emit(units: list[tuple[list[str], list[str]]]) -> tuple[list[str], list[str], list[Bead]]:
    kk: list[str] = []
    ru: list[str] = []
    gold = []
    for a, b in units:
        if a and b:
            gold.append(Bead(tuple(range(len(kk), len(kk) + len(a))), tuple(range(len(ru), len(ru) + len(b)))))
        else:
            gold.extend(Bead((len(kk) + k,), ()) for k in range(len(a)))
            gold.extend(Bead((), (len(ru) + k,)) for k in range(len(b)))
        kk.extend(a)
        ru.extend(b)
    return kk, ru, gold


def without(units, side: int, start: int, stop: int):
    """The units with ``side`` (0 kk, 1 ru) missing from ``start`` to ``stop``."""
    return [(a, []) if side == 1 and start <= k < stop else ([], b) if side == 0 and start <= k < stop else (a, b)
            for k, (a, b) in enumerate(units)]


def text_f1(kk, ru, gold, beads) -> float:
    """F1 over beads compared by their texts: in identical copies, a sentence of one copy paired with the
    same sentence of another is as right as the gold."""
    from collections import Counter

    def texts(bs):
        return Counter((tuple(kk[i] for i in b.kk), tuple(ru[j] for j in b.ru)) for b in bs)

    g, p = texts(gold), texts(beads)
    hits = sum((g & p).values())
    return 2 * hits / (sum(g.values()) + sum(p.values()))


def foreign_block(size: int) -> list[tuple[list[str], list[str]]]:
    """``size`` Kazakh sentences with no Russian: an inserted passage one edition lacks."""
    kk = _lines(TATOEBA / "kk.txt")
    return [([kk[k % len(kk)]], []) for k in range(size)]


# Shapes whose gold is the only right alignment: strict F1.
SHAPES = {
    "ru holds only the first half": lambda: without(copies(8), 1, 4 * COPY + 70, 8 * COPY),
    "ru holds only the middle half": lambda: without(without(copies(8), 1, 0, 2 * COPY + 30), 1, 6 * COPY + 30,
                                                    8 * COPY),
    "kk lacks the first quarter": lambda: without(copies(8), 0, 0, 2 * COPY + 90),
    "kk has an inserted block of 150": lambda: (lambda u: u[:3 * COPY + 60] + foreign_block(150) + u[3 * COPY + 60:])(
        copies(8)),
    "three ru blocks of 60, 120 and 150 missing": lambda: without(without(without(
        copies(8), 1, 150, 210), 1, 700, 820), 1, 1100, 1250),
}
# A gap longer than a copy: the copy it takes whole could as well be any other of its stretch (the texts
# are the same), so beads are compared by their texts.
LONGER_THAN_A_COPY = {
    "ru lacks a block of 1.5 copies": lambda: without(copies(8), 1, 2 * COPY + 50, 3 * COPY + 150),
    "three ru blocks of 60, 120 and 250 missing": lambda: without(without(without(
        copies(8), 1, 150, 210), 1, 700, 820), 1, 1100, 1350),
}


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_gaps_in_copies_with_headings_are_aligned(shape):
    kk, ru, gold = emit(SHAPES[shape]())
    beads = align(kk, ru)
    assert score_alignment(gold, beads).strict_f1 >= 0.99, shape


@pytest.mark.slow
@pytest.mark.parametrize("shape", LONGER_THAN_A_COPY)
def test_gaps_longer_than_a_copy_pair_the_same_texts(shape):
    kk, ru, gold = emit(LONGER_THAN_A_COPY[shape]())
    beads = align(kk, ru)
    assert text_f1(kk, ru, gold, beads) >= 0.99, shape
    # Everything outside the gap's stretch is still where the gold has it.
    assert score_alignment(gold, beads).strict_f1 >= 0.75, shape


@pytest.mark.slow
def test_numbered_copies_lacking_more_than_a_copy_pair_the_same_texts():
    # Without headings every copy is interchangeable: which copies the gap takes is not in the text.
    kk, ru, gold = emit(without(copies(8, numbered=True), 1, 300, 620))
    beads = align(kk, ru)
    assert text_f1(kk, ru, gold, beads) >= 0.99
