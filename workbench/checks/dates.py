"""Dates: a day and a year swapped (15 жылдың 2014 мамырында), a day the month does not have."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.checks.lexicon import MONTH_DAYS
from workbench.errors import N_, Message

if TYPE_CHECKING:
    from workbench.text.model import Block

# қыркүйек voices its final к before a vowel: қыркүйегінде.
MONTHS = "|".join(m[:-1] + "[кг]" if m.endswith("к") else m for m in MONTH_DAYS)
SWAPPED = re.compile(rf"(?<![\w.,-])(\d{{1,2}}) (жылдың|жылғы) (\d{{4}}) ({MONTHS})(\w*)")
DAY_MONTH = re.compile(rf"(?<![\w.,-])(\d{{1,3}}) ({MONTHS})(\w*)")
# A year of an event (жылы, жылғы, жылдың, ж.) beyond any the book can speak of.
EVENT_YEAR = re.compile(r"(?<![\w.,-])(\d{4})\s*(?:жылы|жылғы|жылдың|ж\.)")
LATEST_YEAR = 2100
EARLIEST_YEAR = 1000
NUMERIC = re.compile(r"(?<![\w.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\w.]\d)")


class DateCheck(EditionCheck):
    """A date that cannot be: day and year swapped, a day past the month's end, a month past twelve."""

    id = "impossible-date"
    name = N_("Impossible date")
    description = N_("Fires on a day and a year in each other's place (“15 жылдың 2014 мамырында”), on a day "
                      "the month does not have (31 қарашада, 35 мамыр), on a month above 12 in 25.13.2015 and on a year "
                      "of an event after 2100.")
    severity = "error"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        text = block.text
        swapped: list[tuple[int, int]] = []
        for m in SWAPPED.finditer(text):
            day, year, month = m.group(1), m.group(3), m.group(4)
            swapped.append(m.span())
            found.append(self.at(edition, index, m.start(), m.end(), N_("the day and the year have changed places"),
                                 suggestion=f"{year} {m.group(2)} {day} {month}{m.group(5)}"))
        for m in DAY_MONTH.finditer(text):
            if any(a <= m.start() < b for a, b in swapped):
                continue
            day, month = int(m.group(1)), m.group(2)
            month = month if month in MONTH_DAYS else month[:-1] + "к"
            if not 1 <= day <= MONTH_DAYS[month]:
                found.append(self.at(edition, index, m.start(), m.end(),
                                     Message(N_("%(month)s has no day %(day)s"), month=month, day=day)))
        for m in EVENT_YEAR.finditer(text):
            if not EARLIEST_YEAR <= int(m.group(1)) <= LATEST_YEAR:
                found.append(self.at(edition, index, m.start(), m.end(), Message(N_("the year %(year)s is out of range"),
                                                                                year=m.group(1))))
        for m in NUMERIC.finditer(text):
            day, month = int(m.group(1)), int(m.group(2))
            if not 1 <= month <= 12 or not 1 <= day <= 31:
                found.append(self.at(edition, index, m.start(), m.end(), N_("no such day or month")))
        return found
