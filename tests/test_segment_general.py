"""General segmentation (inline headings, lost paragraph breaks, packed news items) and text metadata."""

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from corpus import load_corpus, parse_policy
from corpus.metadata import extract_metadata, find_doc_number, find_issued, find_region, find_title, find_validity
from corpus.metadata_regions import region_in
from corpus.segment import units_note
from corpus.segment_general import MAX_SECTION_CHARS, segment_document, segment_general
from corpus.segment_headings import chinese_int, find_headings, positional_int
from tests.conftest import ROOT, SEED

EXTRA = Path(__file__).resolve().parents[2] / "shared" / "corpus-extra" / "ncp-policies"
FIXTURE = ROOT / "tests" / "data" / "taiyuan-2020-2.sections.json"


def filler(n: int, word: str = "企业可按规定申请延期缴纳社会保险费") -> str:
    """About n characters of whole sentences."""
    sentence = word + "。"
    return sentence * max(1, n // len(sentence))


def check_invariants(text: str, sections) -> None:
    assert "".join(s.text for s in sections) == text
    assert sections[0].start == 0 and sections[-1].end == len(text)
    for a, b in zip(sections, sections[1:]):
        assert a.end == b.start
    ids = [s.id for s in sections]
    assert len(set(ids)) == len(ids), ids
    for s in sections:
        assert 0 < len(s.text) <= MAX_SECTION_CHARS, (s.id, len(s.text))
        assert text[s.start:s.end] == s.text
        for snt in s.sentences:
            assert text[snt.start:snt.end] == snt.text and snt.text.strip() == snt.text and snt.text
            assert s.start <= snt.start < snt.end <= s.end


# --- Taiyuan: the item segmenter's output is pinned field by field -----------------------------------------


def test_taiyuan_sections_are_unchanged(policy):
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert policy.text == fixture["text"]
    for field in ("title", "doc_number", "issued", "addressees"):
        assert getattr(policy, field) == fixture[field], field
    assert len(policy.sections) == len(fixture["sections"])
    for section, want in zip(policy.sections, fixture["sections"]):
        got = {"doc": section.doc, "id": section.id, "title": section.title, "heading_path": list(section.heading_path),
               "text": section.text, "start": section.start, "end": section.end, "body": section.body,
               "units": list(section.units), "sentences": [[s.text, s.start, s.end] for s in section.sentences],
               "content_hash": section.content_hash}
        assert got == want, section.id


def test_taiyuan_new_metadata(policy):
    assert policy.issuer == "太原市人民政府"
    assert policy.region == "山西省太原市"
    assert policy.valid_from == "2020-02-07" and policy.valid_until == ""  # a relative period: 3 months
    assert policy.validity == "政策执行期暂定为自发布之日起的3个月。"
    assert [s.numbering for s in policy.sections][:3] == ["", "一、", "二、"]


def test_taiyuan_layout_is_chosen_by_structure_not_name():
    raw = SEED.read_text(encoding="utf-8")
    assert [s.id for s in parse_policy("any-name", raw).sections][-1] == "closing"
    one_line = " ".join(line.strip() for line in parse_policy("x", raw).text.split("\n"))
    ids = [s.id for s in parse_policy("x", one_line).sections]
    assert "closing" not in ids and ids[:3] == ["preamble", "1", "2"]


# --- inline headings ---------------------------------------------------------------------------------------


def test_nested_inline_headings_give_numbering_paths():
    text = ("关于支持企业复工复产的通知 各区人民政府： 为支持企业发展，提出以下措施。 "
            f"一、加强金融支持 （一）增加信贷投放。{filler(300)} （二）降低融资成本。{filler(300)} "
            f"二、减轻企业负担 （三）减免房租。{filler(120)} 1.国有房产免收租金。{filler(300)} 2.其他房产协商减免。{filler(300)} "
            f"（四）缓缴社保。{filler(100)}")
    heads = find_headings(text)
    assert [h.marker for h in heads] == ["一、", "（一）", "（二）", "二、", "（三）", "1.", "2.", "（四）"]
    assert heads[0].label == "一、加强金融支持" and heads[1].label == "（一）增加信贷投放"
    sections = segment_general("d", text)
    check_invariants(text, sections)
    by_id = {s.id: s for s in sections}
    assert list(by_id) == ["preamble", "1.1", "1.2", "2.3", "2.3.1", "2.3.2", "2.4"]
    # 一、 has no text of its own before （一）: it leads （一）'s section instead of standing alone.
    assert by_id["1.1"].text.startswith("一、加强金融支持 （一）")
    assert by_id["1.2"].heading_path == ("一、加强金融支持", "（二）降低融资成本")
    assert by_id["1.2"].numbering == "一、（二）"
    assert by_id["2.3.1"].heading_path == ("二、减轻企业负担", "（三）减免房租", "1.国有房产免收租金")
    assert by_id["2.3"].title == "减免房租" and by_id["2.3"].body.startswith(filler(10)[:5])
    assert by_id["preamble"].title == "前言" and by_id["preamble"].heading_path == ()


def test_a_span_within_the_bound_stays_whole():
    text = "通知 一、加强支持 （一）增加信贷。（二）降低成本。 二、减轻负担 （三）减免房租。"
    sections = segment_general("d", text)
    assert [s.id for s in sections] == ["preamble", "1", "2"]
    assert sections[1].heading_path == ("一、加强支持",) and sections[1].number == "一"
    top_level_parens = segment_general("d", "通知 （一）增加信贷。 （二）降低成本。")
    assert [(s.id, s.number, s.numbering) for s in top_level_parens[1:]] == [("1", "", "（一）"), ("2", "", "（二）")]


@pytest.mark.parametrize("figure", ["1.5倍", "2020.3.1", "第1季度", "3.8亿元", "1、2月份", "一、二级响应", "10.5%"])
def test_figures_and_dates_are_not_headings(figure):
    text = f"说明 一、总体要求 补贴提高 {figure} 左右。 2.落实到位。 {figure} 继续执行。 二、具体措施 办理。"
    assert [h.marker for h in find_headings(text)] == ["一、", "二、"]


def test_cross_references_and_lone_markers_are_not_headings():
    text = ("本公告第一条、第二条所称物资 第三条规定：禁止囤积。 《慈善法》第八条的规定 一、只有一项 "
            "（1）也只有一项 1.孤立的编号")
    assert find_headings(text) == ()
    assert [s.id for s in segment_general("d", text)] == ["p1"]


def test_numbering_carries_on_across_parents():
    text = ("措施 一、生活保障 （一）慰问。 （二）帮扶。 二、心理保障 （三）组建专家组。 （四）开通热线。 "
            "三、其他 （五）宣传。")
    heads = find_headings(text)
    assert [h.marker for h in heads] == ["一、", "（一）", "（二）", "二、", "（三）", "（四）", "三、", "（五）"]


def test_a_list_repeated_after_a_summary_gets_distinct_ids():
    text = (f"指引 一、防护 二、物资 一、防护 1.补助免税。{filler(480)} 2.防护用品免税。{filler(100)} "
            f"二、物资 3.留抵退税。{filler(100)}")
    sections = segment_general("d", text)
    check_invariants(text, sections)
    assert [s.id for s in sections] == ["preamble", "1", "2", "1~2.1", "1~2.2", "2~2"]
    assert sections[3].heading_path == ("一、防护", "1.补助免税")


def test_chapters_and_articles():
    text = ("某市实施细则 第一章 总则 第一条 为做好防控工作，制定本细则。 第二条 本细则适用于全市。 "
            "第二章 考核 第三条 考核每年一次。 第四条 考核结果公开。")
    heads = find_headings(text)
    assert [h.label for h in heads] == ["第一章 总则", "第一条", "第二条", "第二章 考核", "第三条", "第四条"]
    assert [h.id_part for h in heads] == ["ch-1", "art-1", "art-2", "ch-2", "art-3", "art-4"]
    assert [s.id for s in segment_general("d", text)] == ["preamble", "ch-1", "ch-2"]
    long = text.replace("考核每年一次。", filler(520)).replace("制定本细则。", filler(520))
    sections = segment_general("d", long)
    check_invariants(long, sections)
    ids = [s.id for s in sections]
    assert ids[:4] == ["preamble", "ch-1.art-1", "ch-1.art-1#2", "ch-1.art-2"]
    assert "ch-2.art-3" in ids and "ch-2.art-4" in ids
    art3 = next(s for s in sections if s.id == "ch-2.art-3")
    assert art3.heading_path == ("第二章 考核", "第三条") and art3.numbering == "第二章第三条"


def test_news_item_without_headings_is_packed_from_whole_sentences():
    sentences = [f"第{i}句介绍了复工复产的进展情况，{'企业' * (i % 7 + 3)}陆续开工。" for i in range(60)]
    text = "某地加快复工复产 " + " ".join(sentences)
    sections = segment_general("news", text)
    check_invariants(text, sections)
    assert [s.id for s in sections] == [f"p{k}" for k in range(1, len(sections) + 1)] and len(sections) > 3
    for s in sections[:-1]:
        assert s.text.rstrip().endswith("。")  # cut between sentences, never inside one
    assert sections[0].title == "第1部分" and sections[0].heading_path == ()


def test_over_long_section_is_split_into_parts_keeping_its_heading_path():
    text = f"通知 一、减免房租 {filler(1300)} 二、缓缴社保 {filler(100)}"
    sections = segment_general("d", text)
    check_invariants(text, sections)
    parts = [s for s in sections if s.id.split("#")[0] == "1"]
    assert [s.id for s in parts] == ["1", "1#2", "1#3"]
    assert all(s.heading_path == ("一、减免房租",) and s.title == "减免房租" for s in parts)


def test_a_sentence_longer_than_the_bound_is_cut_at_the_bound():
    text = "通知 " + "很长的句子没有句号" * 150
    sections = segment_general("d", text)
    check_invariants(text, sections)
    assert [len(s.text) for s in sections] == [3, MAX_SECTION_CHARS, MAX_SECTION_CHARS, 350]


def test_units_note_in_ascii_brackets():
    text = ("意见 一、保障物资 （一）做好供应。加大采购力度。(责任单位：市卫生健康委、各相关区人民政府) "
            "（二）稳定价格。严查哄抬。（责任单位：市市场监管局） 二、其他 （三）宣传。")
    sections = segment_general("d", text)
    first = sections[1]
    assert first.id == "1" and first.units == ("市卫生健康委", "各相关区人民政府", "市市场监管局")
    assert "责任单位" not in first.body
    note = units_note(first)
    assert note is not None and note.text == "(责任单位：市卫生健康委、各相关区人民政府)"
    assert segment_general("d", "通知 没有责任单位的段落。")[0].units == ()


def test_sentences_split_at_lost_paragraph_breaks_not_inside_brackets_or_words():
    text = "标题 新华社北京2月15日电（记者 申铖）记者获悉。 该厅推行N95 口罩 网上办 　　第二段开始"
    texts = [s.text for s in segment_general("d", text)[0].sentences]
    assert texts == ["标题", "新华社北京2月15日电（记者 申铖）记者获悉。", "该厅推行N95 口罩", "网上办", "第二段开始"]


def test_segment_document_rejects_nothing_and_segment_general_rejects_empty():
    with pytest.raises(ValueError, match="empty text"):
        segment_general("d", "")
    assert segment_document("d", "一")[0].id == "p1"


def test_chinese_numerals():
    assert [chinese_int(n) for n in ("一", "十", "十一", "二十三", "九十九", "一百", "一百零一", "一百二十")] == \
        [1, 10, 11, 23, 99, 100, 101, 120]
    for bad in ("", "一一", "十十", "零", "甲"):
        with pytest.raises(ValueError, match="not a Chinese numeral"):
            chinese_int(bad)
    assert positional_int("二〇二〇") == 2020
    with pytest.raises(ValueError, match="digit-by-digit"):
        positional_int("二十")


# --- properties over generated documents -------------------------------------------------------------------

_KINDS = {
    "item": lambda n: f"{'一二三四五六七八九'[n - 1]}、",
    "paren_item": lambda n: f"（{'一二三四五六七八九'[n - 1]}）",
    "point": lambda n: f"{n}.",
    "paren_point": lambda n: f"（{n}）",
    "article": lambda n: f"第{'一二三四五六七八九'[n - 1]}条",
}
_words = st.text(alphabet=st.sampled_from(list("企业房租减免补贴政策市局（）“”，、12.5%年月日第季度一二")), min_size=0, max_size=60)
_sentence = st.builds(lambda w, end: w + end, _words, st.sampled_from(["。", "；", "！", "", "？”"]))
_gap = st.sampled_from([" ", "\u3000\u3000", " \u3000", "\n", "", "  "])


@st.composite
def documents(draw):
    counters = dict.fromkeys(_KINDS, 0)
    parts = [draw(_sentence)]
    for _ in range(draw(st.integers(0, 40))):
        if draw(st.booleans()):
            kind = draw(st.sampled_from(sorted(_KINDS)))
            counters[kind] = counters[kind] + 1 if counters[kind] < 9 and draw(st.integers(0, 5)) else 1
            parts.append(draw(_gap) + _KINDS[kind](counters[kind]) + draw(_words))
        for _ in range(draw(st.integers(0, 6))):
            parts.append(draw(_gap) + draw(_sentence) * draw(st.sampled_from([1, 1, 2, 15])))
    return "".join(parts)


@given(documents())
@settings(max_examples=300, deadline=None)
def test_generated_documents_tile_and_stay_within_the_bound(raw):
    try:
        policy = parse_policy("gen", raw)
    except Exception as exc:  # only an empty text may be refused
        assert not raw.strip(), exc
        return
    check_invariants(policy.text, policy.sections)
    assert policy.title
    for s in policy.sections:
        assert all(label.strip() for label in s.heading_path)


@given(st.text(alphabet=st.sampled_from(list("一二三十、（）()1.第条章 \u3000\n。；企业")), min_size=1, max_size=400))
@settings(max_examples=300, deadline=None)
def test_marker_soup_still_tiles(raw):
    text = raw.strip()
    if not text:
        return
    check_invariants(text, segment_general("soup", text))


# --- metadata on hand-written snippets ---------------------------------------------------------------------


def test_title_of_an_official_notice_and_of_a_news_item():
    notice = "国家发展改革委办公厅关于疫情防控期间采取支持性两部制电价政策 降低企业用电成本的通知 发改办价格〔2020〕110号 国家电网："
    assert find_title(notice) == ("国家发展改革委办公厅关于疫情防控期间采取支持性两部制电价政策 降低企业用电成本的通知", "document-title")
    assert find_title("重庆：20万纳税人受益发票免费寄递 近日，国家税务总局重庆市税务局发布通告。")[0] == "重庆：20万纳税人受益发票免费寄递"
    assert find_title("全是干货！重庆税务十项举措为企业纾困解难 今日，记者获悉。")[0] == "全是干货！重庆税务十项举措为企业纾困解难"
    assert find_title("这四类情况 权威部门有明确解答 因疫情防控需要，上海劝返。")[0] == "这四类情况 权威部门有明确解答"
    assert find_title("国家税务总局发布 《新冠肺炎疫情防控税收优惠政策指引》 近日，财税部门发布。")[0] == \
        "国家税务总局发布 《新冠肺炎疫情防控税收优惠政策指引》"
    meta = extract_metadata("铜川市人民政府 为贯彻落实我市应急响应要求，现通告如下。")
    assert (meta.title, meta.title_from, meta.issuer) == ("铜川市人民政府：为贯彻落实我市应急响应要求", "first-words", "铜川市人民政府")


def test_issuer_and_region():
    cases = {
        "太原市人民政府关于支持中小微企业发展的意见 并政发〔2020〕2号": ("太原市人民政府", "山西省太原市"),
        "财政部预拨第二批疫情防控补助资金80亿元 新华社北京2月15日电": ("财政部", "全国"),
        "山西省人社厅推行服务事项“不见面、网上办” 记者获悉。": ("山西省人社厅", "山西省"),
        "国家税务总局南阳市税务局关于延长申报期限的通告 各纳税人：": ("国家税务总局南阳市税务局", "河南省南阳市"),
        "广西：多举措加强社区防控 2月13日，自治区召开发布会。": ("", "广西壮族自治区"),
        "福建部署加强疫情防控市场供应保障工作 2日上午，我省召开会议。": ("", "福建省"),
        "关于做好医务人员保障的通知 各单位： 正文。 广东省人民政府办公厅 2020年2月18日": ("广东省人民政府办公厅", "广东省"),
    }
    for text, (issuer, region) in cases.items():
        meta = extract_metadata(text)
        assert (meta.issuer, meta.region) == (issuer, region), text
    assert find_region("", "湖北黄冈：重症患者一人一方案") == "湖北省黄冈市"
    assert region_in("吉林市人民政府") == "吉林省吉林市" and region_in("吉林省政府") == "吉林省"
    assert region_in("山西省支援黄冈市") == "山西省" and region_in("浙江省义乌市") == "浙江省义乌市"
    assert region_in("恩施州卫健委") == "湖北省恩施州" and region_in("市商务局") == ""


def test_a_province_s_code_opening_the_doc_number_gives_the_region_nothing_else_gives():
    # gold ex-746, ex-1304 (dev): 「省工业和信息化厅…」 with 黔工信运行〔2020〕9号 is 贵州's, but had no region
    text = "省工业和信息化厅关于有序推进工业企业复工复产的通知\n黔工信运行〔2020〕9号\n各市（州）工业和信息化局："
    meta = extract_metadata(text)
    assert meta.doc_number == "黔工信运行〔2020〕9号" and meta.region == "贵州省"
    assert find_region("市商务局", "关于外资企业复工复产的通知", "津商外资〔2020〕1号") == "天津市"
    # what the issuer or title names wins; a code several places use (宁: 南京 and 宁夏) or none gives nothing
    assert find_region("太原市人民政府", "关于…的意见", "晋政发〔2020〕1号") == "山西省太原市"
    assert find_region("市政府", "关于…的通知", "宁政发〔2020〕3号") == ""
    assert find_region("", "关于…的通知", "并政发〔2020〕2号") == ""
    # a city's own government may use its province's character (苏州: 苏府), and a city-level body a code
    assert find_region("市人民政府", "关于…的通知", "苏府〔2020〕1号") == ""
    assert find_region("市商务局", "关于…的通知", "苏商〔2020〕1号") == ""
    assert find_region("省人民政府", "关于…的通知", "粤府〔2020〕12号") == "广东省"


def test_doc_number_official_form_and_references_skipped():
    assert find_doc_number("太原市人民政府关于…的意见\n并政发[2020]2号\n2020年2月7日") == "并政发〔2020〕2号"
    assert find_doc_number("…的通知 肺炎机制发﹝2020﹞21号 各省：") == "肺炎机制发〔2020〕21号"
    assert find_doc_number("根据《关于…的通知》（国办发〔2020〕4号）要求") == ""
    assert find_doc_number("按照天津市卫健委津卫医政〔2020〕100号要求") == ""
    assert find_doc_number("关于…有关税收政策的公告 财政部 税务总局公告2020年第8号 为进一步…") == "财政部 税务总局公告2020年第8号"
    assert find_doc_number("正文" * 200 + " 京政办发〔2020〕5号") == ""  # beyond the head: not this document's


def test_issued_dates():
    assert find_issued("通知 京政办发〔2020〕5号 2020年2月5日 各区：") == "2020-02-05"
    assert find_issued("意见 二〇二〇年二月七日 各县：") == "2020-02-07"
    assert find_issued("新华社北京2月15日电 记者获悉。") == ""  # no year: a news dateline
    assert find_issued("正文。" * 200 + " 某市人民政府 2020年2月18日") == "2020-02-18"
    assert find_issued("通知 2020年2月30日 各区：") == ""


def test_validity_periods():
    assert find_validity("六、本公告自2020年1月1日起实施，截止日期视疫情情况另行公告。")[:2] == ("2020-01-01", "")
    assert find_validity("本通知自发布之日起暂执行至2020年6月30日止。", "2020-02-09")[:2] == ("2020-02-09", "2020-06-30")
    assert find_validity("注册费零收费执行期限为2020年1月1日至2020年6月30日。")[:2] == ("2020-01-01", "2020-06-30")
    assert find_validity("本政策执行期暂定为自政策发布之日起至6月30日。", "2020-02-05")[:2] == ("2020-02-05", "2020-06-30")
    relative = find_validity("政策执行期暂定为自发布之日起的3个月。", "2020-02-07")
    assert relative == ("2020-02-07", "", "政策执行期暂定为自发布之日起的3个月。")
    assert find_validity("截至2月16日，已复工1328家。颁发有效期3个月的临时注册证。") == ("", "", "")


# --- the real corpus ---------------------------------------------------------------------------------------

needs_extra = pytest.mark.skipif(not EXTRA.is_dir(), reason=f"corpus-extra not present at {EXTRA}")


@pytest.fixture(scope="module")
def extra():
    start = time.perf_counter()
    policies = load_corpus(EXTRA)
    return policies, time.perf_counter() - start


@needs_extra
def test_every_extra_document_segments_within_the_bound(extra):
    policies, seconds = extra
    assert len(policies) == len(list(EXTRA.glob("*.txt")))
    for p in policies:
        check_invariants(p.text, p.sections)
    assert seconds < 10, f"parsing {len(policies)} documents took {seconds:.1f}s"


@needs_extra
def test_extra_coverage_report(extra):
    policies, seconds = extra
    n = len(policies)
    headed = sum(1 for p in policies if p.sections[0].id != "p1")
    metas = [extract_metadata(p.text) for p in policies]
    titled = sum(1 for m in metas if m.title_from != "first-words")
    count = {f: sum(1 for p in policies if getattr(p, f)) for f in
             ("issuer", "region", "doc_number", "issued", "valid_from", "valid_until", "validity")}
    report = (f"{n} documents in {seconds:.2f}s: {headed} with headings, {n - headed} packed, "
              f"{sum(len(p.sections) for p in policies)} sections; non-trivial title {titled}; "
              + ", ".join(f"{k} {v}" for k, v in count.items()))
    print(report)
    assert titled >= 0.95 * n, report
    assert headed >= 0.3 * n and count["issuer"] >= 0.3 * n and count["region"] >= 0.5 * n, report
    assert all(p.title.strip() for p in policies)
