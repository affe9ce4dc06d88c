"""Pages of a numbered thread (a topic's replies, a private conversation's messages).

Each page holds a fixed range of numbers (1 to 50, 51 to 100 and so on), not the n-th slice of whatever is
visible: a permalink to item 120 always lands on the same page, whoever reads it, and no page
needs a count of visible rows.
"""

from dataclasses import dataclass
from math import ceil


def page_of(number: int, *, per_page: int) -> int:
    """The page item ``number`` is on."""
    return max(1, ceil(number / per_page))


@dataclass
class NumberedPage:
    """What a template needs to link to the pages around this one (``number`` of ``count``)."""

    number: int
    count: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.count

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1
