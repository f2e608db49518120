"""The one registry of file formats, collected from the format modules' ``FORMATS`` declarations.

The command line's ``--format`` choices, the pages' download links and the services' lookups all
come from here.
"""
from __future__ import annotations

from workbench.errors import N_, InputError
from workbench.formats import alignment_po, alignment_tsv, delimited, jsonfile, po, tbx, tmx, xliff
from workbench.formats.base import FileFormat, Kind

MODULES = (tbx, delimited, po, jsonfile, tmx, xliff, alignment_po, alignment_tsv)

REGISTRY: tuple[FileFormat, ...] = tuple(f for module in MODULES for f in module.FORMATS)


def formats(kind: Kind) -> dict[str, FileFormat]:
    """The formats of one kind by name, in registry order."""
    return {f.name: f for f in REGISTRY if f.kind == kind}


def names(kind: Kind, *, readable: bool = False, writable: bool = False) -> list[str]:
    """Names of the formats of ``kind`` (only those that can be read / written, when asked)."""
    return [f.name for f in REGISTRY if f.kind == kind and (not readable or f.read is not None)
            and (not writable or f.write is not None)]


def find(kind: Kind, name: str | None = None, path: str | None = None, *, for_reading: bool = False) -> FileFormat:
    """The format called ``name``, else the first whose extensions include ``path``'s; InputError when none fits."""
    known = formats(kind)
    if for_reading:
        known = {n: f for n, f in known.items() if f.read is not None}
    if name is not None:
        if name not in known:
            raise InputError(N_("unknown %(kind)s format %(name)r; expected one of: %(choices)s"),
                             path=path, kind=kind, name=name, choices=", ".join(known))
        return known[name]
    ext = path.rsplit(".", 1)[-1].lower() if path and "." in path.rsplit("/", 1)[-1] else ""
    for f in known.values():
        if ext in f.extensions:
            return f
    raise InputError(N_("cannot tell the %(kind)s format from the extension .%(ext)s; use --format "
                        "%(choices)s"), path=path, kind=kind, ext=ext, choices="|".join(known))
