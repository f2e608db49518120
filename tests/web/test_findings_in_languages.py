"""The errata page in the reader's language: each check's name and description, each finding's text."""
from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import select
from test_api import bearer, tokens  # noqa: F401 - the fixture
from test_errata_pages import edition  # noqa: F401 - the fixture

from workbench.checks.registry import CHECKS_BY_ID
from workbench.models import Finding
from workbench.services.checking import check_edition
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


def _row(session, check_id: str) -> Finding:
    return session.scalar(select(Finding).where(Finding.check_id == check_id).order_by(Finding.id))


@pytest.mark.parametrize("lang, message, suggestion", [
    ("kk", "сөзінде латын мен кирилл әріптері аралас", "→ көшірмелердің бірін өшіріңіз"),
    ("ru", "смешаны латинские и кириллические буквы", "→ удалите одну из копий"),
    ("en", "mixes Latin and Cyrillic letters", "→ delete one of the copies"),
])
def test_finding_messages_and_advice_in_the_readers_language(client, edition, lang, message, suggestion):  # noqa: F811
    page = client.get(f"/editions/{edition.id}/errata", headers={"Accept-Language": lang}).get_data(as_text=True)
    assert message in page and suggestion in page
    assert "→ Қазақ" in page  # a corrected text is shown as it is, in every language
    if lang != "en":
        assert "mixes Latin and Cyrillic letters" not in page and "delete one of the copies" not in page


def test_the_english_text_and_the_msgid_are_both_stored(session, edition):  # noqa: F811
    row = _row(session, "mixed-script")
    kept = json.loads(row.message_json)
    assert kept["msgid"] == "“%(word)s” mixes Latin and Cyrillic letters"
    assert row.message == f"“{kept['values']['word']}” mixes Latin and Cyrillic letters"
    near = _row(session, "duplicate-passage")
    assert near.suggestion == "delete one of the copies" and json.loads(near.suggestion_json)["msgid"] == near.suggestion


def test_a_finding_stored_before_its_msgid_was_kept_shows_its_english_text(client, edition, run_in, session):  # noqa: F811
    def forget(s):
        row = _row(s, "mixed-script")
        row.message, row.message_json = "an old message kept in English only", None
    run_in(forget)
    page = client.get(f"/editions/{edition.id}/errata", headers={"Accept-Language": "kk"}).get_data(as_text=True)
    assert "an old message kept in English only" in page


def test_running_the_checks_again_keeps_verdicts_and_gives_old_findings_their_msgid(edition, run_in, session):  # noqa: F811
    def old_row_with_a_verdict(s):
        row = _row(s, "mixed-script")
        row.status, row.comment, row.message_json = "intended", "kept on purpose", None
        return row.id, row.key
    finding_id, key = run_in(old_row_with_a_verdict)
    run_in(check_edition, edition)
    session.expire_all()
    row = session.get(Finding, finding_id)
    assert (row.status, row.comment, row.key) == ("intended", "kept on purpose", key)
    assert json.loads(row.message_json)["msgid"] == "“%(word)s” mixes Latin and Cyrillic letters"


def test_csv_and_sheet_in_the_readers_language(client, edition):  # noqa: F811
    ru = client.get(f"/editions/{edition.id}/errata.csv", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    en = client.get(f"/editions/{edition.id}/errata.csv", headers={"Accept-Language": "en"}).get_data(as_text=True)
    rows = {r["check"]: r for r in csv.DictReader(io.StringIO(ru.lstrip("\ufeff")))}
    assert "смешаны латинские и кириллические буквы" in rows["mixed-script"]["message"]
    assert "mixes Latin and Cyrillic letters" in en and "mixes Latin" not in ru
    sheet = client.get(f"/editions/{edition.id}/errata/sheet", headers={"Accept-Language": "kk"}).get_data(as_text=True)
    assert "сөзінде латын мен кирилл әріптері аралас" in sheet and "mixes Latin" not in sheet


def test_the_api_gives_each_finding_in_the_callers_language_and_in_english(client, edition, tokens):  # noqa: F811
    answer = client.get(f"/api/editions/{edition.id}/findings?check=mixed-script",
                        headers={**bearer(tokens["viewer"]), "Accept-Language": "kk"}).get_json()
    assert answer["total"] >= 1
    f = answer["findings"][0]
    assert f["check"] == "mixed-script" and f["check_name"] == "Латын мен кирилл әріптері аралас"
    assert "сөзінде латын мен кирилл әріптері аралас" in f["message"]
    assert f["message_en"].endswith("mixes Latin and Cyrillic letters") and f["suggestion"] == f["suggestion_en"]


def test_findings_stored_before_migration_0009_keep_their_english_text_and_verdict(app, client, edition, run_in,  # noqa: F811
                                                                                  session):
    from alembic import command

    from workbench.db import migrations_config, upgrade

    run_in(lambda s: setattr(_row(s, "mixed-script"), "status", "false-alarm"))
    before = {(f.key, f.message, f.status) for f in session.scalars(select(Finding))}
    session.close()
    engine = app.extensions["workbench.engine"]
    command.downgrade(migrations_config(engine), "0008")
    upgrade(engine)
    assert {(f.key, f.message, f.status) for f in session.scalars(select(Finding))} == before
    assert all(f.message_json is None for f in session.scalars(select(Finding)))
    page = client.get(f"/editions/{edition.id}/errata?status=all", headers={"Accept-Language": "kk"}).get_data(as_text=True)
    assert _row(session, "mixed-script").message in page and "сөзінде латын мен кирилл" not in page
