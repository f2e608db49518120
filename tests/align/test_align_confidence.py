"""The confidence of beads that are doubtful for a reason a reviewer should see: sentences translated in the
other order, an unrelated sentence paired one to one, a skip that belongs to its neighbour."""
from __future__ import annotations

import numpy as np
import pytest
from corpus_paths import CORPORA

from workbench.align import AlignConfig, Side, align, parse_beads
from workbench.align.aligner import _bead_cost as _bead_cost_of
from workbench.align.confidence import FEATURES, MAX_MARGIN, bead_features, neighbour_margins
from workbench.align.features import side_features

JOIN = FEATURES.index("margin to joining a neighbour")
CROSS = FEATURES.index("margin to crossing with a neighbour")
NEARBY = FEATURES.index("skips within two beads")
LENGTH = FEATURES.index("length outlier")
GAP = FEATURES.index("margin to moving a gap")


def _lines(name: str, file: str) -> list[str]:
    return (CORPORA / name / file).read_text(encoding="utf-8").splitlines()


def _one_to_one_pairs(name: str, limit: int | None = None) -> list[tuple[int, int]]:
    """(kk, ru) of the first sentence of every two neighbouring 1-1 gold beads, every eighth such spot."""
    gold = parse_beads((CORPORA / name / "gold.txt").read_text(encoding="utf-8"), "gold.txt")
    if limit is not None:
        gold = [b for b in gold if b.kk and b.kk[-1] < limit and b.ru and b.ru[-1] < limit]
    spots = [(gold[k].kk[0], gold[k].ru[0]) for k in range(len(gold) - 1)
             if len(gold[k].kk) == len(gold[k].ru) == len(gold[k + 1].kk) == len(gold[k + 1].ru) == 1
             and gold[k + 1].kk[0] == gold[k].kk[0] + 1 and gold[k + 1].ru[0] == gold[k].ru[0] + 1]
    return spots[::8]


DOCUMENTS = {"declaration_independence_20y": None, "tatoeba_kaz_rus_sample": None, "constitution_2026": 150}
SWAPS = [(name, side, i, j) for name, limit in DOCUMENTS.items() for side in ("kk", "ru")
         for i, j in _one_to_one_pairs(name, limit)]


@pytest.mark.parametrize("name, side, i, j", SWAPS)
def test_sentences_in_the_other_order_make_a_2_2_bead_or_doubtful_beads(name, side, i, j):
    limit = DOCUMENTS[name]
    kk, ru = _lines(name, "kk.txt")[:limit], _lines(name, "ru.txt")[:limit]
    if side == "ru":
        ru[j], ru[j + 1] = ru[j + 1], ru[j]
    else:
        kk[i], kk[i + 1] = kk[i + 1], kk[i]
    beads = align(kk, ru)
    around = [b for b in beads if set(b.kk) & {i, i + 1} or set(b.ru) & {j, j + 1}]
    joined = [b for b in around if b.kk == (i, i + 1) and b.ru == (j, j + 1)]
    assert joined or all(b.score < 0.9 for b in around), around
    # A 2-2 bead of sentences in the other order is right, but a reviewer should still look at it.
    assert all(b.score < 0.9 for b in joined)


UNRELATED = [
    "Ночью над рекой долго кричали птицы, и никто в деревне не мог уснуть до самого утра.",
    "Бабушка испекла пирог с яблоками и позвала внуков к столу.",
    "На вокзале объявили посадку на поезд до Павлодара, отправление через десять минут.",
    "Футбольный матч перенесли из-за сильного дождя.",
]


@pytest.mark.parametrize("name, position, text", [
    (name, j, UNRELATED[n % len(UNRELATED)]) for name, limit in DOCUMENTS.items()
    for n, (_, j) in enumerate(_one_to_one_pairs(name, limit)[1:5])])
def test_an_unrelated_sentence_is_never_paired_with_confidence(name, position, text):
    limit = DOCUMENTS[name]
    kk, ru = _lines(name, "kk.txt")[:limit], _lines(name, "ru.txt")[:limit]
    ru[position] = text
    beads = align(kk, ru)
    bead = next(b for b in beads if position in b.ru)
    assert not bead.kk or bead.score < 0.9, bead


KK = [
    "Парламент екі палатадан тұрады: Сенат пен Мәжіліс.",
    "Сенат депутаттарының өкілеттік мерзімі алты жыл.",
    "Астана қаласы 1997 жылы елорда болды.",
    "Президент Сенаттың 15 депутатын тағайындайды.",
]
RU = [
    "Парламент состоит из двух палат: Сената и Мажилиса. Срок полномочий депутатов Сената шесть лет.",
    "Город Астана стал столицей в 1997 году.",
    "Президент назначает 15 депутатов Сената.",
]


def _bead_cost(ru: list[str] = RU):
    config = AlignConfig()
    kk_f, ru_f = side_features(KK, config.stem_length), side_features(ru, config.stem_length)
    return _bead_cost_of(kk_f, ru_f, {}, (), (), Side(KK), Side(ru), config)


@pytest.mark.parametrize("path, doubtful, sure", [
    # kk 1 belongs with kk 0 in one 2-1 bead: left as a skip, joining it with its neighbour is cheaper.
    ([(0, 1, 0, 1), (1, 1, 1, 0), (2, 1, 1, 1), (3, 1, 2, 1)], [0, 1], [2, 3]),
    # The right path: no neighbour is worth joining.
    ([(0, 2, 0, 1), (2, 1, 1, 1), (3, 1, 2, 1)], [], [0, 1, 2]),
])
def test_margin_to_joining_a_neighbour(path, doubtful, sure):
    bc = _bead_cost()
    features = bead_features(bc, path)
    for k in doubtful:
        assert features[k][JOIN] < 0.0, (k, features[k][JOIN])
    for k in sure:
        assert features[k][JOIN] > 0.0, (k, features[k][JOIN])


@pytest.mark.parametrize("ru, sign", [(RU, 1.0), ([RU[0], RU[2], RU[1]], -1.0)])
def test_margin_to_crossing_two_neighbouring_pairs(ru, sign):
    # The path pairs kk 2 with ru 1 and kk 3 with ru 2: right for RU, crossed when ru 1 and 2 change places.
    bc = _bead_cost(ru)
    path = [(0, 2, 0, 1), (2, 1, 1, 1), (3, 1, 2, 1)]
    _, cross = neighbour_margins(bc, path, np.array([bc.cost(*bead) for bead in path]))
    assert cross[0] == MAX_MARGIN  # a 2-1 bead has nothing to cross with
    assert cross[1] == cross[2]
    assert cross[1] * sign > 0.0


def test_skips_nearby_and_length_outlier():
    bc = _bead_cost()
    path = [(0, 1, 0, 0), (1, 1, 0, 0), (2, 0, 0, 1), (2, 1, 1, 1), (3, 1, 2, 1)]
    features = bead_features(bc, path)
    assert [features[k][NEARBY] for k in range(5)] == [2, 2, 2, 2, 1]
    assert features[0][LENGTH] == 0.0  # a skip has no length ratio
    assert 0.0 <= features[3][LENGTH] < 1.0  # a translation of about the text's own ratio


def test_straight_pairs_whose_crossing_is_cheaper_are_doubtful():
    # A proverb without keys and a sentence whose translation sits one line down: the DP keeps the pairs
    # straight (a short unmatched sentence does not pay for a swap), so both are wrong and must look it.
    kk = [*KK, "Ақтан сұрағанның аты азып, тоны тозбас.", "Айт - мұсылмандардың ұлы мейрамы."]
    ru = [*RU, "Айт - великий праздник мусульман.",
          "Кто честно трудится, у того конь не изнуряется и одежда не изнашивается."]
    beads = align(kk, ru)
    last = [b for b in beads if set(b.kk) & {4, 5}]
    assert [(b.kk, b.ru) for b in last] == [((4,), (3,)), ((5,), (4,))]
    assert all(b.score < 0.9 for b in last), last


GAP_KK = [
    "Парламент екі палатадан тұрады: Сенат пен Мәжіліс.",
    "Президент Сенаттың 15 депутатын тағайындайды.",
    "Президент Сенаттың 15 депутатын тағайындайды.",
    "Астана қаласы 1997 жылы елорда болды.",
]
GAP_RU = [
    "Парламент состоит из двух палат: Сената и Мажилиса.",
    "Президент назначает 15 депутатов Сената.",
    "Город Астана стал столицей в 1997 году.",
]


@pytest.mark.parametrize("doubled, doubtful", [(True, [1, 2]), (False, [])])
def test_margin_to_moving_a_gap(doubled, doubtful):
    # kk 2 has no ru counterpart. When it repeats kk 1, the gap could as well be kk 1: the skip and the pair
    # the move would change are doubtful; when kk 2 is unrelated, moving the gap costs a real pairing.
    kk = list(GAP_KK) if doubled else [*GAP_KK[:2], "Бүгін күн жылы әрі ашық болды.", GAP_KK[3]]
    config = AlignConfig()
    kk_f, ru_f = side_features(kk, config.stem_length), side_features(GAP_RU, config.stem_length)
    bc = _bead_cost_of(kk_f, ru_f, {}, (), (), Side(kk), Side(GAP_RU), config)
    path = [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 0), (3, 1, 2, 1)]
    margins = bead_features(bc, path)[:, GAP]
    for k in range(4):
        if k in doubtful:
            assert margins[k] <= 0.0, (k, margins)
        else:
            assert margins[k] > 0.5, (k, margins)
