"""Fill the glossary's harvest queue from the stored texts; a person accepts or rejects each candidate."""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import InputError, NotFound
from workbench.glossary.abbreviations import find_definitions
from workbench.glossary.candidates import bilingual_candidates, new_candidates
from workbench.glossary.matching import TermMatcher
from workbench.glossary.model import Entry, Term
from workbench.models import Alignment, Bead, Edition, GlossaryCandidate, Segment, utcnow
from workbench.services import glossary
from workbench.services.checking import edition_text
from workbench.text.normalise import fold


@dataclass
class Harvest:
    abbreviations: int = 0
    bilingual: int = 0

    def summary(self) -> str:
        return f"{self.abbreviations} abbreviation definitions and {self.bilingual} term pairs added to the queue"


def _queued(session: Session) -> set[tuple[str, str, str]]:
    return {(c.kind, fold(c.kk), fold(c.ru)) for c in session.scalars(select(GlossaryCandidate))}


def harvest_abbreviations(session: Session, edition: Edition, matcher: TermMatcher, seen: set) -> int:
    """Abbreviation definitions in the edition («… (ҚХА)», lists, «бұдан әрі – …») the glossary lacks."""
    blocks, _ = edition_text(session, edition)
    added = 0
    for d in find_definitions(blocks):
        if matcher.find(d.abbreviation, edition.lang):
            continue
        kk, ru = (d.abbreviation, "") if edition.lang == "kk" else ("", d.abbreviation)
        key = ("abbreviation", fold(kk), fold(ru))
        if key in seen:
            continue
        seen.add(key)
        session.add(GlossaryCandidate(
            kind="abbreviation", kk=kk, ru=ru, score=1.0,
            examples=json.dumps([{"expansion": d.expansion, "lang": edition.lang,
                                  "where": f"{edition.source_name}:{d.line}"}], ensure_ascii=False),
            source=f"{edition.title} [{edition.lang}] line {d.line} ({d.source})"))
        added += 1
    return added


def harvest_bilingual(session: Session, alignment: Alignment, matcher: TermMatcher, seen: set,
                      limit: int = 100) -> int:
    """Term pairs that co-occur in the alignment's 1-1 beads, ranked by log-likelihood, with examples."""
    # Result objects have .keys(), so dict() would take them for mappings: build the dicts by hand.
    kk_text = {p: t for p, t in session.execute(select(Segment.position, Segment.text)
                                                .where(Segment.edition_id == alignment.kk_edition_id))}
    ru_text = {p: t for p, t in session.execute(select(Segment.position, Segment.text)
                                                .where(Segment.edition_id == alignment.ru_edition_id))}
    pairs = []
    for b in session.scalars(select(Bead).where(Bead.alignment_id == alignment.id).order_by(Bead.position)):
        if b.kk_end - b.kk_start == 1 and b.ru_end - b.ru_start == 1:
            pairs.append((kk_text[b.kk_start], ru_text[b.ru_start]))
    added = 0
    for c in new_candidates(bilingual_candidates(pairs, limit=limit), matcher):
        key = ("bilingual", fold(c.kk), fold(c.ru))
        if key in seen:
            continue
        seen.add(key)
        session.add(GlossaryCandidate(
            kind="bilingual", kk=c.kk, ru=c.ru, score=round(c.score, 2),
            examples=json.dumps([{"kk": pairs[i][0], "ru": pairs[i][1]} for i in c.examples[:3]],
                                ensure_ascii=False),
            source=f"alignment {alignment.id}: together in {c.joint} beads (Dice {c.dice:.2f})"))
        added += 1
    return added


def harvest(session: Session) -> Harvest:
    """Queue new candidates from every stored edition and alignment (nothing enters the glossary yet)."""
    matcher = TermMatcher(glossary.entries(session))
    seen = _queued(session)
    done = Harvest()
    for edition in session.scalars(select(Edition).order_by(Edition.id)):
        done.abbreviations += harvest_abbreviations(session, edition, matcher, seen)
    for alignment in session.scalars(select(Alignment).order_by(Alignment.id)):
        done.bilingual += harvest_bilingual(session, alignment, matcher, seen)
    return done


def queue(session: Session, status: str = "pending", offset: int = 0, limit: int = 50) -> list[GlossaryCandidate]:
    return list(session.scalars(select(GlossaryCandidate).where(GlossaryCandidate.status == status)
                                .order_by(GlossaryCandidate.kind, GlossaryCandidate.score.desc(),
                                          GlossaryCandidate.id).offset(offset).limit(limit)))


def decide(session: Session, candidate_id: int, accept: bool, user: str, kk: str | None = None,
           ru: str | None = None) -> str | None:
    """Accept (the pair becomes an approved glossary entry; the person may correct it first) or reject."""
    c = session.get(GlossaryCandidate, candidate_id)
    if c is None:
        raise NotFound(f"no candidate #{candidate_id}")
    if c.status != "pending":
        raise InputError(f"candidate #{candidate_id} was already {c.status} by {c.decided_by}")
    c.status, c.decided_by, c.decided_at = ("accepted" if accept else "rejected"), user, utcnow()
    if not accept:
        return None
    kk = (kk if kk is not None else c.kk).strip()
    ru = (ru if ru is not None else c.ru).strip()
    if not kk and not ru:
        raise InputError("an entry needs a Kazakh or a Russian term")
    kind = "abbreviation" if c.kind == "abbreviation" else "full-form"
    terms = [Term("kk", kk, kind)] if kk else []
    terms += [Term("ru", ru, kind)] if ru else []
    for example in json.loads(c.examples):
        if example.get("expansion"):
            terms.append(Term(example.get("lang", "kk"), example["expansion"], "full-form"))
    entry_id = f"cand-{c.id:04d}"
    glossary.save_entries(session, [Entry(entry_id, terms, note=c.source, source=c.source, approval="approved",
                                          approved_by=user, approved_at=utcnow().isoformat(timespec="seconds"))])
    return entry_id
