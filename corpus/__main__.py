"""python -m corpus add PATH… [--corpus DIR] [--replace] | python -m corpus list [--corpus DIR]"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from corpus.ingest import SUPPORTED_SUFFIXES, add_documents
from corpus.load import CorpusError, load_corpus

TITLE_COLUMNS = 40  # display columns; a Chinese character takes two


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd PDF syntax are not the user's
    try:
        corpus_dir = args.corpus or _default_corpus_dir()
    except ValueError as exc:  # SettingsError
        print(exc, file=sys.stderr)
        return 2
    try:
        return _add(args.paths, corpus_dir, args.replace) if args.command == "add" else _list(corpus_dir)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `python -m corpus list | head`: the reader left; stop quietly
        sys.stdout = open(os.devnull, "w")
        return 1


def _add(paths: list[Path], corpus_dir: Path, replace: bool) -> int:
    results = add_documents(paths, corpus_dir, replace=replace)
    for r in results:
        print(f"{r.status:<9} {r.message}")
    counts = Counter(r.status for r in results)
    print(", ".join(f"{counts[s]} {s}" for s in ("added", "replaced", "unchanged", "refused")) + f" (corpus: {corpus_dir})")
    if counts["added"] or counts["replaced"]:
        print("The index picks up the change incrementally on the next start or `python -m assistant build`.")
    return 1 if counts["refused"] else 0


def _list(corpus_dir: Path) -> int:
    policies = load_corpus(corpus_dir)
    rows = [(p.doc, " ".join(p.title.split()), p.doc_number or "-", p.issued or "-", str(len(p.sections))) for p in policies]
    header = ("id", "title", "文号", "date", "sections")
    widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(5)]
    widths[1] = min(widths[1], TITLE_COLUMNS)
    for row in [header, *rows]:
        cells = [_fit(cell, w) for cell, w in zip(row[:4], widths)]
        print("  ".join([*cells, row[4].rjust(widths[4])]))
    print(f"{len(policies)} document{'s' if len(policies) != 1 else ''} in {corpus_dir}")
    return 0


def _default_corpus_dir() -> Path:
    from assistant.settings import settings  # lazily: `add` and `list` need nothing else from assistant

    return settings().corpus_dir


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    """Pad or cut `text` to `width` terminal columns, marking a cut with …."""
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m corpus", description="Manage the folder of policy documents.")
    sub = parser.add_subparsers(dest="command", required=True)
    corpus_help = "corpus folder (default: the corpus_dir setting, env POLICY_CORPUS_DIR)"
    add = sub.add_parser(
        "add", help="add documents to the corpus folder as UTF-8 .txt",
        description=f"Add {', '.join(SUPPORTED_SUFFIXES)} files (text PDFs; GBK/GB18030 text is converted to "
                    f"UTF-8). A folder adds the files directly inside it, not those in its subfolders. "
                    f"Exits 1 if any file was refused.")
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a document file, or a folder of them")
    add.add_argument("--corpus", type=Path, metavar="DIR", help=corpus_help)
    add.add_argument("--replace", action="store_true", help="overwrite a document whose text has changed")
    lst = sub.add_parser("list", help="show the documents in the corpus folder")
    lst.add_argument("--corpus", type=Path, metavar="DIR", help=corpus_help)
    return parser


if __name__ == "__main__":
    sys.exit(main())
