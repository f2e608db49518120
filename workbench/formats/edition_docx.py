"""An edition as a Word document (python-docx): headings as headings, paragraphs as paragraphs."""
from __future__ import annotations

import io
from typing import Iterable


def write_edition_docx(title: str, lang: str, paragraphs: Iterable[tuple[bool, str]]) -> bytes:
    """``paragraphs`` are (is heading, text) in reading order; the document's language is set to ``lang``."""
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.language = lang
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), {"kk": "kk-KZ", "ru": "ru-RU"}.get(lang, lang))
    doc.add_heading(title, level=0)
    for heading, text in paragraphs:
        if heading:
            doc.add_heading(text, level=1)
        else:
            doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
