"""The errata page in the reader's language: each check's name and description, each finding's text."""
from __future__ import annotations

import pytest

from test_errata_pages import edition  # noqa: F401 - the fixture
from workbench.checks.registry import CHECKS_BY_ID
from workbench.web import i18n


@pytest.mark.parametrize("lang, name, description", [
    ("kk", "Латын мен кирилл әріптері аралас", "Сөзде латын және кирилл әріптері араласса"),
    ("ru", "Смешение латиницы и кириллицы", "Срабатывает, когда в слове смешаны латинские и кириллические"),
    ("en", "Mixed Latin and Cyrillic letters", "Fires when a word mixes Latin and Cyrillic letters"),
])
def test_check_names_and_descriptions_in_the_readers_language(client, edition, lang, name, description):  # noqa: F811
    page = client.get(f"/editions/{edition.id}/errata", headers={"Accept-Language": lang}).get_data(as_text=True)
    assert f"{name}\n" in page and description in page
    assert f">{name} (" in page  # the filter's list of checks names them too
    if lang != "en":
        assert "Mixed Latin and Cyrillic letters" not in page


def test_a_description_with_a_figure_is_translated_with_it(app):
    check = CHECKS_BY_ID["mid-sentence-capital"]
    with app.test_request_context(headers={"Accept-Language": "kk"}):
        text = i18n.localise(check.description)
    assert "кемінде 45 рет кіші әріппен" in text
    assert "at least 45 times" in str(check.description)  # the command line's English, figure filled in
