"""A file of one sentence per line (the input of ``align-text``), with errors that name the file and line.

Works on bytes, not paths, so that it stays free of I/O: the command line reads the file.
"""
from __future__ import annotations

import re

from workbench.errors import InputError
from workbench.language import UPPER
from workbench.formats.plaintext import read_lines

# A sentence end inside a line: final punctuation, an optional closing quote or bracket, a space and
# a capital letter, digit or opening quote. Initials and abbreviations also match, hence the slack below.
INNER_END_RE = re.compile(rf"[.!?…][»\"”)]?\s+[«\"“(]?[{UPPER}0-9]")
# A line with this many inner sentence ends and this many characters is a paragraph, not a sentence.
MAX_INNER_ENDS = 3
MIN_PARAGRAPH_CHARS = 300


def read_sentences(data: bytes, path: str) -> list[str]:
    """The sentences of a one-sentence-per-line file, in order (line n holds sentence n-1).

    :raises InputError: the file is not UTF-8, is empty, has a blank line between sentences, or a
        line holds a whole paragraph.
    """
    lines = read_lines(data, path)
    while lines and not lines[-1].text.strip():
        lines.pop()
    sentences = []
    for line in lines:
        text = line.text.strip()
        if not text:
            raise InputError("blank line; expected one sentence on every line (sentence n on line n+1)",
                             path=path, line=line.number)
        ends = len(INNER_END_RE.findall(text))
        if ends >= MAX_INNER_ENDS and len(text) >= MIN_PARAGRAPH_CHARS:
            raise InputError(f"line holds about {ends + 1} sentences ({len(text)} characters); expected one "
                             "sentence per line: split the paragraphs into sentences first",
                             path=path, line=line.number)
        sentences.append(text)
    return sentences
