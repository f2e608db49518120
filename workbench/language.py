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
CYRILLIC_UPPER = "А-ЯЁ" + KAZAKH_LETTERS_UPPER
CYRILLIC_LOWER = "а-яё" + KAZAKH_LETTERS
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

# Kazakh vowel harmony: back (hard) and front (soft) vowels; у and и are neutral in spelling.
KK_BACK_VOWELS = frozenset("аоұы")
KK_FRONT_VOWELS = frozenset("әөүіе")
KK_VOWELS = frozenset("аәеиоөұүыіэюяу")
RU_VOWELS = frozenset("аеёиоуыэюя")

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

# Russian inflectional endings of nouns and adjectives (a closed list).
RU_ENDINGS = frozenset(
    """а я о е ы и у ю ь й
    ой ей ою ею ом ем ам ям ах ях ов ев ью ье ья ьи ьей ьям ьями ьях ьев ьем ами ями
    ый ий ая яя ое ее ые ие ого его ому ему ым им ую юю ых их ыми ими""".split()
)
