"""A form per calculator rule, described as data, and the runner that turns a filled-in form into an answer.

    form = form_for("rent_relief")                         # Form: title, cited section, fields
    result = run_form("rent_relief", {"monthly_rent": "2万", "landlord": "国有资产类经营用房"})
    result.ok, result.field_errors, result.outcome, result.text

Nothing here knows about Gradio: the UI builds one input per `Field` (a dropdown for kind "choice", a textbox
otherwise) and shows `field_errors[field.name]` next to it and `field_errors["_form"]` above the form.
Field text is read with `assistant.quantities`, so a form accepts the wordings chat does (2万, 两万五,
1,200,000元, 3.15%, 2020年3月15日, 4月份, 1年).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any, Callable, Mapping

from assistant.calculator import (
    AmountError, CalculatorError, DateError, DeferralRequest, InterestRequest, JobSubsidyRequest, NeedsInput,
    PensionRequest, PeriodRequest, RefundRequest, RentRequest, SmeRequest, TaxDeferralRequest, WorkInjuryRequest,
    calculate, format_answer,
)
from assistant.calculator import deferral, interest, rent, social_insurance, tax, validity
from assistant.calculator.sme_size import CLAUSE as SME_CLAUSE, INDUSTRIES, STANDARD, resolve_industry
from assistant.calculator.values import said
from assistant.quantities import (
    MAX_EXPONENT, CalendarMonth, DateValue, Headcount, Money, MonthCount, Rate, parse_quantities,
)
from corpus.records import Calculation

FIELD_KINDS = ("money", "number", "integer", "percent", "date", "choice", "month")
FORM_ERROR = "_form"  # the field_errors key for a problem that belongs to no single field


class FormError(ValueError):
    """A form kind or field name that does not exist: a bug in the caller, not a user's input."""


@dataclass(frozen=True, kw_only=True)
class Field:
    name: str
    label: str  # Chinese, as shown beside the input; error messages start with it
    kind: str  # one of FIELD_KINDS
    required: bool
    example: str  # a valid entry, for the placeholder
    help: str = ""
    choices: tuple[str, ...] = ()  # for kind "choice": the values shown
    unit: str = ""  # what a bare number means: 元, 万元, 人, 个月, %
    accepts_other: bool = False  # a "choice" that also takes free text (「饭店」 for 餐饮业)

    def __post_init__(self) -> None:
        if self.kind not in FIELD_KINDS:
            raise FormError(f"field kind must be one of {list(FIELD_KINDS)}, got {self.kind!r} for {self.name!r}")
        if (self.kind == "choice") != bool(self.choices):
            raise FormError(f"field {self.name!r}: choices go with kind 'choice' and only with it, "
                            f"got kind {self.kind!r} and choices {self.choices!r}")


@dataclass(frozen=True, kw_only=True)
class Form:
    kind: str  # the Calculation kind it produces
    title: str
    section: str  # the section id the rule implements (the citation)
    description: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class FormResult:
    ok: bool
    field_errors: Mapping[str, str]  # field name (or FORM_ERROR) → Chinese message; read-only
    outcome: Calculation | NeedsInput | None
    text: str  # format_answer's text when ok, else ""
    section: str


# -- the forms -----------------------------------------------------------------------------------------
LANDLORDS = {"国有资产类经营用房": "state", "其他业主": "other"}
PAID_PER = {"每月": "month", "每季度": "quarter", "每年": "year"}
# Kept in the standard's own unit (万元) on the form; the request takes 元.
REQUEST_NAMES = {"revenue_wan": "revenue_yuan", "assets_wan": "assets_yuan"}
_CODES = {"landlord": LANDLORDS, "per": PAID_PER}


def _money(name: str, label: str, example: str, required: bool = True, help: str = "", unit: str = "元") -> Field:
    return Field(name=name, label=label, kind="money", required=required, example=example, help=help, unit=unit)


FORMS: tuple[Form, ...] = (
    Form(kind=RentRequest.kind, title="房租减免（第六条）", section=rent.CLAUSE,
         description="承租国有资产类经营用房的，前两个月房租免收，第三个月减半；其他业主由双方协商。",
         fields=(_money("monthly_rent", "月租金（元/月）", "20000", required=False,
                        help="承租国有资产类经营用房时必填；可写 2万、两万五"),
                 Field(name="landlord", label="房屋类型", kind="choice", required=True, example="国有资产类经营用房",
                       choices=tuple(LANDLORDS)))),
    Form(kind=RefundRequest.kind, title="失业保险费返还（第四条）", section=social_insurance.CLAUSE,
         description="不裁员或少裁员的参保企业，返还上年度实际缴纳失业保险费的50%。",
         fields=(_money("premiums_paid", "上年度实际缴纳的失业保险费（元）", "12000"),)),
    Form(kind=JobSubsidyRequest.kind, title="稳岗补贴（第四条）", section=social_insurance.CLAUSE,
         description="稳岗补贴 = 6个月 × 2018年下半年当地月人均失业保险金标准 × 年度平均参保职工人数。",
         fields=(Field(name="insured_employees", label="年度平均参保职工人数", kind="number", required=True,
                       example="20", unit="人", help="年度平均数，可以有小数"),
                 _money("monthly_benefit", "月人均失业保险金标准（元/月）", "1360", required=False,
                        help="文件没有写明，可向人社部门查询；不填则说明如何取得"))),
    Form(kind=PensionRequest.kind, title="养老保险单位缴费（第四条）", section=social_insurance.CLAUSE,
         description="企业养老保险单位缴费费率为16%；填原费率可算出降费后少缴多少。",
         fields=(_money("wage_base", "缴费基数（元/月）", "5000", help="填了人数时为每人的缴费基数"),
                 Field(name="employees", label="人数", kind="integer", required=False, example="10", unit="人",
                       help="不填则把缴费基数当作企业合计"),
                 Field(name="old_rate", label="原养老保险费率（%）", kind="percent", required=False, example="20",
                       unit="%", help="填了可算出降至16%后少缴多少；20 即 20%"))),
    Form(kind=WorkInjuryRequest.kind, title="工伤保险费率减半（第四条）", section=social_insurance.CLAUSE,
         description="各类用人单位继续执行工伤保险费率下调50%的政策。",
         fields=(Field(name="old_rate", label="原工伤保险费率（%）", kind="percent", required=False, example="0.4",
                       unit="%", help="0.4 即 0.4%；不知道费率时可改填原应缴金额"),
                 _money("wage_base", "缴费基数（元）", "1000000", required=False, help="与费率一起填，可算出少缴多少"),
                 _money("old_amount", "原应缴工伤保险费（元）", "2000", required=False,
                        help="不填费率时填写；与缴费基数二选一"),
                 Field(name="per", label="原应缴金额的周期", kind="choice", required=False, example="每月",
                       choices=tuple(PAID_PER)))),
    Form(kind=DeferralRequest.kind, title="社会保险费缓缴（第五条）", section=deferral.CLAUSE,
         description="2020年1—3月的养老、失业、工伤保险费可延迟3个月补缴，不收滞纳金。",
         fields=(_money("monthly_amount", "每月应缴的养老+失业+工伤保险费（元）", "8000", required=False,
                        help="不填则只给出补缴安排"),
                 Field(name="asked_month", label="想了解的月份", kind="month", required=False, example="4"))),
    Form(kind=InterestRequest.kind, title="贷款贴息（第二条）", section=interest.CLAUSE,
         description="按人民银行专项再贷款利率给予贴息，中央财政和省级财政各负担50%。",
         fields=(_money("total_subsidy", "贴息总额（元）", "31500", required=False,
                        help="已知贴息总额时只填这一项；否则填下面三项"),
                 _money("principal", "贷款本金（元）", "1000000", required=False),
                 Field(name="annual_rate", label="专项再贷款年利率（%）", kind="percent", required=False,
                       example="3.15", unit="%", help="文件没有写明，请填你获知的利率；3.15 即 3.15%"),
                 Field(name="months", label="贷款期限（月）", kind="integer", required=False, example="12",
                       unit="个月"))),
    Form(kind=TaxDeferralRequest.kind, title="延期缴纳税款（第七条）", section=tax.CLAUSE,
         description="确有困难的企业申请后可延期缴纳税款，最长不超过3个月。",
         fields=(Field(name="due_date", label="原定缴纳期限", kind="date", required=True, example="2020-03-15"),
                 Field(name="requested_months", label="想延期的月数", kind="integer", required=False, example="2",
                       unit="个月"),
                 Field(name="requested_date", label="想延至的日期", kind="date", required=False,
                       example="2020-06-15", help="与延期月数二选一"))),
    Form(kind=PeriodRequest.kind, title="政策执行期（结语）", section=validity.CLAUSE,
         description="政策执行期暂定为自发布之日（2020年2月7日）起的3个月。",
         fields=(Field(name="on", label="要查的日期", kind="date", required=False, example="2020-04-01",
                       help="不填则只给出执行期"),)),
    Form(kind=SmeRequest.kind, title="中小微企业规模判定（结语）", section=SME_CLAUSE,
         description=f"按{STANDARD}分行业划型；中型、小型、微型企业在本意见支持范围内。",
         # Which indicators are needed depends on the industry (建筑业: 营业收入 and 资产总额; 其他未列明行业:
         # 从业人员 only), so none is required up front; the rule names the missing ones.
         fields=(Field(name="industry", label="所属行业", kind="choice", required=True, example="餐饮业",
                       choices=INDUSTRIES, accepts_other=True, help="可直接写「饭店」「超市」「工厂」等"),
                 Field(name="employees", label="从业人员（人）", kind="integer", required=False, example="50",
                       unit="人"),
                 _money("revenue_wan", "上年营业收入（万元）", "1500", required=False, unit="万元",
                        help="单位万元；写「500万元」或「5000000元」也可以"),
                 _money("assets_wan", "资产总额（万元）", "800", required=False, unit="万元",
                        help="建筑业、房地产开发经营、租赁和商务服务业需要"))),
)
_BY_KIND = {form.kind: form for form in FORMS}
_REQUESTS = {request.kind: request for request in (
    RentRequest, RefundRequest, JobSubsidyRequest, PensionRequest, WorkInjuryRequest, DeferralRequest,
    InterestRequest, TaxDeferralRequest, PeriodRequest, SmeRequest)}
# The rule's own question back is a fine answer here: the benefit standard is not in the document.
_ANSWERS_WITH_QUESTION = frozenset({JobSubsidyRequest.kind})
# Alternatives a rule takes one of: (field that gets the message, the fields it excludes, the message).
_EXCLUSIVE = {
    InterestRequest.kind: (("total_subsidy", ("principal", "annual_rate", "months"),
                            "已填写贴息总额时，本金、年利率和期限请留空（两种算法选一种）"),),
    WorkInjuryRequest.kind: (("old_amount", ("wage_base",), "与缴费基数二选一：填了缴费基数时请留空"),),
    TaxDeferralRequest.kind: (("requested_date", ("requested_months",), "与想延期的月数二选一，请只填一项"),),
}
_FREE_CHOICE: dict[str, Callable[[str], Any]] = {"industry": resolve_industry}


def form_for(kind: str) -> Form:
    try:
        return _BY_KIND[kind]
    except (KeyError, TypeError):
        raise FormError(f"form kind must be one of {list(_BY_KIND)}, got {kind!r}") from None


# -- reading one field ---------------------------------------------------------------------------------
class _Bad(Exception):
    """A field entry that cannot be used; the message is for the user, without the label."""


_HINTS = {
    "money": "请输入金额，例如 {example} 或 2万",
    "number": "请输入数字，例如 {example}",
    "integer": "请输入整数，例如 {example}",
    "percent": "请输入百分比，例如 {example} 或 {example}%",
    "date": "日期格式应为 2020-03-15（也可写 2020年3月15日）",
    "month": "请输入 1–12 之间的月份，例如 4 或 4月",
}
_UNIT_WORDS = {
    "元": r"元人民币|人民币|块钱|元|块|圆",
    "人": r"个人|人|名|位|个",
    "个月": r"个月|月",
}
_TIME_OF_DAY = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


def _hint(field: Field) -> str:
    return _HINTS[field.kind].format(example=field.example)


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or (isinstance(raw, (list, tuple)) and not raw)


def _clean(raw: str) -> str:
    # NFKC turns full-width digits, ％ and ， into ASCII; spaces inside 「2 万」 mean nothing
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw))


def _one(text: str, kind: type) -> Any:
    """The single quantity of `kind` that is the whole of `text`, or None."""
    try:
        found = parse_quantities(text)
    except AmountError:  # 「1e400」
        raise _Bad(f"数值超出了能计算的范围（须小于 10^{MAX_EXPONENT}），请填写实际数值") from None
    except CalculatorError:  # a date-shaped entry that is no date: not a number either
        return None
    if len(found) == 1 and isinstance(found[0], kind) and (found[0].start, found[0].end) == (0, len(text)):
        return found[0]
    return None


def _number(raw: Any, field: Field) -> Decimal:
    """A non-negative Decimal from a number or from text: 元 for money, percent for a rate, else people or months."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float, Decimal, str)):
        raise _Bad(_hint(field))
    if not isinstance(raw, str):
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            raise _Bad(_hint(field)) from None
        if not value.is_finite():
            raise _Bad(_hint(field))
        if field.kind == "money" and field.unit == "万元":
            value *= 10000
        return _not_negative(value)
    text = _clean(raw)
    negative = text[:1] in ("-", "−", "负")
    value = _read(text[1:] if negative else text, field)
    return _not_negative(-value if negative else value)


def _not_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise _Bad("不能为负数")
    return value


def _read(text: str, field: Field) -> Decimal:
    kind, unit = field.kind, field.unit
    if kind == "money":
        text = re.sub(r"^(每月|[¥￥])|(/|每|一个)月$", "", text)
        stripped = re.sub(rf"({_UNIT_WORDS['元']})$", "", text)
        # a bare number in a 万元 field counts in 万元; 「500万元」 and 「5000000元」 say their own unit
        in_wan = unit == "万元" and stripped == text and not re.search(r"[万亿]", text)
        quantity = _one(stripped + ("万元" if in_wan else "元"), Money)
        if quantity is not None and quantity.upper is not None:
            raise _Bad("请填写确切金额，不要用「多」「余」等约数")
    elif kind == "percent":
        if not text.startswith(("百分之", "千分之")) and not text.endswith("‰"):
            text = text.removesuffix("%") + "%"
        quantity = _one(text, Rate)
        if quantity is not None:
            return quantity.value * 100  # back to the percent the user wrote; the request divides
    elif unit == "个月":
        quantity = _one(text, MonthCount) or _one(re.sub(rf"({_UNIT_WORDS['个月']})$", "", text) + "个月", MonthCount)
    else:
        quantity = _one(re.sub(rf"({_UNIT_WORDS['人']})$", "", text) + "人", Headcount)
        if quantity is not None and quantity.upper is not None:
            raise _Bad("请填写确切人数，不要用「多」「几」等约数")
    if quantity is None:
        raise _Bad(_hint(field))
    return Decimal(quantity.value)


def _date(raw: Any, field: Field) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if not isinstance(raw, str):
        raise _Bad(_hint(field))
    text = _TIME_OF_DAY.sub("", unicodedata.normalize("NFKC", raw).strip())
    try:
        found = parse_quantities(text)
    except DateError:  # 「2020-02-30」: shaped like a date, but no such day
        raise _Bad(f"「{text}」这一天不存在；{_hint(field)}") from None
    except CalculatorError:  # 「1e400」: a number no date is
        raise _Bad(_hint(field)) from None
    if len(found) == 1 and isinstance(found[0], DateValue) and (found[0].start, found[0].end) == (0, len(text)):
        return found[0].value
    raise _Bad(_hint(field))


def _month(raw: Any, field: Field) -> int:
    if isinstance(raw, str):
        quantity = _one(re.sub(r"(月份|月)$", "", _clean(raw)) + "月份", CalendarMonth)
        if quantity is None:
            raise _Bad(_hint(field))
        return quantity.value
    value = _number(raw, field)
    if value != value.to_integral_value() or not 1 <= value <= 12:
        raise _Bad(_hint(field))
    return int(value)


def _choice(raw: Any, field: Field) -> str:
    text = unicodedata.normalize("NFKC", raw).strip() if isinstance(raw, str) else None
    codes = _CODES.get(field.name, {})
    if text in field.choices or text in codes.values():
        return text
    if text and field.name in _FREE_CHOICE:
        try:
            _FREE_CHOICE[field.name](text)
            return text  # as said: the rule resolves it again and shows 「餐饮业（饭店）」
        except CalculatorError:
            pass
    said = f"无法识别「{text}」，" if text else ""
    # 「；」, not 「、」: 「农、林、牧、渔业」 is one choice
    raise _Bad(f"{said}请从以下选项中选择：{'；'.join(field.choices)}")


MAX_ENTRY_CHARS = 60  # longer than any amount, date or industry anyone types; parsing cost grows with length


def _parse(field: Field, raw: Any) -> Any:
    """The typed value of one entry (None when blank); raises _Bad with the user's message."""
    if _blank(raw):
        return None
    if isinstance(raw, str) and len(raw) > MAX_ENTRY_CHARS:
        raise _Bad(f"输入太长（{len(raw)} 字），请只填一个数值或日期，{MAX_ENTRY_CHARS} 字以内")
    if field.kind == "date":
        return _date(raw, field)
    if field.kind == "month":
        return _month(raw, field)
    if field.kind == "choice":
        return _choice(raw, field)
    value = _number(raw, field)
    if field.kind == "percent":
        if value > 100:
            raise _Bad(f"应在 0%–100% 之间，收到 {said(value)}%")
        return value / 100
    if field.kind == "integer":
        if value != value.to_integral_value():
            raise _Bad(f"应为整数，收到 {said(value)}")
        return int(value)
    return value


# -- running a form ------------------------------------------------------------------------------------
def run_form(kind: str, values: Mapping[str, Any]) -> FormResult:
    """Read every field, and only when all are usable run the rule. Raises FormError only for an unknown form
    kind or field name; anything wrong with the entries comes back as messages in `field_errors`."""
    form = form_for(kind)
    if not isinstance(values, Mapping):
        raise FormError(f"values must be a mapping of field name to entry, got {type(values).__name__}")
    names = [field.name for field in form.fields]
    unknown = [name for name in values if name not in names]
    if unknown:
        raise FormError(f"{kind} has fields {names}, got unknown {unknown}")
    try:
        return _run(form, values)
    except Exception as exc:  # the UI boundary: a bug shows as a message, never as a dead form
        return _failed(form, {FORM_ERROR: f"计算时出错（{type(exc).__name__}: {exc}），请检查输入"})


def _run(form: Form, values: Mapping[str, Any]) -> FormResult:
    errors: dict[str, str] = {}
    parsed: dict[str, Any] = {}
    for field in form.fields:
        try:
            parsed[field.name] = _parse(field, values.get(field.name))
        except _Bad as bad:
            errors[field.name] = f"{_short(field)}：{bad}"
            continue
        if parsed[field.name] is None and field.required:
            errors[field.name] = _required(field)
    for name, excluded, message in _EXCLUSIVE.get(form.kind, ()):
        if name not in errors and parsed.get(name) is not None and any(parsed.get(e) is not None for e in excluded):
            errors[name] = f"{_short(_field(form, name))}：{message}"
    if errors:
        return _failed(form, errors)
    request = _REQUESTS[form.kind](**{REQUEST_NAMES.get(name, name): _CODES.get(name, {}).get(value, value)
                                      for name, value in parsed.items() if value is not None})
    try:
        outcome = calculate(request)
    except CalculatorError as exc:
        return _failed(form, _blame(form, exc))
    if isinstance(outcome, NeedsInput) and form.kind not in _ANSWERS_WITH_QUESTION:
        return _failed(form, _missing(form, outcome))
    return FormResult(ok=True, field_errors=MappingProxyType({}), outcome=outcome, text=format_answer(outcome),
                      section=outcome.clause or form.section)


def _failed(form: Form, errors: dict[str, str]) -> FormResult:
    order = {field.name: n for n, field in enumerate(form.fields)}
    ordered = dict(sorted(errors.items(), key=lambda item: order.get(item[0], len(order))))
    return FormResult(ok=False, field_errors=MappingProxyType(ordered), outcome=None, text="", section=form.section)


def _field(form: Form, name: str) -> Field:
    return next(field for field in form.fields if field.name == name)


def _short(field: Field) -> str:
    return re.sub(r"（[^）]*）$", "", field.label)  # 「月租金（元/月）」 → 「月租金」 at the head of a message


def _required(field: Field) -> str:
    return f"{_short(field)}：请填写，例如 {field.example}"


def _form_name(request_name: str) -> str:
    return next((form_name for form_name, name in REQUEST_NAMES.items() if name == request_name), request_name)


def _missing(form: Form, needs: NeedsInput) -> dict[str, str]:
    """A rule's NeedsInput on a form: 「请填写」 beside each missing field, the rule's explanation above."""
    names = {field.name for field in form.fields}
    errors = {_form_name(m): _required(_field(form, _form_name(m))) for m in needs.missing if _form_name(m) in names}
    errors[FORM_ERROR] = needs.question_back
    return errors


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _blame(form: Form, exc: CalculatorError) -> dict[str, str]:
    """A rule's error beside the field it is about (its `field`), else above the form. A rule's errors about what a
    user entered are in Chinese; anything else (a bug) is shown as the rule wrote it, inside a Chinese line."""
    fields = {REQUEST_NAMES.get(field.name, field.name): field for field in form.fields}
    field = fields.get(exc.field)
    said = exc.detail if _CJK.search(str(exc)) else f"超出可计算的范围（{exc}）"
    if field is None:
        return {FORM_ERROR: str(exc) if _CJK.search(str(exc)) else said}
    return {field.name: f"{_short(field)}：{said}"}


__all__ = ["FIELD_KINDS", "FORMS", "FORM_ERROR", "Field", "Form", "FormError", "FormResult", "form_for", "run_form"]
