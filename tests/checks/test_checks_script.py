"""Mixed-script words, untranslated passages and pages in the other language, on text of the book."""
from __future__ import annotations

import pytest

from workbench.checks.script import (
    ForeignSectionCheck, MixedScriptCheck, UntranslatedPassageCheck, foreign_passages, word_language,
)


@pytest.mark.parametrize("text, expected", [
    # line 841: the list of abbreviations has Latin K and i in «Kазаk елi»
    ("«Қазақ елі» ҰБП – «Kазаk елi» ұлттық бірігу партиясы", [("Kазаk", "Қазақ"), ("елi", "елі")]),
    # line 8597: Cyrillic с inside a Latin word
    ("7. Ұлттық диалог өткізу бастамасы: pro & сontra", [("сontra", "contra")]),
    # line 19088: Latin i twice
    ("11) «Халык сенiмi» (Ғабиден Жакей, Қазбек Бейсебаев).", [("сенiмi", "сенімі")]),
    # whole Latin words and Latin numerals before a Kazakh word are fine (lines 876, 19076)
    ("I-тарау", []),
    ("3) «Oyan, Qazaqstan» (Димаш Әлжанов, Әсем Жапишева);", []),
    ("«Nur Otan» (76), «Ақ жол» (12) партияларына", []),
    # Facebookи is a glued word, reported by the punctuation family
    ("ведет аккаунты в социальных сетях Facebookи Twitter.", []),
])
def test_mixed_script(edition, text, expected):
    found = MixedScriptCheck().run(edition("Қазақ елі Қазақ", text))
    assert [(f.excerpt, f.suggestion) for f in found] == expected


def test_mixed_script_points_at_the_source_line(edition):
    ed = edition("ҚХБП – Қазақстанның халық бірлігі партиясы\n«Қазақ елі» ҰБП – «Kазаk елi» ұлттық бірігу партиясы",
                 first_line=840)
    assert [f.line for f in MixedScriptCheck().run(ed)] == [841, 841]


@pytest.mark.parametrize("word, lang", [
    ("в", "ru"), ("которых", "ru"), ("государством", "ru"), ("демократической", "ru"),
    ("қазақ", "kk"), ("және", "kk"), ("болды", "kk"), ("газеты", "kk?"), ("года", "kk?"), ("Казахстан", ""),
])
def test_word_language(word, lang):
    assert word_language(word) == lang


@pytest.mark.parametrize("text, passage", [
    # lines 15840-15843: a Russian clause left in a Kazakh sentence
    ("Ең алдымен, құжат авторлары елімізде жаңа ұлттық саясатты әзірлеу қажеттілігін түсіндіреді, в результате "
     "которых Казахстан стал государством с одним доминирующим - казахским этносом. Тогда как раньше "
     "доминирующими были две этнические общности – казахи и русские. Сонымен қатар, ел тәуелсіздігінің алғашқы "
     "жылдарында мемлекеттің тиісті қызметі бағытталды.",
     "в результате которых Казахстан стал государством с одним доминирующим - казахским этносом. Тогда как "
     "раньше доминирующими были две этнические общности – казахи и русские"),
    # lines 17026-17032: two Russian sentences after a Kazakh one
    ("Референдум өткізуге бастамашылық жасау жөніндегі науқан болды. С данной инициативой в сентябре 2012 года "
     "выступили представители Общенациональной социал-демократической партии «Азат», Народной партии «Алга!», "
     "газеты «Жас Алаш и т.д. Позднее к ним присоединились активисты национально-патриотических объединений и "
     "различные общественные деятели.",
     "С данной инициативой в сентябре 2012 года выступили представители Общенациональной "
     "социал-демократической партии «Азат», Народной партии «Алга!», газеты «Жас Алаш и т.д. Позднее к ним "
     "присоединились активисты национально-патриотических объединений и различные общественные"),
    # lines 23-26: titles of Russian books in «…» are legitimate
    ("«Казахстанская политологическая энциклопедия» кітабын құрастыруға қатысты. «Политическая мысль суверенного "
     "Казахстана: динамика, идеи, оценки» монографиясының авторы.", None),
    # ordinary Kazakh prose with Russian loanwords (line 89)
    ("Бұл тәсіл өте қызықты, дегенмен айтарлықтай біржақты. Ол демократиялық процедуралардың өзі демократияға "
     "жағдай жасайды деген идеядан туындайды.", None),
])
def test_untranslated_passage(edition, text, passage):
    found = UntranslatedPassageCheck().run(edition(text))
    if passage is None:
        assert found == []
    else:
        assert len(found) == 1
        assert passage in found[0].message
        assert found[0].excerpt == passage[:79] + "…"


def test_kazakh_left_in_a_russian_edition(edition):
    text = ("Президент подписал указ. Ең алдымен, құжат авторлары елімізде жаңа ұлттық саясатты әзірлеу "
            "қажеттілігін түсіндіреді.")
    assert len(foreign_passages(text, "ru")) == 1
    assert UntranslatedPassageCheck().run(edition("Президент подписал указ о выборах.", lang="ru")) == []


KISI_RU = (  # lines 19480-19508: the institute's page in Russian, legitimately at the end of the book
    "Казахстанский институт стратегических исследований (КИСИ) при Президенте Республики Казахстан создан",
    "Основной задачей КИСИ является прогнозно-аналитическое обеспечение стратегических аспектов внутренней и "
    "внешней политики Республики Казахстан.",
    "За 28 лет деятельности Институтом было издано более 300 книг по международным отношениям, проблемам "
    "глобальной и региональной безопасности. В КИСИ издаются три журнала: «Қоғам және Дәуір», «Казахстан Спектр».",
    "КИСИ является уникальной международной экспертной площадкой, где ежегодно проводится ряд научно-практических "
    "мероприятий.",
    "Тел.: +7 (7172) 75-20-20",
)


def test_a_page_in_the_other_language_is_information_not_an_erratum(edition):
    ed = edition("ҚСЗИ 1993 жылғы 16 маусымда құрылған. Институт үш тілде сайт жүргізеді.", *KISI_RU)
    assert UntranslatedPassageCheck().run(ed) == []
    found = ForeignSectionCheck().run(ed)
    assert [(f.severity, f.line) for f in found] == [("info", 3)]
