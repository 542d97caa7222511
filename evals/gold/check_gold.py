#!/usr/bin/env python3
"""Validate the 政策助手 gold set (stdlib only).

Usage: python3 check_gold.py [--gold taiyuan.jsonl] [--doc path/to/taiyuan-2020-2.txt]
Exit code 0 if all checks pass, 1 otherwise. Prints counts per category x split.

Facts must be exact substrings of the cleaned document and occur in one of the case's expected sections.
Exceptions: the 已结束 convention, and, for categories numeric and size only, computed figures written to the
answer contract: money "50000元" / "2500.5元", rate "0.2%", date "2020年6月15日", size class 大型/中型/小型/微型.
"""
import datetime
import argparse
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GOLD = os.path.join(HERE, "taiyuan.jsonl")
DEFAULT_DOC = os.path.normpath(os.path.join(HERE, "..", "..", "corpus", "data", "taiyuan-2020-2.txt"))

KEYS = {"id", "split", "category", "question", "history", "expected_sections",
        "required_facts", "refused", "note"}
CATEGORIES = ["lookup", "colloquial", "paraphrase", "typo", "traditional", "mixed_lang",
              "department", "interpretation", "time", "numeric", "size", "followup",
              "out_of_scope", "injection"]
SPLITS = ["dev", "test"]
NUMERALS = "一二三四五六七八九十"
SECTIONS = ["preamble"] + [str(i) for i in range(1, 11)] + ["closing"]
ENDED = "已结束"  # convention for validity answers; not in the document

# Computed-figure facts (answer contract), accepted only in these categories.
FIGURE_CATEGORIES = ("numeric", "size")
SIZE_CLASSES = ("大型", "中型", "小型", "微型")
MONEY_RE = re.compile(r"^\d+(\.\d+)?元$")
RATE_RE = re.compile(r"^\d+(\.\d+)?%$")
DATE_RE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


def figure_kind(fact):
    """Return 'money', 'rate', 'date', 'size' if fact has the shape of a computed figure, else None."""
    if fact in SIZE_CLASSES:
        return "size"
    if MONEY_RE.match(fact):
        return "money"
    if RATE_RE.match(fact):
        return "rate"
    if DATE_RE.match(fact):
        return "date"
    return None


def figure_problem(fact, kind):
    """Canonical-form check for a figure fact; returns a message or None."""
    if kind in ("money", "rate"):
        num = fact[:-1]
        intpart, _, frac = num.partition(".")
        if len(intpart) > 1 and intpart.startswith("0"):
            return "leading zero"
        if frac and frac.endswith("0"):
            return "trailing zero in decimals (write 4000元, 2500.5元)"
    elif kind == "date":
        y, m, d = DATE_RE.match(fact).groups()
        if m.startswith("0") or d.startswith("0"):
            return "leading zero in month/day"
        try:
            datetime.date(int(y), int(m), int(d))
        except ValueError:
            return "not a calendar date"
    return None


def clean(raw):
    """Raw PDF extraction -> cleaned text: drop U+FFFD, line breaks, full-width and ASCII spaces."""
    return re.sub(r"[\ufffd\r\n\u3000 ]", "", raw)


def split_sections(text):
    """Map section id -> cleaned text of that section (used for the per-section fact check)."""
    # The corpus's preamble section starts at the text's first character: title, 文号 and date belong to it.
    starts = [("preamble", 0)]
    pos = text.index("为深入贯彻落实")
    for i, n in enumerate(NUMERALS, 1):
        # item headings read like 一、确保… ; search forward so 十、 is not confused with others
        m = re.compile(n + "、(?!市)").search(text, pos)
        if not m:
            raise ValueError("heading %s、 not found" % n)
        starts.append((str(i), m.start()))
        pos = m.end()
    starts.append(("closing", text.index("以上政策重点支持", pos)))
    out = {}
    for k, (sid, s) in enumerate(starts):
        e = starts[k + 1][1] if k + 1 < len(starts) else len(text)
        out[sid] = text[s:e]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=DEFAULT_GOLD)
    ap.add_argument("--doc", default=DEFAULT_DOC)
    args = ap.parse_args()

    with open(args.doc, encoding="utf-8") as f:
        text = clean(f.read())
    sections = split_sections(text)

    errors, warnings = [], []
    seen_ids = set()
    counts = Counter()
    with open(args.gold, encoding="utf-8") as f:
        lines = [l for l in f.read().splitlines() if l.strip()]

    for ln, line in enumerate(lines, 1):
        where = "line %d" % ln
        try:
            c = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append("%s: bad JSON (%s)" % (where, e))
            continue
        if not isinstance(c, dict):
            errors.append("%s: not an object" % where)
            continue
        where = "%s (%s)" % (where, c.get("id"))
        if set(c) != KEYS:
            errors.append("%s: keys differ: missing %s, extra %s"
                          % (where, sorted(KEYS - set(c)), sorted(set(c) - KEYS)))
            continue
        if not isinstance(c["id"], str) or not c["id"]:
            errors.append("%s: id must be a non-empty string" % where)
        elif c["id"] in seen_ids:
            errors.append("%s: duplicate id" % where)
        seen_ids.add(c["id"])
        if c["category"] not in CATEGORIES:
            errors.append("%s: bad category %r" % (where, c["category"]))
        if c["split"] not in SPLITS:
            errors.append("%s: bad split %r" % (where, c["split"]))
        if not isinstance(c["question"], str) or not c["question"].strip():
            errors.append("%s: empty question" % where)
        if not isinstance(c["note"], str):
            errors.append("%s: note must be a string" % where)
        if not isinstance(c["refused"], bool):
            errors.append("%s: refused must be a bool" % where)

        hist = c["history"]
        if not isinstance(hist, list):
            errors.append("%s: history must be a list" % where)
        else:
            for h in hist:
                if not (isinstance(h, dict) and set(h) == {"role", "content"}
                        and h["role"] == "user" and isinstance(h["content"], str)
                        and h["content"].strip()):
                    errors.append("%s: bad history entry %r" % (where, h))
        if c["category"] == "followup" and not hist:
            errors.append("%s: followup case without history" % where)

        secs, facts = c["expected_sections"], c["required_facts"]
        if not isinstance(secs, list) or not all(isinstance(s, str) for s in secs):
            errors.append("%s: expected_sections must be a list of str" % where)
            secs = []
        if not isinstance(facts, list) or not all(isinstance(x, str) for x in facts):
            errors.append("%s: required_facts must be a list of str" % where)
            facts = []
        for s in secs:
            if s not in SECTIONS:
                errors.append("%s: bad section id %r" % (where, s))
        if len(set(secs)) != len(secs):
            errors.append("%s: duplicate section ids" % where)

        if c["refused"] is True:
            if secs or facts:
                errors.append("%s: refused case must have no sections and no facts" % where)
        else:
            if not secs:
                errors.append("%s: non-refused case needs >=1 expected section" % where)
            if not facts:
                errors.append("%s: non-refused case needs >=1 required fact" % where)
        if c["category"] == "out_of_scope" and c["refused"] is not True:
            errors.append("%s: out_of_scope case must be refused" % where)

        if c["category"] == "size":
            if c["refused"] is not False:
                errors.append("%s: size case must not be refused" % where)
            if not secs or secs[0] != "closing":
                errors.append("%s: size case must have closing as its main section" % where)
            if sum(1 for x in facts if x in SIZE_CLASSES) != 1:
                errors.append("%s: size case needs exactly one of %s among its facts"
                              % (where, "/".join(SIZE_CLASSES)))

        for fact in facts:
            if fact == ENDED:
                if c["category"] not in ("time", "followup"):
                    warnings.append("%s: %s used outside time/followup" % (where, ENDED))
                continue
            kind = figure_kind(fact) if c["category"] in FIGURE_CATEGORIES else None
            if kind:
                prob = figure_problem(fact, kind)
                if prob:
                    errors.append("%s: figure fact %r: %s" % (where, fact, prob))
                continue
            if fact not in text:
                errors.append("%s: fact not in cleaned text: %r" % (where, fact))
                continue
            # softer check: the fact should occur in one of the expected sections
            if secs and all(s in sections for s in secs) and \
                    not any(fact in sections[s] for s in secs):
                errors.append("%s: fact %r not found in expected sections %s" % (where, fact, secs))
            if not (2 <= len(fact) <= 12):
                warnings.append("%s: fact length %d: %r" % (where, len(fact), fact))

        counts[(c["category"], c["split"])] += 1

    for sp in SPLITS:
        if not any(counts[(cat, sp)] for cat in CATEGORIES):
            errors.append("split %r has no cases" % sp)
    for cat in CATEGORIES:
        present = [sp for sp in SPLITS if counts[(cat, sp)]]
        if len(present) == 1:
            warnings.append("category %r only in split %r" % (cat, present[0]))

    # counts table
    print("%-15s %5s %5s %5s" % ("category", "dev", "test", "total"))
    tot = Counter()
    for cat in CATEGORIES:
        d, t = counts[(cat, "dev")], counts[(cat, "test")]
        tot["dev"] += d
        tot["test"] += t
        print("%-15s %5d %5d %5d" % (cat, d, t, d + t))
    print("%-15s %5d %5d %5d" % ("TOTAL", tot["dev"], tot["test"], tot["dev"] + tot["test"]))

    for w in warnings:
        print("WARN:", w)
    for e in errors:
        print("ERROR:", e)
    if errors:
        print("FAILED: %d error(s)" % len(errors))
        return 1
    print("OK: %d cases" % len(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
