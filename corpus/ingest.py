"""Add documents to the corpus folder: .txt, .md, .docx or .pdf in, one UTF-8 `<doc>.txt` per document out.

Every path given gets an `AddResult`; a bad file is refused with a message naming it and never stops the
others. A document is only written once it parses as a policy (`parse_policy`), so the folder always loads.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Literal

from corpus.decode import decode
from corpus.load import CorpusError, parse_policy

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
Status = Literal["added", "unchanged", "replaced", "refused"]
_UNSAFE_IN_ID = re.compile(r"[^\w.-]+")  # \w is Unicode-aware, so Chinese characters stay
_MAX_ID_CHARS = 80  # 80 Chinese characters are 240 bytes of UTF-8, under the usual 255-byte name limit


@dataclass(frozen=True)
class AddResult:
    source: Path
    doc: str  # document id (file stem made safe); "" when the path yields no document
    status: Status
    message: str  # one line for a person; names the file


def read_document(path: Path) -> str:
    """The text of one .txt/.md/.docx/.pdf file; CorpusError naming the file when there is none to read."""
    return _extract(Path(path))[0]


def doc_id(path: Path) -> str:
    """File stem → a safe file name that keeps Chinese characters: 并政发〔2020〕2号.pdf → 并政发-2020-2号."""
    stem = unicodedata.normalize("NFC", Path(path).stem)
    doc = _UNSAFE_IN_ID.sub("-", stem).strip("-.")[:_MAX_ID_CHARS].rstrip("-.")
    if not doc:
        raise CorpusError(f"cannot make a document id from the file name {Path(path).name!r}: "
                          f"rename it to contain letters, digits or Chinese characters")
    return doc


def add_documents(paths: Iterable[Path | str], corpus_dir: Path | str, replace: bool = False) -> tuple[AddResult, ...]:
    """Add each file (a folder adds the files directly inside it) to `corpus_dir` as `<doc>.txt`."""
    corpus_dir = Path(corpus_dir)
    _ensure_folder(corpus_dir)
    claimed: dict[str, Path] = {}  # doc id → the source that took it in this batch
    results = []
    for path in paths:
        for source, refusal in _expand(Path(path)):
            if refusal:
                results.append(AddResult(source, "", "refused", refusal))
                continue
            result = _add_one(source, corpus_dir, replace, claimed)
            if result.status != "refused":
                claimed[result.doc] = source.resolve()
            results.append(result)
    return tuple(results)


def _add_one(source: Path, corpus_dir: Path, replace: bool, claimed: dict[str, Path]) -> AddResult:
    try:
        doc = doc_id(source)
    except CorpusError as exc:
        return AddResult(source, "", "refused", str(exc))
    earlier = claimed.get(doc)
    if earlier is not None and earlier != source.resolve():
        # Two inputs with one stem (a.docx, a.pdf): the second must not overwrite the first unseen.
        return AddResult(source, doc, "refused", f"{source} would be {doc}.txt, which {earlier} already "
                                                 f"became in this run; rename one of them")
    try:
        text, how = _extract(source)
    except CorpusError as exc:
        return AddResult(source, doc, "refused", str(exc))
    try:
        policy = parse_policy(doc, text)
    except CorpusError as exc:  # it would break loading the whole folder later
        return AddResult(source, doc, "refused", f"{source}: {exc}")
    target = corpus_dir / f"{doc}.txt"
    data = text.encode("utf-8")
    existed = target.exists()
    try:
        if existed and target.read_bytes() == data:
            return AddResult(source, doc, "unchanged", f"{source}: {target} already holds the same text")
        if existed and not replace:
            return AddResult(source, doc, "refused", f"{source}: {target} already exists with different text; "
                                                     f"use --replace to overwrite it")
        _write_atomically(target, data)
    except OSError as exc:
        return AddResult(source, doc, "refused", f"{source}: cannot write {target}: {exc.strerror or exc}")
    title = " ".join(policy.title.split())
    title = title if len(title) <= 30 else title[:29] + "…"
    n = len(policy.sections)
    return AddResult(source, doc, "replaced" if existed else "added",
                     f"{source} → {target} ({how}; {title}; {n} section{'s' if n != 1 else ''})")


def _expand(path: Path) -> list[tuple[Path, str | None]]:
    """A path → the files to add, each with a refusal reason or None. Folders are not searched recursively."""
    if not path.exists():
        return [(path, f"{path} does not exist")]
    if not path.is_dir():
        return [(path, None)]
    entries = sorted(p for p in path.iterdir() if not p.name.startswith("."))  # .DS_Store and the like
    if not entries:
        return [(path, f"folder {path} holds no files")]
    return [(p, f"{p} is a folder inside {path}; folders are not searched recursively, add it by name")
             if p.is_dir() else (p, None) for p in entries]


def _extract(path: Path) -> tuple[str, str]:
    """(text, how it was read) for one file."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise CorpusError(f"{path} has unsupported type {path.suffix or '(no suffix)'!r}; "
                          f"supported: {', '.join(SUPPORTED_SUFFIXES)}")
    if suffix in (".txt", ".md"):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CorpusError(f"cannot read {path}: {exc.strerror or exc}") from None
        decoded = decode(data, str(path))
        text = strip_markdown(decoded.text) if suffix == ".md" else decoded.text
        return text, f"{suffix[1:]}, {decoded.encoding}"
    return _docx_text(path) if suffix == ".docx" else _pdf_text(path)


def _docx_text(path: Path) -> tuple[str, str]:
    import docx  # imported here: importing corpus loads no document libraries

    try:
        lines = list(_docx_blocks(docx.Document(str(path))))
    except Exception as exc:  # python-docx surfaces zip, XML and key errors from a broken file as they are
        raise CorpusError(f"{path} is not a readable .docx file ({type(exc).__name__}: {exc})") from None
    text = "\n".join(lines)
    if not text.strip():
        raise CorpusError(f"{path} has no text in its paragraphs or tables")
    return text, "docx"


def _docx_blocks(container) -> Iterable[str]:
    """Paragraph texts and table cells in document order (a merged cell once; nested tables too)."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if not isinstance(block, Table):
            yield block.text
            continue
        seen = set()
        for row in block.rows:
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is returned once per grid position it spans
                    continue
                seen.add(id(cell._tc))
                yield from _docx_blocks(cell)


def _pdf_text(path: Path) -> tuple[str, str]:
    from pypdf import PdfReader

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise CorpusError(f"{path} is encrypted with a password; decrypt it first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except CorpusError:
        raise
    except Exception as exc:  # pypdf raises its own errors and plain ValueError/KeyError on broken files
        raise CorpusError(f"{path} is not a readable PDF ({type(exc).__name__}: {exc})") from None
    if not pages:
        raise CorpusError(f"{path} has no pages")
    blank = [n for n, page in enumerate(pages, start=1) if not page.strip()]
    if len(blank) == len(pages):
        raise CorpusError(f"{path} has no text layer (scanned?); OCR it first")
    how = f"pdf, {len(pages)} pages"
    if blank:  # a partly scanned PDF: say which pages are missing rather than lose them unseen
        how += f", no text on page{'s' if len(blank) > 1 else ''} {', '.join(map(str, blank))} (scanned?)"
    unmapped = sum(page.count("\ufffd") for page in pages)
    if unmapped:
        how += f", {unmapped} glyphs without Unicode (shown as U+FFFD)"
    return "\n".join(pages), how


_MARKDOWN = (
    (re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),  # ATX heading marks
    (re.compile(r"^ {0,3}(?:=+|-{3,}|\*{3,}|_{3,})[ \t]*$", re.M), ""),  # setext underlines, rules
    (re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S.*$", re.M), ""),  # link reference definitions
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](url), ![alt](src) → text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref] → text
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # <https://…> → https://…
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"\1"),
    # _ does not emphasise inside ASCII words (snake_case), but Chinese text has no spaces to wait for
    (re.compile(r"(?<![A-Za-z0-9_])__(?=\S)(.+?)(?<=\S)__(?![A-Za-z0-9_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\*(?=[^\s*])(.+?)(?<=[^\s*])\*"), r"\1"),
    (re.compile(r"(?<![A-Za-z0-9_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![A-Za-z0-9_])"), r"\1"),
)


def strip_markdown(text: str) -> str:
    """Remove heading marks, emphasis markers and link syntax; keep every word of the text."""
    for pattern, replacement in _MARKDOWN:
        text = pattern.sub(replacement, text)
    return text


def _ensure_folder(folder: Path) -> None:
    if folder.is_dir():
        return
    if folder.exists():
        raise CorpusError(f"corpus folder {folder} is a file, not a folder")
    if not folder.parent.is_dir():  # create the folder, not a whole mistyped tree
        raise CorpusError(f"corpus folder {folder} does not exist and neither does its parent {folder.parent}")
    folder.mkdir()


def _write_atomically(target: Path, data: bytes) -> None:
    # The temporary name does not end in .txt, so a reader of the folder never sees half a document.
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
