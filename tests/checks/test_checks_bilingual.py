"""Checks across an alignment, bead by bead, on sentences of the bundled kk-ru documents."""
from __future__ import annotations

import pytest

from workbench.align.model import Bead
from workbench.checks.base import Pair
from workbench.checks.bilingual import (
    ForbiddenTermCheck, GlossaryTermMissingCheck, LengthRatioCheck, MarkerMismatchCheck, NumberMismatchCheck,
    OmissionCheck, UntranslatedBeadCheck, numbers,
)
from workbench.glossary.model import Entry, Term
from workbench.text.model import Sentence

# corpora/constitution_2026 kk.txt / ru.txt, lines 8 and 12, and the declaration's "twenty years".
KK_UNITARY = "1. Қазақстан Республикасы – унитарлы мемлекет."
RU_UNITARY = "1. Республика Казахстан – унитарное государство."
KK_TWENTY = "Тәуелсіздікке ие болған жиырма жыл ішінде Қазақстан жаңа ғасырдың талаптарына сай мемлекет құрды."
RU_TWENTY = "За 20 лет независимости Казахстан построил государство, отвечающее требованиям нового века."

GLOSSARY = [
    Entry("kz", [Term("kk", "Қазақстан Республикасы"), Term("ru", "Республика Казахстан"),
                 Term("ru", "Казахская Республика", status="forbidden")]),
    Entry("parliament", [Term("kk", "Парламент"), Term("ru", "Парламент")]),
]


def pair(rows: list[tuple[str | None, str | None]], glossary=None) -> Pair:
    """One bead per row; None leaves that side of the bead empty."""
    kk, ru, beads = [], [], []
    for kk_text, ru_text in rows:
        k = (len(kk),) if kk_text is not None else ()
        r = (len(ru),) if ru_text is not None else ()
        if kk_text is not None:
            kk.append(Sentence(kk_text, len(kk), 1, 100 + len(kk), 100 + len(kk)))
        if ru_text is not None:
            ru.append(Sentence(ru_text, len(ru), 1, 500 + len(ru), 500 + len(ru)))
        beads.append(Bead(k, r))
    return Pair(kk, ru, beads, glossary)


@pytest.mark.parametrize("kk, ru, expected", [
    (KK_UNITARY, RU_UNITARY, []),
    (KK_TWENTY, RU_TWENTY, []),                                       # 20 spelled out in Kazakh
    ("1991 жылғы 16 желтоқсанда қабылданды.", "Принят 16 декабря 1991 года.", []),
    ("2015 жылы 12 651 адам.", "В 2015 году 12651 человек.", []),    # a thin space in thousands
    ("Халықтың 45,5%-ы қатысты [3].", "Участвовали 45.5% населения [3].", []),
    ("1993 жылғы 16 маусымда құрылды.", "Создан 16 июня 1992 года.", ["only in Kazakh: 1993; only in Russian: 1992"]),
    ("2021 жылы 8162 орталық.", "В 2021 году 8612 центров.", ["only in Kazakh: 8162; only in Russian: 8612"]),
])
def test_number_mismatch(kk, ru, expected):
    found = NumberMismatchCheck().run(pair([(kk, ru)]))
    assert [f.message.split("(", 1)[1].rstrip(")") for f in found] == expected


def test_numbers_ignore_footnote_markers():
    assert numbers("Ол айтты [14]. 1990-шы жылдары") == {"1990": 1}


def test_marker_mismatch():
    found = MarkerMismatchCheck().run(pair([("Ол айтты [14].", "Он сказал [15]."), ("Иә [2].", "Да [2].")]))
    assert [(f.bead, f.message) for f in found] == [(0, "footnote markers differ: Kazakh [14], Russian [15]")]


def test_glossary_term_missing_on_the_other_side():
    rows = [
        (KK_UNITARY, RU_UNITARY),
        ("Қазақстан Республикасының Парламенті заң қабылдады.", "Закон принят."),  # both terms dropped
        ("Қазақстан Республикасының азаматы.", "Гражданин Республики Казахстан."),  # an inflected form
    ]
    found = GlossaryTermMissingCheck().run(pair(rows, GLOSSARY))
    # "Парламент" is one common word, rendered freely often enough not to be reported
    assert [(f.bead, f.excerpt, f.suggestion) for f in found] == [
        (1, "Қазақстан Республикасының", "Республика Казахстан"),
    ]


# corpora/constitution_2026 kk.txt / ru.txt (same line numbers on both sides), with the project's glossary.
CONST_FREE_SPEECH = ("1. Сөз еркіндігіне, ғылыми, техникалық, көркем шығармашылық еркіндігіне "
                     "кепiлдiк берiледi.",
                     "1. Свобода слова, научного, технического, художественного творчества гарантируется.")
CONST_CONCORD = ("2. Этносаралық және конфессияаралық татулықты бұзуға алып келетін әрекет "
                 "конституциялық емес деп танылады.",
                 "2. Признаются неконституционными действия, способные нарушить межэтническое и "
                 "межконфессиональное согласие.")


@pytest.mark.parametrize("kk, ru, expected", [
    # paraphrases that keep part of the term: not errata
    (*CONST_FREE_SPEECH, []),                                                              # line 121
    (*CONST_CONCORD, []),                                                                  # line 207
    ("1. Қазақстан Республикасында идеологиялық және саяси әралуандық танылады.",          # line 42
     "1. В Республике Казахстан признается идеологическое и политическое многообразие.", []),
    ("2. Қазақстан Республикасының Президенті Құрылтай өкілеттігі мерзімінен бұрын тоқтатылып, ол уақытша "
     "болмаған кезеңде жарлықтар шығарады.",                                                # line 262
     "2. Президент Республики Казахстан в период временного отсутствия Курултая, вызванного досрочным "
     "прекращением его полномочий, издает указы.", []),
    # the same sentences with the term left out of the Kazakh side: errata
    ("1. Ғылыми, техникалық, көркем шығармашылық еркіндігіне кепiлдiк берiледi.", CONST_FREE_SPEECH[1],
     ["Свобода слова"]),
    ("2. Этносаралық татулықты бұзуға алып келетін әрекет конституциялық емес деп танылады.",
     CONST_CONCORD[1], ["межконфессиональное согласие"]),
])
def test_glossary_term_missing_on_real_sentences(project_glossary, kk, ru, expected):
    found = GlossaryTermMissingCheck().run(pair([(kk, ru)], project_glossary))
    assert [f.excerpt for f in found] == expected


@pytest.fixture(scope="module")
def project_glossary():
    from workbench.services.glossary import load_glossary

    return load_glossary()


def test_glossary_checks_need_a_glossary():
    assert GlossaryTermMissingCheck().run(pair([(KK_UNITARY, "Закон.")])) == []


def test_forbidden_term_suggests_the_preferred_one():
    found = ForbiddenTermCheck().run(pair([(KK_UNITARY, "1. Казахская Республика – унитарное государство.")],
                                          GLOSSARY))
    assert [(f.excerpt, f.suggestion) for f in found] == [("Казахская Республика", "Республика Казахстан")]


def test_omission_on_one_sided_beads():
    found = OmissionCheck().run(pair([(KK_UNITARY, RU_UNITARY), (KK_TWENTY, None), (None, RU_TWENTY), ("12.", None)]))
    assert [(f.bead, f.message) for f in found] == [
        (1, "Kazakh sentence with nothing in the Russian edition"),
        (2, "Russian sentence with nothing in the Kazakh edition"),
    ]


def test_length_far_from_the_document_norm():
    rows = [(KK_UNITARY, RU_UNITARY), (KK_TWENTY, RU_TWENTY)] * 3
    rows.append((KK_TWENTY, "За двадцать лет независимости страны."))
    rows.append(("Құрылтай:", "Курултай состоит из депутатов, избираемых на пять лет."))  # too short to judge
    found = LengthRatioCheck().run(pair(rows))
    assert [f.bead for f in found] == [6]
    assert "Kazakh side is" in found[0].message


@pytest.mark.parametrize("kk, ru, fires", [
    ("Қазақстан Республикасы унитарлы мемлекет болып табылады.", "Қазақстан Республикасы унитарлы мемлекет болып "
     "табылады.", True),
    ("Қазақстан Халық Кеңесі:", "Қазақстан Халық Кеңесі:", False),   # constitution line 486: a name
    (KK_UNITARY, RU_UNITARY, False),
])
def test_untranslated_bead(kk, ru, fires):
    assert bool(UntranslatedBeadCheck().run(pair([(kk, ru)]))) is fires
