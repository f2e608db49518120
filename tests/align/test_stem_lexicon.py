"""The shipped kk–ru stem lexicon: it loads, says where it comes from, and helps; it can grow from beads."""
from __future__ import annotations

import pytest

from workbench.align import AlignConfig
from workbench.align.features import stem
from workbench.align.stem_lexicon import (
    StemLexicon,
    format_lexicon,
    grown_mapping,
    learn_from_pairs,
    parse_lexicon,
    shipped_lexicon,
)
from workbench.errors import InputError


def test_shipped_lexicon_loads_with_its_provenance():
    lexicon = shipped_lexicon()
    assert lexicon.stem_length == AlignConfig().stem_length
    assert len(lexicon.entries) > 300
    text = " ".join(lexicon.provenance)
    assert "scripts/build_align_lexicon.py" in text and "constitution_2026" in text and "glossary" in text
    # The held-out document is named as held out, and nothing was learnt from it alone.
    assert "Held out: corpora/law_state_independence_1991" in text
    assert {e.source for e in lexicon.entries} <= {"corpora", "glossary"}
    assert all(e.count >= 1 and 0.5 <= e.dice <= 1.0 for e in lexicon.entries)


def test_shipped_lexicon_knows_words_that_share_no_letters():
    mapping = shipped_lexicon().mapping()
    assert stem("независимость", 5) in mapping[stem("тәуелсіздік", 5)]
    assert stem("граждане", 5) in mapping[stem("азаматтары", 5)]


def test_lexicon_file_round_trips_and_bad_rows_name_the_line():
    lexicon = shipped_lexicon()
    assert parse_lexicon(format_lexicon(lexicon), "x.tsv").entries == lexicon.entries
    with pytest.raises(InputError, match=r"^x\.tsv:3: count or dice is not a number"):
        parse_lexicon("# stem_length: 5\nkk_stem\tru_stem\tcount\tdice\tsource\nа\tб\tmany\t1\tx\n", "x.tsv")
    with pytest.raises(InputError, match=r"^x\.tsv: no '# stem_length: N' line"):
        parse_lexicon("kk_stem\tru_stem\tcount\tdice\tsource\n", "x.tsv")


def test_confirmed_pairs_grow_the_lexicon():
    pairs = [("Бостандық бәрінен қымбат.", "Свобода дороже всего."),
             ("Сөз бостандығы кепілдік етіледі.", "Свобода слова гарантируется."),
             ("Ар-ождан бостандығы берілген.", "Свобода совести дана.")]
    learnt = learn_from_pairs(pairs, 5, "confirmed beads")
    assert [(e.kk, e.ru, e.count) for e in learnt if e.kk == stem("бостандық", 5)] == \
        [(stem("бостандық", 5), stem("свобода", 5), 3)]
    grown = grown_mapping(StemLexicon(5, ()), pairs)
    assert grown[stem("бостандық", 5)] == {stem("свобода", 5)}
    # One pair alone proves nothing: a word seen once is not learnt.
    assert stem("бостандық", 5) not in grown_mapping(StemLexicon(5, ()), pairs[:1])
