"""What a file format declares about itself (pure): its name, extensions, kind, reader and writer.

Every format module ends with ``FORMATS = (FileFormat(...), ...)``; ``workbench.formats.registry``
collects them. Glossary formats read ``(data, path) -> list[Entry]`` and write
``(entries) -> bytes``; alignment formats read ``(data, path) -> (pairs, titles)`` and write
``(pairs, stream, titles) -> count``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Literal

Kind = Literal["glossary", "alignment"]


@dataclass(frozen=True)
class FileFormat:
    """One way to exchange glossaries or alignments with other tools."""

    name: str  # what the command line and the pages call it: "tbx", "omegat", …
    title: str  # what people call it: "TBX-Basic", "OmegaT glossary", …
    extensions: tuple[str, ...]  # the first one names downloaded files
    kind: Kind
    read: Callable[..., Any] | None = None
    write: Callable[..., Any] | None = None
    media_type: str = "application/octet-stream"
    # Entry fields a glossary format carries; an import updates only these (see services.glossary).
    carries: frozenset[str] = field(default_factory=frozenset)

    @property
    def extension(self) -> str:
        return self.extensions[0]


# Every field of a glossary entry and of its terms, for formats that carry them all.
ALL_FIELDS = frozenset({"category", "note", "source", "approval", "term.type", "term.status", "term.pos",
                        "term.note", "term.context"})
