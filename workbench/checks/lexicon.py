"""Kazakh words and endings the errata checks rely on (pure constants, in one place).

Months, case and derivational endings that Kazakh spelling glues to an abbreviation or a number with a
hyphen (ҰҚК-ның, 2010-жылы), conjunctions that join a doublet, pronouns that repeat on purpose, and the
letters Kazakh keyboards confuse with their Russian neighbours.
"""
from __future__ import annotations

# Month stems (қаңтар … желтоқсан) with the number of days each may have.
MONTH_DAYS: dict[str, int] = {
    "қаңтар": 31, "ақпан": 29, "наурыз": 31, "сәуір": 30, "мамыр": 31, "маусым": 30,
    "шілде": 31, "тамыз": 31, "қыркүйек": 30, "қазан": 31, "қараша": 30, "желтоқсан": 31,
}

# Endings written after a hyphen on an abbreviation or a number (never after a spaced dash).
CASE_ENDINGS: tuple[str, ...] = tuple(sorted({
    "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "на", "не", "да", "де", "та", "те",
    "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен", "ны", "ні", "ды", "ді", "ты", "ті", "мен",
    "бен", "пен", "ы", "і", "лар", "лер", "дар", "дер", "тар", "тер", "сы", "сі", "шы", "ші", "інші", "ыншы", "ншы",
    "нші", "ғы", "гі", "қы", "кі", "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі", "жылы", "жылғы",
}, key=lambda e: (-len(e), e)))

# Conjunctions of a doublet "X және X".
DOUBLET_JOINERS: tuple[str, ...] = ("және", "мен", "бен", "пен", "немесе", "әрі")
# After the second X these make "X and non-X" or "X and X-compound", both meant: қазақ және қазақ емес,
# орыс және орыс тілді, сыртқы және сыртқы экономикалық.
DOUBLET_CONTINUATIONS = frozenset({"емес", "тілді", "экономикалық", "саяси"})
# Words that repeat around a conjunction on purpose: оның және оның жетекшілерінің, жоқ және жоқ.
DOUBLET_MEANT = frozenset({"оның", "олардың", "біздің", "менің", "сенің", "жоқ", "бар", "бір", "екі"})

# Letters a typist swaps with their neighbour on a Kazakh keyboard or with the Russian letter.
CONFUSABLE_LETTERS: dict[str, str] = {
    "к": "қ", "қ": "к", "г": "ғ", "ғ": "г", "у": "үұ", "ү": "у", "ұ": "у", "о": "ө", "ө": "о",
    "н": "ң", "ң": "н", "и": "і", "і": "и", "х": "һ", "һ": "х", "а": "ә", "ә": "а",
}

# Proper names that keep their capital after a hyphen (Қазақстан-Ресей, Қазақстан-Қытай).
COUNTRY_NAMES: tuple[str, ...] = (
    "ресей", "қытай", "америка", "түркия", "украина", "өзбекстан", "қырғызстан", "тәжікстан", "түрікменстан",
    "әзербайжан", "беларусь", "германия", "франция", "жапония", "үндістан", "иран", "моңғолия", "еуропа",
    "корея", "ұлыбритания", "израиль", "польша", "грузия", "армения", "ауғанстан", "пәкістан",
)

# Russian spellings of Kazakh names that a Kazakh sentence writes in Kazakh letters.
RUSSIAN_SPELLINGS: dict[str, str] = {"Казахстан": "Қазақстан", "Алма-Ата": "Алматы"}

# Abbreviations whose full stop belongs to them, so a footnote marker after it is not a second stop.
STOP_ABBREVIATIONS: tuple[str, ...] = ("т.б.", "т.с.с.", "ж.", "жж.", "б.", "т.", "бб.", "т.с.")

# Endings only Russian words have (no Kazakh word or loanword in Kazakh spelling ends so).
RUSSIAN_ONLY_ENDINGS: tuple[str, ...] = (
    "ого", "его", "ому", "ему", "ый", "ая", "ое", "ые", "ых", "ими", "ыми", "ться", "тся", "ость", "ости",
    "остью", "ание", "ение", "ения", "ании", "ении", "ный", "ной", "ную", "ская", "ский", "ских",
    "ское", "ского",
)

# Head nouns of names of bodies and documents, whose capitalised first word is right (Құқықтық даму
# тұжырымдамасы, Реформалар жөніндегі жоғары кеңес).
NAME_HEADS: tuple[str, ...] = (
    "партия", "кеңес", "тұжырымдама", "комитет", "ұйым", "агенттіг", "банк", "қозғалыс", "конгресс",
    "стратегия", "жоспар", "бағдарлама", "комиссия", "жөніндегі", "академия", "министрлі", "палата", "одақ",
    "орталы", "институт", "қор", "сот", "әкімшіліг", "департамент", "басқарма", "форум", "ассамблея",
    "университет", "блог",
)
