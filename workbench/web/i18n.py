"""Translatable strings for pages and messages.

Templates call ``_('…')`` / ``gettext`` / ``ngettext`` (Jinja's i18n extension, new style: ``_('%(n)s beads',
n=3)``); Python code calls :func:`gettext` / :func:`ngettext` from this module. Until message catalogues are
installed the strings pass through unchanged, so every page already marks what is to be translated.
"""
from __future__ import annotations

from flask import Flask


def gettext(message: str, **values) -> str:
    return message % values if values else message


def ngettext(singular: str, plural: str, n: int, **values) -> str:
    values.setdefault("num", n)
    return (singular if n == 1 else plural) % values


_ = gettext


def install(app: Flask) -> None:
    """Give the templates ``_``, ``gettext`` and ``ngettext``."""
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_null_translations(newstyle=True)
