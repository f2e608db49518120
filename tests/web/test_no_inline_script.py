"""Pages carry no inline script, event handler or style attribute (a Content-Security-Policy without
'unsafe-inline' must not break them): JavaScript lives in static files."""
from __future__ import annotations

import re
from pathlib import Path

import workbench

TEMPLATES = Path(workbench.__file__).parent / "web" / "templates"
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=", re.IGNORECASE)


def test_no_template_has_inline_script_handlers_or_style_attributes():
    found = [f"{path.relative_to(TEMPLATES)}:{n}: {line.strip()[:80]}"
             for path in sorted(TEMPLATES.rglob("*.html"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if INLINE.search(line)]
    assert found == []
