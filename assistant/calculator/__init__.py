"""The deterministic calculator: typed request → Calculation (or NeedsInput), each rule tied to its clause.

    request = parse_request(question, history)        # assistant.requests; None if nothing to compute
    outcome = calculate(request)                      # Calculation | NeedsInput; raises CalculatorError
    text = format_answer(outcome)                     # figures first, then the arithmetic

Rules are pure functions over Decimal (rent_relief, unemployment_refund, job_subsidy, pension_contribution,
work_injury_cut, deferral_schedule, interest_subsidy, tax_deferral, policy_validity, sme_size). A
Calculation's inputs and result hold JSON-ready values (int/float/str/bool/None) because they go straight
into the answer contract's JSON; money is rounded to the fen, so its float form is exact to the fen.
"""

from __future__ import annotations

from typing import Any, Callable

from assistant.calculator import deferral, interest, rent, sme_size as sme, social_insurance as si, tax, validity
from assistant.calculator.deferral import DeferralRequest, deferral_schedule
from assistant.calculator.interest import InterestRequest, interest_subsidy
from assistant.calculator.rent import RentRequest, rent_relief
from assistant.calculator.results import NeedsInput
from assistant.calculator.sme_size import INDUSTRIES, SmeRequest, find_industry, resolve_industry, sme_size
from assistant.calculator.social_insurance import (
    JobSubsidyRequest, PensionRequest, RefundRequest, WorkInjuryRequest, job_subsidy, pension_contribution,
    unemployment_refund, work_injury_cut,
)
from assistant.calculator.tax import TaxDeferralRequest, tax_deferral
from assistant.calculator.validity import PeriodRequest, policy_validity
from assistant.calculator.values import AmountError, CalculatorError, DateError, UnknownIndustryError
from corpus.records import Calculation

Request = (RentRequest | RefundRequest | JobSubsidyRequest | PensionRequest | WorkInjuryRequest | DeferralRequest
           | InterestRequest | TaxDeferralRequest | PeriodRequest | SmeRequest)

# request type → (what is still missing, the rule itself, the answer's lead sentence)
Rule = tuple[Callable[[Any], NeedsInput | None], Callable[[Any], Calculation], Callable[[Calculation], str]]
_RULES: dict[type, Rule] = {
    RentRequest: (rent.needs, rent.solve, rent.lead),
    RefundRequest: (si.refund_needs, si.solve_refund, si.refund_lead),
    JobSubsidyRequest: (si.job_subsidy_needs, si.solve_job_subsidy, si.job_subsidy_lead),
    PensionRequest: (si.pension_needs, si.solve_pension, si.pension_lead),
    WorkInjuryRequest: (si.work_injury_needs, si.solve_work_injury, si.work_injury_lead),
    DeferralRequest: (deferral.needs, deferral.solve, deferral.lead),
    InterestRequest: (interest.needs, interest.solve, interest.lead),
    TaxDeferralRequest: (tax.needs, tax.solve, tax.lead),
    PeriodRequest: (validity.needs, validity.solve, validity.lead),
    SmeRequest: (sme.needs, sme.solve, sme.lead),
}
_LEADS = {request.kind: lead for request, (_, _, lead) in _RULES.items()}
KINDS = tuple(_LEADS)


def _rule(request: Any):
    try:
        return _RULES[type(request)]
    except KeyError:
        names = [t.__name__ for t in _RULES]
        raise CalculatorError(f"request must be one of {names}, got {type(request).__name__}") from None


def needs_input(request: Request) -> NeedsInput | None:
    """What the request still lacks (None when it can be computed); computes nothing."""
    return _rule(request)[0](request)


def calculate(request: Request) -> Calculation | NeedsInput:
    """Run the request's rule. Raises CalculatorError (only) for inputs outside a rule's valid range."""
    needs, solve, _ = _rule(request)
    return needs(request) or solve(request)


def format_answer(outcome: Calculation | NeedsInput) -> str:
    """The figures first (plain-digit 元), then the arithmetic step by step; or the question to ask back."""
    if isinstance(outcome, NeedsInput):
        return outcome.question_back
    if not isinstance(outcome, Calculation) or outcome.kind not in _LEADS:
        raise CalculatorError(f"can only format a Calculation of kind {list(KINDS)} or a NeedsInput, got {outcome!r}")
    steps = "\n".join(f"{n}. {step}" for n, step in enumerate(outcome.steps, 1))
    return f"{_LEADS[outcome.kind](outcome)}\n计算过程：\n{steps}"


__all__ = [
    "AmountError", "Calculation", "CalculatorError", "DateError", "DeferralRequest", "INDUSTRIES", "InterestRequest",
    "JobSubsidyRequest", "KINDS", "NeedsInput", "PensionRequest", "PeriodRequest", "RefundRequest", "RentRequest",
    "Request", "SmeRequest", "TaxDeferralRequest", "UnknownIndustryError", "WorkInjuryRequest", "calculate",
    "deferral_schedule", "find_industry", "format_answer", "interest_subsidy", "job_subsidy", "needs_input",
    "pension_contribution", "policy_validity", "rent_relief", "resolve_industry", "sme_size", "tax_deferral",
    "unemployment_refund", "work_injury_cut",
]
