"""Builders for the checks' tests: editions made from literal paragraphs of the book."""
from __future__ import annotations

import re
from pathlib import Path

from workbench.checks.base import Edition
from workbench.text.model import Anchor, Block, Sentence

BOOK = Path(__file__).resolve().parents[2] / "corpora" / "chebotarev-2021.kk.txt"


def build_edition(*paragraphs: str, lang: str = "kk", first_line: int = 1, kinds: tuple[str, ...] = ()) -> Edition:
    """An edition whose blocks are ``paragraphs``; a newline inside a paragraph starts a new source line.

    Blocks are separated by one blank source line, as in the book; sentences are cut after . ! ? before
    a capital letter.
    """
    blocks, sentences, line = [], [], first_line
    for i, para in enumerate(paragraphs):
        text, anchors = "", []
        for piece in para.split("\n"):
            if text:
                text += " "
            anchors.append(Anchor(len(text), line, 1))
            text += piece
            line += 1
        line += 1
        kind = kinds[i] if i < len(kinds) else "paragraph"
        blocks.append(Block(kind, text, anchors))  # type: ignore[arg-type]
        for m in re.finditer(r"\S.*?(?:[.!?…](?=\s+[«(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])|$)", text):
            a, b = blocks[-1].anchor_at(m.start()), blocks[-1].anchor_at(m.end() - 1)
            sentences.append(Sentence(m.group(), len(blocks) - 1, a.page, a.line, b.line))
    return Edition(lang=lang, blocks=blocks, sentences=sentences)
