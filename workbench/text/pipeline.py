"""The one text pipeline of an edition: a file's bytes → source lines → blocks → sentences.

Importing, the command line (``check FILE``, ``terms FILE``) and the benches all go through here, so
an edition reads the same way wherever it is read:

* ``blocks_of(data, name)`` — the file read and cleaned: paragraphs, headings and list items, with
  the report of what the clean-up removed and joined;
* ``sentences_of(data, name, lang)`` — the same blocks split into sentences;
* ``split(cleaned, lang)`` — the last step alone, for blocks that were cleaned already.
"""
from __future__ import annotations

from dataclasses import dataclass

from workbench.errors import InputError
from workbench.formats.plaintext import read_lines
from workbench.text.cleanup import clean
from workbench.text.model import Block, CleanText, CleanupReport, Sentence
from workbench.text.segment import segment


@dataclass
class SplitText:
    """An edition's text as the pipeline gives it: blocks, their sentences and the clean-up report."""

    blocks: list[Block]
    sentences: list[Sentence]
    report: CleanupReport


def blocks_of(data: bytes, name: str) -> CleanText:
    """The cleaned blocks of the file ``name`` whose bytes are ``data``.

    :raises InputError: the bytes are not UTF-8 text, or no text is left after the clean-up.
    """
    cleaned = clean(read_lines(data, name))
    if not cleaned.blocks:
        raise InputError("no text found after clean-up", path=name)
    return cleaned


def split(cleaned: CleanText, lang: str) -> SplitText:
    """Sentences of already cleaned blocks, each with its block index, page and source lines."""
    return SplitText(cleaned.blocks, segment(cleaned.blocks, lang), cleaned.report)


def sentences_of(data: bytes, name: str, lang: str) -> SplitText:
    """The whole pipeline: bytes of the file ``name`` → blocks → sentences in ``lang``."""
    return split(blocks_of(data, name), lang)
