"""Names of policy instruments (创业担保贷款, 个人所得税, 政府采购, 一次性吸纳就业补贴 …) that other policies use.

A question that names an instrument the served documents never mention asks about another policy, even when
every word of the name is in them: 创业担保贷款 is 创业 + 担保 + 贷款, all three words of the Taiyuan text, yet
the text says nothing about that loan. Word-level signals cannot see this; a list of instrument names can.

The list (`data/policy_terms.txt`) is mined from a broader corpus than the one served, the 599 COVID-19
policies of shared/corpus-extra (`python -m assistant.policy_terms DIR > assistant/data/policy_terms.txt`):
every instrument head (贷款, 补贴, 所得税, 审批 …) with the 2–6 Chinese characters before it, starting at a jieba
word boundary with a noun and holding no verb of a clause, kept when at least MIN_DOCUMENTS documents use it. It is shipped, so a machine
without shared/ has it too. Over that same corpus every term is present and the check never fires.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Sequence

from index.tokenize import tagged_words, tokenizer

# What a policy grants, charges or requires: the last word of an instrument's name.
# (Not 额度: 贷款额度 is any loan's size, not an instrument.)
HEADS = ("贷款", "补贴", "补助", "保障金", "奖励", "资助", "基金", "所得税", "增值税", "附加税", "保险", "救助",
         "津贴", "认定", "审批", "采购")
# A name starts with a noun-like word (个人所得税, 创业担保贷款, 政府采购); 申请贷款, 给予补助, 缴纳社会保险 are
# what one does with an instrument, not a name of one. jieba tags: nouns, verbal nouns, idioms, set phrases,
# abbreviations and the project's added words.
NAME_START_TAGS = ("n", "vn", "l", "j", "i")
# jieba tags some verb phrases as nouns (发放贷款, 办理增值税); a name starts with none of these, nor joins two
# things or holds a clause's verb (情况和基金, 资金从失业保险, 货物免征增值税, 企业实际获得贷款)
VERB_STARTS = ("发放", "办理", "申报", "申请", "缴纳", "缴", "缓缴", "足额", "依法", "享受", "开具", "代开", "获得",
               "提供", "给予", "减免", "免征", "退还", "补缴", "延迟", "逾期", "确保", "加强", "规范", "推进", "加快",
               "规定", "现行规定")  # 「按(现行)规定认定」: done by the rules, not a name
JOINERS = ("和", "与", "从", "及", "或", "免征", "允许", "有关", "实际", "获得", "无需", "退还")
BENEFICIARIES = ("企业", "单位", "职工", "员工")  # who gets an instrument: 中小微企业贷款 is the documents' 贷款
MIN_DOCUMENTS = 4  # used by at least this many documents: a name, not one document's phrase
MODIFIER_CHARS = (2, 6)  # characters before the head
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def word_starts(text: str) -> set[int]:
    """Offsets where jieba starts a word in `text` (the project's tokenizer, no HMM: stable)."""
    starts, at = set(), 0
    for word in tokenizer().lcut(text, HMM=False):
        starts.add(at)
        at += len(word)
    return starts


def terms_in(text: str, heads: Iterable[str] = HEADS) -> set[str]:
    """Candidate instrument names in one text: head plus 2–6 preceding characters, starting at a word."""
    starts = word_starts(text)
    found: set[str] = set()
    for run in _CJK_RUN.finditer(text):
        for head in heads:
            for m in re.finditer(head, run.group()):
                end = run.start() + m.end()
                for n in range(MODIFIER_CHARS[0], MODIFIER_CHARS[1] + 1):
                    begin = end - len(head) - n
                    if begin < run.start():
                        break
                    if begin in starts and "的" not in text[begin:end]:
                        found.add(text[begin:end])
    return found


def starts_with_noun(term: str) -> bool:
    words = tagged_words(term)
    return (bool(words) and words[0][1].startswith(NAME_START_TAGS) and not term.startswith(VERB_STARTS)
            and not any(j in term for j in JOINERS))


def mine_terms(texts: Iterable[str], min_documents: int = MIN_DOCUMENTS) -> list[str]:
    """Instrument names used by at least `min_documents` of `texts`, sorted."""
    counts: dict[str, int] = {}
    for text in texts:
        for term in terms_in(text):
            counts[term] = counts.get(term, 0) + 1
    return sorted(t for t, n in counts.items() if n >= min_documents and starts_with_noun(t))


@lru_cache(maxsize=1)
def shipped_terms() -> tuple[str, ...]:
    text = resources.files("assistant").joinpath("data/policy_terms.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def absent_terms(question: str, known: Callable[[str], bool], in_documents: Callable[[str], str],
                 terms: Iterable[str] | None = None,
                 together: Callable[[Sequence[str]], bool] | None = None) -> tuple[str, ...]:
    """Instrument names the question uses that the served documents never mention.

    `known(text)`: whether the documents contain the text. `in_documents(text)`: the text in the documents'
    own words (assistant.lexicon), so a name the lexicon maps onto the documents' terms (稳岗补贴) counts as
    mentioned; with `together(words)` (whether one section holds all the words), only when one section says
    those words: 稳岗 and 补贴 share item 四 of the Taiyuan text, 创业 and 补贴 no item, so 创业补贴 is another
    policy's. A name counts as mentioned, too, when a tail of it of 4+ characters is in the documents:
    基本养老保险 narrows 养老保险, which they cover. Only names that start at a word of the question count
    (「小企业贷款」 does not occur in 「中小企业贷款」's question as a name of its own); of overlapping names the longest,
in the order the question uses them."""
    starts = word_starts(question) if question else set()
    named: list[tuple[int, int, str]] = []
    for term in (shipped_terms() if terms is None else terms):
        if term not in question or known(term):
            continue
        mapped = in_documents(term)
        if mapped != term and (together is None or together(mapped.split())):
            continue
        at = next((m.start() for m in re.finditer(re.escape(term), question) if m.start() in starts), None)
        if at is None or any(known(term[i:]) for i in range(1, len(term) - 3)) or _for_whom(term, known):
            continue
        named.append((at, at + len(term), term))
    # Longest names first; a name overlapping a longer one (贷款额度 in 创业担保贷款额度) is part of it.
    taken: list[tuple[int, int, str]] = []
    for begin, end, term in sorted(named, key=lambda n: n[0] - n[1]):
        if all(end <= b or begin >= e for b, e, _ in taken):
            taken.append((begin, end, term))
    return tuple(term for _, _, term in sorted(taken))


# What one pays or holds: a fee, a tax, a voucher, a card. A question that asks about one the documents never
# name (学费, 契税, 供暖费, 会员卡) asks about something they do not cover, whatever else it shares with them.
CHARGE_TAILS = ("费", "税", "券", "卡")
# 收费, 缴费, 退税, 刷卡 …: paying or charging, not the name of a charge
PAYING_VERBS = "收缴交付免退纳扣减办刷充欠花涨降征补"


def unknown_charges(words: Iterable[str], asked: str, known: Callable[[str], bool]) -> tuple[str, ...]:
    """The `words` (a question's topical words) that name a fee, tax, voucher or card, are said in `asked` (the
    clauses that ask: a fee in the story before the question is not its subject), and that no document uses."""
    return tuple(w for w in words if len(w) >= 2 and w.endswith(CHARGE_TAILS) and w in asked and not known(w)
                 and not (len(w) == 2 and w[0] in PAYING_VERBS))


# 「企业所得税…申请延期缴纳最长能延多久」: paying a tax later is what 延期缴纳税款 covers, whichever tax it is
_DEFERRING = re.compile(r"延期|缓缴|推迟|晚交|晚缴|延缓|往后(拖|延|推)|延到|拖到|缓一缓|缓几个月")


def deferred_tax(name: str, asked: str, known: Callable[[str], bool]) -> bool:
    """Whether `name` is a tax whose payment `asked` asks to defer, where the documents defer 税款 whichever tax it
    is: then the documents cover it though they never name it. Not a person's tax (个人所得税): they defer a firm's."""
    return (name.endswith("税") and not name.startswith(("个人", "个税")) and bool(_DEFERRING.search(asked))
            and known("延期缴纳税款"))


# 「住宿费政府补吗」「隔离的住宿费能报销吗」「住宿费谁出」: the documents pay such a fee as 住宿补助 or 住宿补贴,
# without the 费; not 补缴, 补交, 补办, 补开 (paying arrears, getting a receipt again)
_SUBSIDIZING = re.compile(r"补(?![缴交办开齐录签充])|报销|减免|免费|承担|谁出|谁掏|管不管")


def subsidized_fee(name: str, asked: str, known: Callable[[str], bool]) -> bool:
    """Whether `name` is a fee that `asked` asks to have paid or waived, and the documents grant a 补助 or 补贴 for
    what it is for: then they cover it though they never name the fee."""
    stem = name.removesuffix("费")
    return (name.endswith("费") and len(stem) >= 2 and bool(_SUBSIDIZING.search(asked))
            and any(known(stem + grant) for grant in ("补助", "补贴")))


def _for_whom(term: str, known: Callable[[str], bool]) -> bool:
    """中小微企业贷款, 职工补助: an instrument the documents know, named by who gets it, not another policy."""
    head = next((h for h in HEADS if term.endswith(h)), "")
    return term[:-len(head)].endswith(BENEFICIARIES) and known(head) if head else False


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m assistant.policy_terms CORPUS_DIR  (a folder of UTF-8 .txt policies)",
              file=sys.stderr)
        return 2
    files = sorted(Path(argv[0]).glob("*.txt"))
    terms = mine_terms(f.read_text(encoding="utf-8") for f in files)
    print(f"# {len(terms)} instrument names used by ≥{MIN_DOCUMENTS} of {len(files)} documents "
          f"(python -m assistant.policy_terms); heads: {' '.join(HEADS)}")
    print("\n".join(terms))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
