"""Build answers from sections and chosen sentences. Pure: no retrieval, no I/O.

Every sentence of an answer's text is a quote of a cited section or a list taken from one (责任单位);
figures and dates come from the calculator (assistant/calculator/), not from here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from corpus.metadata import standalone_dates
from corpus.records import HEADING_NUMBER, Answer, Citation, Policy, Section, Sentence
from corpus.segment import units_note


def clause_label(section: Section) -> str:
    """How a person reads the clause out: 「六、减免中小微企业房租」, 「三、（二）降低融资成本」, 「结语」."""
    if not section.heading_path:
        return section.title
    outer = "".join(m.group() for h in section.heading_path[:-1] if (m := HEADING_NUMBER.match(h)))
    return outer + section.heading_path[-1]


# A longer heading line is a rule itself (「五、严禁单位食堂对外承接宴席和开展其他经营性服务行为。」); at 15, many-document
# dev lost none of the 11 answers that excluding every heading line with a stop lost
MAX_HEADING_CHARS = 15


def is_heading_line(text: str, section: Section) -> bool:
    """Whether `text` is the section's heading as a line of its own: exactly, or with its stop
    (「一、落实患者救治费用补助政策。」) when the heading is short and the section has more sentences. It names the
    clause; the sentences after it say what the clause grants."""
    line = text.strip()
    if line in section.heading_path:
        return True
    heading = line.rstrip("。；;.：:")
    if heading == line or heading not in section.heading_path or len(section.sentences) < 2:
        return False
    number = HEADING_NUMBER.match(heading)
    return len(heading[number.end():] if number else heading) <= MAX_HEADING_CHARS


def citation(section: Section, sentence: Sentence) -> Citation:
    return Citation(doc=section.doc, clause=section.id, title=section.title, quote=sentence.text,
                    start=sentence.start, end=sentence.end, units=section.units)


def source_line(policy: Policy, section: Section) -> str:
    number = f"（{policy.doc_number}）" if policy.doc_number else ""
    return f"依据：《{policy.title}》{number} {clause_label(section)}"


def clause_name(section: Section) -> str:
    """The clause as a hotline operator says it: 「第六条」 for item 六, 「三、（二）」 for a nested one, the section's
    title otherwise (「结语」)."""
    heading = section.heading_path[0] if section.heading_path else ""
    numeral, sep, _ = heading.partition("、")
    if section.id.isdigit() and sep and numeral:
        return f"第{numeral}条"
    return section.numbering or section.title or section.id


def read_out_line(policy: Policy, section: Section, quote: str) -> str:
    """One line to read out or paste: 「依据《…》第六条：<quote>」."""
    return f"依据《{policy.title}》{clause_name(section)}：{quote.strip()}"


def quote_answer(policy: Policy, section: Section, chosen: Sequence[Sentence]) -> Answer:
    body = "".join(s.text for s in chosen)
    return Answer(text=f"{body}\n{source_line(policy, section)}", refused=False,
                  citations=tuple(citation(section, s) for s in chosen), intent="lookup")


def with_unlisted(answer: Answer, things: Sequence[str]) -> Answer:
    """`answer`, whose quote lists things of a kind, led by what the list leaves out (「医保也能缓吗」 over
    「养老、失业和工伤保险费…」): the document does not name them."""
    return replace(answer, text=f"文件没有提到{'、'.join(things)}；它列明的是：{answer.text}")


def with_more_quotes(answer: Answer, policy: Policy, more: Sequence[tuple[Section, Sentence]]) -> Answer:
    """`answer` followed by further sentences of the same document, each with its own source line."""
    text = answer.text + "".join(f"\n{sentence.text}\n{source_line(policy, section)}" for section, sentence in more)
    return replace(answer, text=text, citations=answer.citations + tuple(citation(sec, s) for sec, s in more))


def department_answer(policy: Policy, section: Section, said: Sequence[Sentence] = ()) -> Answer:
    """The clause's 责任单位; with `said`, also the clause's sentences that say what those bodies do."""
    note = units_note(section)
    if not section.units or note is None:
        raise ValueError(f"section {section.id!r} of {section.doc} lists no 责任单位")
    text = f"「{clause_label(section)}」的责任单位是：{'、'.join(section.units)}。"
    if said:
        text += f"\n条款原文：「{''.join(s.text for s in said)}」"
    text += f"\n{source_line(policy, section)}"
    citations = tuple(citation(section, s) for s in said) + (citation(section, note),)
    return Answer(text=text, refused=False, citations=citations, intent="department")


def clauses_of_unit_answer(policy: Policy, unit: str, sections: Sequence[Section]) -> Answer:
    """The clauses whose 责任单位 include `unit`, each cited by its 责任单位 note; and how many of the document's do not."""
    listed = [(section, note) for section in sections if (note := units_note(section)) is not None]
    if not listed:
        raise ValueError(f"no section of {policy.doc} lists {unit!r} in a 责任单位 note")
    with_units = sum(1 for s in policy.sections if s.units)
    names = "；".join(clause_label(section) for section, _ in listed)
    text = f"「{unit}」列在以下{len(listed)}条的责任单位中：{names}。"
    if with_units > len(listed):
        text += f"其余{with_units - len(listed)}条的责任单位中没有它。"
    # 「文件最后那段又给它派了啥活」: the sentences that name the body outside the 责任单位 notes (the interpreting bodies)
    notes = {note for _, note in listed} | {units_note(section) for section in policy.sections}
    named = [(section, sentence) for section in policy.sections for sentence in section.sentences
             if unit in sentence.text and sentence not in notes]
    for section, sentence in named:
        text += f"另外，{clause_label(section)}：「{sentence.text.strip()}」"
    text += f"\n依据：《{policy.title}》" + (f"（{policy.doc_number}）" if policy.doc_number else "") + " 各条责任单位"
    return Answer(text=text, refused=False, intent="department",
                  citations=tuple(citation(s, note) for s, note in listed) + tuple(citation(s, t) for s, t in named))


def interpretation_answer(policy: Policy, closing: Section) -> Answer:
    sentence = next((s for s in closing.sentences if "解释" in s.text), None)
    if sentence is None:
        raise ValueError(f"the closing of {closing.doc} names no interpreting body")
    return Answer(text=f"{sentence.text}\n{source_line(policy, closing)}", refused=False,
                  citations=(citation(closing, sentence),), intent="interpretation")


def issued_answer(policy: Policy, number_first: bool = False) -> Answer | None:
    """When the document was issued, quoting the sentence of its own that states the date (None if none does);
    its 文号 first when that is what was asked."""
    if not policy.issued or not policy.sections:
        return None
    year, month, day = (int(x) for x in policy.issued.split("-"))
    written = f"{year}年{month}月{day}日"
    for section in policy.sections:
        # As written here, or in any form the metadata reads (二〇二〇年二月七日, 2020-02-07 …).
        sentence = next((s for s in section.sentences
                         if written in s.text or policy.issued in standalone_dates(s.text)), None)
        if sentence is not None:
            number = f"（{policy.doc_number}）" if policy.doc_number else ""
            lead = (f"《{policy.title}》的文号是{policy.doc_number}，发布日期是{written}。"
                    if number_first and policy.doc_number else f"《{policy.title}》{number}的发布日期是{written}。")
            return Answer(text=f"{lead}\n{source_line(policy, section)}",
                          refused=False, citations=(citation(section, sentence),), intent="issued")
    return None


def eligibility_answer(policy: Policy, section: Section) -> Answer | None:
    """Which enterprises the document is for, quoting its sentence that says so (「以上政策重点支持…中小微企业…」);
    None when `section` has none."""
    sentence = next((s for s in section.sentences if "支持" in s.text and "企业" in s.text), None)
    if sentence is None:
        return None
    return Answer(text=f"{sentence.text}\n{source_line(policy, section)}", refused=False,
                  citations=(citation(section, sentence),), intent="eligibility")


def issuer_answer(policy: Policy) -> Answer | None:
    """Which body issued the document, quoting its own first sentence that names that body (its title line or
    signature); None when the metadata found no issuer or no sentence names it."""
    if not policy.issuer:
        return None
    for section in policy.sections:
        sentence = next((s for s in section.sentences if policy.issuer in s.text), None)
        if sentence is not None:
            number = f"（{policy.doc_number}）" if policy.doc_number else ""
            return Answer(text=f"《{policy.title}》{number}由{policy.issuer}发布。\n{source_line(policy, section)}",
                          refused=False, citations=(citation(section, sentence),), intent="issuer")
    return None


def addressees_answer(policy: Policy) -> Answer | None:
    """To whom the document is addressed, quoting its own 主送 line (None if it has none)."""
    if not policy.addressees:
        return None
    for section in policy.sections:
        sentence = next((s for s in section.sentences if policy.addressees in s.text), None)
        if sentence is not None:
            at = policy.text.find(policy.addressees, sentence.start)
            line = Sentence(text=policy.addressees, start=at, end=at + len(policy.addressees))
            return Answer(text=f"本文件主送：{policy.addressees}。\n{source_line(policy, section)}", refused=False,
                          citations=(citation(section, line),), intent="addressees")
    return None


def not_stated(policy: Policy, section: Section, chosen: Sequence[Sentence], missing: Sequence[str]) -> Answer:
    """Asked for a figure the clause does not give (「担保费率降到百分之几」 over 「降低担保和再担保费率」): say that
    the document does not state it, and quote what the clause does say. Refused, since the document does not
    answer it; and like every refusal it carries no citations: the clause is named in the text."""
    body = "".join(s.text for s in chosen)
    text = (f"文件没有写明具体的{'、'.join(missing)}。相关条款只说：「{body}」\n{source_line(policy, section)}")
    return Answer(text=text, refused=True, citations=(), intent="refusal")


def refusal(policy_titles: Sequence[str], topics: Sequence[str], missing: Sequence[str]) -> Answer:
    what = f"「{'、'.join(missing)}」" if missing else "这个问题"
    docs = "、".join(f"《{t}》" for t in policy_titles)
    text = (f"现有文件没有涉及{what}，无法据此回答。\n"
            f"可查询的文件：{docs}，内容包括：{'；'.join(topics)}。")
    return Answer(text=text, refused=True, citations=(), intent="refusal")


def refusal_many(documents: int, missing: Sequence[str]) -> Answer:
    """A refusal over a corpus too large to list: what was missing and how to narrow the question."""
    what = f"「{'、'.join(missing)}」" if missing else "这个问题"
    text = (f"现有的 {documents} 份政策文件都没有涉及{what}，无法据此回答。\n"
            "可以换个说法，或写明地区和发文单位（例如「山西省」「人社部」）再问；条款查询页可以按关键词检索全部文件。")
    return Answer(text=text, refused=True, citations=(), intent="refusal")


def refusal_in_place(places: Sequence[str], measures: Sequence[str], about: Sequence[str] = ()) -> Answer:
    """A refusal for a measure that the documents of the places asked about never speak of (with `about`: never
    speak of for those words' subject)."""
    asked = "、".join(measures)
    said = f"与「{'、'.join(about)}」有关的「{asked}」" if about else f"「{asked}」"
    text = (f"现有文件中，{'、'.join(places)}的政策文件没有涉及{said}，无法据此回答。\n"
            "可以向当地主管部门咨询，或去掉地区再问全国性的政策；条款查询页可以按关键词检索全部文件。")
    return Answer(text=text, refused=True, citations=(), intent="refusal")

