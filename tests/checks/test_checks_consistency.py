"""Inconsistency both ways across a whole alignment."""
from __future__ import annotations

from workbench.checks.consistency import InconsistentSourceCheck, InconsistentTranslationCheck

from test_checks_bilingual import pair  # noqa: E402  (tests/checks is on sys.path: no package)

KK = "Қазақстан Республикасы – демократиялық, зайырлы, құқықтық және әлеуметтік мемлекет."
RU = "Республика Казахстан – демократическое, светское, правовое и социальное государство."
RU_OTHER = "Казахстан является демократическим, светским, правовым и социальным государством."


def test_same_sentence_rendered_two_ways():
    found = InconsistentTranslationCheck().run(pair([(KK, RU), ("Иә.", "Да."), (KK, RU_OTHER), (KK, RU)]))
    assert [(f.bead, f.message) for f in found] == [(2, "rendered differently from the same sentence at line 100")]


def test_two_sentences_rendered_the_same_way():
    kk_other = "Қазақстан – демократиялық, зайырлы және әлеуметтік мемлекет болып табылады."
    found = InconsistentSourceCheck().run(pair([(KK, RU), (kk_other, RU)]))
    assert [f.bead for f in found] == [1]


def test_short_sentences_may_be_rendered_differently():
    assert InconsistentTranslationCheck().run(pair([("Иә.", "Да."), ("Иә.", "Конечно.")])) == []
