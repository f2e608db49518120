"""A DOCX edition: paragraphs, headings (by style) and list items, each anchored to its paragraph number.

Read with python-docx (MIT). Every paragraph of the body is numbered in reading order — empty ones, and
those in table cells and content controls, included — and that number is the sentence's ``line``. A
paragraph is a heading when its style is a heading (``Heading 1``…, ``Title``, ``Subtitle``, or any style
with an outline level), a list item when it is numbered (``w:numPr`` on it or its style) or its style is a
``List`` style; otherwise it is told apart by the same rule as one-paragraph-per-line text (an article
label such as ``5-бап`` is a heading). Footnote references become ``[n]``, numbered in order as Word shows
them, so the marker stays with its sentence. Pages come from the page breaks the file records: Word's last
rendered page breaks when it saved them, else hard page breaks; a file with neither has no pages.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from workbench.errors import N_, InputError, Message
from workbench.text.cleanup import paragraph_kind
from workbench.text.headers import squeeze
from workbench.text.model import Anchor, Block, BlockKind, CleanText, CleanupReport
from workbench.text.normalise import nfc

Progress = Callable[[float, "str | Message"], None]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT_PART = "word/document.xml"
# A document.xml larger than this when unpacked is refused (a zip bomb, not an edition).
MAX_UNPACKED = 256 * 1024 * 1024
HEADING_STYLE_RE = re.compile(r"^(?:heading\s*\d|title|subtitle)\b", re.IGNORECASE)


def is_docx(data: bytes) -> bool:
    """A zip archive holding ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        return DOCUMENT_PART in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return False


def _check_package(data: bytes, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(N_("not a DOCX file: not a zip archive (a DOCX is one; an old .doc must be saved as "
                            ".docx first)"), path=name) from None
    try:
        info = archive.getinfo(DOCUMENT_PART)
    except KeyError:
        raise InputError(N_("not a DOCX file: the zip archive has no %(part)s"), path=name,
                         part=DOCUMENT_PART) from None
    if info.file_size > MAX_UNPACKED:
        raise InputError(N_("%(part)s unpacks to %(size)s bytes, over the limit of "
                            "%(limit)s"), path=name, part=DOCUMENT_PART, size=f"{info.file_size:,}",
                         limit=f"{MAX_UNPACKED:,}")


def _style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def _kind(paragraph, text: str) -> BlockKind:
    """Heading or list item by the paragraph's style and numbering; else by its text."""
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.find(f"{W}outlineLvl") is not None:
        return "heading"
    numbered = ppr is not None and ppr.numPr is not None
    try:
        styles = list(_style_chain(paragraph.style))
    except (KeyError, ValueError):
        styles = []
    for style in styles:
        if HEADING_STYLE_RE.match(style.name or ""):
            return "heading"
        style_ppr = style.element.pPr
        if style_ppr is not None and style_ppr.find(f"{W}outlineLvl") is not None:
            return "heading"
        if style_ppr is not None and style_ppr.find(f"{W}numPr") is not None:
            numbered = True
        if (style.name or "").lower().startswith("list"):
            numbered = True
    return "list_item" if numbered else paragraph_kind(text)


def _body_paragraphs(document):
    """Every paragraph of the body in reading order: in table cells and content controls too."""
    from docx.text.paragraph import Paragraph

    parent = document._body

    def walk(element):
        for child in element.iterchildren():
            tag = child.tag
            if tag == f"{W}p":
                yield Paragraph(child, parent)
            elif tag == f"{W}tbl":
                for row in child.iterchildren(f"{W}tr"):
                    for cell in row.iterchildren(f"{W}tc"):
                        yield from walk(cell)
            elif tag in (f"{W}sdt", f"{W}customXml"):
                content = child.find(f"{W}sdtContent")
                yield from walk(content if content is not None else child)

    yield from walk(document.element.body)


def read_docx(data: bytes, name: str, progress: Progress | None = None) -> CleanText:
    """The blocks of a DOCX edition.

    :raises InputError: not a zip, no ``word/document.xml``, or a part python-docx cannot read.
    """
    _check_package(data, name)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, XMLSyntaxError, zipfile.BadZipFile) as exc:
        raise InputError(N_("damaged DOCX file: %(exc)s"), path=name, exc=exc) from None
    rendered = document.element.body.find(f".//{W}lastRenderedPageBreak") is not None
    hard = any(br.get(f"{W}type") == "page" for br in document.element.body.iter(f"{W}br")) or \
        document.element.body.find(f".//{W}pageBreakBefore") is not None
    paged = rendered or hard
    page = 1
    footnotes = 0
    blocks: list[Block] = []
    number = 0
    for paragraph in _body_paragraphs(document):
        number += 1
        p = paragraph._p
        breaks_before = p.pPr is not None and p.pPr.find(f"{W}pageBreakBefore") is not None
        if not rendered and breaks_before and number > 1:
            page += 1
        start_page = page
        parts: list[str] = []
        for el in p.iter():
            tag = el.tag
            if tag == f"{W}t":
                parts.append(el.text or "")
            elif tag in (f"{W}tab", f"{W}cr"):
                parts.append(" ")
            elif tag == f"{W}br":
                parts.append(" ")
                if not rendered and el.get(f"{W}type") == "page":
                    page += 1
                    if not "".join(parts).strip():
                        start_page = page
            elif tag == f"{W}lastRenderedPageBreak" and rendered:
                page += 1
                if not "".join(parts).strip():
                    start_page = page
            elif tag == f"{W}footnoteReference":
                footnotes += 1
                parts.append(f"[{footnotes}]")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}softHyphen":
                pass
        text = nfc(squeeze("".join(parts)))
        if text:
            anchor = Anchor(0, number, start_page if paged else None)
            blocks.append(Block(_kind(paragraph, text), text, [anchor]))
    if progress is not None:
        progress(1.0, Message(N_("read %(n)s paragraphs"), n=number))
    if not blocks:
        raise InputError(N_("DOCX has no text (no paragraph with words in its body)"), path=name)
    report = CleanupReport(lines=number, pages=page if paged else 0)
    return CleanText(blocks, report)
