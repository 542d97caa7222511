"""County-level divisions and their cities (corpus.districts), and what that does to the foreign-place check."""

from __future__ import annotations

from assistant.doc_focus import unknown_places
from corpus.districts import cities_of, districts_in, parse_adcodes


def test_county_level_rows_map_to_their_city_or_municipality():
    rows = [{"adcode": "140100000000", "name": "太原市"}, {"adcode": "140000000000", "name": "山西省"},
            {"adcode": "140105000000", "name": "小店区"}, {"adcode": "140181000000", "name": "古交市"},
            {"adcode": "140101000000", "name": "市辖区"}, {"adcode": "110000000000", "name": "北京市"},
            {"adcode": "110100000000", "name": "市辖区"}, {"adcode": "110108000000", "name": "海淀区"},
            {"adcode": "", "name": "空"}]
    assert parse_adcodes(rows) == [("海淀区", "北京市", "北京市"), ("小店区", "太原市", "山西省"),
                                   ("古交市", "太原市", "山西省")]


def test_the_shipped_table_knows_districts_and_shared_names():
    assert cities_of("小店区") == ("太原市",)
    assert set(cities_of("朝阳区")) == {"北京市", "长春市"}
    assert cities_of("太原市") == () and cities_of("不存在区") == ()


def test_a_district_of_a_city_the_documents_cover_is_no_foreign_place():
    known = "太原市人民政府 山西省财政厅".__contains__
    assert unknown_places(["小店区", "海淀区", "潞州区"], known) == ("海淀区", "潞州区")  # 潞州区 is in 长治市


def test_districts_are_found_in_full_or_by_a_stem_only_one_district_has():
    assert districts_in("我在小店区开了个宾馆") == [("小店区", "小店区", False, 2)]
    assert districts_in("海淀这边") == [("海淀", "海淀区", True, 0)]
    assert districts_in("浦东新区的企业") == [("浦东新区", "浦东新区", False, 0)]
    assert ("朝阳", "朝阳区", True, 0) not in districts_in("朝阳这边")  # 北京 and 长春 both have a 朝阳区


def test_a_city_alone_is_known_by_its_provinces_own_documents_when_asked_to():
    known = "太原市人民政府 广东省人民政府".__contains__
    assert unknown_places(["惠州"], known, {"广东省"}) == ("惠州",)
    assert unknown_places(["惠州"], known, {"广东省"}, city_by_province=True) == ()
    assert unknown_places(["青岛"], known, {"广东省"}, city_by_province=True) == ("青岛",)  # 山东省 has none


def test_a_city_said_with_its_province_is_no_foreign_place():
    # 「陕西商洛的贫困户…」: no document names 商洛, but 陕西省's own documents cover it; 商洛 alone stays foreign.
    known = "陕西省人民政府 山西省财政厅".__contains__
    own = frozenset({"陕西省"})
    assert unknown_places(["陕西", "商洛"], known, own) == ()
    assert unknown_places(["商洛"], known, own) == ("商洛",)
    # a province only mentioned (山西省财政厅 in a 太原 document) is no province of documents: 忻州 stays foreign
    assert unknown_places(["山西", "忻州"], known, own) == ("忻州",)
    assert unknown_places(["陕西", "商洛"], known) == ("商洛",)
    assert unknown_places(["湖南", "商洛"], known, own) == ("湖南", "商洛")  # 商洛 is in 陕西, not 湖南


def test_province_of_reads_provinces_and_prefectures_with_or_without_their_suffix():
    from corpus.metadata_regions import province_of
    assert province_of("商洛") == province_of("商洛市") == province_of("陕西") == "陕西省"
    assert province_of("恩施") == province_of("恩施土家族苗族自治州") == "湖北省"
    assert province_of("海淀区") is None and province_of("商洛县城") is None


def test_the_place_a_notice_names_most_is_a_province_municipality_or_city():
    from assistant.doc_focus import in_place, main_place, place_key
    assert place_key("广东") == place_key("广东省") == "广东省" and place_key("北京市") == "北京市"
    assert place_key("郑州市") == place_key("郑州") == "郑州" and place_key("海淀区") is None
    assert main_place("北京发布通知。北京的企业复工。上海也有。") == "北京市"
    assert main_place("广州天河。广州番禺。深圳。") == "广州" and main_place("广州。深圳。") is None
    # gold ex-422 (dev): 「来京人员…返京后…」 is about 北京 though it names 北京 once; 返宁 may be 南京 or 西宁
    assert main_place("来京人员扫码登记。返京后居家观察14天。北京发布。上海也有。") == "北京市"
    assert main_place("外地返宁人员请登记。返宁后居家观察。") is None
    assert main_place("京东物流。北京。上海。") is None  # 京东 is no going to 北京
    # gold ex-539 (dev): a 北京 guideline that says only 「在京离京」「到京之日」, and 湖北 where travellers came from
    assert main_place("掌握在京离京情况。离开湖北地区的到京人员，在到京之日起居家观察。湖北。") == "北京市"
    assert main_place("在京东买的。到京东退货。上海。") is None
    assert main_place("在浙江大学。在浙江省杭州市。北京市。北京。北京。") == "北京市"  # 在浙江 is 浙江 once
    assert main_place("在京山市。到京山后。北京。") is None and main_place("接到鲁女士报案。回到鲁先生家。") is None
    assert main_place("抵京人员登记。抵京后居家观察。") == "北京市"
    # a city's notice is its province's too, not another province's
    assert in_place("广州", "广东省") and in_place("广东省", "广东省") and not in_place("广州", "湖北省")
    assert not in_place(None, "广东省")
