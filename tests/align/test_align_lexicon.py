"""Glossary pairs, name variants and the learnt lexicon give Kazakh and Russian sentences shared keys."""
from __future__ import annotations

from workbench.align import align
from workbench.align.features import sentence_keys, side_features
from workbench.align.lexicon import glossary_keys, learn_lexicon, name_variants

# Parallel context, so that the length ratio of the two texts is known.
KK = ["1991 жылғы 16 желтоқсанда Қазақстан Республикасы өз тәуелсіздігін жариялады.",
      "Парламент екі палатадан тұрады: Сенат пен Мәжіліс.",
      "Конституция 1995 жылғы 30 тамызда республикалық референдумда қабылданды.",
      "Астана қаласы 1997 жылы елорда болды."]
RU = ["16 декабря 1991 года Республика Казахстан провозгласила свою независимость.",
      "Парламент состоит из двух палат: Сената и Мажилиса.",
      "Конституция принята на республиканском референдуме 30 августа 1995 года.",
      "Город Астана стал столицей в 1997 году."]


def test_loanwords_names_numbers_and_roman_numerals_share_keys_across_languages():
    kk, kk_numbers, _ = sentence_keys(
        "ІІ бөлім. Қазақстанның демократиялық парламенті 1995 жылы [12] құрылды.", 5)
    ru, ru_numbers, _ = sentence_keys(
        "Раздел II. Демократический парламент Казахстана создан в 1995 году [12].", 5)
    assert {"#2", "#1995", "[12]", "демок", "парла", "казак"} <= kk & ru
    assert kk_numbers == ru_numbers == {"#2", "#1995", "#12"}


def test_glossary_term_matches_inflected_forms_on_both_sides():
    kk = ["Мемлекеттік тілді дамыту – басты міндет.", "Басқа сөйлем."]
    ru = ["Развитие государственного языка – главная задача.", "Другое предложение."]
    kk_keys, ru_keys = glossary_keys([("мемлекеттік тіл", "государственный язык")], kk, ru, 5)
    assert kk_keys == [frozenset({"g:0"}), frozenset()]
    assert ru_keys == [frozenset({"g:0"}), frozenset()]


def test_glossary_decides_which_sentence_has_no_translation():
    kk = KK[:2] + ["Тәуелсіздік жылдарында еліміз қарқынды дамыды.",
                   "Жастар саясаты жүйелі түрде жүзеге асырылуда."] + KK[2:]
    ru = RU[:2] + ["Молодежная политика осуществляется системно."] + RU[2:]
    beads = align(kk, ru, glossary=[("жастар саясаты", "молодежная политика")])
    assert [(b.kk, b.ru) for b in beads][1:5] == [((1,), (1,)), ((2,), ()), ((3,), (2,)), ((4,), (3,))]


def test_names_spelt_differently_are_paired_fuzzily():
    variants = name_variants(["Қазақстан Еуропа елдерімен және Мәми мырзамен келісті."],
                             ["Казахстан договорился со странами Европы и с господином Мами."], 5, 80)
    assert variants == {"еуроп": {"европ"}}


def test_lexicon_is_learnt_from_repeated_pairs():
    kk = side_features(["Тәуелсіздік күні.", "Тәуелсіздік жылдары.", "Тәуелсіздік туы."], 5)
    ru = side_features(["День независимости.", "Годы независимости.", "Флаг независимости."], 5)
    lexicon = learn_lexicon([(0, 0), (1, 1), (2, 2)], kk, ru, min_count=2, min_dice=0.6)
    assert lexicon["тауел"] == {"незав"}
