"""TBX glossaries (TBX-Basic: ``martif type="TBX-Basic"``, ``termEntry``/``langSet``/``tig``) <-> entries.

Written as the TBX-Basic dialect of ISO 30042:2008 (TBX) lays it out, naming the constraint
specification ``TBXBasicXCSV02.kk-ru.xcs`` (the TBX-Basic XCS with kk and ru declared; TBX
Checker wants it beside the file); read from TBX-Basic and, for files made by other tools, from
TBX 2019 (``tbx``/``conceptEntry``/``langSec``/``termSec``)::

    <termEntry id="abbr-001">
      <descrip type="subjectField">state</descrip>           entry category
      <admin type="source">…</admin>                          entry source
      <transacGrp>                                            who approved it, and when
        <transac type="transactionType">modification</transac>
        <transacNote type="responsibility">…</transacNote>
        <date>2026-11-26</date>                               a date, as TBX-Basic has it
      </transacGrp>
      <note>approval: approved</note>                         the entry's approval
      <note>…</note>                                          entry note
      <langSet xml:lang="kk">
        <tig>
          <term>ҚР</term>
          <termNote type="termType">abbreviation</termNote>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <termNote type="partOfSpeech">noun</termNote>     TBX-Basic's picklist
          <note>status: forbidden</note>                      a forbidden term (written as deprecated)
          <note>context: not before: қоғам</note>             where the term counts (a word's other senses)
          <note>…</note>

TBX-Basic's data categories lack an approval transaction and a forbidden status (its
transaction types are origination and modification, its statuses preferred, admitted, deprecated
and superseded), so these two ride in ``note`` elements with a fixed ``key: value`` form that
this reader takes back; any other note is the note.
"""
from __future__ import annotations

import re
from typing import Iterable

from lxml import etree

from workbench.errors import N_, FormatError
from workbench.formats.base import ALL_FIELDS, FileFormat
from workbench.formats.languages import checked_language
from workbench.formats.safe import parse_xml, xml_text
from workbench.glossary.model import Entry, Term, part_of_speech

NAME = "TBX"
EXTENSIONS = ("tbx",)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XCS = "TBXBasicXCSV02.kk-ru.xcs"
APPROVAL_NOTE = "approval: approved"
FORBIDDEN_NOTE = "status: forbidden"
CONTEXT_NOTE = "context: "  # a term's restriction, glossary.model.Context
DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
TERM_TYPES = {
    "full-form": "fullForm", "abbreviation": "abbreviation", "short-form": "shortForm", "variant": "variant",
}
# Other termType values of TBX that mean one of ours.
READ_TERM_TYPES = {v: k for k, v in TERM_TYPES.items()} | {
    "acronym": "abbreviation", "initialism": "abbreviation", "clippedTerm": "short-form",
    "commonName": "variant", "synonym": "variant", "equation": "variant", "formula": "variant",
    "internationalism": "variant", "phrase": "full-form", "shortcut": "short-form",
}
STATUSES = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
READ_STATUSES = {
    "preferredTerm-admn-sts": "preferred", "admittedTerm-admn-sts": "admitted",
    "deprecatedTerm-admn-sts": "deprecated", "supersededTerm-admn-sts": "deprecated",
    "legalTerm-admn-sts": "preferred", "regulatedTerm-admn-sts": "preferred",
    "standardizedTerm-admn-sts": "preferred",
    # TBX 2019 and some tools write the bare names.
    "preferred": "preferred", "admitted": "admitted", "deprecated": "deprecated",
    "superseded": "deprecated", "notRecommended": "deprecated", "forbidden": "forbidden",
}
ENTRY_TAGS = ("termEntry", "conceptEntry")
LANG_TAGS = ("langSet", "langSec")
TERM_TAGS = ("tig", "ntig", "termSec")


def write(entries: Iterable[Entry], *, source_lang: str = "kk") -> bytes:
    """A TBX-Basic document holding every entry, UTF-8 with an XML declaration."""
    root = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: source_lang})
    header = etree.SubElement(root, "martifHeader")
    file_desc = etree.SubElement(header, "fileDesc")
    source_desc = etree.SubElement(file_desc, "sourceDesc")
    etree.SubElement(source_desc, "p").text = "Kazakh–Russian glossary exported by the workbench"
    encoding_desc = etree.SubElement(header, "encodingDesc")
    etree.SubElement(encoding_desc, "p", type="XCSURI").text = XCS
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for entry in entries:
        body.append(_entry_element(entry))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=DOCTYPE)


def _entry_element(entry: Entry) -> etree._Element:
    element = etree.Element("termEntry", id=_xml_id(entry.id))
    if entry.category:
        etree.SubElement(element, "descrip", type="subjectField").text = xml_text(entry.category)
    if entry.source:
        etree.SubElement(element, "admin", type="source").text = xml_text(entry.source)
    if entry.approval == "approved":
        if entry.approved_by or entry.approved_at:
            group = etree.SubElement(element, "transacGrp")
            etree.SubElement(group, "transac", type="transactionType").text = "modification"
            if entry.approved_by:
                etree.SubElement(group, "transacNote", type="responsibility").text = xml_text(entry.approved_by)
            if entry.approved_at:
                etree.SubElement(group, "date").text = entry.approved_at[:10]
        etree.SubElement(element, "note").text = APPROVAL_NOTE
    if entry.note:
        etree.SubElement(element, "note").text = xml_text(entry.note)
    for lang in entry.languages:
        lang_set = etree.SubElement(element, "langSet", {XML_LANG: lang})
        for term in entry.terms_in(lang):
            lang_set.append(_term_element(term))
    return element


def _term_element(term: Term) -> etree._Element:
    tig = etree.Element("tig")
    etree.SubElement(tig, "term").text = xml_text(term.text)
    etree.SubElement(tig, "termNote", type="termType").text = TERM_TYPES[term.type]
    etree.SubElement(tig, "termNote", type="administrativeStatus").text = STATUSES[term.status]
    if term.pos:
        etree.SubElement(tig, "termNote", type="partOfSpeech").text = part_of_speech(term.pos)
    if term.status == "forbidden":
        etree.SubElement(tig, "note").text = FORBIDDEN_NOTE
    if term.context:
        etree.SubElement(tig, "note").text = CONTEXT_NOTE + xml_text(term.context)
    if term.note:
        etree.SubElement(tig, "note").text = xml_text(term.note)
    return tig


def _xml_id(value: str) -> str:
    """An xml:id-like attribute value: an NCName (our ids are; a stored odd one is made to fit)."""
    value = re.sub(r"[^\w.-]", "-", xml_text(value) or "")
    return value if re.match(r"^[^\W\d]", value) else f"e-{value}"


def read(data: bytes, path: str) -> list[Entry]:
    """Entries of a TBX file; anything malformed raises ``FormatError`` naming the element and its line.

    Entities are not resolved and nothing is fetched, whatever the file's DOCTYPE says.
    """
    root = parse_xml(data, path)
    if _local(root) not in ("martif", "tbx"):
        raise FormatError(N_("root element <%(element)s>; expected <martif> (TBX)"),
                          path=path, line=root.sourceline, element=_local(root))
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for element in root.iter(etree.Element):
        if _local(element) in ENTRY_TAGS:
            entry = _read_entry(element, path, len(entries) + 1)
            if entry.id and entry.id in seen:
                raise FormatError(N_("<%(element)s> id %(id)r already used on line %(first)s"),
                                  path=path, line=element.sourceline, element=_local(element), id=entry.id,
                                  first=seen[entry.id])
            seen[entry.id] = element.sourceline or 0
            entries.append(entry)
    return entries


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _text(element: etree._Element) -> str:
    """All text of an element, inline markup (<hi>, <ph>) flattened."""
    return "".join(element.itertext()).strip()


def _read_entry(element: etree._Element, path: str, number: int) -> Entry:
    entry = Entry(id=element.get("id") or "")  # no id: the importer gives one
    for child in element.iterchildren(etree.Element):
        tag, kind = _local(child), child.get("type")
        if tag == "descrip" and kind == "subjectField":
            entry.category = _text(child) or None
        elif tag == "descripGrp":
            descrip = next((c for c in child.iterchildren(etree.Element) if _local(c) == "descrip"), None)
            if descrip is not None and descrip.get("type") == "subjectField":
                entry.category = _text(descrip) or None
        elif tag == "admin" and kind == "source":
            entry.source = _text(child) or None
        elif tag == "note" and _text(child) == APPROVAL_NOTE:
            entry.approval = "approved"
        elif tag == "note":
            entry.note = _text(child) or None
        elif tag == "transacGrp":
            _read_transaction(child, entry)
        elif tag in LANG_TAGS:
            entry.terms.extend(_read_lang_set(child, path))
    return entry


def _read_transaction(group: etree._Element, entry: Entry) -> None:
    values = {}
    for child in group.iterchildren(etree.Element):
        values[(_local(child), child.get("type"))] = _text(child)
    if values.get(("transac", "transactionType")) in ("approval", "modification"):
        if values.get(("transac", "transactionType")) == "approval":  # written so by earlier versions
            entry.approval = "approved"
        entry.approved_by = values.get(("transacNote", "responsibility")) or None
        entry.approved_at = values.get(("date", None)) or None


def _read_lang_set(lang_set: etree._Element, path: str) -> list[Term]:
    code = lang_set.get(XML_LANG) or lang_set.get("lang")
    if not code:
        raise FormatError(N_("<%(element)s> without xml:lang"),
                          path=path, line=lang_set.sourceline, element=_local(lang_set))
    lang = checked_language(code, path, f"<{_local(lang_set)} xml:lang>", lang_set.sourceline)
    terms = []
    for child in lang_set.iterchildren(etree.Element):
        if _local(child) in TERM_TAGS:
            terms.append(_read_term(child, lang.strip(), path))
    return terms


def _read_term(tig: etree._Element, lang: str, path: str) -> Term:
    term: Term | None = None
    notes: dict[str, str] = {}
    note_text = None
    for child in tig.iter(etree.Element):
        tag = _local(child)
        if tag == "term":
            term = Term(lang, _text(child))
        elif tag == "termNote" and child.get("type"):
            notes[child.get("type")] = _text(child)
        elif tag == "note" and _text(child) == FORBIDDEN_NOTE:
            notes["forbidden"] = "yes"
        elif tag == "note" and _text(child).startswith(CONTEXT_NOTE):
            notes["context"] = _text(child)[len(CONTEXT_NOTE):]
        elif tag == "note":
            note_text = _text(child) or None
    if term is None or not term.text:
        raise FormatError(N_("<%(element)s> without a <term> text"),
                          path=path, line=tig.sourceline, element=_local(tig))
    term_type = notes.get("termType")
    if term_type is not None:
        if term_type not in READ_TERM_TYPES:
            raise FormatError(N_("<termNote type=\"termType\"> %(term_type)r is not a TBX term type"),
                              path=path, line=tig.sourceline, term_type=term_type)
        term.type = READ_TERM_TYPES[term_type]  # type: ignore[assignment]
    status = notes.get("administrativeStatus") or notes.get("normativeAuthorization")
    if status is not None:
        if status not in READ_STATUSES:
            raise FormatError(N_("<termNote type=\"administrativeStatus\"> %(status)r is not a TBX status"),
                              path=path, line=tig.sourceline, status=status)
        term.status = READ_STATUSES[status]  # type: ignore[assignment]
    if notes.get("usageNote") == "forbidden" or notes.get("forbidden"):
        term.status = "forbidden"
    term.pos = part_of_speech(notes.get("partOfSpeech"))
    term.context = notes.get("context") or None
    term.note = note_text
    return term


FORMATS = (FileFormat("tbx", "TBX-Basic", EXTENSIONS, "glossary", read, write, "application/x-tbx+xml", ALL_FIELDS),)
