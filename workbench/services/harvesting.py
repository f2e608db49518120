"""Fill the glossary's harvest queue from the stored texts; a person accepts or rejects each candidate.

Every candidate has one score, with one meaning (``SCORE_MEANING``): the sentence pairs of evidence
for it. An accepted candidate becomes a *proposed* entry; only a person's approval makes it approved.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.errors import N_, InputError, Message, NotFound, stored_json
from workbench.glossary.abbreviations import find_definitions, letters_fit
from workbench.glossary.candidates import bilingual_candidates, new_candidates
from workbench.glossary.matching import TermMatcher
from workbench.glossary.model import Entry, Term
from workbench.models import Alignment, Bead, Edition, GlossaryCandidate, Segment, utcnow
from workbench.services import glossary
from workbench.services.checking import edition_text
from workbench.text.normalise import fold, sort_key

SCORE_MEANING = N_("Score: the evidence for a candidate, in sentence pairs. A term pair scores the aligned "
                   "sentence pairs holding both sides, times how consistently they go together (Dice: 1 when "
                   "neither side occurs without the other); only pairs significant at p < 0.001 are proposed. "
                   "An abbreviation definition found in a text scores 1, or 0.5 when its letters do not fit "
                   "the expansion.")
SORTS = {"score": "best evidence first", "kk": "Kazakh A–Я", "ru": "Russian А–Я", "kind": "kind", "newest": "newest"}


@dataclass
class Harvest:
    abbreviations: int = 0
    bilingual: int = 0

    def summary(self) -> Message:
        return Message(N_("%(abbreviations)s abbreviation definitions and %(pairs)s term pairs added to the queue"),
                       abbreviations=self.abbreviations, pairs=self.bilingual)


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
            kind="abbreviation", kk=kk, ru=ru, score=1.0 if letters_fit(d.abbreviation, d.expansion) else 0.5,
            examples=json.dumps([{"expansion": d.expansion, "lang": edition.lang,
                                  "where": f"{edition.source_name}:{d.line}"}], ensure_ascii=False),
            **_source(Message(N_("%(title)s [%(lang)s] line %(line)s (list)") if d.source == "list" else
                              N_("%(title)s [%(lang)s] line %(line)s (inline)"),
                              title=edition.title, lang=edition.lang, line=d.line))))
        added += 1
    return added


def _source(message: Message) -> dict[str, str | None]:
    """The ``source`` (English) and ``source_json`` (msgid and values) columns of a candidate."""
    return {"source": str(message), "source_json": stored_json(message)}


def harvest_bilingual(session: Session, alignment: Alignment, matcher: TermMatcher, seen: set,
                      limit: int = 400) -> int:
    """Term pairs that co-occur in the alignment's 1-1 beads, ranked by log-likelihood, with examples."""
    # Result objects have .keys(), so dict() would take them for mappings: build the dicts by hand.
    # Sentences an editor deleted are left out (a bead that paired one pairs nothing now).
    kk_text = {p: t for p, t in session.execute(select(Segment.position, Segment.text).where(
        Segment.edition_id == alignment.kk_edition_id, Segment.deleted.is_(False)))}
    ru_text = {p: t for p, t in session.execute(select(Segment.position, Segment.text).where(
        Segment.edition_id == alignment.ru_edition_id, Segment.deleted.is_(False)))}
    pairs = []
    for b in session.scalars(select(Bead).where(Bead.alignment_id == alignment.id).order_by(Bead.position)):
        if (b.kk_end - b.kk_start == 1 and b.ru_end - b.ru_start == 1 and b.kk_start in kk_text
                and b.ru_start in ru_text):
            pairs.append((kk_text[b.kk_start], ru_text[b.ru_start]))
    added = 0
    for c in new_candidates(bilingual_candidates(pairs, limit=limit), matcher):
        key = ("bilingual", fold(c.kk), fold(c.ru))
        if key in seen:
            continue
        seen.add(key)
        seen_as = ("" if (c.kk_seen, c.ru_seen) == (c.kk, c.ru) else
                   Message(N_(", seen as «%(kk)s» ↔ «%(ru)s»"), kk=c.kk_seen, ru=c.ru_seen))
        session.add(GlossaryCandidate(
            kind="bilingual", kk=c.kk, ru=c.ru, score=c.evidence,
            examples=json.dumps([{"kk": pairs[i][0], "ru": pairs[i][1]} for i in c.examples[:3]],
                                ensure_ascii=False),
            **_source(Message(N_("alignment %(id)s: together in %(n)s sentence pairs (Dice %(dice)s, "
                                 "G² %(g2)s)%(seen_as)s"), id=alignment.id, n=c.joint, dice=f"{c.dice:.2f}",
                              g2=f"{c.score:.0f}", seen_as=seen_as))))
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
    return queue_page(session, status, "score", offset, limit)[0]


def queue_page(session: Session, status: str = "pending", sort: str = "score", offset: int = 0,
               limit: int = 50) -> tuple[list[GlossaryCandidate], int]:
    """One page of the candidates with ``status``, sorted by ``sort`` (a key of ``SORTS``), and their total."""
    order = {"score": (GlossaryCandidate.score.desc(),), "kk": (GlossaryCandidate.kk,),
             "ru": (GlossaryCandidate.ru,), "kind": (GlossaryCandidate.kind, GlossaryCandidate.score.desc()),
             "newest": (GlossaryCandidate.id.desc(),)}.get(sort, (GlossaryCandidate.score.desc(),))
    where = GlossaryCandidate.status == status
    total = session.scalar(select(func.count()).select_from(GlossaryCandidate).where(where)) or 0
    rows = list(session.scalars(select(GlossaryCandidate).where(where).order_by(*order, GlossaryCandidate.id)
                                .offset(offset).limit(limit)))
    if sort in ("kk", "ru"):  # the database's collation does not know Kazakh letters: sort the page in Python
        rows.sort(key=lambda c: sort_key(fold(getattr(c, sort))))
    return rows, total


def reject_many(session: Session, candidate_ids: list[int], user: str) -> int:
    """Reject every pending candidate among ``candidate_ids``; returns how many were rejected."""
    rows = session.scalars(select(GlossaryCandidate).where(GlossaryCandidate.id.in_(candidate_ids),
                                                           GlossaryCandidate.status == "pending")).all()
    now = utcnow()
    for c in rows:
        c.status, c.decided_by, c.decided_at = "rejected", user, now
    return len(rows)


def decide(session: Session, candidate_id: int, accept: bool, user: str, kk: str | None = None,
           ru: str | None = None) -> str | None:
    """Accept (the pair becomes a *proposed* glossary entry, approved later by a person on its page; the
    person may correct the terms first) or reject."""
    c = session.get(GlossaryCandidate, candidate_id)
    if c is None:
        raise NotFound(N_("no candidate #%(candidate_id)s"), candidate_id=candidate_id)
    if c.status != "pending":
        raise InputError(N_("candidate #%(candidate_id)s was already %(status)s by %(decided_by)s"),
                         candidate_id=candidate_id, status=Message(c.status), decided_by=c.decided_by)
    c.status, c.decided_by, c.decided_at = ("accepted" if accept else "rejected"), user, utcnow()
    if not accept:
        return None
    kk = (kk if kk is not None else c.kk).strip()
    ru = (ru if ru is not None else c.ru).strip()
    if not kk and not ru:
        raise InputError(N_("an entry needs a Kazakh or a Russian term"))
    kind = "abbreviation" if c.kind == "abbreviation" else "full-form"
    terms = [Term("kk", kk, kind)] if kk else []
    terms += [Term("ru", ru, kind)] if ru else []
    for example in json.loads(c.examples):
        if example.get("expansion"):
            terms.append(Term(example.get("lang", "kk"), example["expansion"], "full-form"))
    entry_id = f"cand-{c.id:04d}"
    glossary.save_entries(session, [Entry(entry_id, terms, note=f"harvested; accepted by {user}",
                                          source=c.source, approval="proposed")])
    return entry_id
