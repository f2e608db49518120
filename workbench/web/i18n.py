"""Pages in Kazakh, Russian and English (Flask-Babel), and one format for dates.

Templates call ``_('…')`` / ``gettext`` / ``ngettext`` (Jinja's i18n extension, new style: ``_('%(n)s beads',
n=3)``); Python code calls :func:`gettext` / :func:`ngettext` from this module. Errors and job messages of
the services carry a msgid and its values (:class:`workbench.errors.Message`); :func:`translate` renders
them in the page's language (the ``translate`` filter in templates). The catalogues are
``workbench/translations/LANG/LC_MESSAGES/messages.po``; they are compiled to ``.mo`` files in the
instance folder when the app starts and a ``.po`` is newer than its ``.mo`` (so a fresh clone needs no
build step). The language is the user's choice (stored on the user), else the best match of the
browser's ``Accept-Language``, else English.

Dates are shown in one format in every language: ``2026-12-05 14:03`` (UTC) and ``2026-12-05``.
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

import flask_babel
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, g, has_request_context, request

from workbench.errors import Message, WorkbenchError

LANGUAGES = ("kk", "ru", "en")
DEFAULT_LANGUAGE = "en"
CATALOGUES = Path(__file__).resolve().parent.parent / "translations"
DOMAIN = "messages"


def translations() -> Any:
    """The page's catalogue. Flask-Babel looks it up afresh on every call (locale, domain, cache key),
    which a review page does hundreds of times; it is kept on ``g`` for the request, for as long as
    the request's locale is the same object."""
    if not has_request_context():
        return flask_babel.get_translations()
    locale = flask_babel.get_locale()
    kept = g.get("_translations")
    if kept is None or kept[0] is not locale:
        kept = g._translations = (locale, flask_babel.get_translations())
    return kept[1]


def gettext(message: str, **values: object) -> str:
    """``message`` in the page's language, with ``%(name)s`` placeholders filled from ``values``."""
    text = translations().ugettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, n: int, **values: object) -> str:
    values.setdefault("num", n)
    return translations().ungettext(singular, plural, n) % values


_ = gettext


def _catalogue(msgid: str) -> str:
    return translations().ugettext(msgid) if has_request_context() else msgid


def translate(text: WorkbenchError | Message | str | None) -> str:
    """An error or a message of the services (a msgid with its values) in the page's language; the file
    name and line number of an input error stay as they are. Plain text is shown as it is."""
    if isinstance(text, (WorkbenchError, Message)):
        return text.render(_catalogue)
    return "" if text is None else str(text)


def localise(text: Message | str | None) -> str:
    """A text the code marked with ``N_`` (a check's name or description), or a :class:`Message`, in the
    page's language."""
    if isinstance(text, Message):
        return translate(text)
    return _catalogue(text) if text else ""


def select_language() -> str:
    """The user's own choice, else the browser's preference among kk, ru, en, else English."""
    if not has_request_context():
        return DEFAULT_LANGUAGE
    user = g.get("user")
    if user is not None and user.language in LANGUAGES:
        return user.language
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def page_language() -> str:
    return str(flask_babel.get_locale() or DEFAULT_LANGUAGE)


def when(value: dt.datetime | str | None) -> str:
    """A moment as ``YYYY-MM-DD HH:MM`` (UTC, as stored); an ISO text (as the JSON views carry it) too."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value) if value else None
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def day(value: dt.date | str | None) -> str:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10]) if value else None
    return value.strftime("%Y-%m-%d") if value else ""


def compile_catalogues(source: Path, target: Path) -> list[str]:
    """Compile every ``LANG/LC_MESSAGES/messages.po`` under ``source`` whose ``.mo`` under ``target`` is
    missing or older; returns the languages compiled. Each file is replaced atomically, so several
    processes starting together never read half a file."""
    compiled = []
    for po in sorted(source.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        language = po.parent.parent.name
        mo = target / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as stream:
            catalogue = read_po(stream, locale=language)
        handle, tmp = tempfile.mkstemp(dir=mo.parent, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            write_mo(out, catalogue)
        os.replace(tmp, mo)
        compiled.append(language)
    return compiled


def install(app: Flask) -> None:
    """Flask-Babel with the compiled catalogues; ``_``, ``gettext``, ``ngettext``, ``page_language``, the
    ``when`` / ``day`` date filters, the ``translate`` filter (a service's message) and the ``localise``
    filter (a text marked with ``N_``) in templates."""
    compiled = Path(app.instance_path) / "translations"
    compile_catalogues(CATALOGUES, compiled)
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(compiled)
    flask_babel.Babel(app, locale_selector=select_language)
    app.jinja_env.install_gettext_callables(  # as Flask-Babel's, through the request's kept catalogue
        gettext=lambda s: translations().ugettext(s),
        ngettext=lambda s, p, n: translations().ungettext(s, p, n),
        pgettext=lambda c, s: translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: translations().unpgettext(c, s, p, n),
        newstyle=True)
    app.jinja_env.globals.update(page_language=page_language)
    app.jinja_env.filters.update(when=when, day=day, translate=translate, localise=localise)
