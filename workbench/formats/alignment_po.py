"""PO export of an alignment with polib: msgid = Kazakh, msgstr = Russian, msgctxt = where the bead is.

The context (``bead 12 · kk p. 5 l. 120 · ru p. 4 l. 98``) makes every entry unique even when two
beads have the same Kazakh text, and lets a translator find the bead in the book. Automatic beads
are marked ``fuzzy`` (not yet reviewed); a reviewer's comment becomes a translator comment.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import polib

from workbench.formats.aligned import AlignedPair
from workbench.formats.base import FileFormat

NAME = "PO"
EXTENSIONS = ("po",)


def write(pairs: Iterable[AlignedPair], stream: BinaryIO, project: str = "alignment") -> int:
    """Write ``pairs`` as a PO file to ``stream``; returns how many entries were written."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Project-Id-Version": project, "Language": "ru", "MIME-Version": "1.0",
                   "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
                   "X-Source-Language": "kk", "X-Generator": "workbench"}
    for pair in pairs:
        entry = polib.POEntry(msgctxt=pair.location, msgid=pair.kk.text, msgstr=pair.ru.text,
                              comment=f"score {pair.score:.2f}, {pair.status}", tcomment=pair.comment or "")
        if pair.status != "confirmed":
            entry.flags.append("fuzzy")
        po.append(entry)
    stream.write(str(po).encode("utf-8"))
    return len(po)


def write_alignment(pairs: Iterable[AlignedPair], stream: BinaryIO, titles: dict[str, str]) -> int:
    return write(pairs, stream, project=titles.get("kk", "alignment"))


FORMATS = (FileFormat("po", NAME, EXTENSIONS, "alignment", None, write_alignment, "text/x-gettext-translation"),)
