"""A 1-1 bead the DP leaves between two skips is split into two skips when its keys speak against it."""
from __future__ import annotations

from workbench.align import AlignConfig, Side
from workbench.align.aligner import _bead_cost, unpair_isolated
from workbench.align.cost import BeadCost
from workbench.align.features import side_features

KK = [
    "Парламент екі палатадан тұрады: Сенат пен Мәжіліс.",
    "Шымкент облысында Оңтүстік металлургия комбинаты іске қосылды.",
    "Ақтөбе мұражайында Сарайшық экспедициясының олжалары көрмеге қойылды.",
    "Астана қаласы 1997 жылы елорда болды.",
    "Президент Сенаттың 15 депутатын тағайындайды.",
]
RU = [
    "Парламент состоит из двух палат: Сената и Мажилиса.",
    "В Павлодаре открылась выставка гончарных изделий Ботая.",
    "Экспедиция Сарайшык передала свои находки музею Актобе.",
    "Город Астана стал столицей в 1997 году.",
    "Президент назначает 15 депутатов Сената.",
]


def bead_cost(config: AlignConfig) -> BeadCost:
    kk_f, ru_f = side_features(KK, config.stem_length), side_features(RU, config.stem_length)
    return _bead_cost(kk_f, ru_f, {}, (), (), Side(KK), Side(RU), config)


def test_unsupported_pair_between_skips_becomes_two_skips():
    bc = bead_cost(AlignConfig())
    # kk 1 is left over, then kk 2 is paired with the unrelated ru 1, then ru 2 is left over.
    path = [(0, 1, 0, 1), (1, 1, 1, 0), (2, 1, 1, 1), (3, 0, 2, 1), (3, 1, 3, 1), (4, 1, 4, 1)]
    assert bc.pair_llr(2, 1) < 0.0
    assert unpair_isolated(bc, path, 1.0) == [
        (0, 1, 0, 1), (1, 1, 1, 0), (2, 1, 1, 0), (3, 0, 1, 1), (3, 0, 2, 1), (3, 1, 3, 1), (4, 1, 4, 1)]


def test_supported_pair_between_skips_stays():
    bc = bead_cost(AlignConfig())
    # kk 2 and ru 2 share the names Сарайшық / Сарайшык and Ақтөбе / Актобе.
    assert bc.pair_llr(2, 2) > 1.0
    path = [(0, 1, 0, 1), (1, 1, 1, 0), (2, 0, 1, 1), (2, 1, 2, 1), (3, 0, 3, 1), (3, 1, 4, 0), (4, 1, 4, 1)]
    assert unpair_isolated(bc, path, 1.0) == path


def test_unsupported_pair_next_to_a_one_to_one_bead_stays():
    bc = bead_cost(AlignConfig())
    # Only one neighbour is a skip: the pair is not inside a run of skips.
    path = [(0, 1, 0, 1), (1, 1, 1, 0), (2, 1, 1, 1), (3, 1, 2, 1), (4, 0, 3, 1), (4, 1, 4, 1)]
    assert unpair_isolated(bc, path, 1.0) == path
