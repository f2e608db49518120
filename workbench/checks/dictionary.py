"""The Kazakh spelling dictionary, to tell a word the language knows from a slip (pure reading of files).

Debian's hunspell-kk (``/usr/share/hunspell/kk_KZ.dic`` and ``.aff``) read with spylls, a Hunspell in
Python. It knows stems and their suffixes but not every word of a book (loanwords, names, rarer
forms), so a check uses it only to stay silent: a word it knows is not reported as a slip. Without
the files (the Debian package is not installed), ``kazakh_dictionary()`` is None and the checks
that need it do not run that part (their description says so).

Read, the dictionary takes about 160 MB and 0.7 s; it is not kept between check runs, so that a
long-running server process does not hold it, and a check reads it only when a word needs it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

# Where Debian installs the dictionary (hunspell-kk).
KAZAKH_DICTIONARY = Path("/usr/share/hunspell/kk_KZ")


class SpellingDictionary:
    """A Hunspell dictionary: ``knows(word)`` for a lower-case word."""

    def __init__(self, base: Path) -> None:
        from spylls.hunspell import Dictionary, readers
        from spylls.hunspell.readers.file_reader import FileReader

        class ClosingReader(FileReader):
            """spylls' file reader, keeping the files it opens so that they are closed after reading
            (``Dictionary.from_files`` leaves them to the garbage collector)."""

            def _open(self, path, encoding):
                opened = super()._open(path, encoding)
                self.__dict__.setdefault("opened", []).append(opened)
                return opened

            def close(self) -> None:
                for opened in self.__dict__.get("opened", []):
                    opened.close()

        aff_reader = ClosingReader(str(base.with_suffix(".aff")))
        try:
            aff, context = readers.read_aff(aff_reader)
        finally:
            aff_reader.close()
        dic_reader = ClosingReader(str(base.with_suffix(".dic")), encoding=context.encoding)
        try:
            dic = readers.read_dic(dic_reader, aff=aff, context=context)
        finally:
            dic_reader.close()
        self._dictionary = Dictionary(aff, dic)
        self.knows = lru_cache(maxsize=65536)(self._knows)

    def _knows(self, word: str) -> bool:
        return bool(self._dictionary.lookup(word))


def kazakh_dictionary_installed() -> bool:
    return all(KAZAKH_DICTIONARY.with_suffix(ext).is_file() for ext in (".dic", ".aff"))


def kazakh_dictionary() -> SpellingDictionary | None:
    """The Kazakh dictionary, read anew; None when hunspell-kk is not installed."""
    return SpellingDictionary(KAZAKH_DICTIONARY) if kazakh_dictionary_installed() else None
