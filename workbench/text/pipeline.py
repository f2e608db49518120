"""The one text pipeline of an edition: a file's bytes → blocks → sentences.

Importing, the command line (``check FILE``, ``terms FILE``) and the benches all go through here, so
an edition reads the same way wherever it is read:

* ``source_kind(data, name)`` — ``"text"``, ``"pdf"`` or ``"docx"``, by content first (the PDF header,
  a zip holding ``word/document.xml``), the extension only to name what a broken file was meant to be;
* ``blocks_of(data, name)`` — the file read and cleaned: paragraphs, headings and list items, with
  the report of what the clean-up removed and joined (UTF-8 text through ``cleanup.clean``, PDF
  through ``pdf_reader``, DOCX through ``docx_reader``);
* ``sentences_of(data, name, lang)`` — the same blocks split into sentences;
* ``split(cleaned, lang)`` — the last step alone, for blocks that were cleaned already.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

from workbench.errors import N_, InputError, Message
from workbench.formats.plaintext import read_lines
from workbench.text.cleanup import clean
from workbench.text.docx_reader import is_docx, read_docx
from workbench.text.model import Block, CleanText, CleanupReport, Sentence
from workbench.text.pdf_reader import is_pdf, read_pdf
from workbench.text.segment import segment

Progress = Callable[[float, "str | Message"], None]
SOURCE_KINDS = ("text", "pdf", "docx")


@dataclass
class SplitText:
    """An edition's text as the pipeline gives it: blocks, their sentences and the clean-up report."""

    blocks: list[Block]
    sentences: list[Sentence]
    report: CleanupReport
    page_labels: list[str] = field(default_factory=list)


def source_kind(data: bytes, name: str) -> str:
    """``"pdf"``, ``"docx"`` or ``"text"``: what the bytes are (a .pdf or .docx that is not one is refused).

    :raises InputError: a .pdf without a PDF header, a .docx or other zip archive without a Word document,
        an old binary .doc.
    """
    if is_pdf(data):
        return "pdf"
    if is_docx(data):
        return "docx"
    ext = PurePath(name).suffix.lower()
    if ext == ".pdf":
        raise InputError(N_("not a PDF file: it does not start with %PDF-"), path=name)
    if ext == ".docx" or data.startswith(b"PK\x03\x04"):
        return "docx"  # the DOCX reader says what is wrong with it
    if ext == ".doc" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(N_("old Word .doc format is not read; save it as .docx (or PDF, or UTF-8 text)"),
                         path=name)
    return "text"


def blocks_of(data: bytes, name: str, progress: Progress | None = None) -> CleanText:
    """The cleaned blocks of the file ``name`` whose bytes are ``data`` (UTF-8 text, PDF or DOCX).

    ``progress(fraction, message)`` is told how far reading has got (a PDF reports its pages).

    :raises InputError: the file cannot be read as what it is, or no text is left after the clean-up.
    """
    kind = source_kind(data, name)
    if kind == "pdf":
        return read_pdf(data, name, progress)
    if kind == "docx":
        return read_docx(data, name, progress)
    cleaned = clean(read_lines(data, name))
    if not cleaned.blocks:
        raise InputError(N_("no text found after clean-up"), path=name)
    return cleaned


def split(cleaned: CleanText, lang: str) -> SplitText:
    """Sentences of already cleaned blocks, each with its block index, page and source lines."""
    return SplitText(cleaned.blocks, segment(cleaned.blocks, lang), cleaned.report, cleaned.page_labels)


def sentences_of(data: bytes, name: str, lang: str, progress: Progress | None = None) -> SplitText:
    """The whole pipeline: bytes of the file ``name`` → blocks → sentences in ``lang``."""
    return split(blocks_of(data, name, progress), lang)
