import pytest
from hypothesis import given, settings, strategies as st

from corpus import CorpusError, load_policy, parse_policy
from corpus.clean import clean_text, content_chars
from corpus.segment import chinese_number, split_units
from tests.conftest import SEED

TITLES = {
    "1": "确保中小微企业信贷余额不下降",
    "2": "降低中小微企业融资成本",
    "3": "进一步发挥地方金融机构作用",
    "4": "实施援企稳岗政策",
    "5": "缓缴社会保险费",
    "6": "减免中小微企业房租",
    "7": "减免中小微企业税费和延期缴纳税款",
    "8": "加快兑现支持企业发展专项资金和优惠政策",
    "9": "加大清欠民营企业和中小微企业账款力度",
    "10": "规范行政执法行为",
}
COUNTIES = ("各县（市、区）人民政府", "综改示范区", "不锈钢园区")
UNITS = {
    "1": ("人行太原中心支行", "山西银保监局", "市金融办"),
    "2": ("人行太原中心支行", "山西银保监局", "市金融办", "市财政局"),
    "3": ("人行太原中心支行", "市金融办", "市财政局"),
    "4": ("市人社局", "市财政局"),
    "5": ("市人社局", "市财政局"),
    "6": (*COUNTIES, "市工信局", "市国资委", "市机关事务管理局", "市房产局"),
    "7": ("市税务局",),
    "8": (*COUNTIES, "市发展改革委", "市科技局", "市工信局", "市人社局", "市财政局"),
    "9": (*COUNTIES, "市工信局", "市国资委"),
    "10": ("各行政执法部门",),
}


def test_metadata(policy):
    assert policy.doc == "taiyuan-2020-2"
    assert policy.title == "太原市人民政府关于应对新型冠状病毒感染肺炎疫情支持中小微企业发展的意见"
    assert policy.doc_number == "并政发〔2020〕2号"
    assert policy.issued == "2020-02-07"
    assert policy.addressees.startswith("各县（市、区）人民政府") and policy.addressees.endswith("各有关单位")


def test_section_ids_titles_and_units(policy):
    assert [s.id for s in policy.sections] == ["preamble", *TITLES, "closing"]
    for sid, title in TITLES.items():
        section = policy.section(sid)
        assert section.title == title
        assert section.units == UNITS[sid], sid
        assert "责任单位" not in section.body


def test_sections_tile_the_cleaned_text(policy):
    assert policy.sections[0].start == 0
    assert policy.sections[-1].end == len(policy.text)
    for a, b in zip(policy.sections, policy.sections[1:]):
        assert a.end == b.start
    assert "".join(s.text for s in policy.sections) == policy.text


def test_sentence_offsets_point_at_their_text(policy):
    for section in policy.sections:
        for s in section.sentences:
            assert policy.text[s.start:s.end] == s.text
            assert section.start <= s.start < s.end <= section.end


def test_cleaning_keeps_every_content_character_and_removes_artefacts(policy):
    raw = SEED.read_text(encoding="utf-8")
    assert content_chars(policy.text) == content_chars(raw)
    assert "\ufffd" not in policy.text and "\n\n" not in policy.text
    assert " 、市财政局" not in policy.text and "市金融办、市财政局）" in policy.text
    assert "前两个月房租免收、第三个月房租减半" in policy.section("6").text  # a sentence that was hard-wrapped


def test_closing_holds_period_preference_and_interpretation(policy):
    closing = policy.section("closing").text
    assert "政策执行期暂定为自发布之日起的3个月" in closing
    assert "从优执行" in closing and "会同相关部门解释" in closing


def test_bad_files_get_clear_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(CorpusError, match="only whitespace"):
        load_policy(empty)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02abc")
    with pytest.raises(CorpusError, match="binary"):
        load_policy(binary)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("房租减免".encode("gbk"))
    assert load_policy(gbk).text == "房租减免"  # GBK is converted (corpus/decode.py)
    undecodable = tmp_path / "bad.txt"
    undecodable.write_bytes(b"abc \xff\xff\xff def")
    with pytest.raises(CorpusError, match="bad.txt cannot be decoded"):
        load_policy(undecodable)
    with pytest.raises(CorpusError, match="does not exist"):
        from corpus import load_corpus

        load_corpus(tmp_path / "missing")


def test_chinese_numbers_and_unit_splitting():
    assert [chinese_number(n) for n in ("一", "九", "十", "十一", "二十三")] == [1, 9, 10, 11, 23]
    with pytest.raises(ValueError, match="not a Chinese item numeral"):
        chinese_number("甲")
    assert split_units("各县（市、区）人民政府、市工信局") == ("各县（市、区）人民政府", "市工信局")


_text = st.text(alphabet=st.sampled_from(list("房租减免。，、（）一二三十\n \u3000\ufffd市局abc1%")), max_size=300)


@given(_text)
@settings(max_examples=200, deadline=None)
def test_cleaning_never_loses_or_invents_content(raw):
    assert content_chars(clean_text(raw)) == content_chars(raw)


@given(_text)
@settings(max_examples=200, deadline=None)
def test_any_text_segments_into_tiling_sections(raw):
    try:
        policy = parse_policy("fuzz", raw)
    except CorpusError:
        assert not content_chars(raw)
        return
    assert "".join(s.text for s in policy.sections) == policy.text
    for section in policy.sections:
        for s in section.sentences:
            assert policy.text[s.start:s.end] == s.text
