"""Numbered headings (pure): what kind of heading a title is, so that the part under «Раздел I» runs to
«Раздел II» and takes its «Статья 1», «Статья 2» … along, and the part under «2. Мемлекеттік құрылыс»
takes its «2.1.», «2.2.» … along.

A kind is the title's numbering with the number as ``#``: ``раздел #``, ``статья #``, ``# бөлім``,
``#-бап``, ``#-тарау``, ``#.``, ``#.#.``. A title without such numbering has no kind.
"""
from __future__ import annotations

import re

# Roman numerals as printed in Kazakh and Russian texts: Latin letters, or the Cyrillic І and Х.
_NUMBER = r"(?:\d+|[IVXLCІХ]+)"
_DOTTED = re.compile(r"\d+(?:\.\d+)*\.")          # 1.  2.1.
_SUFFIXED = re.compile(_NUMBER + r"(-\w+)")        # 1-бап  II-тарау
_ALONE = re.compile(_NUMBER + r"[.:]?")            # І (бөлім)  (Раздел) I  (Статья) 1.


def numbered_kind(title: str) -> str | None:
    """The kind of a numbered heading (see the module), or None."""
    words = title.split()
    if not words:
        return None
    first = words[0]
    if _DOTTED.fullmatch(first):
        return re.sub(r"\d+", "#", first)
    suffixed = _SUFFIXED.fullmatch(first)
    if suffixed:
        return "#" + suffixed.group(1).casefold()
    if len(words) > 1 and _ALONE.fullmatch(first):
        return "# " + words[1].casefold()
    if len(words) > 1 and _ALONE.fullmatch(words[1]) and first.isalpha():
        return first.casefold() + " #"
    return None


def part_end(headings: list[tuple[int, str]], chosen: int) -> int | None:
    """Where the part under the heading at ``chosen`` ends: the position of the first later heading of its
    kind or of a kind that appears earlier in the text (a higher level), or None when its kind is unknown
    (then the caller decides) or nothing later closes it (the part runs to the end).

    :param headings: (position, title) of the edition's headings, in order; ``chosen`` is among them.
    """
    kinds = [(p, numbered_kind(t)) for p, t in headings]
    kind = dict(kinds).get(chosen)
    if kind is None:
        return None
    first_seen: dict[str, int] = {}
    for p, k in kinds:
        if k is not None:
            first_seen.setdefault(k, p)
    for p, k in kinds:
        if p > chosen and k is not None and (k == kind or first_seen[k] < first_seen[kind]):
            return p
    return None
