"""Curated Kazakh and Russian word lists used by clean-up and segmentation (data, no logic).

Punkt learns most abbreviations from the text itself; these lists cover the ones that are too
rare in one document to be learned, and the compound parts that decide whether a hyphen at a
line end belongs to the word (``сондай-ақ``) or only to the line break (``Оппози-`` + ``ция``).
"""
from __future__ import annotations

from workbench import language

# Ukrainian Є and Ї also occur in quoted names.
UPPER = language.UPPER + "ЄЇ"
LOWER = language.LOWER + "єї"

# Abbreviations written with a final full stop, as Punkt types (lower case, final stop removed).
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "kk": frozenset({
        "жж", "т.б", "т.с.с", "т.с", "б.з.б", "б.з", "ғ", "ғғ", "им", "см", "қ", "көш", "обл",
        "млн", "млрд", "проф", "акад", "ағылш", "сөйл", "тарм", "тт", "ст", "п", "пп",
        "мыс", "өңд",
    }),
    "ru": frozenset({
        "гг", "т.д", "т.е", "т.п", "т.к", "т.н", "т.о", "др", "пр", "им", "см", "ср", "ст", "п",
        "пп", "ч", "гл", "разд", "рис", "табл", "млн", "млрд", "тыс", "руб", "коп", "обл", "г-н",
        "г-жа", "проф", "акад", "доц", "англ", "каз", "рус", "л", "с", "стр", "тт", "ул", "д",
        "кв", "пер", "просп", "соч", "изд", "ред", "сост", "вып", "n", "№", "напр",
    }),
}

# After these a sentence never ends (the next word always belongs to the same sentence):
# "им. Абая", "см. выше", "ст. 12", "т.е. ...", "г-н Иванов".
NEVER_FINAL = frozenset({
    "им", "см", "ст", "п", "пп", "ч", "гл", "разд", "рис", "табл", "т.е", "т.н", "т.к", "г-н",
    "г-жа", "проф", "акад", "доц", "көш", "ул", "просп", "напр", "мыс", "ср", "№",
    "n", "ағылш", "англ",
})

# Year abbreviations: ``1991 ж.``/``1991 г.`` often end a sentence, so Punkt decides from the
# next word's capitalisation (a surname or place name after them keeps the sentence going).
YEAR_ABBREVIATIONS = frozenset({"ж", "г"})

# Second parts that make a hyphenated compound even when the file has no other example:
# emphatic and interrogative particles (сондай-ақ, бірден-ақ, солай-ау, деген-мыс).
COMPOUND_PARTICLES = frozenset({"ақ", "ау", "мыс", "ай", "ей", "ой", "то", "либо", "нибудь", "таки"})

# Case and plural endings that are also short words of their own (да "too", мен "and"): a line
# starting with one of them after a hyphen is the end of a split word, not a second word.
SUFFIX_WORDS = frozenset({
    "да", "де", "та", "те", "ма", "ме", "ба", "бе", "па", "пе", "мен", "бен", "пен", "ды", "ді",
    "ты", "ті", "ын", "ін", "ны", "ні", "ға", "ге", "қа", "ке", "на", "не", "ла", "ле", "ша", "ше",
    "лар", "лер", "дар", "дер", "тар", "тер", "ған", "ген", "қан", "кен", "ның", "нің", "дың", "дің",
    "тың", "тің", "ден", "тен", "нен", "дан", "тан", "нан", "дай", "дей", "тай", "тей", "сы", "сі",
    "ли", "ля", "ми", "ни", "ти", "ка", "ко", "ку", "ной", "ный", "ния", "ние", "ции", "ция",
})

# Words that open a clause: after "құрылымы-" at a line end "ол" is a dash rendered as a hyphen
# ("құрылымы – ол …"), not the end of a word and not a compound.
CLAUSE_WORDS = frozenset({
    "ол", "олар", "бұл", "бұлар", "ал", "және", "яғни", "он", "она", "они", "это", "но",
})

# First parts that stay hyphenated: loan prefixes and the commonest Kazakh compound heads.
COMPOUND_PREFIXES = frozenset({
    "социал", "экс", "вице", "лейб", "унтер", "обер", "штаб", "контр", "әлеуметтік", "қоғамдық",
    "саяси", "экономикалық", "ұлттық", "либерал", "ұлт", "ғылыми", "әскери", "мемлекеттік",
    "тарихи", "мәдени", "құқықтық", "идеялық", "ақпараттық", "діни", "этно", "ресми", "халықаралық",
    "ислам", "орыс", "қазақ", "түркі", "еуро", "евро", "пан", "псевдо", "квази", "нео", "пост",
    "интернет", "медиа", "бизнес", "кеңес", "советско", "русско", "бас", "ата", "ана", "іс", "ақ",
})

# Chapter, part and article labels that are headings even without a title after them.
HEADING_WORDS = ("тарау", "бөлім", "бап", "бөлімше", "глава", "раздел", "статья", "часть", "параграф")
