"""The shipped glossary over the whole cleaned book (corpora/chebotarev-2021.kk.txt): hits on known lines."""
from __future__ import annotations

from pathlib import Path

import pytest

from workbench.services.glossary import load_glossary
from workbench.text import pipeline
from workbench.glossary.matching import BlockHit, TermMatcher

BOOK = Path(__file__).resolve().parents[2] / "corpora" / "chebotarev-2021.kk.txt"


@pytest.fixture(scope="module")
def book_hits() -> list[BlockHit]:
    blocks = pipeline.blocks_of(BOOK.read_bytes(), str(BOOK)).blocks
    return TermMatcher(load_glossary()).find_in_blocks(blocks, "kk")


@pytest.mark.parametrize(
    ("line", "surface", "term"),
    [
        (85, "КСРО-да", "КСРО"),
        (85, "демократия", "демократия"),  # printed "демо-" / "кратия", joined by the clean-up
        (1819, "партияларының", "партия"),
        (9299, "билік партиясының", "билік партиясы"),
        (9299, "«Нұр Отан» халықтық-демократиялық партиясы", "«Нұр Отан» халықтық-демократиялық партиясы"),
        (11863, "ЖСДП-ның", "ЖСДП"),
        (12552, "Парламентті", "Парламент"),
        (14335, "Кеден одағын", "Кеден одағы"),
    ],
)
def test_inflected_terms_are_found_on_their_source_lines(book_hits: list[BlockHit], line: int, surface: str,
                                                         term: str) -> None:
    assert (surface, term) in {(h.hit.surface, h.hit.term) for h in book_hits if h.line == line}


def test_hits_do_not_overlap_within_a_block(book_hits: list[BlockHit]) -> None:
    last_end: dict[int, int] = {}
    for h in book_hits:
        assert h.hit.start >= last_end.get(h.block, 0)
        last_end[h.block] = h.hit.end
