"""A file of one sentence per line (the input of ``align-text``), with errors that name the file and line.

Works on bytes, not paths, so that it stays free of I/O: the command line reads the file.

Every line is a sentence, whatever it holds: a long line is sentences a translator joined and a blank
line an empty sentence. Either is reported through ``warn`` (the command line prints it on stderr),
never refused, so that line n stays sentence n-1 as the gold files count them.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from workbench.formats.plaintext import read_lines
from workbench.language import UPPER

# A sentence end inside a line: final punctuation, an optional closing quote or bracket, a space and
# a capital letter, digit or opening quote. Initials and abbreviations also match, hence the slack below.
INNER_END_RE = re.compile(rf"[.!?…][»\"”)]?\s+[«\"“(]?[{UPPER}0-9]")
# A line with this many inner sentence ends and this many characters looks like joined sentences.
MAX_INNER_ENDS = 3
MIN_PARAGRAPH_CHARS = 300


def read_sentences(data: bytes, path: str, warn: Callable[[str], None] | None = None) -> list[str]:
    """The sentences of a one-sentence-per-line file, in order (line n holds sentence n-1).

    :param warn: called with one line naming the file and line for each blank line and each line that
        looks like several sentences; such lines are kept as they are.
    :raises InputError: the file is not UTF-8 or holds no text at all.
    """
    lines = read_lines(data, path)
    while lines and not lines[-1].text.strip():
        lines.pop()
    sentences = []
    for line in lines:
        text = line.text.strip()
        if warn is not None:
            if not text:
                warn(f"{path}:{line.number}: blank line; kept as an empty sentence")
            else:
                ends = len(INNER_END_RE.findall(text))
                if ends >= MAX_INNER_ENDS and len(text) >= MIN_PARAGRAPH_CHARS:
                    warn(f"{path}:{line.number}: line holds about {ends + 1} sentences ({len(text)} "
                         "characters); aligned as one sentence a translator joined")
        sentences.append(text)
    return sentences
