"""Sentence segmentation for Kazakh and Russian: NLTK Punkt trained on the texts themselves.

Punkt (Kiss & Strunk 2006, "Unsupervised Multilingual Sentence Boundary Detection") learns
abbreviations, collocations, frequent sentence starters and the capitalisation habits of words from
the text it is given; nothing is downloaded. Curated lists add abbreviations too rare in one
document to be learned (``т.б.``, ``жж.``, ``им.``, ``см.``) and initials (``А.Е.``, ``Н.А.``) found
in the texts. A few repairs follow Punkt, for the conventions of these texts:

* a paragraph's leading point number stays with its text ("1. Текст", "2) …"), while an article
  label ("5-бап.", "Статья 5.") is a sentence of its own;
* initials and abbreviations that never end a sentence (``им.``, ``т.е.``) never end one;
* a footnote marker (``[141]``, ``[11].``) belongs to the sentence before it;
* full stops inside a «…» quotation that closes soon after do not end the quoting sentence;
* a "sentence" that starts with a lower-case letter or closing punctuation is the tail of the
  one before.

Headings are never split.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
    PunktTrainer,
)

from workbench.text.abbreviations import (
    ABBREVIATIONS,
    HEADING_WORDS,
    LOWER,
    NEVER_FINAL,
    UPPER,
    YEAR_ABBREVIATIONS,
)
from workbench.text.model import Block, Sentence

INITIALS_RE = re.compile(rf"(?<![\w.])((?:[{UPPER}][{LOWER}]?\.){{1,3}})(?=\s?[{UPPER}])")
TRAILING_INITIALS_RE = re.compile(rf"(?:^|[\s(«\"])(?:[{UPPER}]\.){{1,3}}$")
LEADING_NUMBER_RE = re.compile(rf"^[«\"]?(?:\(?\d{{1,3}}(?:\.\d{{1,3}})*[.)]|[{LOWER}{UPPER}]\)|[IVXLC]+\.)$")
FOOTNOTE_RE = re.compile(r"\[\d+(?:\s?[-–,]\s?\d+)*\]\.?(?:\s+|$)")
LAST_WORD_RE = re.compile(r"(\S+)\.$")
# "5-бап. Текст", "Статья 5. Текст": an article label opening a paragraph is a sentence of its own.
LABEL_RE = re.compile(
    rf"^(?:\d+-(?:{'|'.join(HEADING_WORDS)})|(?:{'|'.join(HEADING_WORDS)})\s+\d+)\.\s+(?=\S)", re.IGNORECASE
)
# "… часам. (М.Блок)": a short bracketed attribution closes the sentence before it.
ATTRIBUTION_RE = re.compile(r"\([^()]{1,40}\)[.,;:]?")
# Punctuation that cannot open a sentence: it closes the one before ("(2007 ж.).").
CLOSING_RE = re.compile(r"[)\]»\"'.,;:!?…]")
# "«Алға!» ХП": an exclamation inside a name, followed by the party's abbreviation.
NAME_END_RE = re.compile(r"[!?]»$")
ABBREVIATION_RE = re.compile(rf"[{UPPER}]{{2,}}\b")


class _LanguageVars(PunktLanguageVars):
    """Punkt's language variables with the ellipsis character as a sentence end.

    Punkt's own fixed patterns are compiled with the standard ``re`` engine: NLTK's guarded
    engine exists for caller-supplied patterns and costs a third of the training time here.
    """

    sent_end_chars = (".", "?", "!", "…")

    def _parts(self) -> dict[str, str]:
        return {
            "NonWord": self._re_non_word_chars,
            "MultiChar": self._re_multi_char_punct,
            "WordStart": self._re_word_start,
            "SentEndChars": self._re_sent_end_chars,
        }

    def _word_tokenizer_re(self) -> re.Pattern[str]:  # type: ignore[override]
        if not hasattr(self, "_re_word_tokenizer"):
            pattern = self._word_tokenize_fmt % self._parts()
            self._re_word_tokenizer = re.compile(pattern, re.UNICODE | re.VERBOSE)
        return self._re_word_tokenizer

    def period_context_re(self) -> re.Pattern[str]:  # type: ignore[override]
        if not hasattr(self, "_re_period_context"):
            pattern = self._period_context_fmt % self._parts()
            self._re_period_context = re.compile(pattern, re.UNICODE | re.VERBOSE)
        return self._re_period_context


class _Token(PunktToken):
    """Punkt's token with its type tests on the standard ``re`` engine (see ``_LanguageVars``)."""

    _RE_ELLIPSIS = re.compile(r"\.{2,}$")  # "..", "..."
    _RE_NUMERIC = re.compile(r"-?[.,]?\d[-\d,.]*\.?")  # whole token: "12", "1.5", "1990-1991", "3."
    _RE_INITIAL = re.compile(r"[^\W\d_]\.$")  # one letter and a full stop
    _RE_ALPHA = re.compile(r"[^\W\d_]+$")

    def _get_type(self, tok: str) -> str:
        # Only a token starting with a digit, sign or point can be a number: skip the regex
        # for the others (most of the training time goes into typing tokens).
        if (tok[:1].isdigit() or tok[:1] in "-.,") and self._RE_NUMERIC.fullmatch(tok):
            return "##number##"
        return tok.lower()


class Segmenter:
    """Punkt parameters for one language, learned from texts plus the curated lists."""

    def __init__(self, params: PunktParameters, lang: str) -> None:
        self.lang = lang
        self.params = params
        self._tokenizer = PunktSentenceTokenizer(params, lang_vars=_LanguageVars(), token_cls=_Token)

    @classmethod
    def train(cls, texts: Iterable[str], lang: str) -> Segmenter:
        """Learn Punkt parameters from ``texts`` and add the curated abbreviations of ``lang``."""
        texts = [t for t in texts if t]
        trainer = PunktTrainer(lang_vars=_LanguageVars(), token_cls=_Token)
        trainer.train("\n\n".join(texts), finalize=False)
        trainer.finalize_training()
        params = trainer.get_params()
        # Year abbreviations are left to Punkt's initial heuristics (a capitalised name after
        # "1998 ж." continues the sentence, a sentence starter after it begins a new one).
        params.abbrev_types -= YEAR_ABBREVIATIONS
        params.abbrev_types |= ABBREVIATIONS.get(lang, frozenset()) | NEVER_FINAL
        for text in texts:
            for m in INITIALS_RE.finditer(text):
                initials = m.group(1)[:-1].casefold()
                if "." in initials:  # single initials are handled by Punkt's own heuristic
                    params.abbrev_types.add(initials)
        return cls(params, lang)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sentence ``(start, end)`` offsets in one block's text (end exclusive, no outer spaces)."""
        raw = list(self._tokenizer.span_tokenize(text))
        merged: list[list[int]] = []
        for start, end in raw:
            if merged and self._continues(text, merged[-1], start, end):
                merged[-1][1] = end
                continue
            m = FOOTNOTE_RE.match(text, start, end) if merged else None
            if m:  # "… болды. [11]. Н. Назарбаев …": the marker closes the previous sentence
                merged[-1][1] = start + len(m.group(0).rstrip())
                start = m.end()
                if start >= end:
                    continue
            merged.append([start, end])
        spans: list[tuple[int, int]] = []
        for start, end in merged:
            # An article label opening a sentence is a sentence of its own — also when a page break
            # joined its paragraph to the one before.
            label = LABEL_RE.match(text[start:end])
            if label and start + label.end() < end:
                spans.append((start, start + len(label.group(0).rstrip())))
                start += label.end()
            spans.append((start, end))
        return [(s, e) for s, e in spans if text[s:e].strip()]

    def _continues(self, text: str, previous: list[int], start: int, end: int) -> bool:
        """Whether the piece starting at ``start`` belongs to the sentence ``previous``."""
        before = text[previous[0]:previous[1]]
        if LEADING_NUMBER_RE.match(before):
            return True
        if text[start:start + 1].islower():
            return True
        if ATTRIBUTION_RE.fullmatch(text, start, end) or CLOSING_RE.match(text, start):
            return True
        if NAME_END_RE.search(before) and ABBREVIATION_RE.match(text, start):
            return True
        if self._inside_quote(text, previous[0], start):
            return True
        if TRAILING_INITIALS_RE.search(before):
            return True
        m = LAST_WORD_RE.search(before)
        return bool(m) and m.group(1).lstrip("(«\"").casefold() in NEVER_FINAL

    @staticmethod
    def _inside_quote(text: str, start: int, boundary: int) -> bool:
        """A «…» opened in this sentence is still open at ``boundary`` and closes soon after.

        Full stops inside a quoted title or phrase («Сайлау жүйесі. Референдум») do not end the
        sentence that quotes it; an unmatched « (common in extracted text) changes nothing.
        """
        opened = text.count("«", start, boundary) - text.count("»", start, boundary)
        if opened <= 0:
            return False
        close = text.find("»", boundary, boundary + 250)
        return close != -1 and text.count("«", boundary, close) == 0


def segment(blocks: list[Block], lang: str, segmenter: Segmenter | None = None) -> list[Sentence]:
    """Sentences of ``blocks`` in order, each with its block index, page and source lines.

    Without a ``segmenter`` one is trained on the blocks themselves.
    """
    if segmenter is None:
        segmenter = Segmenter.train((b.text for b in blocks if b.kind != "heading"), lang)
    sentences = []
    for index, block in enumerate(blocks):
        spans = [(0, len(block.text))] if block.kind == "heading" else segmenter.spans(block.text)
        for start, end in spans:
            first, last = block.anchor_at(start), block.anchor_at(end - 1)
            sentences.append(Sentence(block.text[start:end], index, first.page, first.line, last.line))
    return sentences
