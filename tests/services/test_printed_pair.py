"""Any Kazakh–Russian pair laid out as PDF text imports to the reference sentences and aligns to the
reference beads: the official constitution, wrapped, hyphenated and paged like a printed book."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from corpus_paths import CORPORA
from printed_edition import printed
from workbench.align import parse_beads, score_alignment
from workbench.models import Bead, Segment
from workbench.services.aligning import align_editions
from workbench.services.importing import import_file

SET = CORPORA / "constitution_2026"
HEADERS = {"kk": "Қазақстан Республикасының Конституциясы", "ru": "Конституция Республики Казахстан"}


def printed_file(tmp_path, lang: str):
    paragraphs = (SET / f"{lang}.raw.txt").read_text(encoding="utf-8").splitlines()
    path = tmp_path / f"printed.{lang}.txt"
    path.write_text(printed(paragraphs, HEADERS[lang]), encoding="utf-8")
    return path


@pytest.fixture
def pair(tmp_path, run_in):
    return {lang: run_in(import_file, printed_file(tmp_path, lang), lang, "Printed").edition for lang in ("kk", "ru")}


def sentences(session, edition) -> list[Segment]:
    return list(session.scalars(select(Segment).where(Segment.edition_id == edition.id).order_by(Segment.position)))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_printed_layout_is_undone_to_the_reference_sentences(pair, session, lang, tmp_path):
    edition = pair[lang]
    got = [s.text for s in sentences(session, edition)]
    expected = (SET / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    assert edition.page_count > 20
    matching = sum(a == b for a, b in zip(got, expected))
    assert len(got) == len(expected)
    assert matching / len(expected) >= 0.99, [(a, b) for a, b in zip(got, expected) if a != b][:5]
    assert not any(HEADERS[lang] in s and len(s) < 60 for s in got)     # no running header left
    assert not any(re.fullmatch(r"\d+", s) for s in got)               # no page number left


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_printed_sentence_points_at_its_first_word(pair, session, lang, tmp_path):
    lines = printed_file(tmp_path, lang).read_text(encoding="utf-8").split("\n")
    for s in sentences(session, pair[lang]):
        word = s.text.split()[0]
        line = lines[s.start_line - 1].rstrip()
        assert word in line or any(line.endswith(word[:k] + "-") for k in range(1, len(word))), \
            (s.start_line, s.text[:40])


def test_printed_pair_aligns_to_the_reference_beads(pair, run_in, session):
    result = run_in(align_editions, pair["kk"], pair["ru"])
    rows = session.scalars(select(Bead).where(Bead.alignment_id == result.alignment.id).order_by(Bead.position))
    from workbench.align import Bead as PureBead
    beads = [PureBead(tuple(range(b.kk_start - 1, b.kk_end - 1)), tuple(range(b.ru_start - 1, b.ru_end - 1)), b.score)
             for b in rows]
    gold = parse_beads((SET / "gold.txt").read_text(encoding="utf-8"), "gold.txt")
    assert score_alignment(gold, beads).strict_f1 >= 0.99
