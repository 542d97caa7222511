"""jieba tokens for BM25: one Tokenizer instance the project owns, with a dictionary of policy terms.

The global `jieba` object is shared process-wide state; owning an instance keeps our user words from
leaking into (or being changed by) anything else that uses jieba.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from functools import lru_cache

import jieba

# Terms jieba would split or mis-cut; each must survive as one token so BM25 can match it exactly.
POLICY_TERMS = (
    "中小微企业", "小微企业", "中小企业", "反担保", "再担保", "滞纳金", "失业保险费", "失业保险金", "失业保险",
    "养老保险", "工伤保险", "医疗保险", "社会保险费", "社会保险", "城镇土地使用税", "房产税", "责任单位",
    "信贷余额", "融资成本", "贷款贴息", "专项再贷款", "融资担保", "代偿", "追偿", "核销", "小额贷款公司",
    "援企稳岗", "稳岗", "缓缴", "延期缴纳", "延期申报", "减免", "房租", "租金", "经营用房", "国有资产",
    "创业载体", "创业基地", "物业费", "管理费", "技术改造", "技改", "高新技术企业", "孵化器", "众创空间",
    "清欠", "拖欠", "账款", "行政执法", "轻微违法违规", "百行进万企", "抽贷", "断贷", "压贷", "续贷",
    "信用贷款", "中长期贷款", "人行太原中心支行", "山西银保监局", "市金融办", "市财政局", "市人社局",
    "市税务局", "市工信局", "市国资委", "市机关事务管理局", "市房产局", "市发展改革委", "市科技局",
    "综改示范区", "不锈钢园区", "划型标准", "从优执行", "执行期",
)

# Numbers with their unit or percent sign stay whole: 16%, 3个月, 2019年, 50%.
_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:%|％|个月|月份|月|年|日|天|元|万元|万)?")
_KEEP = re.compile(r"[\w%％]")
STOPWORDS = frozenset(
    "的 了 和 与 及 或 是 在 对 为 由 等 中 其 之 我 我们 你 你们 他 它 这 那 吗 呢 吧 啊 么 呀 嘛 啥 什么 怎么 怎样 如何 "
    "哪些 哪个 多少 能 能否 可以 可 有 有没有 没有 要 会 都 也 还 就 又 请问 一下 一个 个 给 让 把 被 从 向 以 按 "
    "所 而 则 并 且 该 本 各 每 些 吗？ ？ ，".split()
)

_lock = threading.Lock()


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """The project's jieba instance with the policy terms added (built once, on first use)."""
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    with _lock:
        tk.initialize()
        for term in POLICY_TERMS:
            tk.add_word(term, freq=200_000)
    return tk


COMMON_WORD_FREQ = 20  # jieba dictionary count from which a word is everyday language, not a typo


def is_common_word(word: str) -> bool:
    """A word of jieba's general dictionary (多长, 几点, 交织): typed on purpose, whatever the corpus holds."""
    return (tokenizer().FREQ.get(word) or 0) >= COMMON_WORD_FREQ


def normalize(text: str) -> str:
    """NFKC folds full-width letters, digits and ％ so 'ＳＭＥ１６％' matches 'SME16%'; lower-case Latin."""
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str) -> list[str]:
    """Text → BM25 tokens: jieba words with numbers and their units kept whole, stopwords and punctuation dropped."""
    text = normalize(text)
    out: list[str] = []
    pos = 0
    for m in _NUMBER.finditer(text):
        out.extend(_words(text[pos:m.start()]))
        out.append(m.group())
        pos = m.end()
    out.extend(_words(text[pos:]))
    return out


def _words(chunk: str) -> list[str]:
    if not chunk:
        return []
    words = []
    # Search mode also emits the parts of long words (贷款贴息 → 贷款, 贴息, 贷款贴息), so a question
    # that names only a part still matches.
    for w in tokenizer().lcut_for_search(chunk, HMM=False):
        w = w.strip()
        if w and w not in STOPWORDS and _KEEP.search(w):
            words.append(w)
    return words


@lru_cache(maxsize=1)
def _pos_tokenizer():
    import jieba.posseg

    return jieba.posseg.POSTokenizer(tokenizer())


@lru_cache(maxsize=1)
def _provinces_and_cities() -> frozenset[str]:
    from corpus.metadata_regions import CITIES, PLACE_NAMES

    return PLACE_NAMES | {f"{c}市" for c in CITIES}


def is_place_name(word: str) -> bool:
    """A province or prefecture-level city, full or short (山西省, 山西, 阳泉, 阳泉市)."""
    return word in _provinces_and_cities()


_GOVERNING = ("政府", "厅", "局", "委", "办")


def tagged_words(text: str) -> list[tuple[str, str]]:
    """Every word of the text with its jieba POS tag, in order (no HMM: stable)."""
    return [(w.word, w.flag) for w in _pos_tokenizer().lcut(normalize(text), HMM=False)]


def place_names(text: str) -> list[str]:
    """Place names in the text: jieba's 'ns' words that are provinces or cities, or have three characters or
    more (小店区, 浦东新区), and provinces or cities jieba tags as other nouns (长治, 阳泉). A bare two-character 'ns' word (上门, 上岗, 下海, 东西) is more often no place at all.
    An organisation word that starts with a province or city (香港特区政府) names that place."""
    found = []
    before = ""
    for w in _pos_tokenizer().lcut(normalize(text), HMM=False):
        counted, before = _counted(before, w.word), w.word
        if counted:
            continue  # 「正月里一天门都没开」: 一天 + 门, not the city 天门
        if w.flag == "ns" and (len(w.word) >= 3 or is_place_name(w.word)) and not _MOVING_TOWARDS.fullmatch(w.word) \
                and not w.word.endswith("房东"):  # jieba's 'ns' 二房东 is a sublandlord
            found.append(w.word)
        elif w.flag.startswith("n") and is_place_name(w.word):
            found.append(w.word)  # a city jieba tags as a common or personal noun (长治 'n', 阳泉 'nr'); not 大同 'd'

        elif w.flag in ("nt", "nz") and len(w.word) > 3 and w.word.endswith(_GOVERNING):
            # a government body named with its place in one dictionary word: 香港特区政府, 北京市政府 (not
            # 北京大学 or 上海证券交易所, which are no place's policy)
            place = next((w.word[:n] for n in (3, 2) if is_place_name(w.word[:n])), None)
            if place:
                found.append(place)
    return found


# 「要上门来走访」: jieba tags 上门来 as a place; a two-character word and 来/去 after it is a movement, not a place
_MOVING_TOWARDS = re.compile(r"[\u4e00-\u9fff]{2}[来去]")
_NUMERALS = frozenset("一二两三四五六七八九十百千几半整每0123456789")
_MEASURES = frozenset("天年月日周个家台元斤吨间")


def _counted(before: str, word: str) -> bool:
    """Whether `word` starts with a measure word that counts the numeral just before it (一|天门, 两|个旧)."""
    return bool(before) and before[-1] in _NUMERALS and word[:1] in _MEASURES


# jieba POS tags that carry a question's topic: nouns, verbs, adjectives, idioms, abbreviations, places,
# English words; and 'x', which jieba gives the words we added (中小微企业, 缓缴).
_CONTENT_TAGS = ("n", "v", "a", "i", "l", "j", "s", "eng", "x")


def content_words(text: str, tags: tuple[str, ...] = _CONTENT_TAGS) -> list[tuple[str, str]]:
    """(word, jieba POS tag) for the whole words that say what the text is about; function words, numbers,
    pronouns and single characters dropped (a lone character is too ambiguous to stand for a topic)."""
    out = []
    for w in _pos_tokenizer().lcut(normalize(text), HMM=False):
        word = w.word.strip()
        if len(word) < 2 or not _KEEP.search(word) or word in STOPWORDS:
            continue
        if w.flag.startswith(tags):
            out.append((word, w.flag))
    return out

