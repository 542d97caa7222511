"""What a policy text states about itself: title, issuing body, region, 文号, date and validity period.

Pure functions over the cleaned text; each value is "" when the text does not state it (the title is never
empty). The texts come in two shapes: one paragraph per line (the Taiyuan file: title, 文号, date and
addressees are the header lines) or one line with paragraphs run together by spaces (corpus-extra). So
"standalone" below means delimited by whitespace or the text's ends, which covers both.

- title: the first line of a multi-line text when it reads as a heading; otherwise a leading chunk ending in
  a document type (「关于…的通知」「…若干措施」), else a news headline (the leading chunk, up to the first
  space, with no full stop), else the issuer and the first words.
- issuer: the organisation before 「关于」 in the title, or leading a headline (「财政部预拨…」), or standing
  alone as the first chunk or before a standalone date (the signature).
- region: the province and city named by the issuer, else by the title (`region_in`), else the province whose
  code opens the 文号 (`region_of_number`); 「全国」 for a national body (ministries, 国务院, 国家…局) that names
  no place.
- doc_number: the first 文号 in the first HEAD_CHARS characters that is not a reference in brackets
  (「（国办发〔2020〕4号）」), in its official form with 〔〕 (the extraction prints 并政发[2020]2号); or a
  公告 number (「财政部 税务总局公告2020年第8号」).
- issued: the first standalone date (2020年2月7日, 二〇二〇年二月七日, 2020-02-07) in the first HEAD_CHARS
  characters, else the last one in the last TAIL_CHARS.
- valid_from / valid_until: from the first sentence that states a period with dates (自…起施行, …至…,
  有效期至…, 执行至…); 「自印发之日起」 reads as the issue date. A relative end (「自发布之日起的3个月」) is
  left to whoever applies it — it has more than one reading — and `validity` keeps that sentence verbatim.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from corpus.metadata_regions import region_in, region_of_number
from corpus.segment_general import sentences
from corpus.segment_headings import chinese_int, positional_int

HEAD_CHARS = 300
TAIL_CHARS = 300
MAX_TITLE_CHARS = 120
FIRST_WORDS = 24  # characters of the opening words in a fallback title

_DOC_TYPES = ("通知|意见|措施|办法|公告|通告|决定|方案|指引|指南|规定|细则|批复|通报|倡议书|公开信|告知书|问答|解读|"
              "规则|条例|纲要|清单|预案|要点|工作指引|若干措施|实施意见|指导意见|函")
_DOC_TITLE = re.compile(rf"[^。！？，,\n]{{2,{MAX_TITLE_CHARS}}}?(?:{_DOC_TYPES})(?:[（(][^）)\s]{{1,12}}[）)])?(?=\s|$)")
_STOPS = re.compile(r"[。！？!?]")

_NATIONAL = (
    r"国务院(?:办公厅|应对新型冠状病毒(?:感染的)?肺炎疫情联防联控机制|联防联控机制|国有资产监督管理委员会|国资委|扶贫开发领导小组办公室|扶贫办)?"
    r"|中共中央(?:办公厅)?|中央(?:组织部|宣传部|网信办|应对新型冠状病毒感染肺炎疫情工作领导小组)"
    r"|(?:国家)?(?:发展改革委|发展和改革委员会|卫生健康委(?:员会)?|卫健委)(?:办公厅)?"
    r"|(?:财政|商务|教育|民政|司法|公安|科技|工业和信息化|工信|人力资源(?:和)?社会保障|人社|自然资源|生态环境"
    r"|住房(?:和)?城乡建设|住建|交通运输|水利|农业农村|文化和旅游|文旅|应急管理|退役军人事务|外交)部(?:办公厅)?"
    r"|审计署|海关总署|(?:国家)?税务总局|(?:国家)?市场监(?:督)?管(?:理)?总局|国家[\u4e00-\u9fff]{1,10}?(?:总局|局|委员会|委|署|中心)"
    r"|中国人民银行|人民银行|(?:中国)?银保监会|(?:中国)?证监会|全国总工会|共青团中央|全国妇联|民航局|铁路局"
)
_PLACE = r"(?:[\u4e00-\u9fff]{1,8}?(?:省|市|自治区|自治州|州|盟|县|区|旗)|省|市|区|县)"
_LOCAL = (
    rf"{_PLACE}(?:委|政府)?[\u4e00-\u9fff]{{0,24}}?"
    r"(?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|政府|办公厅|办公室|委员会|指挥部|领导小组(?:办公室)?"
    r"|联防联控机制|局|厅|委|办|中心|分行|支行|法院|检察院|总工会)"
)
_ORG = rf"(?:{_NATIONAL}|{_LOCAL})"
_ORG_CHAIN = re.compile(rf"{_ORG}(?:[、 和]?{_ORG})*")  # .match only: see is_org_chain for a whole string
_ORG_ONE = re.compile(_ORG)
_MAX_ORG_CHARS = 64  # longer than any one body _ORG matches (at most 9 + 2 + 24 + 7 characters for a local one)
_NATIONAL_BODY = re.compile(rf"^(?:{_NATIONAL})")
_PLACE_ONLY = re.compile(r"[\u4e00-\u9fff]{1,10}(?:省|市|自治区|自治州|州|盟|县|区|旗)")

_YMD = r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
_CN_YMD = r"(?P<cy>[〇○零一二三四五六七八九]{4})年(?P<cm>[一二三四五六七八九十]{1,3})月(?P<cd>[一二三四五六七八九十]{1,3})日"
_ISO = r"(?P<iy>(?:19|20)\d{2})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
_PRINTED_DATE = re.compile(rf"(?:{_YMD}|{_CN_YMD}|{_ISO})\s*印发")  # the imprint line: 「…办公室2020年2月15日印发」
_STANDALONE_DATE = re.compile(rf"(?:(?<!\S)|(?<=[：:]))(?:{_YMD}|{_CN_YMD}|{_ISO})(?=\s|$|[（(]|印发|发布)")

_DOC_NUMBER = re.compile(r"(?P<prefix>[\u4e00-\u9fff]{1,20})\s*[〔\[［(（﹝【]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］)）﹞】]"
                         r"\s*第?\s*(?P<num>\d{1,4})\s*号")
_ANNOUNCEMENT = re.compile(r"公告\s*(?P<year>(?:19|20)\d{2})\s*年\s*第\s*(?P<num>\d{1,4})\s*号")
_TITLE_TAIL = re.compile(r"(?:通知|意见|措施|公告|通告|办法|方案|决定|指引|规定|细则|》|：|:)")
_ORG_END = re.compile(r"(?:部|署|局|委|会|行|院|厅|办|政府)$")

_VALIDITY_WORD = re.compile(r"施行|实施|执行|有效期|生效")
_POLICY_WORD = re.compile(r"政策|措施|通知|意见|公告|通告|办法|细则|方案|决定|本(?:实施|文件)|执行期|实施期|施行期")
_MONTH_DAY = r"(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日"  # the year is the period's start's (or the issue's)
_FROM_DATE = re.compile(rf"(?:自|从|于)?\s*{_YMD}\s*(?:起|开始)")
_FROM_ISSUE = re.compile(r"自\s*[\u4e00-\u9fff]{0,6}?(?:印发|发布|公布|下发|公告|发文)之日起")
_UNTIL_YMD = _YMD.replace("?P<y>", "?P<uy>").replace("?P<m>", "?P<um>").replace("?P<d>", "?P<ud>")
_UNTIL = re.compile(rf"(?:至|到|截止到|截止至|截止|—|－|~|～)\s*(?:{_UNTIL_YMD}|{_MONTH_DAY})")
_RANGE_START = re.compile(rf"{_YMD}\s*(?=(?:起)?\s*(?:至|到|—|－|~|～))")
# 「执行期暂定为自发布之日起的3个月」「有效期一年」, not 「有效期延长…1个月」.
_RELATIVE = re.compile(r"(?:执行期|有效期|实施期|施行期)限?(?:暂定)?为?(?:(?!延)[^。；，,]){0,16}?(?:\d+|[一二三四五六七八九十两半]+)个?(?:月|年|天|日)")


@dataclass(frozen=True)
class Metadata:
    title: str
    title_from: str  # how the title was found: "first-line", "document-title", "headline" or "first-words"
    issuer: str
    region: str
    doc_number: str
    issued: str  # ISO date
    valid_from: str  # ISO date
    valid_until: str  # ISO date
    validity: str  # the sentence that states the period, verbatim
    addressees: str


def extract_metadata(text: str) -> Metadata:
    """Everything above, from the cleaned text of one policy."""
    title, title_from = find_title(text)
    issuer = find_issuer(text, title)
    if not title:
        title, title_from = fallback_title(text, issuer), "first-words"
    issued = find_issued(text)
    valid_from, valid_until, validity = find_validity(text, issued)
    doc_number = find_doc_number(text)
    return Metadata(title=title, title_from=title_from, issuer=issuer, region=find_region(issuer, title, doc_number),
                    doc_number=doc_number, issued=issued, valid_from=valid_from,
                    valid_until=valid_until, validity=validity, addressees=find_addressees(text))


def find_title(text: str) -> tuple[str, str]:
    """(title, how it was found), or ("", "") when the text opens with no heading (see `fallback_title`)."""
    first_line = text.split("\n", 1)[0].strip()
    if "\n" in text and first_line and len(first_line) <= MAX_TITLE_CHARS and not _STOPS.search(first_line):
        return first_line, "first-line"
    m = _DOC_TITLE.match(text)
    # A title broken by spaces (「…两部制电价政策 降低企业用电成本的通知」) is one title only if it says 关于;
    # otherwise the spaces separate a headline from the body.
    if m and (not re.search(r"\s", m.group()) or "关于" in m.group()):
        return _squeeze(m.group()), "document-title"
    chunks = text.split(None, 2)
    if not chunks:
        return "", ""
    head = chunks[0]
    # 「国家税务总局发布 《…指引》」「这四类情况 权威部门有明确解答」: a headline continued after a space by a
    # quoted name, or a very short one by its second half.
    if len(chunks) > 1 and (chunks[1][:1] in "《“" or head.endswith(("：", ":", "｜", "|"))
                            or (len(head) < 6 and len(chunks[1]) <= 30 and not re.search(r"[，,。；;：:]", chunks[1]))):
        head = f"{head} {chunks[1]}"
    # A headline may exclaim (「全是干货！重庆税务十项举措…」) but has no full stop.
    if 4 <= len(head) <= 60 and "。" not in head and not is_org_chain(head):
        return head, "headline"
    return "", ""


def fallback_title(text: str, issuer: str) -> str:
    """The issuer and the opening words: 「铜川市人民政府：为贯彻落实我市突发公共卫生事件Ⅰ级应急响应要求」."""
    body = text
    if issuer and text.startswith(issuer):
        body = text[len(issuer):]
    words = re.split(r"[，,。！？；;\s]", body.strip(), maxsplit=1)[0][:FIRST_WORDS] or body.strip()[:FIRST_WORDS]
    title = f"{issuer}：{words}" if issuer and words else issuer or words
    return title or text.strip()[:FIRST_WORDS] or text[:FIRST_WORDS]


def find_issuer(text: str, title: str) -> str:
    """The issuing body the text names (rules in the module docstring), "" if none."""
    guide = title.split("关于", 1)[0] if "关于" in title[1:] else title
    m = _ORG_CHAIN.match(guide)
    if m and (m.end() == len(guide) or "关于" in title[1:] or _starts_headline(guide, m.end())):
        return m.group().strip()
    if "关于" in title[1:] and _PLACE_ONLY.fullmatch(guide.strip()):
        return guide.strip()  # 「海陵区关于…的通告」: the district's government
    head = text[:HEAD_CHARS].split()
    if head and is_org_chain(head[0]):
        return head[0]
    for date in _STANDALONE_DATE.finditer(text):
        # The signature: one or more bodies, space-separated, right before the date.
        before = text[:date.start()].split()[-6:]
        orgs = []
        while before and is_org_chain(before[-1]):
            orgs.insert(0, before.pop())
        if orgs:
            return " ".join(orgs)
    return ""


def is_org_chain(text: str) -> bool:
    """Whether all of `text` is one or more bodies (「太原市财政局、市人社局」), as `_ORG_CHAIN.fullmatch` would say.

    Not by that regex: names of varying length joined by an optional separator can be split in exponentially many
    ways, and on a long near-miss (「市人民政府市人民政府…关于…」, 140 characters: 12 s) it tries them all. Instead,
    the positions a chain can reach, left to right, each by one body (`_ORG_ONE`) with or without a separator
    before it: at most len(text) × _MAX_ORG_CHARS short matches."""
    n = len(text)
    reached = [False] * (n + 1)  # reached[j]: text[:j] is a chain
    for i in range(n):
        if not (i == 0 or reached[i] or (reached[i - 1] and text[i - 1] in "、 和")):
            continue
        for j in range(i + 1, min(n, i + _MAX_ORG_CHARS) + 1):
            if not reached[j] and _ORG_ONE.fullmatch(text, i, j):
                reached[j] = True
    return n > 0 and reached[n]


def _starts_headline(title: str, end: int) -> bool:
    # 「财政部预拨…」「广州市商务局将施…」: an organisation followed by what it does, not by more of its name.
    return end < len(title) and title[end] not in "、和与及的"


def find_region(issuer: str, title: str, doc_number: str = "") -> str:
    """Province and city named by the issuer, else by the title, else the province whose code opens the 文号
    (「省工业和信息化厅」 with 黔工信运行〔2020〕9号 → 贵州省); 「全国」 for a national body naming no place."""
    region = region_in(issuer)
    if region:
        return region
    if issuer and _NATIONAL_BODY.match(issuer):
        return "全国"
    return region_in(title) or region_of_number(doc_number, issuer)


def find_doc_number(text: str) -> str:
    """The document's own 文号 (or 公告 number) near its start, official form; "" if none."""
    head = text[:HEAD_CHARS]
    found: list[tuple[int, str]] = []
    for m in _DOC_NUMBER.finditer(head):
        if m.start() > 0 and head[m.start() - 1] in "（(《、和及":
            continue  # a reference to another document
        prefix = _TITLE_TAIL.split(m.group("prefix"))[-1]
        # An issuer's code is short (京政办发, 国卫办医函); 「按照…津卫医政〔2020〕100号」 cites one in a sentence.
        if 2 <= len(prefix) <= 10 and not prefix.startswith(("按照", "根据", "依据", "按", "据")):
            found.append((m.start(), f"{prefix}〔{m.group('year')}〕{int(m.group('num'))}号"))
            break
    for m in _ANNOUNCEMENT.finditer(head):
        orgs: list[str] = []
        for token in reversed(head[:m.start()].split()):
            cut = _TITLE_TAIL.split(token)
            if cut[-1] and _ORG_END.search(cut[-1]):
                orgs.insert(0, cut[-1])
            if len(cut) > 1 or not _ORG_END.search(cut[-1] or "-"):
                break
        if orgs:
            found.append((m.start(), f"{' '.join(orgs)}公告{m.group('year')}年第{int(m.group('num'))}号"))
            break
    return min(found)[1] if found else ""


def standalone_dates(text: str) -> list[str]:
    """ISO dates of the dates standing alone in `text` (a header's or signature's date line), in order."""
    return [d for m in _STANDALONE_DATE.finditer(text) if (d := _iso(m))]


def find_issued(text: str) -> str:
    """The first standalone date near the start, else the last near the end, as an ISO date; "" if none."""
    head = [d for m in _STANDALONE_DATE.finditer(text, 0, HEAD_CHARS) if (d := _iso(m))]
    if head:
        return head[0]
    tail_start = max(HEAD_CHARS, len(text) - TAIL_CHARS)
    # 「…办公室2020年2月15日印发」: the document's own imprint line; a date standing alone before it may sign an
    # attachment (「附件：商务部办公厅…2020年2月7日」)
    printed = [d for m in _PRINTED_DATE.finditer(text, tail_start) if (d := _iso(m))]
    if printed:
        return printed[-1]
    tail = [d for m in _STANDALONE_DATE.finditer(text, tail_start) if (d := _iso(m))]
    return tail[-1] if tail else ""


def find_validity(text: str, issued: str = "") -> tuple[str, str, str]:
    """(valid_from, valid_until, the sentence stating the period); dates are ISO, "" where not stated."""
    valid_from = valid_until = sentence = ""
    for sent in sentences(text, 0, len(text)):
        s = sent.text
        # A period of this policy, not a licence's 「有效期3个月」 or a statistic's 「截至2月16日」.
        if not _VALIDITY_WORD.search(s) or not _POLICY_WORD.search(s) or "截至" in s:
            continue
        start = _RANGE_START.search(s) or _FROM_DATE.search(s)
        frm = _iso(start) if start else (issued if _FROM_ISSUE.search(s) else "")
        year = int((frm or issued or "0")[:4]) or None
        until_m = _UNTIL.search(s, start.end() if start else 0)
        until = _iso_until(until_m, year) if until_m and (start or _VALIDITY_WORD.search(s, 0, until_m.start())) else ""
        relative = _RELATIVE.search(s)
        if not (frm or until or relative):
            continue
        sentence = sentence or s.strip()
        valid_from = valid_from or frm
        valid_until = valid_until or until
        if valid_from and valid_until:
            break
    return valid_from, valid_until, sentence


def find_addressees(text: str) -> str:
    """Who the document is sent to: a header line, or a chunk near the start, ending in a colon."""
    if "\n" in text:
        header = text.split("\n")[:6]
        return next((h.rstrip("：:") for h in header if h.endswith(("：", ":")) and len(h) < 200), "")
    for m in re.finditer(r"(?<!\S)([^\s。：:]{2,150})[：:](?=\s)", text[:HEAD_CHARS + 150]):
        chunk = m.group(1)
        if "各" in chunk or re.search(r"(?:单位|部门|局|委|厅|政府|机构|公司|企业|人员)$", chunk):
            return chunk
    return ""


def _iso(m: re.Match[str]) -> str:
    groups = m.groupdict()
    try:
        if groups.get("y"):
            y, mo, d = int(groups["y"]), int(groups["m"]), int(groups["d"])
        elif groups.get("cy"):
            y, mo, d = positional_int(groups["cy"]), chinese_int(groups["cm"]), chinese_int(groups["cd"])
        else:
            y, mo, d = int(groups["iy"]), int(groups["im"]), int(groups["id"])
        return dt.date(y, mo, d).isoformat()
    except (ValueError, KeyError, TypeError):
        return ""  # 2月30日 and the like: not a date


def _iso_until(m: re.Match[str], year: int | None) -> str:
    g = m.groupdict()
    if g.get("uy"):
        y, mo, d = int(g["uy"]), int(g["um"]), int(g["ud"])
    elif year:
        y, mo, d = year, int(g["m2"]), int(g["d2"])
    else:
        return ""
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return ""


def _squeeze(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip()
