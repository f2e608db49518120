"""Kazakh and Russian language constants shared by every module (data, no logic).

One place for the alphabets, the Kazakh-specific letters, the Kazakh→Russian letter mapping, the
Latin look-alikes of Cyrillic letters, the vowel classes of Kazakh vowel harmony, function words and
suffix lists. Modules import from here instead of keeping copies that drift apart.
"""
from __future__ import annotations

# Kazakh letters that Russian lacks: ә ғ қ ң ө ұ ү һ і.
KAZAKH_LETTERS = "әғқңөұүһі"
KAZAKH_LETTERS_UPPER = KAZAKH_LETTERS.upper()

# The Kazakh Cyrillic alphabet (42 letters) in dictionary order. The Russian alphabet is a
# subsequence of it, so one sort order serves both languages.
KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"

# Character classes for regular expressions (inside [...]): Cyrillic of both languages plus Latin.
RUSSIAN_UPPER = "А-ЯЁ"
RUSSIAN_LOWER = "а-яё"
CYRILLIC_UPPER = RUSSIAN_UPPER + KAZAKH_LETTERS_UPPER
CYRILLIC_LOWER = RUSSIAN_LOWER + KAZAKH_LETTERS
UPPER = "A-Z" + CYRILLIC_UPPER
LOWER = "a-z" + CYRILLIC_LOWER

# Kazakh-specific letters -> the Russian letter a reader would use for the same sound.
KK_TO_RU_LETTERS = {
    "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
    "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И",
}

# Latin letters that look like Cyrillic ones (both cases), and the reverse. Typists mix them into
# Cyrillic words (the Kazakh constitution has Latin i, ə, c): data to report, never to fix silently.
LATIN_TO_CYRILLIC = {
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х", "Y": "У", "a": "а", "c": "с", "e": "е", "i": "і", "k": "к",
    "o": "о", "p": "р", "x": "х", "y": "у", "ə": "ә", "Ə": "Ә", "h": "һ",
}
CYRILLIC_TO_LATIN = {v: k for k, v in LATIN_TO_CYRILLIC.items() if k not in "hiI"}
CYRILLIC_TO_LATIN.update({"і": "i", "І": "I"})
# Latin letters outside ASCII that are look-alikes too.
LATIN_EXTRA = "əƏ"

# Latin letters as a Kazakh or Russian reader hears them (HAQ = «Халыққа Адал Қызмет»), not as they look.
LATIN_SOUNDS = {
    "a": "а", "b": "б", "c": "с", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и",
    "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р",
    "s": "с", "t": "т", "u": "у", "v": "в", "w": "у", "x": "х", "y": "и", "z": "з",
}

# Kazakh vowel harmony: back (hard) and front (soft) vowels; у and и are neutral in spelling.
KK_BACK_VOWELS = frozenset("аоұы")
KK_FRONT_VOWELS = frozenset("әөүіе")
# Every vowel letter of the Kazakh alphabet, ё (loanwords only) included.
KK_VOWELS = frozenset("аәеёиоөұүыіэюяу")
RU_VOWELS = frozenset("аеёиоуыэюя")
# Final voiceless consonants of a Kazakh stem that voice before a vowel suffix (одақ -> одағы,
# блок -> блогы, кітап -> кітабы).
KK_VOICING = {"қ": "ғ", "к": "г", "п": "б"}

# Words that carry grammar, not content: they say nothing about which sentence translates which.
KK_FUNCTION_WORDS = frozenset(
    """және мен бен пен да де та те ал бірақ немесе не әрі үшін туралы бойынша арқылы сияқты
    бұл осы сол ол олар оның оны өз өзі барлық әр кез кейін дейін бері соң бар жоқ болып болса
    болады болған деп егер тиіс тиісті мүмкін қажет""".split()
)
RU_FUNCTION_WORDS = frozenset(
    """и в во на по при для с со о об от из к ко за под над без до у или а но не ни же ли бы что как
    это этот эта эти его ее её их он она они оно который которая которые которых также так
    быть является являются может могут должен должны все всех""".split()
)
# Postpositions and the nouns of compound prepositions (сәйкес "according to", в соответствии с,
# в рамках): function words too, kept apart because the aligner's lexicon was tuned without them;
# the glossary's term candidates use both sets.
KK_RELATIONAL_WORDS = frozenset(
    """сәйкес қарай байланысты қатысты арналған сай орай қоса бірге тыс басқа дейінгі кейінгі""".split()
)
RU_RELATIONAL_WORDS = frozenset(
    """соответствии согласно связи отношении рамках целях порядке основании числе течение ходе случае
    зависимости""".split()
)
# Words an abbreviation leaves out ("Тарифтер мен сауда жөніндегі бас келісім" -> ТСБК): conjunctions,
# postpositions, prepositions, and the language labels of a bilingual list (ағылш., орыс.).
ABBREVIATION_SKIPPED_WORDS = frozenset(
    """және мен бен пен жөніндегі жөнінде туралы атындағы жанындағы арасындағы бойынша немесе
    әрі да де та те ағылш орыс
    и в во на по при для с со о об от из к ко за под над без до у или а""".split()
)
# Russian prefixes after which a compound's second stem begins (не|правительственные, без|опасность).
RU_PREFIXES = ("не", "без", "бес", "меж", "анти", "пост", "контр", "сверх", "само", "все")

# Kazakh inflectional suffixes by slot, each in its harmony and assimilation variants (regex
# alternations, longest first where one is a prefix of another).
KK_PLURAL_SUFFIXES = ("лар", "лер", "дар", "дер", "тар", "тер")
KK_POSSESSIVE_SUFFIXES = ("ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз", "ым", "ім", "м",
                          "ың", "ің", "ң", "сы", "сі", "ы", "і")
KK_CASE_SUFFIXES = (
    "ның", "нің", "дың", "дің", "тың", "тің",  # genitive
    "ға", "ге", "қа", "ке", "на", "не", "а", "е",  # dative
    "ны", "ні", "ды", "ді", "ты", "ті", "н",  # accusative
    "нда", "нде", "да", "де", "та", "те",  # locative
    "ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі",  # locative attributive (Қазақстандағы)
    "нан", "нен", "дан", "ден", "тан", "тен",  # ablative
    "мен", "бен", "пен",  # instrumental
    "ша", "ше",  # equative
)
# Derivational suffixes of Kazakh adjectives and abstract nouns (-лық "-ness/-al", -шы "-er").
KK_DERIVATIONAL_SUFFIXES = ("лық", "лік", "дық", "дік", "тық", "тік", "шы", "ші", "сыз", "сіз")

# Russian inflectional endings of nouns and adjectives (a closed list). Endings only, not "ия/ии/ией":
# партия keeps its и (парти|я, парти|й, парти|ями), so that the stem парт does not also find парты.
RU_ENDINGS = frozenset(
    """а я о е ы и у ю ь й
    ой ей ою ею ом ем ам ям ах ях ов ев ью ье ья ьи ьей ьям ьями ьях ьев ьем ами ями
    ый ий ая яя ое ее ые ие ого его ому ему ым им ую юю ых их ыми ими""".split()
)
RU_ADJECTIVE_ENDINGS = frozenset(
    "ый ий ой ая яя ое ее ые ие ого его ому ему ым им ом ем ую юю ых их ыми ими ей ею ою".split()
)
