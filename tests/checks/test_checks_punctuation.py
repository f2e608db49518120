"""Punctuation: quotes, brackets, doubled and glued words, missing spaces, lowercase sentence starts."""
from __future__ import annotations

import pytest

from workbench.checks.punctuation import (
    DoubledWordCheck, GluedWordsCheck, LowercaseSentenceStartCheck, MissingSpaceCheck, UnbalancedBracketsCheck,
    UnbalancedQuotesCheck,
)


@pytest.mark.parametrize("paragraphs, expected", [
    # line 17447: a quotation closed twice
    (("Дуванов былай сипаттайды: «біз бүгінгі таңда өз бетімізше ойлана алмайтын адамдармыз». Біз, әдетте, "
      "басқалардың пікіріне агрессивті боламыз, бұрыннан бар бейнемен дауласамыз» [116].",),
     ["» closes a quotation that was not opened"]),
    # line 10282: an opening mark typed the wrong way
    (("Осыған байланысты»экономикалық заңдардың нарықтық сипаты сақталуы тиіс» деп жазды.",),
     ["» stands where « belongs"]),
    # a title that opens with a quoted name prints one « (line 11366)
    (("2005 жылы жарияланған «Гүлді төңкерістер» табиғаты және қоғамның билікті еркін таңдау құқығы туралы» "
      "мақаласында.",), []),
    # line 17030: «Жас Алаш is never closed
    (("Народной партии «Алга!», газеты «Жас Алаш и т.д. Позднее к ним присоединились активисты.",),
     ["« opens a quotation that is never closed"]),
    # balanced, and a quotation whose paragraphs each open with « (the last one closes it)
    (("Ол «Қазақстан-2030» стратегиясы туралы айтты.",), []),
    (("«Бірінші абзац дәйексөздің басы.", "«Екінші абзац дәйексөздің соңы»."), []),
    # lines 16584-16585: the outer quotation never closes; the inner one ends before "ұсыну", so it cannot
    # share its mark (this case was once taken for a shared closing mark)
    (("в) «шынайы жалпы адамзаттық идеяларды қарсы қоя отырып, «ұлттық адамгершілік идеясын» ұсыну[82].",),
     ["« opens a quotation that is never closed"]),
    # line 670: a title ending with a quoted name shares its closing mark before "атты"
    (("Асқар Нұршаның «Еуразиялық интеграция проблемалары бойынша Қазақстандағы саяси ойдың эволюциясы: "
      "«Еуразооптимистер» және «Қазақстанның еуразоскептиктері» атты баяндамасын ұсынды [8].",), []),
    # lines 10809-10813: the PDF breaks the paragraph inside a quotation; the next paragraph closes it
    (("Осының бәрін ескере отырып, Тұяқбай мен оның серіктестері «...",
      "Конституцияның рухы мен бағытын өзгертуге, Қазақстанның жаңа Негізгі Заңын әзірлеу қабілетті»деген "
      "пікірге келді [51]. Қарастырылып отырған құжаттың ерекшеліктерінің арасында."), []),
    # lines 14761-14770: the same, closed by "... болмайды» деп"
    (("Екінші жағынан, ол «...", "Ұлт көшбасшысы мәртебесін тек заң, Жарлық және басқа да құқықтық актілер "
      "негізінде алуға болмайды» деп мәлімдеді [27]."), []),
    # lines 16788-16809: a quoted list of four items, opened before item 1 and closed after item 4
    (("«1. «Қазақстан Республикасының кейбір заңнамалық актілеріне өзгерістер енгізу туралы» заң жобасына "
      "«2012 жылдан бастап қазақ тілінде құжаттарды жүргізу туралы»норма енгізу.",
      "2. ҚР Конституциясының орыс тіліне қатысты 7-бабының екінші тармағын алып тастау.",
      "3. Мемлекеттік тіл туралы заң жобасын 2012 жылға дейін қабылдау.",
      "4. Қазақстанның Ұлттық ақпараттық кеңістігінің қауіпсіздігін қамтамасыз ететін шаралар қабылдау "
      "қажет» [89]."), []),
    # lines 7716 and 7736: a citation ending in a marker [83] is not carried over to close the » of [84]
    (("Алайда, Қазақстанда бұл туралы ештеңе жоқ, бірақ «... қазіргі Конституцияға сәйкес «президенттік "
      "диктатура» делінетін нәрсе бар [83].",
      "Осының бәрімен Қажыгелдин «өте нәзік» екенін түсінеді.",
      "Оның айтуынша, біз «әлсіз өктемшілдіктің» арнайы түріне кезігіп тұрмыз. Биліктің өзі оның төменгі "
      "деңгейлеріндегі ұқсас ерік-жігерді жеңе алмайды. Авторитаризм тек хаос пен өз мүдделерін биліктің "
      "жоғарғы қабаттарынан төменгі қабаттарға таратады» [84]."),
     ["» closes a quotation that was not opened", "« opens a quotation that is never closed"]),
    # lines 17030-17034: «Жас Алаш stays open although the next paragraph ends a quotation at a marker
    (("газеты «Жас Алаш и т.д. Позднее к ним присоединились активисты.",
      "Болат Әбіловтың айтуынша, «Ең алдымен, Ресей қайтадан үлкен ағаға айналғысы келеді» [99]."),
     ["« opens a quotation that is never closed"]),
    # line 14670: a quotation typed the wrong way round, reported once
    (("Мәсімовтің пікірінше, қазіргі уақытта» Назарбаев моделі « өзінің маңыздылығын жоғалтқан жоқ.",),
     ["quotation marks turned the wrong way round (» … «)"]),
    # line 14498: an opening mark typed the wrong way after a comma
    (("Оның айтуынша,»бүгін біз – табысты мемлекетпіз» [18].",), ["» stands where « belongs"]),
])
def test_unbalanced_quotes(edition, paragraphs, expected):
    assert [f.message for f in UnbalancedQuotesCheck().run(edition(*paragraphs))] == expected


def test_a_quotation_closed_in_the_next_paragraph_leaves_only_the_missing_space(edition):
    # lines 10809-10813: «... / қабілетті»деген — the » closes the quotation; a space is missing after it
    ed = edition("Тұяқбай мен оның серіктестері «...",
                 "Негізгі Заңын әзірлеу қабілетті»деген пікірге келді [51].")
    assert UnbalancedQuotesCheck().run(ed) == []
    assert [f.excerpt for f in MissingSpaceCheck().run(ed)] == ["қабілетті»деген"]


@pytest.mark.parametrize("text, expected", [
    ("2) ұлттық армия құру;", []),                                             # line 1912: a list marker
    ("жақтады: а) гуманистік қоғам, б) нарықтық экономика, в) құқықтық мемлекет.", []),  # inline list, line 3488
    ("анықтау және сипаттау: А) қоғамдық салалардың даму траекториясын;", []),  # line 10060
    ("Жарлығы (30.11.2015 ж). Бұл құжат маңызды.", []),                        # line 18809
    ("25-бабы 2-тармағының 4) тармақшасына сәйкес", []),   # declaration_independence_20y kk line 2
    ("Астанада Орталық Азия мемлекеттері басшыларының (Түрікменстан алғашқы жұмыс кездесуі өтті.",
     ["( opens a bracket that is never closed"]),
    ("халық партиясына 10; бұрынғы ҚКХП – еск.) [16].", [") closes a bracket that was not opened"]),
])
def test_unbalanced_brackets(edition, text, expected):
    assert [f.message for f in UnbalancedBracketsCheck().run(edition(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("Бұл партиясы партиясы тіркелді.", ["партиясы партиясы"]),
    ("Ол тағы тағы қайталады.", []),   # intended repetition
    ("1990 1990 жылдары", []),         # numbers in tables
    ("Бұл партия партиясы емес.", []),
])
def test_doubled_word(edition, text, expected):
    assert [f.excerpt for f in DoubledWordCheck().run(edition(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("ведет аккаунты в социальных сетях Facebookи Twitter.", [("Facebookи", "Facebook и")]),  # line 19499
    ("Ол Twitterде жазды.", [("Twitterде", "Twitter-де")]),
    ("Ол Facebook-та жазды.", []),
    ("Бұл жағдай жалғасып жатырБұл жаңа кезең.", [("жатырБұл", "жатыр Бұл")]),
    ("төрағасы болып «ҚазТрансГаз» АҚ Бас директоры", []),                 # line 16265: a brand name
    ("Әл-Фараби атындағы ҚазҰУ түлегі", []),
])
def test_glued_words(edition, text, expected):
    assert [(f.excerpt, f.suggestion) for f in GluedWordsCheck().run(edition(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("мүмкіндік береді.қоғамдағы қолдау, бағдарламалар", ["береді.қоғамдағы"]),   # line 4266
    ("Бұл партия,ол кезде тіркелген.", ["партия,ол"]),
    ("газеты «Жас Алаш и т.д. Позднее", []),
    ("общественных объединений «Ар.Рух.Хак», «Амансаулык»", []),              # line 17029
    ("www.kisi.kz, E-mail: office@kisi.kz", []),
    ("1,5 млн адам", []),
    ("бизнесті бір «отбасылық корпорацияға»айналдырды.", ["корпорацияға»айналдырды"]),   # line 13290
    ("Осыған байланысты»экономикалық заңдар", []),    # a reversed «, reported by unbalanced-quotes
])
def test_missing_space(edition, text, expected):
    assert [f.excerpt for f in MissingSpaceCheck().run(edition(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("1990-шы жылдардың екінші жартысында. ұлттық демократтар біртіндеп өзінің", ["ұлттық"]),  # line 4537
    ("Конституциялық монархияларды мысалға келтірді. жалпы, басқарудың бұл моделі", ["жалпы"]),  # line 10969
    ("(1992 жылғы қазан айының соңындағы нұсқада – авт. ескертпесі)", []),      # line 2759: авт. is short
    ("Швециядағы және т.б. қолданыстағы монархиялар", []),
    ("1998 ж. наурызда құрылды.", []),
    ("Ол келді. Бұл жақсы.", []),
])
def test_lowercase_sentence_start(edition, text, expected):
    assert [f.excerpt for f in LowercaseSentenceStartCheck().run(edition(text))] == expected
