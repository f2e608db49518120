"""Harvesting: candidates from a real alignment go to the queue; nothing enters the glossary unasked."""
from __future__ import annotations

import json

from sqlalchemy import func, select

from corpus_paths import CORPORA
from workbench.models import GlossaryCandidate, GlossaryEntry
from workbench.services import harvesting
from workbench.services.aligning import align_editions
from workbench.services.importing import import_file


def test_constitution_alignment_yields_ranked_term_pairs_with_examples(run_in, session):
    def setup(s):
        kk = import_file(s, CORPORA / "constitution_2026" / "kk.raw.txt", "kk", "Конституция").edition
        ru = import_file(s, CORPORA / "constitution_2026" / "ru.raw.txt", "ru", "Конституция").edition
        align_editions(s, kk, ru)
    run_in(setup)
    done = run_in(harvesting.harvest)
    assert done.bilingual >= 50
    rows = session.scalars(select(GlossaryCandidate).where(GlossaryCandidate.kind == "bilingual")
                           .order_by(GlossaryCandidate.score.desc())).all()
    top = [(c.kk, c.ru) for c in rows[:40]]
    assert any(k.startswith("Құрылтай") and r.startswith("Курулта") for k, r in top), top
    example = json.loads(rows[0].examples)[0]
    assert example["kk"] and example["ru"]
    assert session.scalar(select(func.count()).select_from(GlossaryEntry)) == 0
    # a second harvest queues nothing twice
    again = run_in(harvesting.harvest)
    assert again.bilingual == 0 and again.abbreviations == 0
