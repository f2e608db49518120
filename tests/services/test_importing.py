"""Importing editions: real text stored with provenance, bad input refused with the database unchanged."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workbench.errors import InputError
from workbench.models import Block, Edition, Segment
from workbench.services.importing import import_file

from corpus_paths import BOOK

BOOK_LINES = BOOK.read_text(encoding="utf-8").split("\n")


def excerpt(tmp_path: Path, first: int, last: int, name: str = "excerpt.txt") -> Path:
    """Lines first..last (1-based, inclusive) of the book as a file of their own."""
    path = tmp_path / name
    path.write_text("\n".join(BOOK_LINES[first - 1:last]) + "\n", encoding="utf-8")
    return path


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_excerpt_is_stored_with_sentences_and_source_lines(tmp_path, run_in, session):
    path = excerpt(tmp_path, 1, 60)
    result = run_in(import_file, path, "kk", "Bio")
    assert result.created
    edition = session.get(Edition, result.edition.id)
    assert edition.segment_count == count(session, Segment) > 10
    first = session.scalar(select(Segment).order_by(Segment.position))
    assert first.text.startswith("1972 жылы Алматы қаласында дүниеге келген.")
    assert first.start_line == 2
    # «Оппози-» / «ция» (lines 4-5) is one word again
    joined = session.scalar(select(Segment).where(Segment.text.contains("«Оппозиция саяси жүйе")))
    assert joined is not None and joined.start_line == 4


def test_every_sentence_line_points_at_its_first_word(tmp_path, run_in, session):
    run_in(import_file, excerpt(tmp_path, 1, 300), "kk")
    checked = 0
    for s in session.scalars(select(Segment).order_by(Segment.position)):
        first_word = re.match(r"\W*(\w+)", s.text)
        if not first_word or len(first_word.group(1)) < 4:
            continue
        # the first word (or its first part, when it was hyphenated across lines) is on that line
        assert first_word.group(1)[:3] in BOOK_LINES[s.start_line - 1], (s.start_line, s.text[:60])
        checked += 1
    assert checked > 50


def test_same_file_twice_is_not_duplicated(tmp_path, run_in, session):
    path = excerpt(tmp_path, 1, 60)
    first = run_in(import_file, path, "kk", "Bio")
    second = run_in(import_file, path, "kk", "Bio")
    assert not second.created and second.edition.id == first.edition.id
    assert count(session, Edition) == 1
    assert "already imported" in second.summary()


def test_changed_file_becomes_a_new_version_and_keeps_the_old(tmp_path, run_in, session):
    path = excerpt(tmp_path, 1, 60)
    first = run_in(import_file, path, "kk", "Bio")
    path.write_text(path.read_text(encoding="utf-8") + "\nЖаңа сөйлем қосылды.\n", encoding="utf-8")
    second = run_in(import_file, path, "kk", "Bio")
    assert second.created and second.edition.version == 2
    assert session.get(Edition, first.edition.id).segment_count == first.edition.segment_count
    assert count(session, Edition) == 2


def test_bom_is_accepted(tmp_path, run_in, session):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Қазақстан Республикасы тәуелсіз мемлекет.\n".encode())
    run_in(import_file, path, "kk")
    assert session.scalar(select(Segment.text)) == "Қазақстан Республикасы тәуелсіз мемлекет."


@pytest.mark.parametrize(
    ("content", "lang", "expected"),
    [
        (b"", "kk", r"empty\.txt: file is empty"),
        (b"   \n\n", "kk", r"empty\.txt: file is empty"),
        ("Бірінші жол.\n".encode() + b"\x00\x01\x02", "kk", r"empty\.txt:2: binary file"),
        ("Бірінші жол.\nЕкінші ".encode() + b"\xff\xfe " + "жол.\n".encode(), "kk", r"empty\.txt:2: invalid UTF-8 byte 0xff"),
        ("Қазақстан.\n".encode(), "en", r"unknown language code 'en'"),
    ],
    ids=["empty", "blank", "binary", "undecodable", "unknown-language"],
)
def test_bad_file_is_refused_and_database_unchanged(tmp_path, run_in, session, content, lang, expected):
    run_in(import_file, excerpt(tmp_path, 1, 30, "good.txt"), "kk")
    before = (count(session, Edition), count(session, Block), count(session, Segment))
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=expected):
        run_in(import_file, path, lang)
    assert (count(session, Edition), count(session, Block), count(session, Segment)) == before


def test_missing_path_and_too_large_file_are_refused(tmp_path, run_in, session):
    with pytest.raises(InputError, match=r"nowhere\.txt: no such file"):
        run_in(import_file, tmp_path / "nowhere.txt", "kk")
    with pytest.raises(InputError, match=r"over the import limit of 1,000 bytes"):
        run_in(import_file, excerpt(tmp_path, 1, 100), "kk", max_bytes=1000)
    with pytest.raises(InputError, match=r"not a file"):
        run_in(import_file, tmp_path, "kk")
    assert count(session, Edition) == 0


def test_failure_midway_leaves_nothing_behind(tmp_path, run_in, session, monkeypatch):
    """A crash after the edition row was written rolls the whole import back."""
    import workbench.services.importing as importing

    def broken_insert(*args, **kwargs):
        raise InputError("storing the sentences failed", path="x")

    monkeypatch.setattr(importing, "insert", broken_insert)
    with pytest.raises(InputError):
        run_in(import_file, excerpt(tmp_path, 1, 60), "kk")
    assert count(session, Edition) == count(session, Block) == count(session, Segment) == 0


def test_cli_import_prints_what_was_found_and_segments_lists_them(tmp_path, cli_runner):
    from workbench.cli.main import cli

    path = excerpt(tmp_path, 1, 200)
    out = cli_runner.invoke(cli, ["import", str(path), "--lang", "kk", "--title", "Кітап"])
    assert out.exit_code == 0, out.output
    assert "sentences" in out.output and "hyphenations joined" in out.output
    out = cli_runner.invoke(cli, ["segments", "Кітап", "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert [r["n"] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0] == {"n": 1, "page": rows[0]["page"], "page_label": str(rows[0]["page"]), "line": 2,
                       "text": rows[0]["text"]} and rows[0]["text"].startswith("1972 жылы")
    tsv = cli_runner.invoke(cli, ["segments", "Кітап", "--format", "tsv"])
    assert tsv.output.splitlines()[0].split("\t")[2] == "2"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "nowhere.txt", "--lang", "kk"], "error: nowhere.txt: no such file"),
        (["import", "corpora/chebotarev-2021.kk.txt", "--lang", "xx"], "error: unknown language code 'xx'"),
        (["segments", "999"], "error: no edition '999'"),
    ],
)
def test_cli_bad_input_exits_non_zero_with_one_clear_line(cli_runner, args, message):
    from workbench.cli.main import cli

    out = cli_runner.invoke(cli, args)
    assert out.exit_code == 1
    assert message in out.output
    assert "Traceback" not in out.output
