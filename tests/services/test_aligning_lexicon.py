"""Confirmed beads grow the aligner's lexicon: their sentence pairs are read back and learnt from."""
from __future__ import annotations

from corpus_paths import CORPORA
from sqlalchemy import select, update

from workbench.align.features import stem
from workbench.align.stem_lexicon import shipped_lexicon
from workbench.models import Bead
from workbench.services.aligning import align_editions, confirmed_sentence_pairs, grown_lexicon
from workbench.services.importing import import_file


def test_confirmed_beads_are_read_as_sentence_pairs_and_grow_the_lexicon(run_in, session):
    def setup(s):
        folder = CORPORA / "declaration_independence_20y"
        kk = import_file(s, folder / "kk.raw.txt", "kk", "Декларация").edition
        ru = import_file(s, folder / "ru.raw.txt", "ru", "Декларация").edition
        return align_editions(s, kk, ru).alignment.id
    alignment_id = run_in(setup)
    assert run_in(confirmed_sentence_pairs) == []
    assert run_in(grown_lexicon, None) is None  # nothing confirmed: the aligner's own default

    def confirm_first(s, count):
        ids = s.scalars(select(Bead.id).where(Bead.alignment_id == alignment_id, Bead.kk_end > Bead.kk_start,
                                              Bead.ru_end > Bead.ru_start).order_by(Bead.position).limit(count))
        s.execute(update(Bead).where(Bead.id.in_(list(ids))).values(status="confirmed"))
    run_in(confirm_first, 40)
    pairs = run_in(confirmed_sentence_pairs)
    assert len(pairs) == 40 and all(kk and ru for kk, ru in pairs)
    assert any("Тәуелсіздік" in kk and "Независимост" in ru for kk, ru in pairs)
    grown = run_in(grown_lexicon, None)
    shipped = shipped_lexicon().mapping()
    assert all(grown[k] >= v for k, v in shipped.items())
    assert len(grown) > len(shipped) or any(grown[k] != shipped.get(k) for k in grown)
    assert stem("независимость", 5) in grown[stem("тәуелсіздік", 5)]
