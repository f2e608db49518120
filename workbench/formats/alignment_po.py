"""PO export of an alignment with polib: msgid = Kazakh, msgstr = Russian, msgctxt = where the bead is.

The context (``bead 12 · kk p. 5 l. 120 · ru p. 4 l. 98``) makes every entry unique even when two
beads have the same Kazakh text, and lets a translator find the bead in the book. Automatic beads
are marked ``fuzzy`` (not yet reviewed); a reviewer's comment becomes a translator comment. A Kazakh
sentence without a Russian side is untranslated (empty ``msgstr``, not fuzzy); a Russian sentence
without a Kazakh side has no ``msgid`` to stand under and is left out (TSV and TMX with unpaired
beads keep it). Line breaks in a text become spaces, so that msgid and msgstr agree as
``msgfmt -c`` checks.
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
    po.metadata = {"Project-Id-Version": _line(project), "PO-Revision-Date": _now(), "Last-Translator": "workbench",
                   "Language-Team": "Russian", "Language": "ru", "MIME-Version": "1.0",
                   "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
                   "X-Source-Language": "kk", "X-Generator": "workbench"}
    for pair in pairs:
        if not pair.kk.sentences:
            continue
        entry = polib.POEntry(msgctxt=_line(pair.location), msgid=_line(pair.kk.text), msgstr=_line(pair.ru.text),
                              comment=f"score {pair.score:.2f}, {pair.status}", tcomment=pair.comment or "")
        if pair.status != "confirmed" and pair.ru.sentences:
            entry.flags.append("fuzzy")
        po.append(entry)
    stream.write(str(po).encode("utf-8"))
    return len(po)


def _line(text: str) -> str:
    return " ".join(text.split())


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M+0000")


def write_alignment(pairs: Iterable[AlignedPair], stream: BinaryIO, titles: dict[str, str],
                    include_unpaired: bool = True) -> int:
    return write(pairs, stream, project=titles.get("kk", "alignment"))


FORMATS = (FileFormat("po", NAME, EXTENSIONS, "alignment", None, write_alignment, "text/x-gettext-translation"),)
