"""Pages in Kazakh, Russian and English: Accept-Language, the user's own choice, complete catalogues."""
from __future__ import annotations

import datetime as dt
import html
import json
import os
import re

import pytest
from babel.messages.pofile import read_po
from review_builders import csrf_of, login

from workbench.web import i18n


def _h1(response) -> str:
    return re.search(r"<h1>(.*?)</h1>", response.get_data(as_text=True)).group(1)


@pytest.mark.parametrize("header, title, lang", [("ru", "Войти", "ru"), ("kk-KZ,kk;q=0.9", "Кіру", "kk"),
                                                  ("en-US,en;q=0.9", "Log in", "en"), ("de", "Log in", "en"),
                                                  ("fr;q=1, ru;q=0.8", "Войти", "ru")])
def test_the_language_follows_accept_language(anonymous, header, title, lang):
    response = anonymous.get("/auth/login", headers={"Accept-Language": header})
    assert _h1(response) == title
    assert f'<html lang="{lang}">' in response.get_data(as_text=True)


def test_messages_and_errors_are_translated(anonymous, users):
    wrong = anonymous.post("/auth/login", headers={"Accept-Language": "ru"},
                           data={"name": "viewer", "password": "nope", "csrf_token": csrf_of(anonymous)})
    assert "Неверное имя пользователя или пароль." in wrong.get_data(as_text=True)
    api = anonymous.post("/api/beads/1", json={}, headers={"Accept-Language": "kk"})
    assert api.status_code == 401 and api.get_json() == {"error": "алдымен жүйеге кіріңіз"}


def test_a_user_chooses_the_language_and_it_is_kept(app, users, session):
    client = app.test_client()
    token = login(client, "editor")
    assert client.post("/auth/account/language", data={"csrf_token": token, "language": "kk"}).status_code == 302
    page = client.get("/auth/account", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert "<h1>Тіркелгіңіз</h1>" in page and "редактор" in page
    short = client.post("/auth/account/password", headers={"Accept-Language": "ru"},
                        data={"csrf_token": token, "current": "correct horse battery", "new": "x", "repeat": "x"})
    assert "құпиясөз кемінде 8 таңбадан тұруы керек" in short.get_data(as_text=True)
    other = app.test_client()
    login(other, "editor")
    assert "<h1>Тіркелгіңіз</h1>" in other.get("/auth/account").get_data(as_text=True)  # stored on the user
    client.post("/auth/account/language", data={"csrf_token": token, "language": ""})
    assert "<h1>Ваша учётная запись</h1>" in client.get("/auth/account", headers={"Accept-Language": "ru"}).get_data(
        as_text=True)
    assert client.post("/auth/account/language", data={"csrf_token": token, "language": "xx"}).status_code == 400


def test_russian_plurals_and_one_date_format(client, tmp_path, run_in):
    from workbench.services.importing import import_file
    text = tmp_path / "t.txt"
    text.write_text("Бірінші сөйлем. Екінші сөйлем.\n", encoding="utf-8")
    edition = run_in(import_file, text, "kk", "Екі", 10 ** 6).edition
    page = client.get(f"/editions/{edition.id}", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert "2 предложения" in page
    listing = client.get("/", headers={"Accept-Language": "kk"}).get_data(as_text=True)
    assert re.search(r"<td>\d{4}-\d\d-\d\d \d\d:\d\d</td>", listing)
    assert i18n.when(dt.datetime(2026, 12, 5, 9, 7)) == "2026-12-05 09:07" and i18n.day(dt.date(2026, 1, 2)) == "2026-01-02"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_message_has_a_translation(lang):
    with (i18n.CATALOGUES / lang / "LC_MESSAGES" / "messages.po").open("rb") as stream:
        catalogue = read_po(stream, locale=lang)
    untranslated = [m.id for m in catalogue if m.id and (m.fuzzy or not all(
        m.string if isinstance(m.string, tuple) else [m.string]))]
    assert untranslated == []
    assert len(catalogue) > 100


def test_catalogues_are_compiled_when_missing_or_older(tmp_path):
    source = tmp_path / "src" / "ru" / "LC_MESSAGES"
    source.mkdir(parents=True)
    po = source / "messages.po"
    po.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\nmsgid "Save"\nmsgstr "Сохранить"\n',
                  encoding="utf-8")
    target = tmp_path / "out"
    assert i18n.compile_catalogues(tmp_path / "src", target) == ["ru"]
    assert i18n.compile_catalogues(tmp_path / "src", target) == []
    mo = target / "ru" / "LC_MESSAGES" / "messages.mo"
    os.utime(mo, (0, 0))
    assert i18n.compile_catalogues(tmp_path / "src", target) == ["ru"]
    assert "Сохранить".encode() in mo.read_bytes()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_string_of_the_code_and_templates_is_in_the_catalogue(lang):
    """A page or message added without running scripts/update-translations would show English."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    root = i18n.CATALOGUES.parent.parent
    with (root / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    found = {message if isinstance(message, str) else message[0]
             for _file, _line, message, _comments, _context in extract_from_dir(
                 str(root), method_map, options_map, keywords=keywords)}
    with (i18n.CATALOGUES / lang / "LC_MESSAGES" / "messages.po").open("rb") as stream:
        catalogue = read_po(stream, locale=lang)
    assert sorted(m for m in found if m and m not in catalogue) == []
@pytest.mark.parametrize("lang, headings", [
    ("ru", {"review": "<h2>Клавиатурные сокращения</h2>", "errata": "<h1>Опечатки: ", "glossary": "<h1>Глоссарий</h1>",
            "import": "<h1>Импорт издания</h1>", "align": "<h1>Выровнять два издания</h1>", "jobs": "<h1>Задания</h1>"}),
    ("kk", {"review": "<h2>Пернетақта тіркесімдері</h2>", "errata": "<h1>Қателер: ", "glossary": "<h1>Глоссарий</h1>",
            "import": "<h1>Басылымды импорттау</h1>", "align": "<h1>Екі басылымды туралау</h1>",
            "jobs": "<h1>Тапсырмалар</h1>"}),
])
def test_the_working_pages_are_in_the_browsers_language(app, users, demo, lang, headings):
    client = app.test_client()
    login(client, "editor")
    urls = {"review": f"/alignments/{demo.alignment_id}", "errata": f"/editions/{demo.kk_edition_id}/errata",
            "glossary": "/glossary/", "import": "/editions/import", "align": "/editions/align", "jobs": "/jobs/"}
    for name, url in urls.items():
        response = client.get(url, headers={"Accept-Language": lang})
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and f'<html lang="{lang}">' in page, url
        assert headings[name] in page, (name, url)
        english = client.get(url, headers={"Accept-Language": "en"}).get_data(as_text=True)
        assert headings[name] not in english


def test_the_review_script_gets_its_texts_in_the_page_language(app, users, demo):
    client = app.test_client()
    login(client, "editor")
    page = client.get(f"/alignments/{demo.alignment_id}", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    texts = json.loads(html.unescape(re.search(r"data-texts='([^']*)'", page).group(1)))
    assert texts["Saved."] == "Сохранено." and texts["Confirmed {bead}."] == "Пара {bead} подтверждена."
    jobs = json.loads(html.unescape(re.search(r"data-job-texts='([^']*)'", page).group(1)))
    assert jobs["running"] == "выполняется"
    english = client.get(f"/alignments/{demo.alignment_id}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    texts = json.loads(html.unescape(re.search(r"data-texts='([^']*)'", english).group(1)))
    assert all(key == value for key, value in texts.items())


def test_the_words_for_stored_values_are_the_stored_values():
    """The catalogues carry the words of workbench.web.labels; they must be the values the models store."""
    from workbench.glossary.model import APPROVALS, TERM_STATUSES, TERM_TYPES
    from workbench.models.corrections import CORRECTION_ACTIONS
    from workbench.models.findings import FINDING_STATUSES
    from workbench.models.jobs import JOB_STATES
    from workbench.services.harvesting import SORTS
    from workbench.web import labels
    assert (labels.JOB_STATES, labels.FINDING_STATUSES, labels.CORRECTION_ACTIONS) == (
        JOB_STATES, FINDING_STATUSES, CORRECTION_ACTIONS)
    assert (labels.APPROVALS, labels.TERM_TYPES, labels.TERM_STATUSES) == (APPROVALS, TERM_TYPES, TERM_STATUSES)
    assert labels.HARVEST_SORTS == tuple(SORTS.values())


def _untranslatable_texts(folder) -> list[str]:
    """Raise sites of the workbench's errors, and progress reports, whose text is an f-string or a bare literal
    (the catalogues cannot carry those: they must be ``N_("… %(name)s …")`` with values, or a Message)."""
    import ast

    errors = {"WorkbenchError", "InputError", "FormatError", "AlignmentError", "ConfigError", "NotFound", "Conflict",
              "BeadConflict", "TooLarge"}
    reporters = {"progress", "report_progress", "report"}
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name in errors and node.args:
                text = node.args[0]
            elif name in reporters and len(node.args) == 2:
                text = node.args[1]
            else:
                continue
            if isinstance(text, ast.JoinedStr) or (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                found.append(f"{path.relative_to(folder.parent.parent)}:{node.lineno}")
    return found


def test_every_error_and_progress_line_of_the_services_goes_through_the_catalogue():
    root = i18n.CATALOGUES.parent
    # Read by the command line only (scoring against gold files, the stem lexicon), or a programming error.
    english_only = {"workbench/align/score.py", "workbench/align/stem_lexicon.py", "workbench/align/model.py"}
    assert [site for part in ("services", "web", "formats", "text", "glossary", "align")
            for site in _untranslatable_texts(root / part) if site.split(":")[0] not in english_only] == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_translation_keeps_the_placeholders_of_its_msgid(lang):
    placeholder = re.compile(r"%\(\w+\)[sdr]")
    with (i18n.CATALOGUES / lang / "LC_MESSAGES" / "messages.po").open("rb") as stream:
        catalogue = read_po(stream, locale=lang)
    broken = [m.id for m in catalogue if m.id and isinstance(m.id, str) and m.string
              and sorted(set(placeholder.findall(m.id))) != sorted(set(placeholder.findall(m.string)))]
    assert broken == []
