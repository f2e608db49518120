"""Language codes of exchanged files -> the workbench's two languages (pure; the one place that knows them).

Other tools write ``kk-KZ``, ``kk_KZ``, ``kaz``, ``ru-RU``, ``rus``, ``Russian``…; all of them mean
``kk`` or ``ru``. Any other language is refused, naming the element (or field) and line that says it.
"""
from __future__ import annotations

import re

from workbench.errors import N_, FormatError

LANGUAGES = ("kk", "ru")
# ISO 639-1, ISO 639-2/3 and English names (lower case), before any region or script subtag.
_ALIASES = {"kk": "kk", "kaz": "kk", "kazakh": "kk", "ru": "ru", "rus": "ru", "russian": "ru"}
_SUBTAGS = re.compile(r"[-_@.]")


def language(code: str | None) -> str | None:
    """``"kk-KZ"`` → ``"kk"``, ``"RU_ru"`` → ``"ru"``, ``"kk-Cyrl-KZ"`` → ``"kk"``; None for any other language."""
    if not code:
        return None
    primary = _SUBTAGS.split(code.strip().lower(), maxsplit=1)[0]
    return _ALIASES.get(primary)


def checked_language(code: str | None, path: str, where: str, line: int | None = None) -> str:
    """The workbench language for ``code``; ``FormatError`` naming ``where`` (e.g. ``<langSet>``) and line."""
    found = language(code)
    if found is None:
        raise FormatError(N_("%(where)s names the language %(code)r; the workbench works with kk (Kazakh) "
                             "and ru (Russian) only (kk-KZ, kaz, ru-RU, rus are read as those)"),
                          path=path, line=line, where=where, code=code)
    return found
