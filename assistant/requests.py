"""A question (with the user's earlier turns) → one calculator rule's typed request.

`parse_request` rewrites English in mixed questions (`from_english`), reads each turn's quantities
(`parse_quantities`), picks the rule from the question's words, and returns that rule's request, a NeedsInput
saying what to ask back, or None when the question wants no computation. Values the question lacks may come
from earlier user turns. The social-insurance rules' requests are built in `assistant.insurance_requests`.

Values go into the request as written — a negative rent (「月租-8000元」) or a zero one included — so that the rule
refuses them with its Chinese message naming the field and the valid range; nothing here clamps, drops a sign
or skips a value for being out of range.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal
from typing import Callable, Sequence

from assistant import insurance_requests as insurance
from assistant.calculator import (
    InterestRequest, NeedsInput, PeriodRequest, RentRequest, Request, SmeRequest, TaxDeferralRequest, CalculatorError,
    find_industry, needs_input,
)
from assistant.calculator.rent import HALF_MONTH, NEGOTIATED_LANDLORDS
from assistant.english_numbers import from_english
from assistant.quantities import (
    CN_DIGITS, DEFAULT_YEAR, SQUARE_METRE, Area, CalendarMonth, DateValue, Headcount, Money, MonthCount, Quantity, Rate,
    chinese_number, named_after, number_or_none, parse_continuing, parse_quantities, staff_total, words_before,
)
from assistant.corrections import opens_with_correction
from assistant.rent_share import caller_share, without_share
from assistant.turns import CORRECTION, Turn, asked_sentence_start, first_found, value_of


_TAX = re.compile(r"税|\btax\b", re.I)
_FILING = re.compile(r"申报|报税|报不上|filing", re.I)
_PAYING = re.compile(r"缴|交|付|税款|payment|pay\b", re.I)
# 税/税款 + 延/缓/推迟/晚交: a payment deferral, not the policy's own period (「5月15日到期的税款…延到9月15日」)
_TAX_DEFER = re.compile(r"延|缓|推迟|晚交|晚缴|晚点|拖|往后|最晚|最迟|postpone|defer|extend|delay", re.I)
# 缓/延迟/补缴/没交…: the Q1 social-insurance deferral, whichever insurance the question names
_DEFER = re.compile(r"延期|晚交|晚缴|晚点交|推迟|缓(?!过来(?!年)|过劲|过气|解)|延迟|延缓|最晚|最迟|拖|往后(?!有|能|会|肯定|就|再说)|补缴|补交|补上|没交|未交|欠|交不上|交不起|"
                    r"(几|哪个?)月(份)?(再)?(交|缴)|delay|defer|postpone", re.I)
_PAY = re.compile(r"交|缴|付")
_SUBSIDY_AMOUNT = re.compile(r"(拿|领|补|给|发|算)[^。？?]{0,4}(多少|几)")
_RATE_WORDS = re.compile(r"费率|下调|降低|降了|减半|基数|比例")
_INSURANCE = re.compile(r"社保|社会保险|养老|失业|工伤|五险|三险|医保|医疗保险")  # 三险: item 五's 养老、失业、工伤
# 贴息, or the clause's own terms: the relending rate, or the central/provincial shares (「省里负担多少」)
_INTEREST = re.compile(r"贴息|再贷款利率|专项再贷款|(中央|省里|省级|省财政)(财政)?[^，。？?]{0,4}(负担|承担|分担|出了?多少|掏)")
_JOB = re.compile(r"稳岗(补贴|补助)|暂时性[^。？?]{0,6}困难|失业保险金标准")
_REFUND_ASK = re.compile(r"返还|退还|返(?!回|乡|工)|(?<![辞减])退(?!休|出|货|租|房|税)")
_REFUND = re.compile(r"稳岗返还|失业(保险)?(费)?[^？?]{0,40}(返|退(?!休))|(返还|退还|返|退)[^。？?]{0,8}失业")
# The policy's own period: strong wordings say so by themselves; weak ones (到期, 截止, 还能申请…) only when the
# question is about the policy or document (a loan or a tax bill also 到期).
_PERIOD_STRONG = re.compile(r"有效期|执行期|执行期限|政策期|(政策|优惠|减免)(期间|期限)内|还有效|有效吗|是否有效|还在执行|还执行吗|还算数|"
                            r"(执行|有效)到(什么时候|哪天|几号|几月|哪一?年)|(政策|意见|文件|措施|优惠)[^，。？?]{0,6}(多久|多长)|"
                            r"validity|valid\b|expire|"
                            # 「按文件说的那三个月算，这天还在里头不？」: the period named, then a day asked to be inside it
                            r"(三个月|3个月|执行期|有效期|优惠期|减免期)[^？?。]{0,12}"
                            r"(这天|那天|当天|这一天|那一天|[\d一二三四五六七八九十]{1,3}[号日])[^？?。，,]{0,3}(在|落在|算在)"
                            r"(里面?|里头|里边|之内|以内|当中|范围内?)(吗|么|嘛|不|没有|没|呢)\s*(?=[？?。！!]|$)", re.I)
_PERIOD_WEAK = re.compile(r"到期|截止|过期|失效|(什么时候|哪天|几号|何时)(结束|截止|到期|为止|开始)|期限|从哪天|"
                          r"从?(哪天|几号|哪一天|几月几[号日])到(哪天|几号|哪一天|几月几[号日])|"
                          r"哪天(开始|起)|起算|管多久|管多长|还(能|可以)[^，。？?]{0,8}(享受|申请|办|减免|用)|还适用|还管用|"
                          # 「2月28号…那天这份意见已经开始执行了吧」: whether a day is on or after the start
                          r"(已经|已|开始)(执行|实施|生效)了?(吧|吗|么|没有?|呢)|"
                          # 「4月20号…还在文件说的那三个月里面吗」: whether a day is inside the period, asked by a
                          # particle that ends the clause (「在三个月内没营业」「在三个月内不开业」 say what happened)
                          r"(在|落在|算在)[^，。？?]{0,10}(三个月|3个月|期限|期间|执行期|有效期|优惠期|减免期)"
                          r"(里面?|里头|里边|内|之内|以内|当中|范围内?)(吗|么|嘛|不|没有|没|呢)\s*(?=[？?。！!]|$)")
_ABOUT_POLICY = re.compile(r"政策|文件|意见|通知|措施|规定|优惠|好处|减免|policy", re.I)
_RENT = re.compile(r"房租|租金|月租|年租|季租|门面|店面|铺面|商铺|铺子|店铺|门市|门脸|租的|租了|租用|承租|房东|整租|只租|续租|退租")
_SIZE_WORD = re.compile(r"大型|中型|小型|微型|小微|中小微|中小|大企业|规模|划型|企业类型|(什么|啥|哪一?类|哪种)(企业|公司)")
_SIZE_ASK = re.compile(r"算不算|算是|算作|属于|属不属于|是不是|是否|划型|哪一?类|(什么|啥)(规模|类型|企业)|够不够|能不能算|"
                       r"能否算|(吗|么|呢|吧|嘛)[？?]?$|(能|可以)(不能)?享受(中小微|小微|中小)|享受得?[了到上](中小微|小微|中小)|够得上|轮得上|沾得上")
# Asking for the size class itself (「算哪种？」「算哪档」「是中小微吗」): with a headcount or revenue that is enough.
_SIZE_CLASS = re.compile(r"(中型|小型|微型|大型|小微|中小微)(企业)?了?[，,]?(是|对)不[？?]?$|算哪[种类档个样]|哪一[档类种级]|哪[档类种级](企业|公司)?|(什么|啥)(规模|档|级别|类型|企业|公司)|"
                         r"多大规模|规模多大|属于(什么|啥|哪)|算(什么|啥)|"
                         r"是不是(中小微|小微|中小|小型|微型|中型|大型)|(中小微|小微|中小|小型|微型|中型|大型)(企业)?[吗么嘛吧]|"
                         r"(小型|微型|中型|大型|大企业|小企业|小微)(企业|公司)?还是(小型|微型|中型|大型|大企业|小企业|小微)|"
                         # 「还算中小微不？能享受这文件不？」: asked in any sentence of the question, not only the last (a
                         # clause before a comma may be the story: 「算小微不，房租每月8000能减多少？」)
                         r"(算|是)(得上)?(中小微|小微|中小|小型|微型|中型|大型)(企业|公司)?(不|没|不算|不是)"
                         r"(?=\s*(?:[？?。！!]|$))|"
                         # 「够中型不？」「够得上小型吗」: whether the figures reach a class
                         r"够(得上|得着|上)?(中小微|小微|中小|小型|微型|中型|大型)(企业|公司)?(的?标准)?了?(不|没|吗|么|嘛)"
                         r"(?=\s*(?:[？?。！!]|$))")
# 「按规模怎么划」「划哪档」「怎么划型」: how the firm is classed; a size question when an industry and figures are given
_SIZE_HOW = re.compile(r"(怎么|如何|怎样|咋)(划|算规模|定规模|归类)|划(型|成|为|哪)|按规模[^，。？?]{0,6}(划|分|算)|"
                       r"(企业)?规模(怎么|如何)?划分|属于哪档|哪个?档")
_SIZE_INDICATOR = re.compile(r"营收|营业收入|收入|营业额|销售额|流水|资产|员工|职工|从业人员|人数|雇员")
# 「一周走货三十来万」「出货额」: a trader's sales said as goods moved
_REVENUE = r"营收|营业收入|收入|营业额|销售额|产值|流水|走货|出货"
_SIZE_AMOUNT = re.compile(f"{_REVENUE}|资产")
_WANTS_FIGURE = re.compile(r"多少|几|怎么算|算一下|算算|计算|能省|哪天|哪一天|哪个月|什么时候|最晚|最迟|到哪|"
                           r"算不算|属不属于|属于(哪|什么)|什么(规模|类型)")
_FOLLOW_UP = re.compile(r"呢[？?]?$|^(那|那么|如果|要是|假如)|第[一二三1-3]个?月")
# A question about another clause (loans, guarantees, arrears, departments) borrows no rule from history.
_OTHER_TOPIC = re.compile(r"担保|抽贷|断贷|压贷|续贷|清欠|拖欠|欠款|账款|货款|执法|罚款|技改|高新|部门|找谁|谁负责|归谁|解释")


def _is_sme(text: str, quantities: tuple[Quantity, ...]) -> bool:
    asked = re.split(r"[，,]", _asked_sentence(text))[-1]
    if _OTHER_TOPIC.search(text) and not (_SIZE_WORD.search(asked) or _SIZE_CLASS.search(asked)):
        return False  # 「文件光替小微企业清欠，俺们这号民营的算不算在里头」: whether that clause covers it, not the size
    people = any(isinstance(q, Headcount) for q in quantities)
    figures = people or (bool(_SIZE_AMOUNT.search(text)) and any(isinstance(q, Money) for q in quantities))
    if (_SIZE_CLASS.search(text) or (_SIZE_HOW.search(text) and find_industry(text))) and figures:
        return True
    indicator = find_industry(text) or _SIZE_INDICATOR.search(text) or people
    ask = _SIZE_ASK.search(text)
    if ask and _BARE_PARTICLE.fullmatch(ask.group()) and not figures:
        return False  # 「给员工做核酸花了两万多，太原给中小企业补贴吗」: a yes-no question that names firms, no size
    return bool(_SIZE_WORD.search(text) and ask and indicator)


_BARE_PARTICLE = re.compile(r"(吗|么|呢|吧|嘛)[？?]?")


def _is_tax_deferral(text: str) -> bool:
    if not (_TAX.search(text) and _TAX_DEFER.search(text)) or _INSURANCE.search(text):
        return False
    return not (_FILING.search(text) and not _PAYING.search(text))  # 「延期申报」 is filing, not payment


def _asked_sentence(text: str) -> str:
    return text.rstrip("。？?！! ")[asked_sentence_start(text):]


def _is_refund(text: str) -> bool:
    """The unemployment-insurance refund: named as such, or asked for (「那个返一半的，能返回来多少」) in a question that
    spoke of 失业 insurance earlier, however long the story in between."""
    return bool(_REFUND.search(text) or ("失业" in text and _REFUND_ASK.search(_asked_sentence(text))))


def _is_insurance_deferral(text: str, quantities: tuple[Quantity, ...]) -> bool:
    if not _INSURANCE.search(text):
        return False
    asked = _asked_sentence(text)
    if _is_refund(text) and _REFUND_ASK.search(asked):
        return False  # 「实际只交了一万六，欠着4千没交…能返多少」: owing is the story, the refund the question
    if _JOB.search(asked) and _SUBSIDY_AMOUNT.search(asked) and not _DEFER.search(asked):
        return False  # 「…那个按6个月算的稳岗补贴能拿多少」: the subsidy is the question
    if _DEFER.search(text):
        return True
    # 「4月份这三项要交多少」: asking what a month pays is the deferral schedule, unless it is about rates or the
    # refund (「去年7月才开始参保…返还多少」)
    month = any(isinstance(q, CalendarMonth) for q in quantities)
    return month and bool(_PAY.search(text)) and not _RATE_WORDS.search(text) and not _REFUND.search(text)


# 「这两项一个月一共交多少」「养老和工伤加起来每月要缴多少」: what the two come to together
_TOGETHER_ASKED = re.compile(r"(一共|合计|总共|共计|总计|加起来|加一块|一起|两项|两样|两个)[^，,。；;！!？?]{0,8}(交|缴|付)")


def _is_pension_with_work_injury(text: str) -> bool:
    """Pension and work injury both named, and the question asks what they come to together (not the saving)."""
    return ("养老" in text and "工伤" in text and bool(_TOGETHER_ASKED.search(text)) and "多少" in text
            and not re.search(r"省|少(交|缴|付)|便宜|减(了|少)多少", text))


# 「贷款…期限能长点不」「还款期限能不能延长」: asking for a longer term of a loan or a payment, not the policy's period
_LONGER_TERM = re.compile(r"期限[^，,。；;？?]{0,4}(长点|长一点|长些|长一些|延长|放宽|放长|拉长)")


def _is_period(text: str) -> bool:
    """The strong wordings anywhere; a weak one (到期, 过期 …) only in a clause about the policy or in the clause
    that asks: 「灭火器过期了俩月…文件不是说…」 is about the extinguisher."""
    if _PERIOD_STRONG.search(text):
        return True
    if not _ABOUT_POLICY.search(text):
        return False
    clauses = re.split(r"[，,。；;！!？?]", text.rstrip("。？?！! "))
    return any(_PERIOD_WEAK.search(c) and (_ABOUT_POLICY.search(c) or c is clauses[-1]) and not _LONGER_TERM.search(c)
               and not (_OWN_DUE.search(c) and not _ABOUT_POLICY.search(c)) for c in clauses)


# the asker's own loan, contract or licence falling due (「我这笔到期了还能给续上不」), not the policy's period
_OWN_DUE = re.compile(r"这笔|贷|续上|续签|续租|借|还款|合同|租约|证件|执照|驾照")


def _is_rent(text: str) -> bool:
    """Rent named; but a story about a loan (「开建材门市十几年了，年年在银行续贷…」) that asks about the loan is not
    about the rent of the shop it mentions."""
    if not _RENT.search(text):
        return False
    return not (_OTHER_TOPIC.search(text) and not _RENT.search(_asked_sentence(text)))


def _topic(text: str, quantities: tuple[Quantity, ...]) -> str | None:
    """Which rule the words are about (an ordered list: the first that matches wins)."""
    checks = (
        ("sme_size", lambda: _is_sme(text, quantities)),
        ("tax_deferral", lambda: _is_tax_deferral(text)),
        ("insurance_deferral", lambda: _is_insurance_deferral(text, quantities)),
        ("interest_subsidy", lambda: bool(_INTEREST.search(text))),
        ("job_subsidy", lambda: bool(_JOB.search(text))),
        ("unemployment_refund", lambda: _is_refund(text)),
        ("pension_with_work_injury", lambda: _is_pension_with_work_injury(text)),
        ("work_injury", lambda: "工伤" in text),
        ("pension", lambda: "养老" in text),
        ("policy_period", lambda: _is_period(text)),
        ("rent_relief", lambda: _is_rent(text)),
    )
    return next((kind for kind, hit in checks if hit()), None)


HISTORY_TURNS = 3  # how many earlier user turns a follow-up may lean on


def parse_request(text: str, history: Sequence[str] = (), today: dt.date | None = None) -> Request | NeedsInput | None:
    """The calculator request a question asks for, a NeedsInput saying what to ask back, or None when the
    question wants no computation (a lookup). Values the question lacks may come from earlier user turns
    (「月租金1万元」 … 「能省多少钱？」). Raises CalculatorError only for what the quantity parser refuses in the
    question itself: an impossible date (「2月30日」) or a number too large to be any quantity (「1e400元」)."""
    if not isinstance(text, str) or isinstance(history, str) or not all(isinstance(h, str) for h in history):
        raise CalculatorError(f"text must be a string and history a sequence of strings, got {text!r}, {history!r}")
    text = from_english(text)
    turns = [Turn(text, parse_quantities(text), True)]
    earlier = []
    for turn in reversed(tuple(history)):
        turn = from_english(turn)
        try:
            earlier.append(Turn(turn, parse_quantities(turn), False))
        except CalculatorError:
            continue  # an old turn's bad date or absurd number was reported when it was asked
    if earlier and opens_with_correction(text) and not turns[0].of(Money) and earlier[0].of(Money):
        # 「哦，说错了，是每个月八百六」 after 「失业险每个月交九百二」: the amount is read as the turn it corrects reads
        turns = [Turn(text, parse_continuing(text, earlier[0].text), True)]
    kind = _topic(text, turns[0].quantities)
    wants = bool(turns[0].quantities) or bool(_WANTS_FIGURE.search(text))
    if (kind is None and _REFUND_ASK.search(text) and not (_TAX.search(text) or _OTHER_TOPIC.search(text))
            and any("失业" in t.text for t in earlier[:HISTORY_TURNS])):
        # 「返还能拿多少？」 after the user's premiums (「去年失业保险按季度交的：一季度2100…」): the refund, however
        # many quarters or months were listed in between
        kind = "unemployment_refund"
    if kind is None and earlier and not _OTHER_TOPIC.search(text) and (wants or _FOLLOW_UP.search(text)):
        # The conversation so far, read as one text from the nearest turn back: 「每月三项合计15000元」
        # + 「1到3月都没交」 + 「6月份要交多少？」 is the deferral schedule though no single turn says so.
        for n in range(1, min(len(earlier), HISTORY_TURNS) + 1):
            context = list(reversed(earlier[:n])) + turns
            joined = "；".join(t.text for t in context)
            found = _topic(joined, tuple(q for t in context for q in t.quantities))
            if found is not None:
                # 「那第三个月呢？」 computes only if some turn gave a number; otherwise it is a lookup follow-up
                kind, wants = found, wants or any(t.quantities for t in earlier[:n])
                break
    if kind is None or not (wants or kind == "policy_period"):
        return None
    request = _BUILDERS[kind](turns + earlier, today)
    return needs_input(request) or request


# 「跟一个老乡个人租的」「租的村民的院子」: a private person as landlord, whatever the document is said to say about
# 国有 (「我看了说的是国有的房子」 quotes the rule, it does not describe the premises). The tenant may be a 个人 too:
# 「我个人租的」「以个人名义租的」「3个人租的」 say who rents, not from whom.
_PRIVATE_OWNER = re.compile(r"非国有|不是国有|不属于国有|私人|个人(的)?房|个人房东|房东(是|为)?个人|民营|私企|私房|商业地产|"
                            r"个体(户|工商户)?(的)?(房东|老板|业主)|(房东|业主|老板)(是|为)?(一个)?个体|房东(是|为)?(他|她)?自己|"
                            r"(老板|房东|业主)(他|她)?个人")
# 「跟一个个体老板租的」「从老板手里租的」「租的王老板的门面」: a private person or a shop owner as landlord
_OTHER_LANDLORD = re.compile(r"(跟|向|从|租)[^，。；？?]{0,6}((?<![\d一二三四五六七八九十几两])个人|老乡|村民|农户|亲戚|邻居|个体|"
                             r"(?<!国企)(?<!公司)(?<!单位)(?<!集团)老板|私人)|"
                             r"(?<![\d一二三四五六七八九十几两我们以])个人(出租|[^，。；？?]{0,2}租的)")
# 机关事务管理局 manages the government's own buildings (it is among item 六's 责任单位); 城投/国投 are state investors
_STATE_LANDLORD = re.compile(r"国有|国企|国资|公房|政府(的)?房|机关事务(管理)?局|城投|国投")
# 国有 said of the premises (「从老乡手里租的国有门面」「跟邻居租的，国有的」) outweighs a person named as landlord
# (not a private owner said outright: _PRIVATE_OWNER), but not when it quotes the rule or doubts it (「我看了说的是国有的
# 房子」「是不是国有的我不知道」)
_STATE_PREMISES = re.compile(r"国有(?!的?(吗|么|嘛|不|没)|与否)")
_QUOTED_STATE = re.compile(r"(说|讲|写|规定|文件|政策|意见|要求|只有|只限|限于|是不是|是否|不知道|不清楚|不确定|只管|只针对|只适用|"
                           r"只对|仅限|仅适用|仅针对|针对|适用于|只给|只是)[^，,。；;？?]{0,6}$")


# 「村集体办的创业园」「集体所有的厂房」「房东是村委会」: a collective owner of the premises, which is not 国有. Only
# 集体/村 said of the premises or the landlord (not 「集体所有制企业」「员工集体的意见」「以前是集体的」「村里的房东」),
# and never when a state owner is named (「租的国有门面，村委会的意见是减」): then the two-month rule is what applies.
_PREMISES_WORD = r"(?:房(?!东)|厂房|门面|铺面|用房|园|楼|院|场地|仓库|门市|商铺|店面|库房|车间)"
_COLLECTIVE_OWNER = re.compile(
    rf"(?:村集体|集体(?:所有|产权|资产)|村委会?|村(?:里|上))(?:所有|名下|办|建|盖|出租)?的?[^，,。；;、房制东人户]{{0,4}}"
    rf"{_PREMISES_WORD}|(?:房东|业主|产权方|出租方|产权)(?:是|为|属于?)(?:村集体|村委会?|集体)")
_STATE_NAMED = re.compile(r"国有|国企|国资|公房|政府(的)?房")
_NOT_STATE = re.compile(r"非国有|不是国有|不属于国有")


# 「民营孵化器…前年拿过政府的扶持钱」: a start-up carrier that has had public money, which the clause asks to lead in
# cutting rent; not 国有 unless a state owner is named
_CARRIER = re.compile(r"孵化器|孵化基地|众创空间|创业园|创业载体|创业基地|加速器")
_PUBLIC_MONEY = re.compile(r"财政|(政府|国家|市里|区里|省里)[^，,。；;？?]{0,6}(扶持|支持|补贴|补助|奖补|资金|的?钱)|扶持资金|专项资金")


def _landlord(text: str) -> str | None:
    """"state", "other", "collective", "carrier" or None (not said) for who owns the premises a question is about."""
    if _COLLECTIVE_OWNER.search(text) and not _STATE_NAMED.search(_NOT_STATE.sub("", text)):
        return "collective"
    if _CARRIER.search(text) and _PUBLIC_MONEY.search(text) and not _STATE_NAMED.search(_NOT_STATE.sub("", text)):
        return "carrier"
    if _PRIVATE_OWNER.search(text):
        return "other"
    if any(not _QUOTED_STATE.search(text[:m.start()]) for m in _STATE_PREMISES.finditer(text)):
        return "state"
    if _OTHER_LANDLORD.search(text):
        return "other"
    # a state owner only quoted from the rule (「文件说只针对国有的」) says nothing of these premises
    return "state" if any(not _QUOTED_STATE.search(text[:m.start()]) for m in _STATE_LANDLORD.finditer(text)) else None


_QUARTER = r"季度|一季|每季|季租|季付"
_HALF_YEARLY = r"(?<![上下])半年"
_YEARLY = r"(?<!半)年租|每年|(?<!半)一年|全年|(?<!半)年付"
_DAILY = r"(?:每|一)(?:天|日)|日租|按天|按日"
_WEEKLY = r"(?:每|一)个?(?:周|星期|礼拜)|周租|按周"
_PER_WORDS = {"week": (_WEEKLY, r"按(周|星期)(交|付|缴|算|收)"),
              "half_year": (_HALF_YEARLY, r"(?<![上下])半年一?(交|付|缴)|按半年|每半年"),
              # 「一季度一交」「一年一付」: paid once a period
              "quarter": (_QUARTER, r"按季度?(交|付|缴)|季付|[一每]个?季度?一(交|付|缴)"),
              "year": (_YEARLY, r"按年(交|付|缴)|年付|[一每]年一(交|付|缴)"),
              "day": (_DAILY, r"按(天|日)(算|计|交|付|收)")}
_NOT_MONTHLY = f"{_YEARLY}|{_QUARTER}|{_HALF_YEARLY}|{_DAILY}|{_WEEKLY}"
# Other charges said beside the rent (「另外物业费每月1500，水电一个月两千」) are not rent: a charge word with no 租 after it
# in the figure's words, and not said as what the rent includes or leaves out (「月租金含物业费一共1万」「不含物业费月租
# 8000」「水电自理月租8000」 are rents)
_CHARGES = r"物业|管理费|水电|电费|水费|燃气|暖气|取暖|供暖|押金|保证金|定金|停车|网费|宽带"
# nor are the shop's takings or wages (「铺子一个月流水5万」「门面每月营业额3万」)
_TAKINGS = r"流水|营业额|营收|销售额|工资|薪"
_NOT_RENT = rf"(?<!含)(?<!包括)(?<!包含)(?:{_CHARGES}|{_TAKINGS})[^租]*$"
# 「我自己那间是七千五」「俺这间的月租才六千」: the rent of the caller's own one of several premises
_OWN_PREMISES = re.compile(r"(?:我|俺)(?:自己|自个儿?)?的?(?:那|这)(?:一)?(?:间|处|个门面|个铺面|家店|个店|套)(?:门面|铺面|房子)?的?"
                           r"(?:月租|房租|租金)?(?:是|为|才|只有|就)?\s*$")
# 「另外每月交800管理费」: a charge named after its figure; not a rent said with how the charges go (「月租8000元水电另算」)
_CHARGE_AFTER = named_after(_CHARGES, unless=r"[位费]?(?:全包|包|另算|另交|另付|自理|自己|另外|单算|不含)")


def _without_charges(t: Turn) -> Turn:
    """The turn without the amounts said as a charge named after them (「两万押金」), which are no rent."""
    return replace(t, quantities=tuple(q for q in t.quantities if not (isinstance(q, Money) and _charge_said_after(t, q))))


def _charge_said_after(t: Turn, q: Money) -> bool:
    """「另交的两万押金」: a figure the charge after it names; not one said as a rent (「房租每月8000元物业费500元」)."""
    return bool(_CHARGE_AFTER.match(t.text, q.end)) and not re.search(r"租", t.before(q))


# 「每月交物业公司8000租金」: the rent word right after the figure
_RENT_AFTER = re.compile(r"\s*(?:元|块)?\s*(?:的)?\s*(?:租金|房租)")
# A per-day figure is the daily rent only when its own words say rent (「日租金350」「一天租金三百五」), or the question
# says the rent is counted by the day (「合同是按天算租金的，一天三百五」) and the figure's words name nothing else.
# 「每天营业额5000」「一天损失三千」「员工一天两百」 are no rent.
_DAY_RENT_SAID = re.compile(r"日租|按(?:天|日)(?:算|计|收|交|付)?的?(?:租金|房租|租)")
_NOT_DAY_RENT = re.compile(rf"营|收入|流水|损失|亏|赔|赚|挣|工资|薪|员工|人工|工人|师傅|销售|卖|成本|开销|花|进账|客|单|"
                           rf"货|{_CHARGES}")
# 「一天三百五」 with no 元 in a clause without 租 is no amount to the quantity parser; read as a daily rent only as above
_BARE_DAILY = re.compile(rf"(?:每|一)(?:天|日)\s*((?:\d+(?:\.\d+)?|[{CN_DIGITS}十百千万])+)\s*(?:元|块)?(?=[，,。；;！!？?]|$)")
# 「一个月按30天算」「按30天一个月」: the days the contract counts in a month; a count said loosely (「按二十八九天算」
# 「按二三十天算」) is no count, and then the daily rent is not turned into a month's (the question asks back)
# 「一个月按22个工作日算」: working days are days the contract counts too
_DAYS_A_MONTH = re.compile(rf"(?:一个?|每个?)月\s*(?:按|算|计)\s*(\d{{1,2}}|[{CN_DIGITS}十]+)\s*(?:个\s*)?(?:天|工作日)|"
                           rf"按\s*(\d{{1,2}}|[{CN_DIGITS}十]+)\s*(?:个\s*)?(?:天|工作日)\s*(?:为|算|折)?\s*(?:一个?|每个?)月")
_DAYS_SAID = re.compile(r"(?:一个?|每个?)月[^，,。；;？?]{0,3}(?:按|算|计)[^，,。；;？?]{0,8}(?:天|工作日)|"
                        r"按[^，,。；;？?]{1,8}(?:天|工作日)[^，,。；;？?]{0,3}(?:月|算|计)")
UNREADABLE_DAYS = 0


def _daily_rent_words(t: Turn, start: int) -> bool:
    """Whether the per-day figure at `start` is the daily rent (see _DAY_RENT_SAID)."""
    before = words_before(t.text, start)
    if not re.search(_DAILY, before) or _NOT_DAY_RENT.search(before):
        return False
    return bool(re.search(r"租", before) or _DAY_RENT_SAID.search(t.text))


def _days_a_month(t: Turn) -> int | None:
    """The days a month counts (「一个月按30天算」), UNREADABLE_DAYS when said but not as one count from 1 to 31,
    None when not said."""
    said = _DAYS_A_MONTH.search(t.text)
    if said is not None:
        days = number_or_none(said.group(1) or said.group(2))  # 「二十八九」 is no number
        if days is not None and days == int(days) and 1 <= days <= 31:
            return int(days)
        return UNREADABLE_DAYS
    return UNREADABLE_DAYS if _DAYS_SAID.search(t.text) else None


# Rent paid at once for a term (「两年租金一次性付了50.4万」「一次交了18个月的房租」「三年半的租金一起付的」): the
# count of years (and a half), months (said with 个) or quarters, beside a rent word or a paid-at-once word
_TERM_COUNT = rf"(?<![\d.])(\d{{1,3}}|[{CN_DIGITS}十]{{1,3}})\s*(年半|年|个半?月|个季度)"
_TERM = re.compile(rf"{_TERM_COUNT}的?(?:总|合计|一共|总共)?(?:房租|租金|租期的租金|的租)|(?:一次性?|一起|一并|一下子|提前)(?:付|交|缴)(?:了|清|齐)?"
                   rf"\s*{_TERM_COUNT}")
# the term must be said as paid at once, and the figure not as a relief (「三个月房租都减半，一共能省一万八」 is neither)
# (「合同上三年总租金64.8万」: the term's total, shared over its months alike)
_PAID_AT_ONCE = re.compile(r"一次性?|一起|一并|一下子|提前|预付|预交|(?:付|交|缴)(?:了|清|齐|的)|总租金|租金总额|总房租")
_RELIEF_WORDS = re.compile(r"省|减|免|优惠|退")
_TERM_MONTHS = {"年": 12, "年半": 12, "个月": 1, "个半月": 1, "个季度": 3}
# A rise or cut of the rent said as a percentage (「今年续约涨了5%」「房租上调10%」「房东降了一成」 is not read)
_RENT_CHANGE = re.compile(r"(涨|上涨|提高|上调|增加|加)了?\s*$|(降|下调|少收|便宜|降低|让)了?\s*$")


# Rent paid every few months (「租金是四个月一交，一回交三万二」「每两个月付一次房租，一次1.6万」): the figure after it is
# the rent for that many months, unless its own words say a month's (「三个月一交，每月8000」)
_EVERY_MONTHS = re.compile(rf"(?:每|按)?\s*(\d{{1,2}}|[{CN_DIGITS}十]{{1,3}})\s*个月\s*(?:一交|一付|一缴|一收|(?:交|付|缴|收)一次|一次)|"
                           rf"每\s*(\d{{1,2}}|[{CN_DIGITS}十]{{1,3}})\s*个月\s*(?:交|付|缴|收)")


# 「房租是半个月一交，一回两千九百五」「每半个月付一次」: the figure is half a month's rent
_HALF_MONTHLY = re.compile(r"(?:每|按)?\s*(?<![个\d一两二三四五六七八九十])半\s*个?\s*月\s*(?:一交|一付|一缴|一收|(?:交|付|缴|收)一次|一次)|"
                           r"每\s*半\s*个?\s*月\s*(?:交|付|缴|收)")


def _every_months(t: Turn, q: Money) -> int | str | None:
    """The months a rent figure is for when the turn says the rent is paid every N months before it (see
    _EVERY_MONTHS), or "half_month" for every half month; None when not said, or when the figure's own words say
    a month's rent."""
    half = ([*_HALF_MONTHLY.finditer(t.text[:q.start])] or [None])[-1]
    said = ([*_EVERY_MONTHS.finditer(t.text[:q.start])] or [None])[-1]  # the last said before the figure
    if half is not None and (said is None or said.start() < half.start()):
        said = half
    if said is None or not re.search(r"租", t.text) or re.search(r"月租|每月|一个月|每个月|月均", t.label(q)) \
            or _RELIEF_WORDS.search(t.text[said.end():q.start]) or re.search(_NOT_RENT, t.before(q)):
        return None
    if said is half:
        return HALF_MONTH
    n = number_or_none(said.group(1) or said.group(2))
    return int(n) if n is not None and n == int(n) and 2 <= n <= 24 else None


# the new level of a rent said as a change: 「涨到4200」「续约调成9600」「现在是8400」
_NOW_LEVEL = re.compile(r"(?:涨|升|调|提|降|改|变|上调|下调)(?:到|成|为)了?\s*$|现在(?:是|变成|涨到)\s*$")


def _term_months(before: str) -> int | None:
    """The months of a term a rent is paid for at once (see _TERM), said in the words before it; None when none."""
    found = _TERM.search(before)
    if found is None:
        return None
    count, unit = (found.group(1), found.group(2)) if found.group(1) else (found.group(3), found.group(4))
    n = number_or_none(count)
    if n is None or n != int(n) or n < 1:
        return None
    months = int(n) * _TERM_MONTHS[unit] + (6 if unit == "年半" else 0)
    return months if 2 <= months <= 240 else None


def _rent_change(t: Turn) -> Decimal | None:
    """The rise (+) or cut (−) of the rent a turn states as a percentage after the rent (see _RENT_CHANGE)."""
    for r in t.of(Rate):
        said = _RENT_CHANGE.search(words_before(t.text, r.start, 8))
        if said is not None and r.value > 0:
            return r.value if said.group(1) else -r.value
    return None


# 「他就照着国有房子的办法给我减」「照那个办法算」「按文件里国有的标准减」: a landlord the rule does not cover applying it
# anyway, and the question asks the figures that way (not 「按文件房租能减多少」, which asks what the document gives)
_AS_STATE = re.compile(r"(照|按|参照|比照|依照|跟)着?[^，,。；;？?不没]{0,10}(国有|国资|那个办法|那个标准|那条|那么减|那样减)"
                       r"[^，,。；;？?不没]{0,8}(减|算|办|来|给|免)")


def _as_state(request: RentRequest, turns: list[Turn]) -> RentRequest:
    """The request with as_state set when the landlord is one the rule does not cover and a turn says the rule is
    applied anyway (see _AS_STATE)."""
    def applies(t: Turn) -> bool:  # 「他不肯按国有的标准减」「没照那个办法」 say the opposite
        return any(not re.search(r"不|没|别|拒", t.text[max(0, m.start() - 3):m.start()])
                   for m in _AS_STATE.finditer(t.text))

    if request.landlord == "other" and request.not_covered == () and any(applies(t) for t in turns):
        return replace(request, as_state=True)
    return request


def _rent(turns: list[Turn], today) -> RentRequest:
    request = _as_state(_rent_figures(turns, today), turns)
    # the share said with the rent it is of: a turn that states a rent of its own and no share is not shared
    # (「那我另外一家自己单独租的，月租1万」 after 「房租对半分」)
    share = caller_share(turns[0].text)
    if share is None and not turns[0].of(Money):
        share = first_found(turns[1:], lambda t: caller_share(t.text))
    return request if share is None else replace(request, share=share)


# 「租了6个工位，一个工位一个月0.8k」「两个摊位，每个摊位月租1500」: a rent per unit rented, and how many
_UNIT_NAMES = r"工位|摊位|柜台|铺位|档口|展位|卡位"
_UNITS = re.compile(rf"(\d{{1,4}}|[{CN_DIGITS}十百]{{1,4}})\s*个\s*({_UNIT_NAMES})")
_PER_UNIT = re.compile(rf"(?:每|(?<![\d{CN_DIGITS}十百])一|单)\s*个?\s*(?:{_UNIT_NAMES})")  # not 十一个工位


def _unit_rents(t: Turn) -> tuple[Money, str, int, str] | None:
    """(one unit's rent, what it is per — "month" or one of _PER_WORDS —, the units, their name) a turn states (see
    _UNITS); None unless both are said."""
    said = _UNITS.search(t.text)
    count = number_or_none(said.group(1)) if said else None
    if count is None or count != int(count) or count < 1:
        return None
    for q in t.of(Money):
        before = words_before(t.text, q.start, 16)
        if _PER_UNIT.search(before) and not re.search(_NOT_RENT, t.before(q)):
            per = next((per for per, (words, _) in _PER_WORDS.items() if re.search(words, before)), "month")
            return q, per, int(count), said.group(2)
    return None


def _sentence_before(t: Turn, q: Money) -> str:
    """The words of q's sentence before it, up to 24 characters back."""
    return re.split(r"[。；;！!？?\n]", t.text[max(0, q.start - 24):q.start])[-1]


def _said_per(t: Turn, q: Money) -> str:
    """What a rent figure is per: a month when its label says so, else as the turn says the rent is paid (「按季度交租…
    租金3万」「租金是12万，一年一交」), else a month."""
    if re.search(r"月", t.label(q)):
        return "month"
    return next((per for per, (_, paid) in _PER_WORDS.items() if re.search(paid, t.text)), "month")


def _rent_figures(turns: list[Turn], today) -> RentRequest:
    def landlord(t: Turn) -> str | None:
        return _landlord(t.text)

    def amount(t: Turn) -> tuple[Money, str] | None:
        """The rent this turn states and what it is per: 「月租8000」 month, 「季度租金3万」 quarter, 「年租12万」 year."""
        for q in t.of(Money):  # 「两年租金一次性付了50.4万」「三年半的租金一起付的，共84万」: a term paid at once
            sentence = _sentence_before(t, q)
            if (months := _term_months(sentence)) is not None and re.search(r"租", sentence) \
                    and _PAID_AT_ONCE.search(sentence) and not _RELIEF_WORDS.search(sentence) \
                    and not re.search(_NOT_RENT, t.before(q)):
                return q, months
            if (months := _every_months(t, q)) is not None:
                return q, months  # a count of months, or HALF_MONTH
        t = _without_charges(t)  # 「另交的两万押金」「物业费每月一千二」: no rent
        for q in t.of(Money):  # 「一万二是两间加一块的…我自己那间是七千五」: the caller's own premises' rent
            if _OWN_PREMISES.search(words_before(t.text, q.start, 12)):
                return q, _said_per(t, q)
        for q in t.of(Money):  # 「3800是去年的，今年续约涨到4200了」: the level the rent changed to
            if _NOW_LEVEL.search(words_before(t.text, q.start, 6)) and not re.search(
                    f"{_NOT_MONTHLY}|{_NOT_RENT}", t.before(q)) and (t.current or re.search(r"租", t.text)):
                return q, "month"
        monthly = t.money(r"月租|每月|一个月|租金|房租|租", avoid=f"{_NOT_MONTHLY}|{_NOT_RENT}")
        if monthly is not None:
            return monthly, _said_per(t, monthly)
        for q in t.of(Money):
            before = t.before(q)
            per = next((per for per, (words, _) in _PER_WORDS.items() if re.search(words, before)), None)
            if per == "day":
                if _daily_rent_words(t, q.start):
                    return q, per
            # an earlier turn's 「租金一个季度一交，每季度四万五千六」: the rent named in the sentence, a clause before
            elif per and (re.search(r"租", before) or t.current or re.search(r"租", _sentence_before(t, q))) \
                    and not re.search(_NOT_RENT, before):
                return q, per
        for q in t.of(Money):  # 「每月交物业公司8000租金」
            if _RENT_AFTER.match(t.text, q.end) and re.search(r"月", words_before(t.text, q.start)) \
                    and not re.search(_NOT_MONTHLY, words_before(t.text, q.start)):
                return q, "month"
        bare = _BARE_DAILY.search(t.text)
        if bare and _daily_rent_words(t, bare.start(1)):
            try:  # read as the quantity parser reads a rent (「租金三百五」), so its ranges and limits hold
                read = [q for q in parse_quantities(f"租金{bare.group(1)}") if isinstance(q, Money) and q.upper is None]
            except CalculatorError:
                return None
            if read:
                return Money(read[0].value, bare.group(1), bare.start(1), bare.end(1)), "day"
        return None

    focus = _rent_focus(turns[0].text)
    per_unit = first_found(turns, _unit_rents)
    if per_unit is not None:
        rent, per, units, unit = per_unit
        said = {"monthly_rent": rent.value} if per == "month" else {"period_rent": rent.value, "per": per}
        return RentRequest(landlord=first_found(turns, landlord), asked=focus, units=units, unit=unit, **said)
    priced = first_found(turns, lambda t: (t, said) if (said := _unit_rent(t)) else None)
    turns = [_without_unit_rents(t) for t in turns]
    changing = first_found(turns, _month_rents)
    if changing:
        return RentRequest(landlord=first_found(turns, landlord), asked=focus, month_rents=changing)
    premises = first_found(turns, lambda t: _premises_rents(t, turns[0].text))
    if premises:
        overall = first_found(turns, landlord)
        own = [said or overall for _, said in premises]
        covered = tuple(rent for rent, said in zip(premises, own) if said not in NEGOTIATED_LANDLORDS)
        others = tuple((rent.value, said) for (rent, _), said in zip(premises, own) if said in NEGOTIATED_LANDLORDS)
        if covered and others:  # 「两处是国资的…还有一个房东是个人」: the rule for those, the parties agree the other
            rents = tuple(rent.value for rent, _ in covered)
            return RentRequest(landlord="state", asked=focus, not_covered=others,
                               **({"premises": rents} if len(rents) > 1 else {"monthly_rent": rents[0]}))
        return RentRequest(landlord=overall, asked=focus, premises=tuple(rent.value for rent, _ in premises))
    # 「80平米，每平米每月95块」: a rent per square metre, unless the turn also says the whole rent in words that name it
    # (「…，一个月租金7600」; not any other figure it says: 「装修花了5万」)
    if priced is not None and amount(replace(_without_unit_rents(priced[0]), current=False)) is None:
        (price, per), area = priced[1], first_found(turns, _area_of)
        if area is None or _SEVERAL_PLACES.search(priced[0].text) or _SEVERAL_PLACES.search(turns[0].text):
            # 「两间，每间80平」: which area the price is for is unclear, so ask for the whole area, unless each
            # place's area is said and the price is said for all of them (「一间45平、一间60平，租金都是每平80」)
            area = first_found(turns, _areas_of_each)
        days = first_found(turns, _days_a_month) if per == "day" else None
        if days == UNREADABLE_DAYS:  # 「按二十八九天算」: no count to make a day's rent a month's; ask for it
            return RentRequest(landlord=first_found(turns, landlord), asked=focus)
        return RentRequest(landlord=first_found(turns, landlord), asked=focus, unit_rent=price.value, per=per,
                           area=value_of(area), days_per_month=days)
    found = first_found(turns, amount)
    rent, per = found if found else (None, "month")
    days = first_found(turns, _days_a_month) if per == "day" else None
    if days == UNREADABLE_DAYS:  # 「一个月按二十八九天算」: no count to turn the daily rent into a month's; ask
        rent, per, days = None, "month", None
    change = first_found(turns, _rent_change) if rent is not None else None
    if isinstance(per, int):
        return RentRequest(landlord=first_found(turns, landlord), asked=focus, period_rent=value_of(rent), per="term",
                           term_months=per, change=change)
    if per == "month":
        return RentRequest(monthly_rent=value_of(rent), landlord=first_found(turns, landlord), asked=focus,
                           change=change)
    return RentRequest(change=change, landlord=first_found(turns, landlord), asked=focus, period_rent=value_of(rent), per=per,
                       days_per_month=days)


# Rent per square metre: 「每平米每月95块」「一平米一天2元」「单平月租95」 before the figure, or 「95元/㎡/月」「95块一平米一个月」
# after it; the period is said in the figure's clause (「每月」「/天」「年租」), else by how the rent is paid (「按季度交」).
_PER_AREA = rf"(?:每|[/／]|一|1|单)\s*{SQUARE_METRE}"
_PER_AREA_BEFORE = re.compile(rf"{_PER_AREA}[^，,。；;！!？?\n、\d]{{0,10}}$")
_PER_AREA_AFTER = re.compile(rf"\s*(?:钱)?\s*(?:[/／]|每|一)\s*{SQUARE_METRE}")
_UNIT_PERIODS = {"day": r"每天|一天|每日|一日|[/／·]\s*(?:天|日)|日租|按天|按日",
                 "month": r"每个?月|一个月|[/／·]\s*月|月租|按月",
                 "quarter": r"每个?季度?|一个?季度|[/／·]\s*季度?|季租|按季",
                 "half_year": r"(?<![上下])半年",
                 "year": r"每年|一年|[/／·]\s*年|年租|按年|全年"}
_UNIT_PERIOD = re.compile("|".join(f"(?P<{per}>{words})" for per, words in _UNIT_PERIODS.items()))
_PAID_MONTHLY = r"按月(交|付|缴)|月付"
_CLAUSE = re.compile(r"[，,。；;！!？?\n、]")


def _unit_rent(t: Turn) -> tuple[Money, str | None] | None:
    """The rent per square metre a turn states, with what it is per (None when the turn does not say)."""
    for q in t.of(Money):
        before = words_before(t.text, q.start, limit=16)
        if re.search(_NOT_RENT, before) or not (_PER_AREA_BEFORE.search(before) or _PER_AREA_AFTER.match(t.text, q.end)):
            continue
        starts = [m.end() for m in _CLAUSE.finditer(t.text, 0, q.start)]
        ends = _CLAUSE.search(t.text, q.end)
        clause = t.text[starts[-1] if starts else 0:len(t.text) if ends is None else ends.start()]
        said = _UNIT_PERIOD.search(clause)
        if said is not None:
            return q, said.lastgroup
        paid = {**{per: paid for per, (_, paid) in _PER_WORDS.items()}, "month": _PAID_MONTHLY}
        return q, next((per for per, words in paid.items() if re.search(words, t.text)), None)
    return None


def _without_unit_rents(t: Turn) -> Turn:
    """The turn without its rents per square metre, so that no rule reads one as a month's rent."""
    said = _unit_rent(t)
    return t if said is None else replace(t, quantities=tuple(q for q in t.quantities if q is not said[0]))


def _area_of(t: Turn) -> Area | None:
    """The one area a turn states (「80平米」), not the 「一平米」 a price is per; None for none or several."""
    per = [m.span() for m in re.finditer(_PER_AREA, t.text)]
    areas = {q.value: q for q in t.quantities if isinstance(q, Area)
             and not any(s < q.end and q.start < e for s, e in per)}
    return next(iter(areas.values())) if len(areas) == 1 else None


# each place's own area: 「一间45平、一间60平」「一间45平，另一间60平」「第二间60平」
_AREA_OF_ONE = re.compile(r"(?:一|另一|另外一|第[一二三四1-4])(?:间|处|套|层|栋|个(?:门面|店面|铺面|铺子)?)\s*(?:是|有)?\s*$")
# the price said for all of them: 「租金都是每平80」「统一按每平米80」「均为」
_SAME_PRICE = re.compile(r"都|均|统一|一样|同样|一个价")


def _areas_of_each(t: Turn) -> Area | None:
    """The places' areas summed, when each is said with its place and the price is said for all of them (see
    _AREA_OF_ONE, _SAME_PRICE); None otherwise."""
    per = [m.span() for m in re.finditer(_PER_AREA, t.text)]
    areas = [q for q in t.quantities if isinstance(q, Area) and not any(s < q.end and q.start < e for s, e in per)]
    if len(areas) < 2 or not _SAME_PRICE.search(t.text[areas[-1].end:]) \
            or not all(_AREA_OF_ONE.search(t.text[max(0, a.start - 8):a.start]) for a in areas):
        return None
    total = sum((a.value for a in areas), Decimal(0))
    return Area(total, "＋".join(a.text for a in areas), areas[0].start, areas[-1].end)


# Several premises: 「一间…另一间…」「两间铺面」「第二个门面」「分别」; each with its monthly rent, or one rent 「每间」
_PLACES = (r"另(一|外一?)(间|处|家|套|层|栋|个(?![月季]))|第[二三四2-4](间|处|家|套|层|栋|个(?![月季]))|"
           r"[两二三四五六七八九几2-9]\s*(间|处|套|层|栋|家店|个店|个门面|个店面|个铺面|个商铺|个铺子)|"
           # 「还有一间月租5000」「又把隔壁一间也租下来」: one more place
           r"(还有|另有|又)[^，,。；;？?]{0,6}一\s*(间|处|套|层|栋|家店|个店|个门面|个店面|个铺面|个商铺|个铺子)")
_SEVERAL_PLACES = re.compile(_PLACES)  # named as places, not 「分别」 (which may be months: 「第一、二、三个月分别交多少」)
_PREMISES = re.compile(f"{_PLACES}|分别|各自")
# what names the next premises right before its rent: 「另一层8k」「第二间5000」
_NEXT_PREMISES = re.compile(r"(另(一|外一?)|第[二三四2-4])(间|处|家|套|层|栋|个)?[^，,。；;]{0,4}$")
_EACH = re.compile(r"([两二三四五六七八九2-9])(间|处|套|家店|个店|个门面|个店面|个铺面|个商铺|个铺子)[^。？?]{0,12}?"
                   r"(每间|每处|每套|每家|每个|各)")


# a month of the three-month relief named before its rent: 「头两个月每月9000」「第三个月起每月9600」「第1个月8000」
_RELIEF_MONTHS = ((re.compile(r"(头|前)\s*(两|2|二)\s*个月|第\s*[一1]\s*[、和跟与及,，]\s*第?\s*[二2]\s*个月"), (1, 2)),
                  (re.compile(r"第\s*(一|1)\s*个月|头\s*(一|1)\s*个月|首月"), (1,)), (re.compile(r"第\s*(二|2)\s*个月"), (2,)),
                  (re.compile(r"第\s*(三|3)\s*个月|最后一个月"), (3,)),
                  # 「第二、第三个月每月只租七千」「后两个月」
                  (re.compile(r"第\s*[二2]\s*[、和跟与及,，]\s*第?\s*[三3]\s*个月|后\s*(两|2|二)\s*个月"), (2, 3)))


def _month_rents(t: Turn) -> tuple[Decimal, ...] | None:
    """The rents of the relief's three months when the turn says them apart because the rent changes (「头两个月每月
    9000，第三个月起每月9600」): every month given once, by rents said right after the month's name; None otherwise."""
    if not re.search(r"租", t.text):
        return None
    given: dict[int, Decimal] = {}
    for q in t.of(Money):
        clause = _CLAUSE.split(t.text[:q.start])[-1]
        # the month may be named earlier in the sentence (「第一个月还是整租，每月九千」)
        sentence = re.split(r"[。；;！!？?\n]", t.text[:q.start])[-1]
        named = [(m.end(), len(months), months) for pattern, months in _RELIEF_MONTHS for m in pattern.finditer(sentence)]
        # a rent level (「每月9000」「第三个月起9600」「月租」), not what is paid after the relief (「第三个月交4000」)
        if not named or not re.search(r"租|每个?月|起|开始|按\s*$", clause) or re.search(_RELIEF_WORDS, clause) \
                or re.search(_NOT_RENT, clause):
            continue
        months = max(named)[2]  # the month named last before the rent (「第二、第三个月」 over its 「第三个月」)
        if any(m in given for m in months):
            return None
        given.update({m: q.value for m in months})
    return tuple(given[m] for m in (1, 2, 3)) if len(given) == 3 and len(set(given.values())) > 1 else None


def _premises_rents(t: Turn, asked: str) -> tuple[tuple[Money, str | None], ...] | None:
    """The monthly rents of several premises a turn states, each with the landlord said for it alone (in the words
    since the rent before it): 「一间月租3000，另一间月租5200」 → (3000, 5200); 「两间铺面每间月租3000」 → (3000, 3000).
    Only when the turn or the question speaks of more than one place."""
    if not (_PREMISES.search(t.text) or _PREMISES.search(asked)):
        return None
    # a corrected figure is gone from the quantities, and the one correcting it is labelled by its words too
    # (「一间月租四千，不对，合同上是四千八」)
    rents = [q for q in t.of(Money) if (re.search(r"月租|租金|房租|租|每月", t.before(q))
                                        or _NEXT_PREMISES.search(t.before(q)))
             and not re.search(f"{_NOT_MONTHLY}|{_NOT_RENT}", t.before(q)) and not _charge_said_after(t, q)]
    if len(rents) > 1:
        starts = [0, *(q.end for q in rents[:-1])]
        return tuple((q, _landlord(t.text[start:q.start])) for start, q in zip(starts, rents))
    each = _EACH.search(t.text)
    if len(rents) == 1 and each and each.end() <= rents[0].start:
        return ((rents[0], None),) * int(chinese_number(each.group(1)))
    return None


# 「摊到三个月里，平均每个月合多少」「平均下来每月多少」「均摊到每个月」: a total spread over the months
_SPREAD = re.compile(r"[平均分]摊|摊到|摊下来|平均(下来)?[^，,。；;？?]{0,4}(每个?月|一个月|月均)|月均|(每个?月|一个月)(合|折合)多少|"
                     r"合(到)?每个?月")


def _rent_focus(asked: str) -> str | tuple[str, ...] | None:
    """Which figures the question asks for, one per question clause, in the order asked: 「前两个月减免多少？
    第三个月又减免多少？」 asks two."""
    foci: list[str] = []
    for said in re.split(r"[？?。；;！!\n]", without_share(asked)):
        # 「一年按52周算、按月平摊」 says how the rent is counted; only a sentence that asks wants the average
        spread = _SPREAD.search(said) if re.search(r"多少|几|吗|么|呢|怎么|如何|啥", said) else None
        clauses = [said] if spread is None else [said[:spread.start()], said[spread.start():]]
        for clause in clauses:
            focus = _clause_focus(clause)
            if clause is clauses[-1] and spread is not None:
                if not foci and focus == "relief":
                    foci.append(focus)  # 「平均每月能省多少」: the relief, spread
                focus = "average"
            if focus is not None and focus not in foci:
                foci.append(focus)
    return None if not foci else foci[0] if len(foci) == 1 else tuple(foci)


def _clause_focus(clause: str) -> str | None:
    return ("month3" if re.search(r"第(三|3)个?月|最后一个月", clause)
            else "months1_2" if re.search(r"前(两|2)个月|头(两|2)个月|第(一|二|1|2)个?月", clause)
            else "relief" if re.search(r"少(交|付|缴)|省|减免?多少|免多少|优惠多少|便宜多少|能减", clause)
            else "payable" if re.search(r"(要|需要|得|该)?(交|付|缴)多少", clause) else None)


# 「月息0.125%」「月利率千分之1.25」: a rate labelled as per month, which the rule turns into the annual rate. Not a label
# with 年 in it (「按月计息年利率3.15%」「月利率是年利率3.15%除以12」: an annual rate), nor 按月计息 (how interest is
# charged, not what the rate is per); and only a plausible monthly rate (up to 1%, 12% a year): 「月利3.15%」 is more
# likely an annual rate misnamed, so it is no rate at all and the question asks for it.
_MONTHLY_RATE = re.compile(r"月息|月利率")
_SAID_MONTHLY = re.compile(r"月(息|利|率)")  # a rate said per month in any wording
MAX_MONTHLY_RATE = Decimal("0.01")
# 「日利率0.004%」「日息万分之0.4」「按日算的，0.004%」: a rate said per day
_DAILY_RATE = re.compile(r"日利率|日息|日利|按日算|按天算|每日利率|每天利率")
MAX_DAILY_RATE = Decimal("0.001")


# The rule's own rate (二: 按照人民银行专项再贷款利率): a rate labelled 再贷款 wins over any other rate said (「银行月息0.4%，
# 再贷款利率3.15%」: the bank's rate is what the loan costs, not what the subsidy is reckoned at)
_RELENDING = re.compile(r"再贷款")


def _interest(turns: list[Turn], today) -> InterestRequest:
    said = first_found(turns, lambda t: (t, r) if (r := next((r for r in t.of(Rate) if _RELENDING.search(t.label(r))),
                                                             None)) else None)
    said = said or first_found(turns, lambda t: (t, r) if (r := next(iter(t.of(Rate)), None)) else None)
    label = "" if said is None else said[0].label(said[1])
    monthly = bool(_MONTHLY_RATE.search(label)) and "年" not in label
    annual_rate = None if said is None else said[1]
    daily = said is not None and bool(_DAILY_RATE.search(label)) and not re.search(r"年|月", label)
    if (monthly and annual_rate.value > MAX_MONTHLY_RATE) or (
            not monthly and _SAID_MONTHLY.search(label) and "年" not in label):
        monthly, annual_rate = False, None  # a monthly rate that cannot be read safely: ask for the rate
    days = first_found(turns, _loan_days)
    basis = first_found(turns, _day_basis)
    months = None if days else first_found(
        turns, lambda t: next((m for m in t.of(MonthCount) if not _DAY_BASIS.match(t.text, m.start)), None))
    principal = first_found(turns, lambda t: t.money(r"贷款|借|本金|融资|贷", fallback=annual_rate is not None))
    total = None if principal else first_found(turns, lambda t: t.money(r"贴息"))
    term = {"months": value_of(months)} if days is None else {"days": days, "day_basis": basis}
    if daily and annual_rate.value > MAX_DAILY_RATE:
        daily, annual_rate = False, None  # 「日息千分之二」: a daily rate no relending rate is: ask for the rate
    loans = first_found(turns, _several_loans)
    repaid = None if loans else first_found(turns, _repaid_balances)
    if (loans or repaid) and total is None:
        rate_said = {"monthly_rate" if monthly else "daily_rate" if daily else "annual_rate": value_of(annual_rate)}
        return InterestRequest(loans=loans or repaid, repaid=bool(repaid), **rate_said)
    if monthly:
        return InterestRequest(total_subsidy=value_of(total), principal=value_of(principal),
                               monthly_rate=value_of(annual_rate), **term)
    if daily:
        return InterestRequest(total_subsidy=value_of(total), principal=value_of(principal),
                               daily_rate=annual_rate.value, **term)
    return InterestRequest(total_subsidy=value_of(total), principal=value_of(principal),
                           annual_rate=value_of(annual_rate), **term)


# Several loans, each with its own term (「两笔贷款：一笔两百万，用了半年；另一笔一百万，用了3个月」): said as more than one
_SEVERAL_LOANS = re.compile(rf"[两二三四五六七八九几2-9]\s*笔|另(一|外一?)笔|还有一笔|第[二三2-3]笔")


def _several_loans(t: Turn) -> tuple[tuple[Decimal, int], ...] | None:
    """(principal, months) for each loan a turn states with its own term, each amount followed by its term before
    the next amount; None unless two or more, said as several (see _SEVERAL_LOANS)."""
    if not _SEVERAL_LOANS.search(t.text):
        return None
    said = sorted([*t.of(Money), *t.of(MonthCount)], key=lambda q: q.start)
    pairs = []
    for q, after in zip(said, said[1:]):
        if isinstance(q, Money) and isinstance(after, MonthCount) and not re.search(r"贴息|利息|还了|还款", t.before(q)):
            pairs.append((q.value, after.value))
    amounts = [q for q in said if isinstance(q, Money) and not re.search(r"贴息|利息", t.before(q))]
    return tuple(pairs) if len(pairs) >= 2 and len(pairs) == len(amounts) else None


# 「先还了200万」「提前归还100万」: part of the loan repaid
_REPAID = re.compile(r"(还了|还掉|归还了?|偿还了?|还款|还上|还)\s*$")
_LEFT = re.compile(r"(剩下|剩余|余下|还剩)")
_INTEREST_AFTER = named_after(r"利息|息|罚息|手续费")


def _repaid_balances(t: Turn) -> tuple[tuple[Decimal, int], ...] | None:
    """One loan's balance and term span by span when part of it was repaid before the rest (「贷了600万…用了3个月
    先还了200万，剩下的400万又用了6个月」 → ((600万, 3), (400万, 6))); None unless each amount is the loan, a
    repayment or the balance left, and each balance has its months."""
    said = sorted([*t.of(Money), *t.of(MonthCount)], key=lambda q: q.start)
    balance, spans, waiting = None, [], False
    for q in said:
        if isinstance(q, MonthCount):
            if balance is None or not waiting:
                return None
            spans.append((balance, q.value))
            waiting = False
        elif balance is None:
            balance, waiting = q.value, True
        elif _INTEREST_AFTER.match(t.text, q.end):
            return None  # 「还了4.5万利息」: interest paid, no principal repaid
        elif _REPAID.search(t.before(q, 6)) and not waiting and q.value < balance:
            balance, waiting = balance - q.value, True
        elif _LEFT.search(t.before(q, 6)) and waiting and spans and q.value == balance:
            continue  # 「剩下的400万」: the balance said again
        else:
            return None
    return tuple(spans) if len(spans) >= 2 and not waiting else None


# 「一年按365天」「按360天计息」「年化，一年365天」: the days a year counts for interest by the day
_DAY_BASIS = re.compile(r"(?:一|1)?\s*年\s*(?:按|算|计|为|是|以)?\s*(365|360|三百六十五|三百六十)\s*天|"
                        r"按\s*(365|360|三百六十五|三百六十)\s*天\s*(?:计|算)")
# 「实际用了73天」「借了九十天」「期限73天」: a term in days (not a year's days, 「3天后」, nor a day of the month)
_LOAN_DAYS = re.compile(rf"(?:用了|借了|贷了|占用了?|使用了?|期限|为期|计息|共|一共|总共|实际|用款|借款|贷款|只|才|仅|"
                        rf"了)\s*(?:是|为)?\s*(\d+|[{CN_DIGITS}十百]+)\s*(?:个)?\s*天(?!后|前|内|之内|以内)")


def _day_basis(t: Turn) -> int | None:
    m = _DAY_BASIS.search(t.text)
    if m is None:
        return None
    return int(number_or_none(m.group(1) or m.group(2)))


def _loan_days(t: Turn) -> int | None:
    for m in _LOAN_DAYS.finditer(t.text):
        if any(b.start() <= m.start(1) < b.end() for b in _DAY_BASIS.finditer(t.text)):
            continue
        value = number_or_none(m.group(1))
        if value is not None and value == int(value) and value > 0:
            return int(value)
    return None


# 「今天是2020年4月2号」「今儿4月2日」: the day the user says it is, which is no due date; a day said from it
# (「下个月26号到期」「这个月15号」) is read against it
_TODAY_SAID = re.compile(r"(今天|今日|今儿个?|现在)(是|已经是|都)?\s*$")
_RELATIVE_DAY = re.compile(rf"(?<!下)(下个?月|这个?月|本月|当月)\s*(\d{{1,2}}|[{CN_DIGITS}十]{{1,3}})\s*(?:号|日)")


# 「还有20天就到期」「再过十天截止」: days from today; 「下周一到期」「这周五」: a weekday of next or this week; 明天, 后天
_DAYS_LATER = re.compile(rf"(?:还有|再过|还剩)\s*(\d{{1,3}}|[{CN_DIGITS}十]{{1,3}})\s*天")
_WEEKDAY = re.compile(r"(?<!下)(下个?|这个?|本)(?:周|星期|礼拜)([一二三四五六日天])")
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_NEXT_DAYS = {"明天": 1, "后天": 2}
_NEXT_DAY = re.compile(rf"(?<!大)(?:{'|'.join(_NEXT_DAYS)})")  # not 大后天


def _day_from_today(t: Turn, stated: DateValue) -> DateValue | None:
    """A due day said as days or a weekday from the stated today (see _DAYS_LATER, _WEEKDAY), as a date."""
    later = _DAYS_LATER.search(t.text, stated.end)
    days = number_or_none(later.group(1)) if later else None
    try:  # a stated today late in year 9999 has no day after it
        if later is not None and days is not None and days == int(days):
            due, said = stated.value + dt.timedelta(days=int(days)), later
        elif (said := _WEEKDAY.search(t.text, stated.end)) is not None:
            monday = stated.value - dt.timedelta(days=stated.value.weekday())
            week = 7 if said.group(1).startswith("下") else 0
            due = monday + dt.timedelta(days=week + _WEEKDAYS[said.group(2)])
        elif (said := _NEXT_DAY.search(t.text, stated.end)) is not None:
            due = stated.value + dt.timedelta(days=_NEXT_DAYS[said.group(0)])
        else:
            return None
    except OverflowError:
        return None
    return DateValue(due, said.group(0), said.start(), said.end(), True)


def _relative_due(t: Turn, stated: DateValue) -> DateValue | None:
    """A due day said from the stated today (see _RELATIVE_DAY, _day_from_today), as a date; None when none, or no
    such day."""
    said = _RELATIVE_DAY.search(t.text, stated.end)
    day = number_or_none(said.group(2)) if said else None
    if said is None:
        return _day_from_today(t, stated)
    if day is None or day != int(day):
        return None
    month = stated.value.month + (1 if said.group(1).startswith("下") else 0)
    year = stated.value.year + (month - 1) // 12
    try:
        due = dt.date(year, (month - 1) % 12 + 1, int(day))
    except ValueError:  # 「下个月31号」 of a 30-day month
        return None
    return DateValue(due, said.group(0), said.start(), said.end(), True)


# 「8月底到期」「11月末要交」: a due date said as a month's end, not as a target (「拖到8月底」)
_MONTH_END = re.compile(rf"(?:(20\d\d)\s*年\s*)?(1[0-2]|[1-9]|十[一二]?|[{CN_DIGITS}])\s*月(?:份)?\s*(?:底|末|最后一天)")


def _month_end_due(t: Turn, stated: DateValue | None) -> DateValue | None:
    """The last day of the month a due date is said as (see _MONTH_END), in the year said, else the stated today's,
    else DEFAULT_YEAR (the document's year, as for dates said without one)."""
    for said in _MONTH_END.finditer(t.text):
        if _TARGET.search(t.text[max(0, said.start() - 6):said.start()]):
            continue
        month = number_or_none(said.group(2))
        if month is None or not 1 <= month <= 12:
            continue
        year = int(said.group(1)) if said.group(1) else stated.value.year if stated is not None else DEFAULT_YEAR
        last = dt.date(year, int(month), calendar.monthrange(year, int(month))[1])
        return DateValue(last, said.group(0), said.start(), said.end(), said.group(1) is not None)
    return None


def _tax(turns: list[Turn], today) -> TaxDeferralRequest:
    """The first date not introduced as a target (nor as today) is the due date; a later date said as 「延到/延至…」
    (in the question itself) is the date the user wants to pay by."""
    def due(t: Turn):
        dates = [d for d in t.of(DateValue) if not _TODAY_SAID.search(t.label(d))]
        stated = next((d for d in t.of(DateValue) if _TODAY_SAID.search(t.label(d))), None)
        relative = _relative_due(t, stated) if stated is not None else None
        if relative is not None and not any(d.start < relative.start for d in dates) \
                and not _TARGET.search(t.text[max(0, relative.start - 6):relative.start]):
            return relative  # not 「想延到下个月26号」: a target
        moved = next((d for d in dates if _DUE_MOVED.search(t.label(d))), None)
        if moved is not None:
            return moved  # 「本来是5月15号截止，后来…申报缴税期限顺延到5月22号」: the deadline now
        said = next((d for d in dates if not _TARGET.search(t.label(d))), None)
        return said or _month_end_due(t, stated) or (dates[0] if dates else None)

    due_q = first_found(turns, due)
    asked = turns[0]
    months = next(iter(asked.of(MonthCount)), None)
    wanted = month = None
    if months is None and due_q is not None:
        wanted = next((d for d in asked.of(DateValue)
                       if d is not due_q and d.value > due_q.value and _TARGET.search(asked.label(d))), None)
        if wanted is None:  # 「延到11月」: a month, not a day
            month = next((m for m in asked.of(CalendarMonth)
                          if m.value != due_q.value.month and _TARGET.search(asked.label(m))), None)
    return TaxDeferralRequest(due_date=value_of(due_q), requested_months=value_of(months), requested_date=value_of(wanted),
                              requested_month=value_of(month))


_TARGET = re.compile(r"(延|推迟|拖|缓|晚|推|改)[^，。？?]{0,3}(到|至)$|(延|拖|推)期?(到|至)|到$|至$")
# the deadline itself moved by the tax office (「申报缴税期限顺延到5月22号」「征期延长至」), not a date the caller wants
_DUE_MOVED = re.compile(r"(期限|截止日?|征期|申报期|缴款期)(?:已经?|统一|都)?(顺延|延长|推迟)了?(到|至)\s*$")


# The rent relief's own three months (六: 「自本意见发布之日起三个月」), asked about by name (「房租减免…还在三个月
# 里面吗」「减房租那条」), or as 「那三个月」 of a rent; not when renting only describes the asker (「我租的门面，5月10号
# 政策还有效吗」 asks about the document's period)
_RENT_MEASURE = re.compile(r"[免减]租|(房租|租金)[^，。？?]{0,3}(减免|减半|减|免)|(减免|减半|减|免收?)[^，。？?]{0,3}(房租|租金)")
_THREE_MONTHS = re.compile(r"(三|3)个月|减半|免收|(前|头)(两|2)个月|第[一二三1-3]个月")  # or one of them, by its relief


# 「…谈减房租了，那会儿这份意见已经开始执行了吗」: the document's own period is asked, whatever the story says
_DOCUMENT_PERIOD = re.compile(r"(意见|文件)[^，,。？?]{0,6}(执行期|开始执行|还在执行|执行了|生效|有效期)")


def _period(turns: list[Turn], today) -> PeriodRequest:
    on = next(iter(turns[0].of(DateValue)), None)
    text = turns[0].text
    named = not _DOCUMENT_PERIOD.search(text) and (
        _RENT_MEASURE.search(text) or (_RENT.search(text) and _THREE_MONTHS.search(text)))
    measure = "rent_relief" if named else None
    return PeriodRequest(on=value_of(on), today=today, measure=measure)


# 「一周流水差不多3万」「每天营业额5000」「流水一个月10万」: revenue said for a period shorter than a year, the period
# word attached to the figure (in the words right before it); 「3月营收」 is one month's, not a rate, so not these
# The period said outright (「每天」「一个季度」): all that the verbs of takings pair with (「一个季度卖…」; a date's 日
# before 收 is no rate: 「到12月31日收了三百万」)
_SAID_PER = {"day": r"(?:每|一)(?:天|日)", "week": r"(?:每|一)个?(?:周|星期|礼拜)", "month": r"(?:每|一)个?月",
             # 「每个季度营收520万」「一个季度走货1300万」; not a named quarter (「一季度营收」 is that quarter's)
             "quarter": r"(?:每|一)个季度|每季度?"}
_REVENUE_PERIODS = {"day": rf"{_SAID_PER['day']}|日均|(?<![生节假平])日(?=流水|营|收|销)",
                    "week": rf"{_SAID_PER['week']}|周均|(?<![上下本这])周(?=流水|营|收|销)",
                    "month": rf"{_SAID_PER['month']}|月均|(?<![\d{CN_DIGITS}十个年])月(?=流水|营|收|销)",
                    "quarter": rf"{_SAID_PER['quarter']}|季均"}
_ROUGHLY = r"(?:大概|大约|约|差不多|平均|能有|有|能|就|才|也就|在|是|都|\s)*"
# 「每个季度派件收入五百万」「每个季度卖货收入十二万五」: a word of what earns it may stand between
_REVENUE_PER = {per: re.compile(rf"(?:{words})的?(?:[\u4e00-\u9fff]{{1,3}}?)?(?:{_REVENUE}){_ROUGHLY}$|"
                                rf"(?:{_REVENUE}){_ROUGHLY}(?:{words}){_ROUGHLY}$|"
                                # 「鸡蛋一个季度卖一百一十五万」「服务费一个季度收二百六十万」: takings said by a verb
                                rf"(?:{_SAID_PER[per]}){_ROUGHLY}(?:能|就|要)?(?:卖|收|挣|进账)了?{_ROUGHLY}$")
                for per, words in _REVENUE_PERIODS.items()}


def _revenue_per(t: Turn, revenue: Money) -> str | None:
    """"day"/"week"/"month" when `revenue` is said for that period (「一周流水差不多3万」), else None (a year's)."""
    before = words_before(t.text, revenue.start, limit=14)
    return next((per for per, said in _REVENUE_PER.items() if said.search(before)), None)


def _sme(turns: list[Turn], today) -> SmeRequest:
    """Rough indicators (「两百多万」) are kept as ranges: the class is given when the whole range agrees."""
    industry = first_found(turns, lambda t: find_industry(t.text))
    employees = first_found(turns, lambda t: staff_total(t.text, t.quantities))  # 「两个阿姨一个大姐」: 3
    assets = first_found(turns, lambda t: t.money(r"资产", fallback=False, rough=True))
    said = first_found(turns, lambda t: (t, q) if (q := t.money(_REVENUE, avoid=r"资产", rough=True)) else None)
    revenue, per = (said[1], _revenue_per(*said)) if said else (None, None)
    given = (("employees", employees), ("revenue_yuan", revenue), ("assets_yuan", assets))
    ranges = tuple((name, q.upper) for name, q in given if q is not None and q.upper is not None)
    return SmeRequest(industry=industry[1] if industry else None, employees=value_of(employees),
                      revenue_yuan=value_of(revenue), assets_yuan=value_of(assets), ranges=ranges, revenue_per=per)


_BUILDERS: dict[str, Callable[[list[Turn], dt.date | None], Request]] = {
    "rent_relief": _rent, "unemployment_refund": insurance.refund, "job_subsidy": insurance.job,
    "pension": insurance.pension, "work_injury": insurance.work_injury, "insurance_deferral": insurance.deferral,
    "pension_with_work_injury": insurance.pension_with_work_injury,
    "interest_subsidy": _interest, "tax_deferral": _tax, "policy_period": _period, "sme_size": _sme,
}
