"""First-start set-up: import the bundled corpora, align the bundled pairs and load the shipped glossary
(each only once), and create the local admin, so a new user sees real data at once.

Each step done yields one progress line ending with the seconds it took. About 17 s in all on the
bundled corpora (2 shared cores; SQLite or PostgreSQL alike), a third of it the errata checks of the book.
"""
from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from workbench.services import checking, glossary
from workbench.services.aligning import align_editions, find_alignment
from workbench.services.importing import import_file


@dataclass(frozen=True)
class BundledText:
    path: str  # relative to the corpora folder
    lang: str
    title: str


BOOK_TITLE = "Егемен Қазақстандағы саяси ойтаным (Чеботарёв, 2021)"
PAIRS = (
    ("constitution_2026", "Конституция Республики Казахстан 2026"),
    ("declaration_independence_20y", "Декларация 20-летия государственной независимости 2011"),
    ("law_state_independence_1991", "Закон о государственной независимости 1991"),
)
BUNDLED: tuple[BundledText, ...] = (BundledText("chebotarev-2021.kk.txt", "kk", BOOK_TITLE),) + tuple(
    BundledText(f"{folder}/{lang}.raw.txt", lang, title) for folder, title in PAIRS for lang in ("kk", "ru"))


class StepClock:
    """Appends to each progress line the time since the previous one."""

    def __init__(self) -> None:
        self.last = time.perf_counter()

    def done(self, line: str) -> str:
        now = time.perf_counter()
        line, self.last = f"{line}  ({now - self.last:.1f} s)", now
        return line


def prepare(session: Session, config: Mapping[str, object], instance_path: str | None = None) -> Iterator[str]:
    """Do whatever first-start work is still undone; yields one progress line per step, with its time."""
    clock = StepClock()
    loaded = glossary.load_shipped(session, Path(str(config["GLOSSARY_DIR"])))
    if loaded.created:
        yield clock.done(f"glossary: {loaded.created} shipped entries loaded")
    corpora = Path(str(config["CORPORA_DIR"]))
    editions = {}
    for text in BUNDLED:
        result = import_file(session, corpora / text.path, text.lang, text.title,
                             int(config["MAX_IMPORT_BYTES"]))  # type: ignore[arg-type]
        editions[text.path] = result.edition
        if result.created:
            yield clock.done(f"{text.path}: imported as edition {result.edition.id} "
                             f"({result.edition.segment_count} sentences)")
    pairs = None
    for folder, _title in PAIRS:
        kk, ru = editions[f"{folder}/kk.raw.txt"], editions[f"{folder}/ru.raw.txt"]
        if find_alignment(session, kk, ru) is None:
            pairs = pairs if pairs is not None else glossary.term_pairs(session)
            done = align_editions(session, kk, ru, glossary=pairs)
            yield clock.done(f"{folder}: {done.summary()}")
            checked = checking.check_alignment(session, done.alignment)
            yield clock.done(f"{folder}: checks across the alignment: {checked.found} findings")
    book = editions[BUNDLED[0].path]
    if not checking.has_findings(session, book.id):
        checked = checking.check_edition(session, book)
        yield clock.done(f"{BUNDLED[0].path}: errata checks: {checked.summary()}")
    if instance_path is not None:
        from workbench.services.accounts import ensure_admin

        message = ensure_admin(session, instance_path)
        if message:
            yield clock.done(message)
