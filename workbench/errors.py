"""The workbench's error hierarchy and its translatable messages.

Every error a user can cause names the file, line and problem. Its text is kept as a :class:`Message`:
an English *msgid* with ``%(name)s`` placeholders and the values that fill them. ``str()`` gives the
English text (the command line, the logs, tests); the pages and the JSON API render the same message
in the reader's language through the catalogues (:func:`workbench.web.i18n.translate`). Job progress
and results are kept the same way, so each reader sees them in their own language.

Mark each msgid with :func:`N_` where it is written — ``scripts/update-translations`` extracts ``N_``::

    raise InputError(N_("sentence %(n)s is already deleted"), n=5)
    raise InputError(N_("not valid UTF-8"), path="book.txt", line=12)   # book.txt:12: not valid UTF-8
    progress(0.4, Message(N_("storing %(n)s beads"), n=120))

A file name and line number are never translated: they are the ``path`` and ``line`` of an
:class:`InputError`, written before the message in every language.
"""
from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from typing import Any, Union

Translate = Callable[[str], str]
Value = Union[str, int, float, None, "Message"]


def N_(message: str) -> str:
    """Mark ``message`` as a msgid for the catalogues; it is translated where it is shown."""
    return message


def _english(msgid: str) -> str:
    return msgid


class Message(str):
    """A text a user reads: the English text itself (it *is* that ``str``: the command line, logs and
    ``in``/``startswith`` see English), which also keeps its msgid and placeholder values so that a page
    can render it in the reader's language.

    Values are kept as given when they are numbers, text or messages (a message inside a message is
    translated too) and as text otherwise, so a message always survives a trip through JSON.
    """

    msgid: str
    values: dict[str, Value]

    def __new__(cls, msgid: str, /, **values: Any) -> Message:
        kept: dict[str, Value] = {
            k: v if v is None or isinstance(v, (str, int, float)) else str(v) for k, v in values.items()}
        self = super().__new__(cls, _fill(str(msgid), kept, _english))
        self.msgid, self.values = str(msgid), kept
        return self

    def render(self, translate: Translate = _english) -> str:
        """The text with ``translate`` applied to the msgid (and to every message among the values)."""
        return _fill(self.msgid, self.values, translate)

    def __repr__(self) -> str:
        return f"Message({self.msgid!r}, **{self.values!r})"

    def to_json(self) -> dict[str, Any]:
        """``{"msgid": …, "values": {…}}`` (messages among the values nested the same way)."""
        return {"msgid": self.msgid,
                "values": {k: v.to_json() if isinstance(v, Message) else v for k, v in self.values.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Message:
        values = {k: cls.from_json(v) if isinstance(v, Mapping) and "msgid" in v else v
                  for k, v in (data.get("values") or {}).items()}
        return cls(data["msgid"], **values)


def stored_json(text: str | None) -> str | None:
    """A message as the JSON text a ``…_json`` column keeps (``None`` for plain text: nothing to translate)."""
    return json.dumps(text.to_json(), ensure_ascii=False) if isinstance(text, Message) else None


def from_stored_json(data: str | None) -> Message | None:
    """The message a ``…_json`` column keeps; ``None`` when there is none or it cannot be read (the English
    column is shown then)."""
    if not data:
        return None
    try:
        return Message.from_json(json.loads(data))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _fill(msgid: str, values: Mapping[str, Value], translate: Translate) -> str:
    text = translate(msgid)
    if not values:
        return text
    filled = {k: v.render(translate) if isinstance(v, Message) else v for k, v in values.items()}
    try:
        return text % filled
    except (KeyError, ValueError, TypeError):  # a broken translation must not hide the message
        return msgid % filled


def message(text: str | Message, /, **values: Any) -> Message:
    """``text`` as a :class:`Message` (a message given as it is; a msgid with ``values``)."""
    if isinstance(text, Message):
        return Message(text.msgid, **(text.values | values)) if values else text
    return Message(text, **values)


class WorkbenchError(Exception):
    """Base of every error the workbench raises on purpose: ``Kind(N_(msgid), **values)`` or ``Kind(message)``."""

    def __init__(self, text: str | Message = "", /, **values: Any) -> None:
        self.message = message(text, **values)
        super().__init__(str(self.message))

    def render(self, translate: Translate = _english) -> str:
        """The error's text with its message translated by ``translate`` (``str()`` is the English one)."""
        return self.message.render(translate)

    def renamed(self, old: str, new: str) -> WorkbenchError:
        """A copy naming the file ``new`` wherever this one names ``old`` (an upload's own name instead
        of the worker's temporary copy)."""
        error = copy.copy(self)
        error.message = Message(self.message.msgid, **{
            k: v.replace(old, new) if type(v) is str else v for k, v in self.message.values.items()})
        if isinstance(getattr(error, "path", None), str):
            error.path = error.path.replace(old, new)  # type: ignore[attr-defined]
        error.args = (str(error),)
        return error


class InputError(WorkbenchError):
    """A file or argument a user gave cannot be used.

    The message always names the file (when there is one), the 1-based line (when it is known)
    and what was wrong, in that order: ``book.txt:12: invalid UTF-8 byte 0xff``. The file and line
    are kept apart from the message and written as they are in every language.
    """

    def __init__(self, problem: str | Message, /, *, path: str | None = None, line: int | None = None,
                 **values: Any) -> None:
        self.path = None if path is None else str(path)
        self.line = line
        super().__init__(problem, **values)
        self.problem = self.message

    @property
    def where(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "

    def render(self, translate: Translate = _english) -> str:
        return self.where + self.message.render(translate)

    def __str__(self) -> str:
        return self.render()


class FormatError(InputError):
    """A file is not valid in the format it claims to be (TMX, TBX, PO, TSV, …)."""


class AlignmentError(WorkbenchError):
    """Two editions cannot be aligned as asked (an empty side, an unknown alignment, …)."""


class ConfigError(WorkbenchError):
    """A setting or a flag is wrong; raised at start-up with the offending name."""


class NotFound(WorkbenchError):
    """A document, alignment, term or finding that was asked for does not exist."""


class Conflict(WorkbenchError):
    """Somebody else changed the record since it was read (optimistic locking)."""
