"""First-start set-up: import the bundled corpora (once) so a new user sees real data at once."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from workbench.services.importing import import_file


@dataclass(frozen=True)
class BundledText:
    path: str  # relative to the corpora folder
    lang: str
    title: str


BOOK_TITLE = "Егемен Қазақстандағы саяси ойтаным (Чеботарёв, 2021)"
BUNDLED: tuple[BundledText, ...] = (
    BundledText("chebotarev-2021.kk.txt", "kk", BOOK_TITLE),
    BundledText("constitution_2026/kk.raw.txt", "kk", "Конституция 2026"),
    BundledText("constitution_2026/ru.raw.txt", "ru", "Конституция 2026"),
    BundledText("law_state_independence_1991/kk.raw.txt", "kk", "Закон о государственной независимости 1991"),
    BundledText("law_state_independence_1991/ru.raw.txt", "ru", "Закон о государственной независимости 1991"),
    BundledText("declaration_independence_20y/kk.raw.txt", "kk", "Декларация 20-летия независимости 2011"),
    BundledText("declaration_independence_20y/ru.raw.txt", "ru", "Декларация 20-летия независимости 2011"),
)


def prepare(session: Session, config: Mapping[str, object]) -> Iterator[str]:
    """Import every bundled text not imported yet; yields one progress line per text."""
    corpora = Path(str(config["CORPORA_DIR"]))
    for text in BUNDLED:
        result = import_file(session, corpora / text.path, text.lang, text.title,
                             int(config["MAX_IMPORT_BYTES"]))  # type: ignore[arg-type]
        state = "imported" if result.created else "already there"
        yield f"{text.path}: {state} (edition {result.edition.id}, {result.edition.segment_count} sentences)"
