"""TMX 1.4b export and import of an alignment: one ``tu`` per bead, ``tuv`` kk and ru (pure).

Header as TMX 1.4b requires it (creationtool, creationtoolversion, segtype="sentence", o-tmf,
adminlang, srclang="kk", datatype="plaintext"). Each ``tu`` carries the bead's data in ``prop``
elements with user-defined types (the spec asks for an ``x-`` prefix): x-position, x-status,
x-score, x-kk-sentences, x-kk-pages, x-kk-lines (and the same for ru; sentences are the editions' 1-based
sentence numbers shown on the review page, pages are printed as the book prints them: ``ii``, ``ii-1``),
x-kk-page-positions / x-ru-page-positions when those pages are printed otherwise than their positions in
the file (the file's third page printed "1"), and x-kk-breaks / x-ru-breaks when a side holds more than one
sentence; a comment becomes a ``note``.

A translation memory offers a unit's target as the translation of its source, so a bead with one
side only is never written with an empty ``seg`` (a CAT tool would put nothing in place of the
sentence). By default such beads are left out; ``include_unpaired`` writes them after the pairs,
each as a ``tu`` with its one ``tuv`` and ``<prop type="x-unpaired">kk</prop>`` (or ru). Reading
never resolves entities nor touches the network, and refuses a DOCTYPE that declares entities.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import BinaryIO

from lxml import etree

from workbench.errors import N_, FormatError
from workbench.formats.aligned import AlignedPair, Side, parse_pages, parse_range, split_text
from workbench.formats.base import FileFormat
from workbench.formats.languages import checked_language
from workbench.formats.safe import parse_xml, xml_text

NAME = "TMX 1.4b"
EXTENSIONS = ("tmx",)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TOOL, TOOL_VERSION = "workbench", "0.1"


def write(pairs: Iterable[AlignedPair], stream: BinaryIO, title: dict[str, str] | None = None,
          created: dt.datetime | None = None, include_unpaired: bool = False) -> int:
    """Write ``pairs`` as TMX to ``stream``; returns how many ``tu`` were written."""
    created = created or dt.datetime.now(dt.timezone.utc)
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(root, "header", {
        "creationtool": TOOL, "creationtoolversion": TOOL_VERSION, "segtype": "sentence",
        "o-tmf": "workbench", "adminlang": "en", "srclang": "kk", "datatype": "plaintext",
        "creationdate": created.strftime("%Y%m%dT%H%M%SZ")})
    for lang, value in (title or {}).items():
        etree.SubElement(header, "prop", type=f"x-{lang}-title").text = xml_text(value)
    body = etree.SubElement(root, "body")
    count = 0
    unpaired = []
    for pair in pairs:
        if not pair.kk.sentences or not pair.ru.sentences:
            if include_unpaired and (pair.kk.sentences or pair.ru.sentences):
                unpaired.append(pair)
            continue
        _unit(body, pair)
        count += 1
    for pair in unpaired:
        _unit(body, pair, "kk" if pair.kk.sentences else "ru")
        count += 1
    stream.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return count


def _unit(body: etree._Element, pair: AlignedPair, only: str | None = None) -> None:
    """One ``tu`` for ``pair``; ``only``: the one language of a one-sided bead."""
    tu = etree.SubElement(body, "tu", tuid=str(pair.position), srclang="kk" if only != "ru" else "ru")
    if pair.comment:
        etree.SubElement(tu, "note").text = xml_text(pair.comment)
    props = [("x-position", str(pair.position)), ("x-status", pair.status), ("x-score", f"{pair.score:.4f}"),
             ("x-unpaired", only or "")]
    for lang, side in (("kk", pair.kk), ("ru", pair.ru)):
        props += [(f"x-{lang}-sentences", side.numbers), (f"x-{lang}-pages", side.pages),
                  (f"x-{lang}-page-positions", side.page_positions if side.page_positions != side.pages else ""),
                  (f"x-{lang}-lines", side.lines)]
        if len(side.sentences) > 1:
            props.append((f"x-{lang}-breaks", ",".join(map(str, side.breaks))))
    for kind, value in props:
        if value:
            etree.SubElement(tu, "prop", type=kind).text = value
    for lang, side in (("kk", pair.kk), ("ru", pair.ru)):
        if only in (None, lang):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = xml_text(side.text)


def read(data: bytes, name: str = "alignment.tmx") -> tuple[list[AlignedPair], dict[str, str]]:
    """The bead pairs of a TMX file and the titles from its header (``{"kk": …, "ru": …}``).

    :raises FormatError: not TMX, a language other than kk and ru, or a ``tu`` without either.
    """
    root = parse_xml(data, name)
    if root.tag != "tmx":
        raise FormatError(N_("expected a <tmx> root element, found <%(tag)s>"),
                          path=name, line=root.sourceline, tag=root.tag)
    titles = {}
    for prop in root.iterfind("header/prop"):
        kind = prop.get("type", "")
        if kind.startswith("x-") and kind.endswith("-title"):
            titles[kind[2:-6]] = prop.text or ""
    pairs, order = [], []
    for number, tu in enumerate(root.iterfind("body/tu"), start=1):
        props = {p.get("type"): (p.text or "") for p in tu.iterfind("prop")}
        texts: dict[str, str] = {}
        for tuv in tu.iterfind("tuv"):
            lang = checked_language(tuv.get(XML_LANG) or tuv.get("lang"), name, "<tuv xml:lang>", tuv.sourceline)
            seg = tuv.find("seg")
            if seg is not None:
                texts[lang] = "".join(seg.itertext()).strip()
        if "kk" not in texts and "ru" not in texts:
            raise FormatError(N_("a <tu> has neither a kk nor a ru <tuv>"), path=name, line=tu.sourceline)
        sides = {}
        for lang in ("kk", "ru"):
            pages = parse_pages(props.get(f"x-{lang}-pages"), props.get(f"x-{lang}-page-positions"))
            lines = parse_range(props.get(f"x-{lang}-lines"))
            sides[lang] = Side(split_text(texts.get(lang, ""), props.get(f"x-{lang}-breaks"), name, tu.sourceline),
                               pages[0], pages[1], lines[0], lines[1], first_label=pages[2], last_label=pages[3])
        try:
            score = float(props.get("x-score") or 0.0)
        except ValueError:
            raise FormatError(N_("x-score %(score)r is not a number"),
                              path=name, line=tu.sourceline, score=props["x-score"]) from None
        note = tu.find("note")
        order.append(int(props["x-position"]) if props.get("x-position", "").isdigit() else None)
        pairs.append(AlignedPair(number, sides["kk"], sides["ru"],
                                 "confirmed" if props.get("x-status") == "confirmed" else "auto", score,
                                 note.text if note is not None else None))
    if None not in order and len(set(order)) == len(order):
        # Our own files list one-sided beads after the pairs: back in bead order.
        pairs = [p for _, p in sorted(zip(order, pairs), key=lambda x: x[0])]
        for number, pair in enumerate(pairs, start=1):
            pair.position = number
    return pairs, titles


def write_alignment(pairs: Iterable[AlignedPair], stream: BinaryIO, titles: dict[str, str],
                    include_unpaired: bool = False) -> int:
    return write(pairs, stream, titles, include_unpaired=include_unpaired)


FORMATS = (FileFormat("tmx", NAME, EXTENSIONS, "alignment", read, write_alignment, "application/x-tmx+xml"),)
