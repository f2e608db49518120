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


def test_base_forms_of_political_terms_lead_the_queue_with_one_score_scale(run_in, session):
    def setup(s):
        kk = import_file(s, CORPORA / "constitution_2026" / "kk.raw.txt", "kk", "Конституция").edition
        ru = import_file(s, CORPORA / "constitution_2026" / "ru.raw.txt", "ru", "Конституция").edition
        align_editions(s, kk, ru)
    run_in(setup)
    run_in(harvesting.harvest)
    rows = run_in(lambda s: [(c.kk, c.ru, c.score, c.kind) for c in harvesting.queue_page(s, limit=15)[0]])
    top = [(k, r) for k, r, _, kind in rows if kind == "bilingual"]
    for pair in [("Қазақстан Республикасы", "Республика Казахстан"), ("Құрылтай", "Курултай"),
                 ("Президент", "Президент")]:
        assert pair in top, top
    everything = session.scalars(select(GlossaryCandidate)).all()
    assert not any(c.kk.endswith("ның") and " " not in c.kk for c in everything)
    assert not any(c.ru in ("Республики", "соответствии") for c in everything)
    # one scale: evidence in sentence pairs, never more than the pairs there are
    pairs = session.scalar(select(func.count()).select_from(GlossaryCandidate))
    assert all(0 < c.score <= 1000 for c in everything) and pairs == len(everything)


def test_an_accepted_candidate_is_a_proposed_entry_until_a_person_approves_it(run_in, session):
    from workbench.services import glossary

    cid = run_in(lambda s: (s.add(c := GlossaryCandidate(kind="bilingual", kk="Құрылтай", ru="Курултай",
                                                        score=30.0)), s.flush(), c.id)[2])
    entry_id = run_in(harvesting.decide, cid, True, "editor")
    entry = session.get(GlossaryEntry, entry_id)
    assert entry.approval == "proposed" and entry.approved_by is None
    run_in(glossary.approve, entry_id, "editor")
    session.expire_all()
    assert session.get(GlossaryEntry, entry_id).approval == "approved"
