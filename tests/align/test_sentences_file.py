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


def test_blank_line_between_sentences_is_kept_as_an_empty_sentence_with_a_warning():
    warnings: list[str] = []
    assert read_sentences("Бір.\n\nЕкі.\n".encode(), "kk.txt", warnings.append) == ["Бір.", "", "Екі."]
    assert warnings == ["kk.txt:2: blank line; kept as an empty sentence"]


def test_joined_sentences_are_accepted_with_a_warning_naming_the_line():
    path = CORPORA / "declaration_independence_20y" / "ru.raw.txt"
    warnings: list[str] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    sentences = read_sentences(path.read_bytes(), str(path), warnings.append)
    assert sentences == [line.strip() for line in lines]
    assert warnings[0].startswith(f"{path}:28: line holds about 6 sentences")


def test_no_warning_callback_means_silence():
    path = CORPORA / "declaration_independence_20y" / "ru.raw.txt"
    assert len(read_sentences(path.read_bytes(), str(path))) == len(path.read_text(encoding="utf-8").splitlines())


def test_long_sentence_with_initials_is_still_one_sentence():
    line = "Елбасы Н.Ә. Назарбаевтың басшылығымен " + "ел дамып келеді, " * 20 + "және т.б. мақсат көзделді."
    assert read_sentences(line.encode(), "kk.txt") == [line]


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_file_with_its_byte_order_mark_is_read(codec, bom):
    data = bom + "Бірінші сөйлем.\r\nЕкінші сөйлем.\r\n".encode(codec)
    assert read_sentences(data, "kk.txt") == ["Бірінші сөйлем.", "Екінші сөйлем."]


def test_broken_utf16_names_file_and_line():
    data = b"\xff\xfe" + "Бір.\nЕкі.\n".encode("utf-16-le") + b"\x00\xd8"
    with pytest.raises(InputError, match=r"^kk\.txt:3: invalid UTF-16 text"):
        read_sentences(data, "kk.txt")
