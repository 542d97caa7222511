"""One user turn read for the calculator: its text, its quantities, and how a value is found in it by its label.

`assistant.requests` and `assistant.insurance_requests` build a rule's request from the question (the current
turn) and the user's earlier turns, nearest first; `first_found` takes a value from the nearest turn that has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Callable

from assistant.corrections import CORRECTION, opens_with_correction
from assistant.quantities import Money, Quantity, corrections, words_before


@dataclass(frozen=True)
class Turn:
    text: str
    quantities: tuple[Quantity, ...]
    current: bool  # the question itself; earlier turns lend a value only when its label says what it is

    def label(self, q: Quantity) -> str:
        """The words between the previous quantity (or clause break) and `q`: 「月租」 in 「月租8000元」. A figure that
        corrects another is also labelled by the other's words: 「资产总额一个亿，不对，是九千八百万」."""
        previous_end = max((p.end for p in self.quantities if p.end <= q.start), default=0)
        words = words_before(self.text[previous_end:q.start], q.start - previous_end, limit=12)
        corrected = self._corrected.get((q.start, q.end))
        return words if corrected is None else self.label(corrected) + words

    def before(self, q: Quantity, limit: int = 10) -> str:
        """The words before `q` in its clause (`words_before`); for a figure that corrects another, the other's words
        first: 「年租金十四万四，哦不对，是十五万六」 says 15.6万 is a year's rent."""
        words = words_before(self.text, q.start, limit)
        corrected = self._corrected.get((q.start, q.end))
        return words if corrected is None else self.before(corrected, limit) + words

    @cached_property
    def _corrected(self) -> dict[tuple[int, int], Quantity]:
        """The figure each correcting figure replaced, by the correcting one's span (the text is read again only
        when it has a correction in it)."""
        return {(new.start, new.end): old for old, new in corrections(self.text)} if CORRECTION.search(self.text) else {}

    def of(self, kind: type, rough: bool = False) -> list:
        """The quantities of `kind`; rough ones (「两百多万」) only when the rule can use a range (`rough`)."""
        return [q for q in self.quantities if isinstance(q, kind) and (rough or getattr(q, "upper", None) is None)]

    def money(self, label: str, avoid: str = r"(?!)", fallback: bool = True, rough: bool = False) -> Money | None:
        """The first amount labelled `label`; else, in the question itself, the first amount at all.
        `avoid` is checked on the whole clause before it, so 「一年租金」 is not a monthly rent."""
        amounts = [q for q in self.of(Money, rough) if not re.search(avoid, self.before(q))]
        labelled = [q for q in amounts if re.search(label, self.label(q))]
        if labelled:
            return labelled[0]
        # 「不对，是5400元」: an earlier turn that corrects a figure lends it though its label is gone
        corrects = not self.current and len(amounts) == 1 and opens_with_correction(self.text.lstrip())
        return amounts[0] if amounts and fallback and (self.current or corrects) else None



_SENTENCE_END = re.compile(r"[。；;！!？?]")


def asked_sentence_start(text: str) -> int:
    """Where the sentence that asks (the last one, closing punctuation aside) begins in `text`."""
    return max((m.end() for m in _SENTENCE_END.finditer(text.rstrip("。？?！! "))), default=0)


def first_found(turns: list[Turn], pick: Callable[[Turn], object]):
    """What `pick` finds in the nearest turn where it finds anything (turns are nearest first)."""
    return next((found for t in turns if (found := pick(t)) is not None), None)


def value_of(q) -> Decimal | None:
    return None if q is None else q.value
