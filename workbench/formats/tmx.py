"""TMX 1.4b export and import of an alignment: one ``tu`` per bead, ``tuv`` kk and ru (pure).

Header as TMX 1.4b requires it (creationtool, creationtoolversion, segtype="sentence", o-tmf,
adminlang, srclang="kk", datatype="plaintext"). Each ``tu`` carries the bead's data in ``prop``
elements with user-defined types (the spec asks for an ``x-`` prefix): x-position, x-status,
x-score, x-kk-pages, x-kk-lines, x-ru-pages, x-ru-lines, and x-kk-breaks / x-ru-breaks when a side
holds more than one sentence; a comment becomes a ``note``. An empty side is an empty ``seg``.
Reading never resolves entities nor touches the network.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import BinaryIO

from lxml import etree

from workbench.errors import FormatError
from workbench.formats.aligned import AlignedPair, Side, parse_range, split_text
from workbench.formats.base import FileFormat

NAME = "TMX 1.4b"
EXTENSIONS = ("tmx",)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TOOL, TOOL_VERSION = "workbench", "0.1"


def write(pairs: Iterable[AlignedPair], stream: BinaryIO, title: dict[str, str] | None = None,
          created: dt.datetime | None = None) -> int:
    """Write ``pairs`` as TMX to ``stream``; returns how many ``tu`` were written."""
    created = created or dt.datetime.now(dt.timezone.utc)
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(root, "header", {
        "creationtool": TOOL, "creationtoolversion": TOOL_VERSION, "segtype": "sentence",
        "o-tmf": "workbench", "adminlang": "en", "srclang": "kk", "datatype": "plaintext",
        "creationdate": created.strftime("%Y%m%dT%H%M%SZ")})
    for lang, value in (title or {}).items():
        etree.SubElement(header, "prop", type=f"x-{lang}-title").text = value
    body = etree.SubElement(root, "body")
    count = 0
    for pair in pairs:
        tu = etree.SubElement(body, "tu", tuid=str(pair.position), srclang="kk")
        if pair.comment:
            etree.SubElement(tu, "note").text = pair.comment
        props = [("x-position", str(pair.position)), ("x-status", pair.status), ("x-score", f"{pair.score:.4f}")]
        for lang, side in (("kk", pair.kk), ("ru", pair.ru)):
            props += [(f"x-{lang}-pages", side.pages), (f"x-{lang}-lines", side.lines)]
            if len(side.sentences) > 1:
                props.append((f"x-{lang}-breaks", ",".join(map(str, side.breaks))))
        for kind, value in props:
            if value:
                etree.SubElement(tu, "prop", type=kind).text = value
        for lang, side in (("kk", pair.kk), ("ru", pair.ru)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = side.text
        count += 1
    stream.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return count


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse untrusted XML safely (no entities, no network, no DTD loading)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"not well-formed XML: {exc.msg}", path=name, line=exc.lineno) from None


def read(data: bytes, name: str = "alignment.tmx") -> tuple[list[AlignedPair], dict[str, str]]:
    """The bead pairs of a TMX file and the titles from its header (``{"kk": …, "ru": …}``).

    :raises FormatError: not TMX, or a ``tu`` without a Kazakh or a Russian ``tuv``.
    """
    root = parse_xml(data, name)
    if root.tag != "tmx":
        raise FormatError(f"expected a <tmx> root element, found <{root.tag}>", path=name, line=root.sourceline)
    titles = {}
    for prop in root.iterfind("header/prop"):
        kind = prop.get("type", "")
        if kind.startswith("x-") and kind.endswith("-title"):
            titles[kind[2:-6]] = prop.text or ""
    pairs = []
    for number, tu in enumerate(root.iterfind("body/tu"), start=1):
        props = {p.get("type"): (p.text or "") for p in tu.iterfind("prop")}
        texts: dict[str, str] = {}
        for tuv in tu.iterfind("tuv"):
            lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").lower().split("-")[0]
            seg = tuv.find("seg")
            if lang in ("kk", "ru") and seg is not None:
                texts[lang] = "".join(seg.itertext()).strip()
        if "kk" not in texts and "ru" not in texts:
            raise FormatError("a <tu> has neither a kk nor a ru <tuv>", path=name, line=tu.sourceline)
        sides = {}
        for lang in ("kk", "ru"):
            pages, lines = parse_range(props.get(f"x-{lang}-pages")), parse_range(props.get(f"x-{lang}-lines"))
            sides[lang] = Side(split_text(texts.get(lang, ""), props.get(f"x-{lang}-breaks"), name, tu.sourceline),
                               pages[0], pages[1], lines[0], lines[1])
        try:
            score = float(props.get("x-score") or 0.0)
        except ValueError:
            raise FormatError(f"x-score {props['x-score']!r} is not a number", path=name, line=tu.sourceline) from None
        note = tu.find("note")
        pairs.append(AlignedPair(number, sides["kk"], sides["ru"],
                                 "confirmed" if props.get("x-status") == "confirmed" else "auto", score,
                                 note.text if note is not None else None))
    return pairs, titles


def write_alignment(pairs: Iterable[AlignedPair], stream: BinaryIO, titles: dict[str, str]) -> int:
    return write(pairs, stream, titles)


FORMATS = (FileFormat("tmx", NAME, EXTENSIONS, "alignment", read, write_alignment, "application/x-tmx+xml"),)
