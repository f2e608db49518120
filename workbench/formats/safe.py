"""What every reader and writer of exchanged files does with text it cannot trust (pure).

Readers refuse control characters (U+0000–U+001F except tab, line feed and carriage return;
U+007F–U+009F) with the line they are on, and XML documents whose DOCTYPE declares entities.
Writers of XML drop the characters XML 1.0 cannot hold, so that nothing stored can break an export.
"""
from __future__ import annotations

import re

from lxml import etree

from workbench.errors import N_, FormatError, Message

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Characters XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)


def control_character_problem(text: str) -> Message | None:
    """``"control character U+0001"`` for the first one in ``text``, else None."""
    m = CONTROL.search(text)
    return Message(N_("control character U+%(code)s"), code=f"{ord(m.group()):04X}") if m else None


def refuse_control_characters(text: str, path: str, first_line: int = 1) -> None:
    """``FormatError`` naming the line of the first control character (form feeds included)."""
    m = CONTROL.search(text)
    if m:
        line = first_line + text.count("\n", 0, m.start())
        raise FormatError(N_("control character U+%(code)s in the text; remove it and import again"),
                          path=path, line=line, code=f"{ord(m.group()):04X}")


def xml_text(text: str | None) -> str | None:
    """``text`` without the characters XML 1.0 cannot hold (None stays None)."""
    return NOT_XML.sub("", text) if text else text


def parse_xml(data: bytes, path: str) -> etree._Element:
    """Parse untrusted XML: no entity is resolved or allowed, no DTD loaded, nothing fetched.

    :raises FormatError: not well-formed, or a DOCTYPE that declares entities (named with its line).
    """
    doctype = data.find(b"<!DOCTYPE")
    end = data.find(b"]>", doctype) if doctype >= 0 else -1
    m = _ENTITY_DECLARATION.search(data, doctype, end) if end >= 0 else None
    if m:
        line = data[: m.start()].count(b"\n") + 1
        raise FormatError(N_("the DOCTYPE declares entities, which are not accepted in exchanged files"),
                          path=path, line=line)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FormatError(N_("not well-formed XML: %(msg)s"),
                          path=path, line=exc.lineno, msg=exc.msg) from None
    docinfo = root.getroottree().docinfo
    dtd = docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise FormatError(N_("the DOCTYPE declares entities, which are not accepted in exchanged files"),
                          path=path, line=1)
    for node in root.iter(etree.Entity):
        raise FormatError(N_("entity reference %(text)s is not accepted in exchanged files"), path=path,
                          line=node.sourceline, text=node.text)
    return root
