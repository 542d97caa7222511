"""Which documents a question points at: the regions and issuing bodies it names.

A caller says 「山西省的房租减免」 or 「工信部那个通知」; when the corpus holds many documents on the same
measures, that is what picks the document. Names are matched against each policy's region, issuer and
title (metadata from corpus/), with common short forms of national bodies expanded (工信部 → 工业和信息化部).
A question that names no place or body leaves every document equal. Pure functions over the policies.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Container, Iterable, Sequence

from corpus.districts import cities_of, districts_in
from corpus.metadata_regions import CITIES, PLACE_NAMES, PROVINCE_CODES, PROVINCE_NAMES, province_of
from corpus.records import Policy

# Short forms callers use → the ways an issuer, title or lead paragraph writes the body.
BODIES: dict[str, tuple[str, ...]] = {
    "工信部": ("工业和信息化部", "工信部"), "人社部": ("人力资源和社会保障部", "人力资源社会保障部", "人社部"),
    "人社厅": ("人力资源和社会保障厅", "人力资源社会保障厅", "人社厅"),
    "人社局": ("人力资源和社会保障局", "人力资源社会保障局", "人社局"),
    "发改委": ("发展和改革委员会", "发展改革委", "发改委"), "税务总局": ("国家税务总局", "税务总局"),
    "税务局": ("税务局",), "央行": ("中国人民银行", "人民银行"), "人民银行": ("人民银行",), "人行": ("人民银行", "人行"),
    "银保监会": ("银行保险监督管理委员会", "银保监会"), "银保监局": ("银保监局",), "证监会": ("证券监督管理委员会", "证监会"),
    "卫健委": ("卫生健康委员会", "卫生健康委", "卫健委"), "市场监管总局": ("国家市场监督管理总局", "市场监管总局"),
    "市场监管局": ("市场监督管理局", "市场监管局"), "住建部": ("住房和城乡建设部", "住房城乡建设部", "住建部"),
    "住建委": ("住房和城乡建设委员会", "住房城乡建设委", "住建委"), "住建厅": ("住房和城乡建设厅", "住房城乡建设厅", "住建厅"),
    "交通部": ("交通运输部",), "交通运输部": ("交通运输部",), "国办": ("国务院办公厅",), "国务院办公厅": ("国务院办公厅",),
    "财政部": ("财政部",), "商务部": ("商务部",), "海关总署": ("海关总署",), "农业农村部": ("农业农村部",),
    "科技部": ("科学技术部", "科技部"), "教育部": ("教育部",), "民政部": ("民政部",), "医保局": ("医疗保障局", "医保局"),
    "文旅部": ("文化和旅游部", "文旅部"), "国资委": ("国有资产监督管理委员会", "国资委"), "工商联": ("工商业联合会", "工商联"),
    "贸促会": ("贸促会", "国际贸易促进委员会"), "公积金中心": ("住房公积金管理中心", "公积金中心"),
    # the policy banks, which news items name by their short forms
    "国开行": ("国家开发银行", "国开行"), "农发行": ("农业发展银行", "农发行"),
    # the other ministries and agencies that issued or are reported in the documents, and the people's organisations
    # (国家邮政局, 国家统计局 are named by their own names: see _NATIONAL_BODY)
    "审计署": ("审计署",), "公安部": ("公安部",), "司法部": ("司法部",), "应急管理部": ("应急管理部",),
    "自然资源部": ("自然资源部",), "生态环境部": ("生态环境部",), "民航局": ("中国民用航空局", "民航局"),
    "国铁集团": ("国家铁路集团", "国铁集团"), "外汇局": ("外汇管理局", "外汇局"), "药监局": ("药品监督管理局", "药监局"),
    "红十字会": ("红十字会",), "总工会": ("总工会",),
    "妇联": ("妇女联合会", "妇联"), "共青团": ("共青团",),
}
# What makes a bare district stem a place: 「海淀这边」「浦东那边」「昌平一带」
_LOCALITY = ("这边", "那边", "这里", "那里", "这块", "那块", "一带", "地区", "片区")
_TOWN = re.compile(r"[\u4e00-\u9fff]{1,4}?(镇|乡|街道)")  # 「宝山高境镇」: a district's stem before one of its towns
_NATIONAL_BODY = re.compile(r"国家[\u4e00-\u9fff]{1,6}?(?:总局|局|委员会|委|署)")
# A document of unknown region and issuer that speaks as a local government (「全市中小学…」「我省…」): not one a
# ministry issued, whatever it cites. Not inside other words: 资本市场, 本区域, 全市场, 健全市…, 安全县, 全州县.
_SPEAKS_LOCAL = re.compile(r"(?<![资安完健])[全本我][市区省县州](?![场域份间县])")
# 「省里的文件有没有说…」「省级补助」: the province's own documents are asked for, not its cities' nor the nation's
# that mention it. Not 省内 (「成都到德阳都在省内」 is about travel), 全省 (a scope: 「全省有多少家」), a rank
# (「省级重点企业」), saving (「一年省上千元」), 「广东省上线的…」 nor 「委托」.
ASKS_PROVINCE = re.compile(r"省(?:里|政府|委(?!托))|(?<![节能])省上(?![万千百亿线半报下])"
                           r"|省级(?:文件|政策|财政|部门|补助|补贴|奖补|资金)")
HEAD_CHARS = 16  # a document's speaker and, for a local office, its place: 「国家税务总局重庆市渝北区税务局」
LEAD_CHARS = 160  # a document's first characters: where news items and notices name their region and body
NATIONAL = ("国务院", "国家", "中国人民银行", "财政部", "商务部", "海关总署", "全国")
_DISTRICT = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:区|县)")
# 「…区」 words that are no place name
NOT_DISTRICTS = frozenset("社区 园区 城区 辖区 景区 市区 片区 新区 开发区 示范区 自贸区 保税区 疫区 地区 本区 全区 各区 该区 我区 "
                          "老区 山区 灾区 牧区 郊区 特区 高新区 功能区 试验区 实验区 产业区 商业区 风险区 区县 各县 全县 本县".split())


@dataclass(frozen=True)
class Focus:
    """The places and bodies (or 文号) a question names, and the documents that answer to them.

    A document's affinity: 1 when it answers to the names; otherwise -1, or 0 when its region and issuer are
    unknown (「本市…」 notices: no evidence against it). With no document picked, every document gets 0."""

    names: tuple[str, ...]
    picked: frozenset[str] = frozenset()
    neutral: frozenset[str] = frozenset()

    def of(self, doc: str) -> float:
        if not self.picked:
            return 0.0
        return 1.0 if doc in self.picked else 0.0 if doc in self.neutral else -1.0


def _policy_text(policy: Policy) -> str:
    fields = " ".join(str(getattr(policy, field, "") or "") for field in ("region", "issuer", "title", "doc_number"))
    return f"{fields} {policy.text[:LEAD_CHARS]}"


def policy_texts(policies: Iterable[Policy]) -> dict[str, str]:
    return {p.doc: _policy_text(p) for p in policies}


def known_places(policies: Iterable[Policy]) -> tuple[str, ...]:
    """Province and prefecture names (short forms: 山西, 太原), and the districts and counties that the corpus's
    issuers and titles name (海淀区), longest first."""
    places = set(PLACE_NAMES)
    for policy in policies:
        heads = f"{getattr(policy, 'issuer', '') or ''} {policy.title}"
        for match in _DISTRICT.finditer(heads):
            name = match.group(0)
            if not any(name.endswith(w) for w in NOT_DISTRICTS) and not name.startswith(("关于", "全", "各", "本")):
                places.add(name)
    return tuple(sorted(places, key=len, reverse=True))


def named(question: str, places: Sequence[str]) -> tuple[str, ...]:
    """The places and bodies the question names, in the document's words, longest first, no part of another."""
    found = [p for p in places if p in question]
    found += [p for p in said_by_nickname(question) if p in places and p not in found]
    # A body counts when the question uses its short form or any way documents write it (国家发展改革委).
    found += [short for short, forms in BODIES.items() if any(_says_body(question, f) for f in (short, *forms))]
    # a national body the table does not list, by its own name (国家能源局, 国家邮政局)
    found += [m.group(0) for m in _NATIONAL_BODY.finditer(question)
              if not any(f in m.group(0) for short, forms in BODIES.items() for f in (short, *forms))]
    if re.search(r"国家(层面|级)|国务院|全国性", question):
        found.append("国家")
    whole = [n for n in dict.fromkeys(found) if not any(n != o and n in o for o in found)]
    # Where someone comes from is not whose rules they ask about (「陕西现在从武汉回来的人得在家待几天？」): a place
    # said only as an origin drops out when the question names another one.
    staying = [n for n in whole if not (only_as_origin(n, question, whole) or only_as_aided(n, question, whole))]
    return tuple(sorted(staying or whole, key=len, reverse=True))


# The place someone went to help (「这次去湖北支援了」「支援湖北的医疗队」) is not whose rules they ask about; the
# place before 支援 without a verb of going is who helps (「云南支援湖北」)
_AIDED_BEFORE = re.compile(r"(?:(?<!对口)支援|驰援|援助)$")  # 「对口支援湖北」 pairs provinces: 湖北 is asked about
_GOING_TO = re.compile(r"(?:去|赴|前往|(?<![收得拿])到)$")  # not 「收到湖北援助资金」
_AIDED_AFTER = re.compile(r"^去?(?:支援|驰援|援助)")


def only_as_aided(name: str, question: str, places: Sequence[str] = ()) -> bool:
    """Whether every mention of the place `name` says where someone went to help (「去湖北支援」「驰援湖北武汉」).
    `places`: the other places named, which may stand between the verb and this one, or after it."""
    def aided(i: int) -> bool:
        j, k = _before_places(question, i, name, places), i + len(name)
        while (later := next((p for p in places if p != name and question.startswith(p, k)), None)) is not None:
            k += len(later)
        return bool(_AIDED_BEFORE.search(question[:j]) or (_GOING_TO.search(question[:j])
                                                           and _AIDED_AFTER.match(question[k:])))
    said = [m.start() for m in re.finditer(re.escape(name), question)]
    return bool(said) and all(aided(i) for i in said)


# 从 as "from", not inside 服从/听从/遵从/顺从; an origin after 由 only with a verb of coming (「由湖北返回」)
_ORIGIN_BEFORE = re.compile(r"(?:(?<![服听遵顺依])从|(?<![来各])自|离开|来自|途经|经由)$")
# (「台湾老板投资的」「温州客商」: where the owner comes from; not 「上海人民政府」)
_ORIGIN_AFTER = re.compile(r"^(?:籍|人(?![民社大行力口])|来的|过来|回来|返回|返乡|返岗|来[京沪津渝]|返[京沪津渝]|老板|客商|商人)")


def only_as_origin(name: str, question: str, places: Sequence[str] = ()) -> bool:
    """Whether every mention of the place `name` says where someone comes from (「从武汉回来」「从湖北武汉回来」
    「湖北籍员工」「北京来的」), not where the business or the rule is. `places`: the other places named, which
    may stand between 从 and this one."""
    said = [m.start() for m in re.finditer(re.escape(name), question)]
    if not said:
        return False
    for i in said:
        j = _before_places(question, i, name, places)
        if not (_ORIGIN_BEFORE.search(question[max(0, j - 3):j]) or _ORIGIN_AFTER.match(question[i + len(name):])):
            return False
    return True


def _before_places(question: str, i: int, name: str, places: Sequence[str]) -> int:
    """Where the run of other named `places` right before position `i` begins (「从湖北武汉」: 湖北 before 武汉)."""
    while (prior := next((p for p in places if p != name and question[:i].endswith(p)), None)) is not None:
        i -= len(prior)
    return i


def _plain(text: str) -> str:
    """文号 as callers type it: brackets 〔〕[]［］【】() all alike, no spaces."""
    return re.sub(r"[\s〔〕\[\]［］【】()（）]", "", text)


def _answers_to(name: str, text: str) -> bool:
    if name == "国家":
        return text.lstrip().startswith(NATIONAL)
    return any(_writes_body(text, form) for form in BODIES.get(name, (name,)))


NUMBER_TAIL = 3  # 文号 are found by the last characters of their plain form (…258号)
# an order, notice or announcement named by its number: 「1号令」「第12号通告」
_ORDER_NUMBER = re.compile(r"第?(\d{1,3})号(令|通告|公告)")


class FocusIndex:
    """What `focus` needs of the corpus, computed once: each document's 文号 by its last characters, the
    documents of unknown region and issuer, and per name (filled as questions use it) the documents that answer
    to it. A question then costs time in proportion to its own length and the documents it picks, not the corpus."""

    def __init__(self, policies: Sequence[Policy], places: Sequence[str] | None = None,
                 texts: dict[str, str] | None = None) -> None:
        self.policies = tuple(policies)
        self.places = known_places(self.policies) if places is None else tuple(places)
        self._texts = texts if texts is not None else policy_texts(self.policies)
        self._numbers: dict[str, list[tuple[str, str]]] = {}
        for p in self.policies:
            plain = _plain(p.doc_number)
            if len(p.doc_number) >= 6 and len(plain) >= NUMBER_TAIL:
                self._numbers.setdefault(plain[-NUMBER_TAIL:], []).append((plain, p.doc))
        self._number_of = {p.doc: p.doc_number for p in self.policies}
        self._titles = {p.doc: p.title for p in self.policies}
        self.neutral = frozenset(p.doc for p in self.policies if not (p.region or p.issuer))
        self._local = frozenset(p.doc for p in self.policies
                                if p.doc in self.neutral and _SPEAKS_LOCAL.search(p.text[:LEAD_CHARS]))
        self._answering: dict[str, frozenset[str]] = {}

    def numbered(self, question: str) -> frozenset[str]:
        """Documents whose 文号 the question writes (brackets and spaces aside)."""
        plain, found = _plain(question), set()
        for end in range(NUMBER_TAIL, len(plain) + 1):
            for number, doc in self._numbers.get(plain[end - NUMBER_TAIL:end], ()):
                if plain.startswith(number, end - len(number)):
                    found.add(doc)
        return frozenset(found)

    def answering(self, name: str) -> frozenset[str]:
        found = self._answering.get(name)
        if found is None:
            found = self._answering[name] = frozenset(d for d, t in self._texts.items() if _answers_to(name, t))
        return found

    def _cities_of_districts(self, question: str, names: Sequence[str]) -> list[str]:
        """The districts the question names that documents answer to, else their cities in the documents' words
        (「海淀这边…」「浦东新区的企业」 → 北京, 上海): a district's rules are its city's. Not a
        district several cities have (朝阳区), one said only as where someone comes from (「从海淀回来」), one
        inside another place's name (通海 in 南通海关), nor a bare stem without a word that makes it a place
        (「海淀这边」「上海奉贤」 after its own city, but not 「新建的厂房」)."""
        cities: list[str] = []
        found = districts_in(question)
        if not found:
            return cities
        spans = [(m.start(), m.end()) for p in self.places if p in question
                 for m in re.finditer(re.escape(p), question)]
        for said, full, stem, start in found:
            end = start + len(said)
            if (any(a < end and start < b and question[a:b] != said for a, b in spans)
                    or (stem and not (question.startswith(_LOCALITY, end) or _TOWN.match(question, end)
                                      or _after_its_city(question, start, full)))
                    or only_as_origin(said, question, names)):
                continue
            answered = next((form for form in (full, said) if self.answering(form)), None)
            if answered is not None:  # documents about the district itself: they answer for it
                if answered not in names and answered not in cities:
                    cities.append(answered)
                continue
            of = cities_of(full)
            if len(of) != 1:
                continue
            forms = (of[0].removesuffix("市"), of[0])
            city = next((c for c in forms if c in self.places), None)
            if city is not None and not any(f in names or f in cities or f in question for f in forms):
                cities.append(city)
        return cities

    def focus(self, question: str) -> Focus:
        # A 文号 identifies one document outright (「发改价格〔2020〕258号」); it outranks any place or body.
        numbered = self.numbered(question)
        if numbered:
            return Focus(tuple(self._number_of[p.doc] for p in self.policies if p.doc in numbered), numbered)
        names = named(question, self.places)
        names = (*names, *self._cities_of_districts(question, names))
        if not names:
            return Focus(())
        picked = frozenset().union(*(self.answering(n) for n in names))
        places = [n for n in names if _is_place(n)]
        if (places and len(places) < len(names) and any(place_key(n) for n in places)
                and only_regional_bodies(set(names) - set(places))):
            # 「厦门…区税务局的电话」: that place's tax bureau, not every region's; a body every region has
            # (税务局, 人社局) is the place's own. With a province or city named: a district alone, or a header's
            # 「这个小区」, may be in too few documents to stand for the place.
            picked = frozenset().union(*(self.answering(n) for n in places)) or picked
        if len(names) > 1 and all(map(_is_ministry, names)):
            # 「人社部、财政部、税务总局阶段性减免…」: the three bodies' joint notice, not one body's own follow-up
            picked = frozenset.intersection(*(self.answering(n) for n in names)) or picked
        if all(map(is_national_body, names)):
            # 「教育部…」: a notice of unknown issuer that speaks as a local government (「全市中小学…」) is not the
            # ministry's, even when its lead cites the ministry's notice; it stays neutral, as one citing nobody
            picked -= self._local
        if not picked:  # names no document answers to: they cannot pick one
            return Focus(names)
        # 「广西指挥部那个1号令」: of the place's documents, its order (通告, 公告) of that number
        picked = frozenset(d for d in picked if self._titled_number(d, question)) or picked
        return Focus(names, picked, self.neutral - picked)

    def _titled_number(self, doc: str, question: str) -> bool:
        """Whether the question names the order, notice or announcement number `doc`'s title gives it (「1号令」
        「第8号通告」 for 「…指挥部令（第1号）」「…通告（第8号）」)."""
        title = self._titles.get(doc, "")
        return any(re.search(rf"{kind}\s*[（(]?\s*第\s*{number}\s*号", title)
                   for number, kind in _ORDER_NUMBER.findall(question))


def is_national_body(name: str) -> bool:
    """Whether a name `named` returns is a national body (教育部, 税务总局, 国家能源局, 国家), not a place or a
    body every region has (税务局, 人社局). Conservative: 人民银行 (branches everywhere) and the short forms that
    regions share (发改委, 卫健委, 医保局) do not count, so a question naming them picks as before."""
    return (name.endswith(("部", "总局", "总署")) or name.startswith(("国家", "国务院", "国办"))
            or name in ("央行", "银保监会", "证监会"))


def place_keys(names: Sequence[str]) -> tuple[str, ...]:
    """The places among `names` (not bodies) by place_key; empty when there are none or one has no key (a
    district said alone), so that callers keep to what the names pick."""
    keys = [place_key(n) for n in names if _is_place(n)]
    return () if None in keys else tuple(keys)


def _is_place(name: str) -> bool:
    """Whether a name `named` returns is a place (山西, 厦门, 翔安区), not a body."""
    return name not in BODIES and not is_national_body(name)


# Bodies every province and city has, whose notices are that place's own (not 人民银行, whose national notices
# its branches pass on, nor 国开行, 外汇局 or the people's organisations, national as often as local)
REGIONAL_BODIES = frozenset({"人社厅", "人社局", "发改委", "税务局", "卫健委", "市场监管局", "住建委", "住建厅", "医保局",
                             "银保监局", "公积金中心"})


def only_regional_bodies(names: Sequence[str]) -> bool:
    """Whether every name is a body that every region has (税务局, 人社局): 「那我们这边区税务局的电话是多少？」
    after 「我在厦门翔安开了个小厂…」 names no place of its own, so the conversation's place still holds."""
    return all(n in REGIONAL_BODIES for n in names)


# a wire story's dateline (「新华社北京2月13日电」): where it was filed, not what it is about
WIRE_DATELINE = re.compile(r"新华社[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日电")


def speaks_nationally(text: str) -> bool:
    """Whether a document opens with a national body as its speaker (「国务院联防联控机制新闻发布会」「工业和信息化部
    部署…」「财政部 税务总局关于…」): the place it names most is then whom it is about (「来自武汉的人员」), not
    whose rules it states. Not a local notice that cites them (「为贯彻落实党中央、国务院决策部署」), nor a national
    body's local office (「国家税务总局重庆市渝北区税务局」)."""
    head = text.lstrip()[:HEAD_CHARS]
    return head.startswith(_NATIONAL_SPEAKERS) and not _PLACE_NAMES.search(head)


_NATIONAL_SPEAKERS = (*NATIONAL, *(form for short, forms in BODIES.items() if is_national_body(short)
                                   for form in (short, *forms)))


def place_stem(name: str) -> str | None:
    """How any text writes the place `name`, whatever form the question used (福建省, 福建 → 福建; 厦门市 → 厦门)."""
    key = place_key(name)
    if key is None or key in CITIES:
        return key
    return min((name for name in PROVINCE_NAMES if province_of(name) == key), key=len, default=None)


def _is_ministry(name: str) -> bool:
    """A national body that issues notices jointly with its peers (人社部, 税务总局), not the State Council above
    them or 国家: 「国务院联防联控发布会上交通运输部说…」 is the ministry speaking at the council's briefing."""
    return is_national_body(name) and not name.startswith(("国家", "国务院", "国办"))


def focus(question: str, policies: Sequence[Policy], places: Sequence[str] | None = None,
          texts: dict[str, str] | None = None) -> Focus:
    """The focus of one question over `policies` (see FocusIndex, which an engine keeps for every question);
    `texts` caches each policy's region/issuer/title/lead text by doc id (see policy_texts)."""
    return FocusIndex(policies, places, texts).focus(question)


def _after_its_city(question: str, start: int, district: str) -> bool:
    """Whether the district's stem at `start` follows the name of its own city (「上海奉贤」「深圳龙华」): a place."""
    for city in cities_of(district):
        for form in (city, city.removesuffix("市")):
            if len(form) >= 2 and question.endswith(form, 0, start):
                return True
    return False


def rarity(docs_with_word: int, docs: int) -> float:
    """How much a word says about which document answers: log((1 + N) / (1 + documents that use it)). A word
    no document uses weighs most: it is a topic none of them covers."""
    return math.log((1 + docs) / (1 + docs_with_word))


def weighted_coverage(words: Sequence[str], text: Container[str], weights: dict[str, float]) -> float:
    """The weighted share of `words` that `text` uses (1.0 when there are no words to cover)."""
    total = sum(weights.get(w, 0.0) for w in words)
    if total <= 0:
        return 1.0
    return sum(weights.get(w, 0.0) for w in words if w in text) / total


def answered_elsewhere(words: Sequence[str], weights: dict[str, float], home_text: Container[str],
                       home_sections: Sequence[str],
                       other_sections: Sequence[str], home_coverage: float, margin: float,
                       foreign_words: int = 0) -> bool:
    """Whether a question that names no place or body is about something the home documents do not cover:
    they use less than `home_coverage` of its rarity-weighted topical words, and the best other document's
    retrieved section holds at least `margin` more of them than the home documents' best section, or that
    document's sections use at least `foreign_words` (when set) of its words that the home documents never use.
    Measured on rare words, a long home document does not cover a question just by sharing its common words
    (补贴, 人员); counted, a canteen question's 食堂, 口罩 and 座位 outweigh the 职工 and 恢复 any notice shares."""
    if not words or not other_sections or weighted_coverage(words, home_text, weights) >= home_coverage:
        return False
    home = max((weighted_coverage(words, s, weights) for s in home_sections), default=0.0)
    other = max(weighted_coverage(words, s, weights) for s in other_sections)
    if other - home >= margin:
        return True
    foreign = [w for w in words if w not in home_text and any(w in s for s in other_sections)]
    return bool(foreign_words) and len(foreign) >= foreign_words


_PLACE_NAMES = re.compile("|".join(sorted(PLACE_NAMES, key=len, reverse=True)))  # longest first: 马鞍山, not 鞍山


def place_key(name: str) -> str | None:
    """A province or municipality by its full name (广东 → 广东省, 北京市 → 北京市), a prefecture city by its short
    name (郑州市 → 郑州); None for other names."""
    if name in PROVINCE_NAMES:
        return province_of(name)
    short = name.removesuffix("市")
    return short if short in CITIES else None


def in_place(place: str | None, key: str) -> bool:
    """Whether `place` (a place_key) is `key` or a city of the province `key`."""
    return place is not None and (place == key or (place in CITIES and CITIES[place][0] == key))


def _says_body(question: str, form: str) -> bool:
    """Whether the question names the body `form` anywhere: 「交通部门」「财政部门」 are any government's departments of
    that kind, not the ministry, and 「应急管理部署」「生态环境部分」 say 部署 and 部分."""
    return any(not (form.endswith("部") and question.startswith(("门", "署", "分", "队"), m.end()))
               for m in _BODY_FORMS.get(form, re.compile(re.escape(form))).finditer(question))


# Body forms that end other words: 「全国开行…专列」「中国开行的班列」 run trains, and are no 国开行
_BODY_FORMS = {"国开行": re.compile(r"(?<![全中各两外本我出回])国开行"),
               "共青团": re.compile(r"共青团(?!员)"), "外汇局": re.compile(r"外汇局(?![势面])"),  # 共青团员, 外汇局势
               # a national notice's addressees end 「各省、自治区、直辖市及新疆生产建设兵团」: that is no 新疆 notice
               "新疆": re.compile(r"新疆(?!生产|兵团)|(?<![及和、，,）)\s])新疆(?=生产|兵团)")}


def _writes_body(text: str, form: str) -> bool:
    pattern = _BODY_FORMS.get(form)
    return form in text if pattern is None else pattern.search(text) is not None


# A place said by its one-character short name after a verb of going (「来京人员」「返沪」「离汉」): the
# unambiguous ones only (返宁 may be 南京 or 西宁, 来苏 江苏 or 苏州)
_SHORT_NAMES = {**{c: PROVINCE_CODES[c] for c in "京沪津渝鄂粤浙豫皖闽赣湘川陕晋冀鲁黔滇琼"},
                "汉": "武汉", "穗": "广州", "蓉": "成都", "甬": "宁波"}


# What callers call a place in chat (「京城」「沪上」「津门」), and a one-character short name where it stands for the place
# (「在豫办事」「回沪」「川里」), not inside another word (京东, 津贴, 晋升, 汉堡, 川菜, 沪深)
_NICKNAMES = {"京城": "北京", "帝都": "北京", "沪上": "上海", "申城": "上海", "魔都": "上海", "津门": "天津",
              "羊城": "广州", "鹏城": "深圳", "蓉城": "成都", "冰城": "哈尔滨", "泉城": "济南", "春城": "昆明",
              "榕城": "福州", "星城": "长沙", "鹭岛": "厦门", "内蒙": "内蒙古"}
_NOT_A_PLACE = (r"京东|京剧|津贴|晋升|晋级|汉堡|汉字|汉语|汉服|汉族|川菜|川流|粤菜|粤语|湘菜|鲁菜|沪深|沪渝|蓉蓉"
                # other places that begin with a short name (湖北's 京山, 福建's 晋江, 重庆's 黔江), and a surname
                r"|京山|晋江|川沙|黔江|豫园|汉中|鄂尔多斯|鲁山|.(?:女士|先生|某)")
_GOING_VERBS = "在来返回赴到抵留驻离进"  # going there, or being there
_WITHIN = ("里", "内", "这边", "那边", "境内", "当地")
# 「闽省那边」「鲁省」: a province's short name with 省 (not 京/沪/津/渝, which are no provinces)
_PROVINCE_SHORTS = "".join(c for c, place in _SHORT_NAMES.items() if place.endswith("省"))
# 「闽省」: not 晋省级 (promoted to the province's level), 粤省事 (an app)
_PROVINCE_WORD = r"省(?!级|份|际|事|长)"
_PROVINCE_SAID = re.compile(rf"([{_PROVINCE_SHORTS}]){_PROVINCE_WORD}")
_SHORT_SAID = re.compile(rf"(?:(?<=[{_GOING_VERBS}])|(?=[{''.join(_SHORT_NAMES)}](?:{'|'.join(_WITHIN)}))"
                         rf"|(?=[{_PROVINCE_SHORTS}]{_PROVINCE_WORD}))"
                         rf"(?!{_NOT_A_PLACE})([{''.join(_SHORT_NAMES)}])")


def short_name_forms(key: str) -> tuple[str, ...]:
    """How a text says the place `key` (a place_key) by its short name (「在京」「离京」「京内」), to find the
    documents that never write its full name."""
    shorts = [c for c, place in _SHORT_NAMES.items() if place_key(place) == key]
    return tuple(f for c in shorts for f in (*(v + c for v in _GOING_VERBS), *(c + w for w in _WITHIN)))


# a nickname said as such, not the tail of another word (南京城, 卫星城, 开春城管, 重申城镇, 温泉城)
_NICKNAME_SAID = re.compile(rf"(?<![南东卫重开新立温星])({'|'.join(_NICKNAMES)})")


def said_by_nickname(question: str) -> tuple[str, ...]:
    """The places a question names by a nickname or short name (see _NICKNAMES), as PLACE_NAMES writes them."""
    said = [_NICKNAMES[m.group(1)] for m in _NICKNAME_SAID.finditer(question) if _NICKNAMES[m.group(1)] not in question]
    said += [_SHORT_NAMES[m.group(1)].removesuffix("省").removesuffix("市") for m in _SHORT_SAID.finditer(question)]
    return tuple(dict.fromkeys(said))


def with_full_place_names(text: str) -> str:
    """`text` with the places it names by a nickname (「沪上」「津门」「闽省」) written as the documents write them
    (「上海」「天津」「福建省」), and the full names of those it names by a short name after a verb or before
    里/这边 (「返京」「川里」) added at the end: documents write 返京 and 来沪 themselves."""
    said = text
    text = _NICKNAME_SAID.sub(lambda m: m.group(1) if _NICKNAMES[m.group(1)] in said else _NICKNAMES[m.group(1)], text)
    text = _PROVINCE_SAID.sub(lambda m: _SHORT_NAMES[m.group(1)], text)
    added = [p for p in said_by_nickname(text) if p not in text]
    return " ".join((text, *added))


def main_place(text: str) -> str | None:
    """The province, municipality or city (as place_key) a text names most, at least twice and more often than
    any other; its short name counts where a caller's would (「来京人员」「在京离京情况」「到京之日」: a 北京
    notice may never write 北京)."""
    full = list(_PLACE_NAMES.finditer(text))
    said = [place_key(m.group()) for m in full]
    # 「在浙江」 is counted once, as 浙江: the 浙 after 在 is no short name there
    inside = {i for m in full for i in range(m.start(), m.end())}
    said += [place_key(_SHORT_NAMES[m.group(1)]) for m in _SHORT_SAID.finditer(text) if m.start(1) not in inside]
    counts = Counter(said).most_common(2)
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]


def unknown_places(places: Sequence[str], known: Callable[[str], bool],
                   provinces_with_documents: Container[str] = frozenset(),
                   city_by_province: bool = False) -> tuple[str, ...]:
    """The places no document mentions. 伊犁州 is the documents' 伊犁 (伊犁哈萨克自治州): a place is known by its
    name without its 州/市/县 too; a district or county by its city (小店区 is in 太原市, corpus.districts); and a
    city by its province when the question names both and some document is the province's own (「陕西商洛」:
    陕西省's documents cover 商洛; a province only mentioned, as 山西省财政厅 in a 太原 document, covers nothing)."""
    def stem_known(name: str) -> bool:
        return known(name) or (len(name) >= 3 and name[-1] in "州市县区省盟旗" and known(name[:-1]))

    # provinces said as such (「陕西」), not those a city implies
    named = {province_of(p) for p in places if p in PROVINCE_NAMES and province_of(p) in provinces_with_documents}
    if city_by_province:  # 「在惠州做点小生意」: 广东省's own documents cover 惠州 without naming it
        named |= {province_of(p) for p in places if place_key(p) in CITIES
                  and province_of(p) in provinces_with_documents}
    return tuple(p for p in places if not stem_known(p) and not any(stem_known(c) for c in cities_of(p))
                 and province_of(p) not in named)
