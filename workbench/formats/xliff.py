"""XLIFF 1.2 export of an alignment: one ``trans-unit`` per bead, Kazakh source, Russian target (pure).

Confirmed beads are ``approved="yes"`` with target ``state="final"``; automatic ones are not approved
and their target is ``state="needs-review-translation"``. A Kazakh sentence without a Russian side
is untranslated: its unit has no ``target`` (never an empty one, which a CAT tool would take as the
translation). A Russian sentence without a Kazakh side has an empty ``source`` and ``translate="no"``.
The bead's location goes into a ``note``; text XML cannot hold is left out.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from lxml import etree

from workbench.formats.aligned import AlignedPair
from workbench.formats.base import FileFormat
from workbench.formats.safe import xml_text

NAME = "XLIFF 1.2"
EXTENSIONS = ("xlf", "xliff")
NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def write(pairs: Iterable[AlignedPair], stream: BinaryIO, original: str = "alignment") -> int:
    """Write ``pairs`` as XLIFF 1.2 to ``stream``; returns how many trans-units were written."""
    root = etree.Element(f"{{{NS}}}xliff", nsmap={None: NS}, version="1.2")
    file = etree.SubElement(root, f"{{{NS}}}file", {
        "original": xml_text(original) or "alignment", "source-language": "kk", "target-language": "ru", "datatype": "plaintext"})
    header = etree.SubElement(file, f"{{{NS}}}header")
    etree.SubElement(header, f"{{{NS}}}tool", {"tool-id": "workbench", "tool-name": "workbench"})
    body = etree.SubElement(file, f"{{{NS}}}body")
    count = 0
    for pair in pairs:
        paired = bool(pair.kk.sentences and pair.ru.sentences)
        confirmed = pair.status == "confirmed" and paired
        attributes = {"id": f"bead-{pair.position}", "approved": "yes" if confirmed else "no"}
        if not pair.kk.sentences:
            attributes["translate"] = "no"
        unit = etree.SubElement(body, f"{{{NS}}}trans-unit", attributes)
        source = etree.SubElement(unit, f"{{{NS}}}source", {XML_SPACE: "preserve"})
        source.text = xml_text(pair.kk.text)
        if pair.ru.sentences:
            target = etree.SubElement(unit, f"{{{NS}}}target", {
                XML_SPACE: "preserve", "state": "final" if confirmed else "needs-review-translation"})
            target.text = xml_text(pair.ru.text)
        etree.SubElement(unit, f"{{{NS}}}note", {"from": "workbench"}).text = xml_text(
            f"{pair.location} · score {pair.score:.2f}")
        if pair.comment:
            etree.SubElement(unit, f"{{{NS}}}note", {"from": "reviewer"}).text = xml_text(pair.comment)
        count += 1
    stream.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return count


def write_alignment(pairs: Iterable[AlignedPair], stream: BinaryIO, titles: dict[str, str],
                    include_unpaired: bool = True) -> int:
    return write(pairs, stream, original=f"{titles.get('kk', '')} | {titles.get('ru', '')}")


FORMATS = (FileFormat("xliff", NAME, EXTENSIONS, "alignment", None, write_alignment, "application/x-xliff+xml"),)
