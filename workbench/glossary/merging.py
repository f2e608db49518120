"""How imported entries meet the stored glossary (pure): match by terms, never by a foreign id.

An imported entry is the same concept as a stored one when they share a Kazakh term and a Russian
term (compared folded: case, ё/е and Unicode form do not matter); an entry in one language only
matches by its terms in that language. A match updates the stored entry with what the file's
format carries (``FileFormat.carries``) and adds the terms it lacks; nothing stored is removed and
a field the file leaves empty is kept. An entry matching nothing is added under its own id when
that id is free, else under a new one. An entry matching several stored entries goes to the one
with its id, else to the one sharing most terms; when that does not decide it is a conflict, reported
and skipped. Importing a file the workbench wrote therefore changes nothing.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from workbench.glossary.model import Entry
from workbench.text.normalise import fold

ENTRY_FIELDS = ("category", "note", "source")


@dataclass
class ImportPlan:
    """What an import will do (or did): entries to add, entries to update, unchanged ones, conflicts."""

    added: list[Entry] = field(default_factory=list)
    updated: list[tuple[Entry, Entry]] = field(default_factory=list)  # (stored, after the import)
    unchanged: list[tuple[Entry, str]] = field(default_factory=list)  # (imported, stored id)
    conflicts: list[str] = field(default_factory=list)  # one line per entry skipped
    notes: list[str] = field(default_factory=list)  # entries added or updated, with something to know

    def summary(self) -> str:
        added = len(self.added)
        return (f"{added} {'entry' if added == 1 else 'entries'} added, {len(self.updated)} updated, "
                f"{len(self.unchanged)} unchanged, "
                f"{len(self.conflicts)} skipped as conflicts")


_NOT_TEXT = re.compile("[\x00-\x1f\x7f-\x9f]")


def term_key(text: str) -> str:
    """What two spellings of one term share: folded, whitespace runs and control characters as one space."""
    return fold(" ".join(_NOT_TEXT.sub(" ", text).split()))


def _keys(entry: Entry, lang: str) -> set[str]:
    return {term_key(t.text) for t in entry.terms_in(lang)}


def label(entry: Entry) -> str:
    """``«Парламент» / «Парламент»`` — how a report names an entry."""
    parts = [f"«{t.text}»" for t in (entry.preferred("kk"), entry.preferred("ru")) if t is not None]
    return " / ".join(parts) or "(no term)"


def merged(stored: Entry, incoming: Entry, carries: frozenset[str]) -> Entry:
    """``stored`` with what ``incoming`` says that its format carries, plus the terms it lacks."""
    out = copy.deepcopy(stored)
    for name in ENTRY_FIELDS:
        value = getattr(incoming, name)
        if name in carries and value:
            setattr(out, name, value)
    if "approval" in carries and incoming.approval == "approved" and out.approval != "approved":
        out.approval, out.approved_by, out.approved_at = "approved", incoming.approved_by, incoming.approved_at
    have = {(t.lang, term_key(t.text)): t for t in out.terms}
    for term in incoming.terms:
        known = have.get((term.lang, term_key(term.text)))
        if known is None:
            out.terms.append(copy.copy(term))
            have[(term.lang, term_key(term.text))] = out.terms[-1]
            continue
        for name in ("type", "status"):
            if f"term.{name}" in carries:
                setattr(known, name, getattr(term, name))
        for name in ("pos", "note", "context"):
            if f"term.{name}" in carries and getattr(term, name):
                setattr(known, name, getattr(term, name))
    return out


def plan_import(stored: Iterable[Entry], incoming: Iterable[Entry], carries: frozenset[str],
                new_id: Callable[[set[str]], str]) -> ImportPlan:
    """Decide, entry by entry, what importing ``incoming`` into ``stored`` does (nothing is changed here).

    :param new_id: gives a fresh id not in the set of ids taken so far.
    """
    by_id = {e.id: e for e in stored}
    index: dict[tuple[str, str], set[str]] = {}
    for entry in by_id.values():
        for term in entry.terms:
            index.setdefault((term.lang, term_key(term.text)), set()).add(entry.id)
    taken = set(by_id)
    touched: dict[str, int] = {}  # stored id -> number of the file's entry that matched it
    plan = ImportPlan()
    current = dict(by_id)  # stored entries as updated by earlier entries of the file
    for number, entry in enumerate(incoming, start=1):
        name = f"entry {number}{f' ({entry.id})' if entry.id else ''} {label(entry)}"
        matches = {}
        for lang in ("kk", "ru"):
            keys = _keys(entry, lang)
            if keys:
                matches[lang] = set().union(*(index.get((lang, k), set()) for k in keys))
        same = set.intersection(*matches.values()) if matches else set()
        if len(same) > 1:
            same = _closest(entry, {i: current[i] for i in same})
        if len(same) > 1:
            plan.conflicts.append(f"{name}: matches entries {', '.join(sorted(same))}; skipped")
            continue
        if same:
            stored_id = same.pop()
            if stored_id in touched:
                plan.conflicts.append(f"{name}: matches entry {stored_id}, which entry {touched[stored_id]} of "
                                      f"this file already matched; skipped")
                continue
            touched[stored_id] = number
            after = merged(current[stored_id], entry, carries)
            if after == by_id[stored_id]:
                plan.unchanged.append((entry, stored_id))
            else:
                plan.updated.append((by_id[stored_id], after))
                current[stored_id] = after
            continue
        added = copy.deepcopy(entry)
        if not entry.id or entry.id in taken:
            added.id = new_id(taken)
            if entry.id:
                plan.notes.append(f"{name}: id {entry.id} belongs to another concept "
                                  f"{label(current.get(entry.id) or entry)}; added as {added.id}")
        taken.add(added.id)
        shared = sorted(set().union(*matches.values())) if matches else []
        if shared:
            plan.notes.append(f"{name}: added as {added.id}; shares a term with {', '.join(shared)} "
                              f"(a different sense?)")
        plan.added.append(added)
        for term in added.terms:
            index.setdefault((term.lang, term_key(term.text)), set()).add(added.id)
        current[added.id] = added
        by_id[added.id] = added
        touched[added.id] = number
    return plan


def _closest(entry: Entry, candidates: dict[str, Entry]) -> set[str]:
    """Of several stored entries sharing terms with ``entry``: the one with its id (the terms agree with
    it), else the one sharing the most terms; all of them when that does not decide."""
    if entry.id in candidates:
        return {entry.id}
    mine = {(t.lang, term_key(t.text)) for t in entry.terms}
    shared = {i: len(mine & {(t.lang, term_key(t.text)) for t in e.terms}) for i, e in candidates.items()}
    best = max(shared.values())
    top = {i for i, n in shared.items() if n == best}
    return top if len(top) == 1 else set(candidates)


def numbered_ids(prefix: str) -> Callable[[set[str]], str]:
    """``prefix-0001``, ``prefix-0002``, … skipping ids already taken."""
    last = 0

    def next_id(taken: set[str]) -> str:
        nonlocal last
        last += 1
        while f"{prefix}-{last:04d}" in taken:
            last += 1
        return f"{prefix}-{last:04d}"
    return next_id
