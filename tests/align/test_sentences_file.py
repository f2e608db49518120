"""Reading a one-sentence-per-line file: good files read, bad ones name the file and line."""
from __future__ import annotations

from pathlib import Path

import pytest

from workbench.align.sentences_file import read_sentences
from workbench.errors import InputError

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


def test_sentences_are_read_one_per_line_in_nfc():
    data = "Қазақстан – демократиялық мемлекет.\nА\u0306бай ақын.\n\n".encode()
    assert read_sentences(data, "kk.txt") == ["Қазақстан – демократиялық мемлекет.", "Ӑбай ақын."]


def test_bundled_sentence_file_reads_every_line():
    path = CORPORA / "constitution_2026" / "kk.txt"
    assert len(read_sentences(path.read_bytes(), str(path))) == 663


def test_file_in_another_encoding_names_file_and_line():
    data = "Бірінші сөйлем.\n".encode("utf-8") + "Второе предложение.\n".encode("cp1251")
    with pytest.raises(InputError, match=r"^ru\.txt:2: invalid UTF-8 byte"):
        read_sentences(data, "ru.txt")


def test_empty_file_is_refused():
    with pytest.raises(InputError, match=r"^kk\.txt: file is empty"):
        read_sentences(b"\n \n", "kk.txt")


def test_blank_line_between_sentences_is_refused_with_its_line():
    with pytest.raises(InputError, match=r"^kk\.txt:2: blank line"):
        read_sentences("Бір.\n\nЕкі.\n".encode(), "kk.txt")


def test_paragraph_file_is_refused_at_the_first_paragraph_line():
    path = CORPORA / "declaration_independence_20y" / "ru.raw.txt"
    with pytest.raises(InputError, match=r"ru\.raw\.txt:28: line holds about 6 sentences"):
        read_sentences(path.read_bytes(), str(path))


def test_long_sentence_with_initials_is_still_one_sentence():
    line = "Елбасы Н.Ә. Назарбаевтың басшылығымен " + "ел дамып келеді, " * 20 + "және т.б. мақсат көзделді."
    assert read_sentences(line.encode(), "kk.txt") == [line]
