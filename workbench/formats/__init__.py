"""File formats: one module per format, each with NAME, EXTENSIONS, read and (where it applies) write.

The glossary formats are looked up here by name or by a file's extension; the alignment formats
(TMX, XLIFF, PO, TSV) are chosen by the exporting service.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from workbench.errors import InputError


@dataclass(frozen=True)
class GlossaryFormat:
    """One way to read and write glossary entries: a module plus, for delimited text, its dialect."""

    name: str
    module: str
    dialect: str | None = None

    def load(self) -> ModuleType:
        import importlib

        return importlib.import_module(f"workbench.formats.{self.module}")

    def read(self, data: bytes, path: str):
        module = self.load()
        if self.dialect is not None:
            return module.read(data, path, dialect=self.dialect)
        return module.read(data, path)

    def write(self, entries) -> bytes:
        module = self.load()
        if self.dialect is not None:
            return module.write(entries, dialect=self.dialect)
        return module.write(entries)


GLOSSARY_FORMATS: dict[str, GlossaryFormat] = {
    "tbx": GlossaryFormat("tbx", "tbx"),
    "tsv": GlossaryFormat("tsv", "delimited", "tsv"),
    "csv": GlossaryFormat("csv", "delimited", "csv"),
    "omegat": GlossaryFormat("omegat", "delimited", "omegat"),
    "po": GlossaryFormat("po", "po"),
    "json": GlossaryFormat("json", "jsonfile"),
}
_BY_EXTENSION = {"tbx": "tbx", "tsv": "tsv", "csv": "csv", "utf8": "omegat", "tab": "omegat", "txt": "omegat",
                 "po": "po", "pot": "po", "json": "json"}


def glossary_format(name: str | None, path: str) -> GlossaryFormat:
    """The format called ``name``, or the one the file's extension says; InputError when neither fits."""
    if name is None:
        ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
        name = _BY_EXTENSION.get(ext)
        if name is None:
            raise InputError(f"cannot tell the glossary format from the extension .{ext}; use --format "
                             f"{'|'.join(GLOSSARY_FORMATS)}", path=path)
    if name not in GLOSSARY_FORMATS:
        raise InputError(f"unknown glossary format {name!r}; expected one of: {', '.join(GLOSSARY_FORMATS)}")
    return GLOSSARY_FORMATS[name]
