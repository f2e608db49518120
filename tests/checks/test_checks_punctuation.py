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
    # balanced, nested with a shared closing mark, and a quotation over two paragraphs
    (("Ол «Қазақстан-2030» стратегиясы туралы айтты.",), []),
    (("в) «шынайы жалпы адамзаттық идеяларды қарсы қоя отырып, «ұлттық адамгершілік идеясын» ұсыну;",), []),
    (("«Бірінші абзац дәйексөздің басы.", "«Екінші абзац дәйексөздің соңы»."), []),
])
def test_unbalanced_quotes(edition, paragraphs, expected):
    assert [f.message for f in UnbalancedQuotesCheck().run(edition(*paragraphs))] == expected


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
