"""What a rule returns when the question does not give it enough to compute."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class NeedsInput:
    """A rule that cannot compute yet: which inputs are missing and what to ask the user."""

    kind: str  # the Calculation kind it would produce, e.g. "rent_relief"
    missing: tuple[str, ...]  # request field names, e.g. ("monthly_rent",)
    question_back: str  # what to ask, in Chinese, with the formula where that helps
    clause: str = ""  # the section the rule rests on
    inputs: dict[str, Any] = field(default_factory=dict)  # what is known so far (JSON-ready)
