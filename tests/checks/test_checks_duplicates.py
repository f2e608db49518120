"""Duplicated passages: a copy within a few paragraphs is an erratum, a distant one is information."""
from __future__ import annotations

import pytest

from workbench.checks.duplicates import DuplicatePassageCheck, RepeatedPassageCheck

# Lines 60-66 of the first preface: the same sentence printed twice, the second time slightly changed.
PREFACE = (
    "Бұл өте қызықты жағдай туғызады, өйткені біз идеялар бәсекелестігін\n"
    "таза түрде көреміз. Себебі биліктің қарсыластары мемлекет дамуының әртүрлі\n"
    "кезеңдерінде өз идеяларын іске асыруға мүмкіндігі болған жоқ. Олар үшін бұл жақсы\n"
    "емес. Алайда, сонымен бірге олар идеялармен салыстырмалы түрде еркін жұмыс істей\n"
    "алды, содан кейін оларды мемлекет пен қоғамға ұсына алды. Идеяларды әрқашан\n"
    "тұжырымдауға болады. Алайда, сонымен бірге олар идеялармен салыстырмалы\n"
    "түрде еркін жұмыс істей алды, содан кейін оларды мемлекет пен қоғамға ұсынды."
)
# Lines 7519-7525: items 8 and 9 of a list are the same text.
ITEM_8 = ("8. Істерге өз бетінше бастамашылық жасау құқығымен және азаматтар мен заңды тұлғалардың "
          "конституциялық құқықтарын бұзу жөніндегі шағымдарын қарау міндетімен Конституциялық сот құру.")
ITEM_9 = ITEM_8.replace("8.", "9.", 1)
FILLER = "Бұл ретте Үкімет өзінің ағымдағы қызметінде Президентке есепті болмайды деп жазылды."


def test_the_duplicated_sentence_of_the_first_preface_is_found(edition):
    ed = edition(PREFACE, first_line=60)
    found = DuplicatePassageCheck().run(ed)
    assert len(found) == 1
    f = found[0]
    assert (f.line, f.other_line, f.severity) == (65, 63, "error")
    assert f.excerpt.startswith("Алайда, сонымен бірге олар идеялармен салыстырмалы")
    assert "small changes" in f.message
    assert RepeatedPassageCheck().run(ed) == []


@pytest.mark.parametrize("paragraphs, near, far", [
    ((ITEM_8, ITEM_9), 1, 0),                                     # adjacent list items: erratum
    ((ITEM_8, FILLER, FILLER.replace("деп", "деп тағы"), FILLER + " Иә.", "Басқа сөйлем мүлдем басқа мағынада "
      "жазылған болатын, ол ешқайсысына ұқсамайды.", ITEM_9), 1, 1),   # the filler repeats near, the item far
    (("1. Негізгі тенденциялар мен процестер", "1. Негізгі тенденциялар мен процестер"), 0, 0),  # headings
    (("Бұл өте қызықты жағдай туғызады.", "Бұл өте қызықты жағдай туғызады."), 0, 0),  # a short formula
])
def test_near_and_far_repetition(edition, paragraphs, near, far):
    ed = edition(*paragraphs)
    assert len(DuplicatePassageCheck().run(ed)) == near
    assert len(RepeatedPassageCheck().run(ed)) == far


def test_a_sentence_printed_three_times_is_paired_with_its_closest_copy(edition):
    ed = edition(ITEM_8, ITEM_8, ITEM_8)
    found = DuplicatePassageCheck().run(ed)
    assert [(f.line, f.other_line) for f in found] == [(3, 1), (5, 3)]


def test_consecutive_repeated_sentences_are_one_finding(edition):
    a = "Бірінші сөйлем осы кітаптағы саяси ойдың дамуы туралы айтады және ұзын."
    b = "Екінші сөйлем де сол тақырыпты жалғастырып, қосымша дәлелдер келтіреді."
    found = DuplicatePassageCheck().run(edition(f"{a} {b}", f"{a} {b}"))
    assert len(found) == 1 and found[0].message.startswith("2 sentences repeated")


def test_the_page_of_the_first_copy_is_named_as_printed(edition):
    """In a PDF with two pages of roman front matter the file's third page is printed "1"."""
    from dataclasses import replace

    ed = edition(PREFACE, first_line=60)
    ed.sentences = [replace(s, page=3) for s in ed.sentences]
    assert DuplicatePassageCheck().run(ed)[0].message.endswith("from line 63 (page 3)")
    ed = edition(PREFACE, first_line=60)
    ed.sentences = [replace(s, page=3) for s in ed.sentences]
    ed.page_labels = {1: "i", 2: "ii", 3: "1"}
    assert DuplicatePassageCheck().run(ed)[0].message.endswith("from line 63 (page 1)")
