"""Beads at the edge of a missing passage: skips stay skips instead of being merged into a neighbour."""
from __future__ import annotations

from test_align_shapes import KK, RU, diagonal, shapes

from workbench.align import Bead, Side, align
from workbench.align.aligner import aligned_ratio
from workbench.align.features import side_features

# A pair sharing so many names and numbers that its evidence reaches the cap of the lexical term.
STRONG_KK = ("Алматы, Астана, Шымкент, Қарағанды, Ақтөбе, Павлодар, Семей, Атырау және Орал қалаларында "
             "2011 жылғы 16 желтоқсанда 20 мыңнан астам адам мерекелік шараларға қатысты.")
STRONG_RU = ("В городах Алматы, Астана, Шымкент, Караганда, Актобе, Павлодар, Семей, Атырау и Орал "
             "16 декабря 2011 года в праздничных мероприятиях приняли участие более 20 тысяч человек.")


def test_untranslated_sentence_next_to_a_strong_pair_is_a_skip_not_part_of_its_bead():
    # The extra sentence names the Mazhilis and the Senate, which the Russian pair does not mention:
    # its own keys speak against the pair even though the pair's total evidence is capped.
    extra = "Мәжіліс пен Сенат депутаттары құттықтады."
    kk = KK[:4] + [STRONG_KK, extra] + KK[4:]
    ru = RU[:4] + [STRONG_RU] + RU[4:]
    expected = diagonal(5) + [((5,), ())] + [((i,), (i - 1,)) for i in range(6, 10)]
    assert shapes(align(kk, ru)) == expected


def test_heading_run_into_the_first_sentence_pairs_with_both_across_a_given_paragraph_start():
    kk = ["ТӘУЕЛСІЗДІК ТУРАЛЫ ДЕКЛАРАЦИЯ"] + KK
    ru = ["ДЕКЛАРАЦИЯ О НЕЗАВИСИМОСТИ " + RU[0]] + RU[1:]
    expected = [((0, 1), (0,))] + [((i,), (i - 1,)) for i in range(2, 9)]
    kk_side = Side(kk, paragraph_starts=frozenset({0, 1, 5}))
    ru_side = Side(ru, paragraph_starts=frozenset({0, 4}))
    assert shapes(align(kk_side, ru_side)) == expected
    assert shapes(align(kk, ru)) == expected


def test_length_ratio_of_the_second_pass_ignores_skipped_sentences():
    kk_f = side_features(["aaaa", "bbbbbbbbbb", "cccc"], 5)
    ru_f = side_features(["dddddddd", "eeeeeeee"], 5)
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), (1,))]
    assert aligned_ratio(beads, kk_f, ru_f) == (16 + 1) / (8 + 1)
    assert aligned_ratio([Bead((0,), ()), Bead((), (0,))], kk_f, ru_f) is None
