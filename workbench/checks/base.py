"""The checks' value types: Finding, the contexts a check receives, and the Check base classes (pure)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Literal, Protocol, TypeVar

from workbench.errors import Message
from workbench.text.normalise import fold

if TYPE_CHECKING:
    from workbench.glossary.model import Entry
    from workbench.text.model import Block, Sentence

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
EXCERPT_MAX = 80
T = TypeVar("T")


@dataclass(frozen=True)
class Finding:
    """One thing an editor should look at: where it is, what it is and, when known, the fix.

    ``line`` is the 1-based source line where the offending text starts; ``excerpt`` is that text as
    it stands (at most 80 characters). ``key`` identifies the finding across re-runs (check id +
    normalised excerpt + occurrence number) and is filled in by the runner.

    ``message`` is a :class:`~workbench.errors.Message` (its ``str()`` is the English text, the msgid
    and values let a page show it in the reader's language); ``suggestion`` is corrected text as it
    should stand, or a Message when it is advice ("delete one of the copies").
    """

    check: str
    severity: Severity
    message: str
    line: int
    page: int | None = None
    excerpt: str = ""
    suggestion: str | None = None
    block: int | None = None
    sentence: int | None = None
    bead: int | None = None
    other_line: int | None = None  # the second place, for findings that come in pairs
    key: str = ""

    def as_dict(self) -> dict[str, object]:
        """The finding as a plain mapping, empty optional fields left out (for JSON lines)."""
        out: dict[str, object] = {
            "check": self.check, "severity": self.severity, "line": self.line,
            "excerpt": self.excerpt, "message": self.message,
        }
        for name in ("suggestion", "page", "block", "sentence", "bead", "other_line", "key"):
            value = getattr(self, name)
            if value is not None and value != "":
                out[name] = value
        return out


def as_message(text: str) -> Message:
    """``text`` as a :class:`Message`: a message as it is, a msgid (marked ``N_``) without values."""
    return text if isinstance(text, Message) else Message(text)


def excerpt_of(text: str) -> str:
    """The offending text on one line, cut to 80 characters."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= EXCERPT_MAX else text[: EXCERPT_MAX - 1] + "…"


def finding_key(check: str, excerpt: str, occurrence: int, where: int | None = None) -> str:
    """A stable key: the same offending text found again by the same check keeps its key.

    ``where`` is the block (or bead) the text stands in, when known; the occurrence is then counted
    within it, so fixing one copy elsewhere in the book does not renumber this one.
    """
    norm = " ".join(fold(excerpt).rstrip("…").split())
    place = "" if where is None else f"@{where}"
    return f"{check}|{norm}{place}|{occurrence}"


@dataclass
class Edition:
    """What an edition check sees: one edition's blocks and sentences, and the glossary if there is one."""

    lang: str
    blocks: list[Block]
    sentences: list[Sentence] = field(default_factory=list)
    glossary: list[Entry] | None = None
    # A page's position in the file → the page as printed, where they differ (a PDF's roman front matter).
    page_labels: dict[int, str] = field(default_factory=dict)
    _sentence_offsets: dict[int, int] = field(default_factory=dict, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()`` once per edition: analyses that several checks share (the abbreviation index)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    def printed_page(self, page: int) -> str:
        """How a message names a page: as printed."""
        return self.page_labels.get(page, str(page))

    def sentence_offset(self, index: int) -> int:
        """Offset of sentence ``index`` in its block's text (0 if the segmenter changed the text)."""
        if index not in self._sentence_offsets:
            s = self.sentences[index]
            text = self.blocks[s.block].text
            # Search from the previous sentence of the same block, so repeated sentences land right.
            start = 0
            if index > 0 and self.sentences[index - 1].block == s.block:
                start = self.sentence_offset(index - 1) + 1
            found = text.find(s.text[:40], start)
            self._sentence_offsets[index] = max(found, 0)
        return self._sentence_offsets[index]


class Bead(Protocol):
    """The shape of an alignment bead the bead checks need (see ``workbench.align``)."""

    kk: tuple[int, ...]
    ru: tuple[int, ...]
    score: float


@dataclass
class Pair:
    """What a bead check sees: both editions' sentences, the beads between them and the glossary."""

    kk: list[Sentence]
    ru: list[Sentence]
    beads: list[Bead]
    glossary: list[Entry] | None = None

    def texts(self, index: int) -> tuple[str, str]:
        """The Kazakh and the Russian text of bead ``index`` (sentences joined by a space)."""
        bead = self.beads[index]
        return (" ".join(self.kk[i].text for i in bead.kk), " ".join(self.ru[i].text for i in bead.ru))


class CheckCrash(Exception):
    """A check raised while looking at one block or bead; the runner turns it into a finding."""

    def __init__(self, check: str, where: str, error: BaseException) -> None:
        self.check = check
        self.where = where
        self.error = error
        super().__init__(f"{check} crashed at {where}: {type(error).__name__}: {error}")


class Check:
    """Base of every check: identity and user-facing text, declared as class attributes."""

    id: ClassVar[str]
    name: ClassVar[str]
    description: ClassVar[str]
    severity: ClassVar[Severity] = "warning"
    enabled_by_default: ClassVar[bool] = True


class EditionCheck(Check):
    """A check over one edition; override ``check_block`` (per block) or ``run`` (whole edition)."""

    def run(self, edition: Edition) -> list[Finding]:
        found: list[Finding] = []
        for index, block in enumerate(edition.blocks):
            try:
                found.extend(self.check_block(edition, index, block))
            except Exception as exc:  # noqa: BLE001 - the runner reports it with the block
                raise CheckCrash(self.id, f"block {index} (line {block.start_line})", exc) from exc
        return found

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        return []

    def at(
        self, edition: Edition, block: int, start: int, end: int, message: str, *,
        suggestion: str | None = None, sentence: int | None = None, other_line: int | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding for the text ``blocks[block].text[start:end]``, placed on its source line."""
        b = edition.blocks[block]
        anchor = b.anchor_at(start)
        return Finding(
            check=self.id, severity=severity or self.severity, message=as_message(message), line=anchor.line,
            page=anchor.page, excerpt=excerpt_of(b.text[start:end]), suggestion=suggestion,
            block=block, sentence=sentence, other_line=other_line,
        )

    def at_sentence(self, edition: Edition, index: int, message: str, **kw: object) -> Finding:
        """A finding for a whole sentence."""
        s = edition.sentences[index]
        start = edition.sentence_offset(index)
        return self.at(edition, s.block, start, start + len(s.text), message, sentence=index,
                       **kw)  # type: ignore[arg-type]


class BeadCheck(Check):
    """A check over the beads of an alignment; override ``check_bead`` or ``run``."""

    def run(self, pair: Pair) -> list[Finding]:
        found: list[Finding] = []
        for index, bead in enumerate(pair.beads):
            try:
                found.extend(self.check_bead(pair, index, bead))
            except Exception as exc:  # noqa: BLE001
                raise CheckCrash(self.id, f"bead {index}", exc) from exc
        return found

    def check_bead(self, pair: Pair, index: int, bead: Bead) -> list[Finding]:
        return []

    def at(
        self, pair: Pair, index: int, message: str, *, excerpt: str | None = None,
        suggestion: str | None = None, severity: Severity | None = None,
    ) -> Finding:
        """A finding for bead ``index``, placed on the first line of its Kazakh side (else Russian)."""
        bead = pair.beads[index]
        first = pair.kk[bead.kk[0]] if bead.kk else pair.ru[bead.ru[0]]
        kk, ru = pair.texts(index)
        return Finding(
            check=self.id, severity=severity or self.severity, message=as_message(message), line=first.start_line,
            page=first.page, excerpt=excerpt_of(excerpt if excerpt is not None else (kk or ru)),
            suggestion=suggestion, bead=index,
            other_line=pair.ru[bead.ru[0]].start_line if bead.kk and bead.ru else None,
        )


class CorpusBeadCheck(BeadCheck):
    """A check that needs all beads at once (consistency across the document); override ``run``."""


def word_start(text: str, index: int) -> int:
    """``index`` moved back to the start of the word it falls in (excerpts never begin mid-word)."""
    index = max(0, index)
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def word_end(text: str, index: int) -> int:
    """``index`` moved on to the end of the word it falls in."""
    index = min(len(text), index)
    while index < len(text) and not text[index].isspace():
        index += 1
    return index
