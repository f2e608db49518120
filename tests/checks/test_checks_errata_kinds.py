"""Table tests of the checks for spacing, citations, doubled marks, doublets, dashes, dates, names and
typos: each bad case is a sentence of the Kazakh edition as printed (its source line in the comment),
each good case the book's own usage, which must stay silent."""
from __future__ import annotations

import pytest

from workbench.checks.citations import CitationPlacementCheck, CitationStopCheck
from workbench.checks.dashes import DetachedEndingCheck, GluedDashCheck, ListDashCheck
from workbench.checks.dates import DateCheck
from workbench.checks.doublets import DoubledPunctuationCheck, DoubletCheck
from workbench.checks.marks import SlashedAbbreviationCheck, YearAbbreviationStopCheck
from workbench.checks.names import LowercaseNameAfterHyphenCheck, NameVariantCheck, RussianSpellingCheck
from workbench.checks.russian_words import RussianWordCheck
from workbench.checks.spacing import SpaceBeforePunctuationCheck, SpaceInsideQuotesCheck
from workbench.checks.typos import StrayLetterCheck

CASES = [
    # (check, paragraph, expected suggestion or excerpt; None = no finding)
    (SpaceInsideQuotesCheck, "Назарбаевтың айтуынша, « ... біздің қоғамның жаңа сапалы жағдайы", "айтуынша, «... біздің"),  # 1256
    (SpaceInsideQuotesCheck, "Доктрина айтып өткендей, « біздің ұлы мақсатымыз", "өткендей, «біздің ұлы"),  # 14853
    (SpaceInsideQuotesCheck, "даму векторын анықтап отыруы керек» [2].", None),  # 461
    (SpaceBeforePunctuationCheck, "саяси партиялар , қоғамдық бірлестіктер", "саяси партиялар,"),
    (SpaceBeforePunctuationCheck, "Бұл туралы айтылды ... Сонымен қатар", None),
    (CitationStopCheck, "Н. Назарбаев министрлер кабинетін басқаруға келісті. [6]. Дегенмен, кейбір",
     "басқаруға келісті [6]."),  # 1091
    (CitationStopCheck, "Рухани мәдениетінің бастауы жоғалды». [18].", "мәдениетінің бастауы жоғалды» [18]."),  # 1295
    (CitationStopCheck, "Дүниежүзілік банк, ТСБК, ХҚДБ және т.б. [14].", None),  # 2488: the stop of т.б.
    (CitationStopCheck, "өзқарастар жүйесі ретінде анықталады [3].", None),  # 500
    (CitationPlacementCheck, "«ұлттық адамгершілік идеясын» ұсыну[82].", "ұсыну [82]"),  # 16585
    (CitationPlacementCheck, "Назарбаев жаңа мерзімге қайта сайланды. [3]", "қайта сайланды [3]."),  # 17765
    (CitationPlacementCheck, "ол 12,08% дауыс алды [94] және үлкен айырмашылықпен", None),  # 8038
    (DoubledPunctuationCheck, "аттас қозғалыс негізінде құрылды);;", "құрылды);"),  # 5330
    (DoubledPunctuationCheck, "қарастыруға болады.. Әйтпесе, мұның бәрі", "болады."),  # 17489
    (DoubledPunctuationCheck, "атап өтуге болады., өңірлердің ерекшеліктерін", "өтуге болады,"),  # 15915
    (DoubledPunctuationCheck, "орталығы және т.б., сондай-ақ Нұр-Сұлтан қ., Бейбітшілік көш., 4.", None),
    (DoubledPunctuationCheck, "«...конституциялық реформаның нәтижесі...» деді.", None),
    (DoubletCheck, "елдің тұрақты және тұрақты дамуы үшін", "тұрақты және тұрақты"),  # 7256
    (DoubletCheck, "пікірталастар мен пікірталастар жүргізуге", "пікірталастар мен пікірталастар"),  # 12167
    (DoubletCheck, "қоғам қазақ және қазақ емес болып екіге бөлінді", None),  # 4567
    (DoubletCheck, "«... орыс және орыс тілді электоратқа", None),  # 13648
    (DoubletCheck, "оның және оның жетекшілерінің өздерінің", None),  # 7133
    (GluedDashCheck, "РКФСР– Ресей Кеңестік Федеративтік", "РКФСР – Ресей"),  # 852
    (GluedDashCheck, "Соңғысының басты еңбегі-ол Қазақстан", "еңбегі – ол Қазақстан"),  # 14690
    (GluedDashCheck, "бірақ өзін–өзі көрсетуге тырысатын", "өзін-өзі көрсетуге"),  # 6392
    (GluedDashCheck, "Біздің ерекшелігіміз – этатистер салыстырмалы түрде", None),
    (DetachedEndingCheck, "мен «Ақ жол» ҚДП - ны тиісінше", "ҚДП-ны"),  # 12124
    (DetachedEndingCheck, "ЕҚЫҰ – ға басшылық ету шеңберіндегі", "ЕҚЫҰ-ға"),  # 15279
    (DetachedEndingCheck, "2010 - жылы сайлау өтті", "2010-жылы"),
    (DetachedEndingCheck, "ың санын оның құрамының 50% - на дейін ұлғайту", "50%-на"),  # 11538
    (DetachedEndingCheck, "ҚДП-ны және ЕҚЫҰ-ға 2010 жылы, 50%-ға дейін", None),
    (DateCheck, "Біріншіден, 13 жылдың 2020 наурызынан бастап", "2020 жылдың 13 наурызынан"),  # 17983
    (DateCheck, "Осы бағыттың өкілдері 23 жылдың 2013 қыркүйегінде", "2013 жылдың 23 қыркүйегінде"),  # 16847
    (DateCheck, "2007 жылғы 31 қарашада Мадридте (Испания) өткен", "31 қарашада"),  # 14315
    (DateCheck, "1989 жылы 30 сәуірде АХМ өзін-өзі тарату туралы", None),  # 1462
    (DateCheck, "(15.03.2018 ж.). Бұл іс-шара", None),  # 18839
    (DateCheck, "Бұл 2105 жылы болған оқиға", "2105 жылы"),
    (DateCheck, "2050 жылға дейінгі болжам, 2500 жылдық тарих", None),  # 14555, 6572
    (RussianSpellingCheck, "2.3. «Казахстан-2030» стратегиясы", "Қазақстан-2030"),  # 5914
    (RussianSpellingCheck, "«Казахстанская правда» газетінде сұхбат беру", None),  # 5165
    (RussianSpellingCheck, "«Қоғам және Дәуір», «Казахстан Спектр» және", None),  # 19457
    (LowercaseNameAfterHyphenCheck, "Қазақстан-ресей өзара қарым-қатынастарын дамытуға", "Қазақстан-Ресей"),  # 4638
    (LowercaseNameAfterHyphenCheck, "Қазақстан-Ресей өзара қарым-қатынастары", None),
    (StrayLetterCheck, "В Төртіншіден, Қазақстан мен оның", "Төртіншіден,"),  # 17681
    (StrayLetterCheck, "Қ.К. Тоқаев ҚР Президенті. Х съезінде ол сөйледі.", None),
    (YearAbbreviationStopCheck, "кіруі (30.11.2015 ж).", "2015 ж."),  # 18809
    (YearAbbreviationStopCheck, "келісімге қол қою (21.12.2015 ж.).", None),  # 18813
    (SlashedAbbreviationCheck, "Дүниежүзілік сауда ұйымына кіруі / ДСҰ / (30.11.2015", "(ДСҰ)"),  # 18809
    (SlashedAbbreviationCheck, "2020/2021 оқу жылы", None),
    (RussianWordCheck, "Мүшелерінің «Клубының авторитарных мемлекеттердің, сондай-ақ", "авторитарных"),  # 12757
    (RussianWordCheck, "Бұл біздің ұлттық подсознание ноу-хау: біріктіру", "подсознание"),  # 17542
    (RussianWordCheck, "соның ішінде «Казахстанская правда» газетінде сұхбат беру", None),  # 5165
    (RussianWordCheck, "«Егемен Қазақстандағы саяси ойтаным: бастауы, дамуы, бүгіні» кітабына", None),  # 310
]


@pytest.mark.parametrize("check, text, expected", CASES,
                         ids=[f"{c.id}-{i}" for i, (c, _, _) in enumerate(CASES)])
def test_check_on_real_text(edition, check, text, expected):
    found = check().run(edition(text))
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1
        f = found[0]
        assert expected in ((f.suggestion or "") + " | " + f.excerpt)


def test_list_dash_reports_the_hyphen_in_a_list_of_dashes(edition):
    items = ["ЖІӨ – жалпы ішкі өнім", "ЖАҚ – жабық акционерлік қоғам", "ХВҚ - Халықаралық валюта қоры",
             "ААҚ – ашық акционерлік қоғам"]  # 741-817
    found = ListDashCheck().run(edition(*items, kinds=("list_item",) * 4))
    assert [(f.excerpt, f.suggestion) for f in found] == [("ХВҚ -", "ХВҚ –")]
    assert ListDashCheck().run(edition(*items[:2], items[3], kinds=("list_item",) * 3)) == []


def test_typo_against_the_vocabulary_offers_the_frequent_word(edition):
    from workbench.checks.typos import VocabularyTypoCheck

    common = " ".join(["қазіргі уақытта бас тарту керек."] * 12)
    found = VocabularyTypoCheck().run(edition(common, "коммунистердің казіргі қызметі", "талпынудан бас тартту."))
    assert {(f.excerpt, f.suggestion) for f in found} == {("казіргі", "қазіргі"), ("тартту", "тарту")}
    # a doubled letter at a morpheme boundary (әрекет+ті) is a word of its own
    found = VocabularyTypoCheck().run(edition(" ".join(["әрекеті бар, әрекет жоқ."] * 12), "алғашқы әрекетті көрсетті"))
    assert found == []


def test_new_checks_on_the_book_stay_within_their_budget(book_findings):
    from collections import Counter

    per = Counter(f.check for f in book_findings)
    assert len(book_findings) <= 600
    for check, line in [("citation-double-stop", 1091), ("doublet", 7256), ("impossible-date", 17983),
                        ("detached-ending", 12124), ("space-inside-quotes", 1256), ("vocabulary-typo", 7842),
                        ("russian-spelling", 5914), ("glued-dash", 852), ("doubled-punctuation", 5330),
                        ("russian-word", 12757), ("name-variant", 4506), ("reordered-repeat", 18903),
                        ("mid-sentence-capital", 17532), ("citation-placement", 16585), ("list-dash", 790)]:
        assert any(f.check == check and f.line == line for f in book_findings), (check, line)
    assert per["doublet"] <= 25 and per["vocabulary-typo"] <= 10


def test_typo_with_another_letter_of_the_stem(edition):
    from workbench.checks.typos import VocabularyTypoCheck

    common = " ".join(["жергілікті өзін-өзі басқару органдары."] * 20)
    found = VocabularyTypoCheck().run(edition(common, "пайдалану, жершілікті күшейту, жеке байыту"))  # 5423
    assert [(f.excerpt, f.suggestion) for f in found] == [("жершілікті", "жергілікті")]


def test_name_variants_hyphen_inserted_letter_and_patronymic(edition):
    text = ("Қуаныш-Әли айтты. Қуаныш-Әли келді. Қуанышәлі кетті. Әбілязов пен Әбілязов. Әблязов келді. "
            "Сәрсенбаев сөйледі. Сәрсенбайұлы сөйледі. Сәрсенбайұлы келді.")
    found = NameVariantCheck().run(edition(text))
    assert {(f.excerpt, f.suggestion) for f in found} == {
        ("Қуанышәлі", "Қуаныш-Әли"), ("Әблязов", "Әбілязов"), ("Сәрсенбаев", None)}
    # a word the book also writes in lower case is no name; the city Нұр-Сұлтан is not the name Нұрсұлтан
    text = "Ресми сапар. " * 3 + "ресми. Нұр-Сұлтан қаласы. " + "Нұрсұлтан Назарбаев. " * 50
    assert NameVariantCheck().run(edition(text)) == []


def test_a_capital_in_mid_sentence_on_a_common_word(edition):
    from workbench.checks.capitals import MidSentenceCapitalCheck

    common = " ".join(["ол келді, автор айтты."] * 50)
    found = MidSentenceCapitalCheck().run(edition(common, "мәміледен Қазақстан Ол үшін төлегеннен көп"))  # 17532
    assert [(f.excerpt, f.suggestion) for f in found] == [("Ол", "ол")]
    # the first word of a name of a body stays capitalised
    found = MidSentenceCapitalCheck().run(edition(common, "сонымен бірге Автор жөніндегі кеңес құрылды"))
    assert found == []


def test_a_sentence_repeated_in_another_word_order(edition):
    from workbench.checks.duplicates import ReorderedRepeatCheck

    text = ("Қасым-Жомарт Тоқаев кәсіби дипломат бола отырып, сыртқы саясат мәселелеріне ерекше көңіл бөледі. "
            "Бұл жаңа бағыт. Кәсіби дипломат бола отырып, Қасым-Жомарт Тоқаев сыртқы саясат мәселелеріне "
            "ерекше көңіл бөледі.")  # 18898-18903
    found = ReorderedRepeatCheck().run(edition(text))
    assert [f.excerpt[:20] for f in found] == ["Кәсіби дипломат бола"]
    assert ReorderedRepeatCheck().run(edition("Бұл жаңа бағыт болды. Ол да жаңа бағыт емес еді.")) == []


def test_list_dash_in_a_list_of_bracketed_items(edition):
    items = ["- 5 (Қазақстанның социалистік партиясы, ҚХК, ҚДП «Азамат») - олар қайта тіркеуден өтпеді;",
             "- 4 (Қазақстанның жаңғыру партиясы, «Алаш» партиясы) – мемлекеттік қайта тіркеуден бас тартылды;",
             "- 3 (ҚР Әділет партиясы және саяси еңбек партиясы) – «Отан» РСП-ға қосылды."]  # 9044-9054
    found = ListDashCheck().run(edition(*items, kinds=("list_item",) * 3))
    assert [f.line for f in found] == [1] and found[0].suggestion.endswith("«Азамат») –")


def test_a_name_of_a_body_in_lower_case_in_guillemets(edition):
    from workbench.checks.capitals import LowercaseQuotedNameCheck

    found = LowercaseQuotedNameCheck().run(edition(
        "«Отандас» партиясы құрылды.", "«отандас» партиясы болып қайта құрылған"))  # 9049
    assert [(f.excerpt, f.suggestion) for f in found] == [("«отандас»", "«Отандас»")]
    # a concept, and a name the book writes in lower case more often, stay
    assert LowercaseQuotedNameCheck().run(edition(
        "«Қазақ миссиясы» туралы.", "«қазақ миссиясы» тұжырымдамасы", "«жасыл» партиясы, «жасыл» партиясы",
        "«Жасыл» партиясы")) == []


def test_two_spaces_of_the_source_are_found_though_the_text_shows_one():
    from workbench.checks.base import Edition
    from workbench.checks.spacing import DoubleSpaceCheck
    from workbench.text.cleanup import clean
    from workbench.text.model import SourceLine

    raw = ["Идеяларды әрқашан тұжырымдауға болады.  Алайда, сонымен бірге олар ", "идеялармен  жұмыс істейді.",
           "", "Мына жолда бәрі  дұрыс  емес  сияқты көрінеді."]  # line 65; the last is spread (justified)
    blocks = clean([SourceLine(i + 1, t) for i, t in enumerate(raw)]).blocks
    assert "  " not in blocks[0].text
    found = DoubleSpaceCheck().run(Edition("kk", blocks))
    assert [(f.line, f.excerpt) for f in found] == [(1, "болады. Алайда,"), (2, "идеялармен жұмыс")]


def test_the_stored_book_reports_its_doubled_spaces(book_findings):
    lines = {f.line for f in book_findings if f.check == "double-space"}
    assert {65, 185, 369, 4853} <= lines and not any(19500 <= n <= 19540 for n in lines)


def test_a_compound_spelled_against_the_books_usual_way(edition):
    from workbench.checks.spelling import TermSpelledSeveralWaysCheck

    usual = " ".join(["Алдын алу шаралары, барабар жауап."] * 6)
    found = TermSpelledSeveralWaysCheck().run(edition(usual, "алдын-алу және бара-бар күш"))  # 2639, 5290
    assert {(f.excerpt, f.suggestion) for f in found} == {("алдын-алу", "алдын алу"), ("бара-бар", "барабар")}
    # no usual spelling to go by (кез-келген 62 / кез келген 42 in the book): nothing is reported
    assert TermSpelledSeveralWaysCheck().run(edition("кез-келген адам. " * 3, "кез келген адам. " * 2)) == []


# A slip inside a Kazakh stem that the book uses in many forms: each case is a line of the book as printed
# (its source line in the comment) among book lines that use the stem; bad lines give the correction, good
# ones (real words the spelling dictionary knows the stem of, or a stem used elsewhere) stay silent.
DIPLOMAT = ["айқындау, дипломатиялық және консулдық өкілдіктермен алмасу,",  # 1082
            "парасатты, салмақты дипломатияға сүйене отырып» шешуге дайын",  # 2506
            "ясатын жаңғырту экономикалық және сауда дипломатиясын белсенді",  # 14593
            "Қасым-Жомарт Тоқаев кәсіби дипломат бола отырып, сыртқы саясат"]  # 18898
PATRIOT = ["мақсатында Назарбаев патриоттық сезім көріністерін көрген жоқ.",  # 3204
           "7) қабілетті, адал және патриоттық бағыттағы кадрлардың"]  # 5974
RADICAL = ["2. Ұлт-радикалдар, соның ішінде ұлттық сипаттағы мәселелерді",  # 4038
           "және оң «радикалдар» үшін қызмет саласы кеңейгендігімен негіздеді.",  # 6431
           "қасында топтасушылар; 2) «радикалдар», құрамында Болат Әбілов,",  # 9159
           "Осыған байланысты Президент «...радикалды «демократтар» қандай"]  # 1202
SYSTEMIC = ["құрылды. Рас, көп жағдайда олар өздерінің қызметінде жүйелік негіздің,",  # 1034
            "өмірінің барлық салаларын қамтыған терең жүйелік дағдарысқа әкеп",  # 3638
            "қалыптасқан жағдайды «биліктің терең жүйелік дағдарысы» себебінен"]  # 4105
THREAT = ["құруларды тоқтатудың нақты қаупін туғызады»;",  # 3633
          "пікірінше, олар шындық сезімін жоғалту қаупін тудырады, сондықтан",  # 5003
          "баяндамашының пікірінше, олардың барысы үнемі бұзылу қаупіне"]  # 6905
OUR_OWN = ["жұмысына әсер етпейміз, кәсіпорындарда өзіміздің «алдыңғыларды»",  # 1607
           "ғана біз өзіміздің ұлттық қауіпсіздігімізді тиісті түрде қамтамасыз",  # 11348
           "сы, атап айтқанда, «жаңа онжылдықта біз өзіміздің экономикалық"]  # 14409
PUNISHMENT = ["үшін бір жылға бас бостандығынан айырылып, жазасын толық өтеген",  # 5382
              "5) қылмыстық құқық саласын одан әрі ізгілендіруді, өлім жазасын"]  # 9492

STEM_SLIPS = [
    ("сат тұжырымдамасында барынша көрініс тапты. Кәсіби допломат бола", DIPLOMAT * 2,  # 18903
     ("допломат", "дипломат")),
    ("«Ауыл» ХДПП – «Ауыл» халықтық-демократиялық партриоттық", PATRIOT * 3,  # 802
     ("партриоттық", "патриоттық")),
    ("ражикалдар» қанатының өкілдері ҚСДП қатарынан шықты.", RADICAL * 2,  # 1618
     ("ражикалдар", "радикалдар")),
    ("Қасым-Жомарт Тоқаев кәсіби дипломат бола отырып, сыртқы саясат", DIPLOMAT[:3] * 2, None),  # 18898
    (" жүйкелік және ультиматумдық болып табылады;", SYSTEMIC * 2, None),  # 8867: жүйке "nerve"
    ("ын латын қарпіне 2019 жылы аударған – еск.)", THREAT * 2, None),  # 17937: қаріп "script"
    ("«Егер сіз өзіңіздің саяси", OUR_OWN * 2, None),  # 270: өзіңіз "your own"
    ("отырып, «жаңасын жасай отырып, ең бастысын сақтау» ұранымен өз", PUNISHMENT * 3, None),  # 15976
]


@pytest.mark.parametrize("line, context, expected", STEM_SLIPS, ids=[c[0][:24] for c in STEM_SLIPS])
def test_slip_inside_a_stem_the_book_uses_in_many_forms(edition, line, context, expected):
    from workbench.checks.typos import VocabularyTypoCheck

    found = VocabularyTypoCheck().run(edition(*context, line))
    assert [(f.excerpt, f.suggestion) for f in found] == ([expected] if expected else [])
    if expected:
        assert "and words starting" in found[0].message


def test_stem_slips_need_the_kazakh_dictionary_and_a_kazakh_edition(edition):
    from workbench.checks.dictionary import kazakh_dictionary
    from workbench.checks.typos import VocabularyTypoCheck

    dictionary = kazakh_dictionary()
    assert dictionary is not None, "hunspell-kk is a dependency of the checks (scripts/test-all installs it)"
    assert dictionary.knows("дипломат") and dictionary.knows("жүйке") and not dictionary.knows("допломат")
    # The dictionary is Kazakh: in a Russian edition the stem rule does not run.
    ru = ["дипломатия и дипломатический корпус", "дипломатические отношения", "дипломаты и дипломатия"]
    assert VocabularyTypoCheck().run(edition(*(ru * 2), "профессиональный допломатия", lang="ru")) == []
