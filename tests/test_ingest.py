"""Ingestion: decoding text files, reading .md/.docx/.pdf, adding to the corpus folder, the corpus CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import CorpusError, load_corpus
from corpus.__main__ import main
from corpus.decode import decode, decode_bytes
from corpus.ingest import SUPPORTED_SUFFIXES, AddResult, add_documents, doc_id, read_document, strip_markdown
from tests.conftest import SEED

NCP = Path(__file__).resolve().parents[2] / "shared" / "corpus-extra" / "ncp-policies"
NOTICE = "关于支持中小微企业的通知"
POLICY = "太原市关于支持中小微企业的通知\n并政发〔2020〕2号\n2020年2月7日\n一、减免中小微企业房租\n对承租国有资产类经营用房的中小微企业，免收1个月房租。\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + b"\x00" * 64


# --- fixtures -------------------------------------------------------------------------------------------

def make_pdf(pages: list[str | None]) -> bytes:
    """A minimal valid PDF: one page per entry, showing that ASCII text in Helvetica, or nothing for None."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for text in pages:
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET" if text is not None else ""
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects)} 0 R "
                       f"/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def make_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("太原市关于支持中小微企业的通知")
    document.add_paragraph("一、减免中小微企业房租")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "合并单元格"
    table.cell(1, 0).text = "责任单位"
    table.cell(1, 1).text = "市工信局"
    document.add_paragraph("二、缓缴社会保险费")
    document.save(path)
    return path


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.fixture
def corpus_dir(tmp_path):
    return tmp_path / "corpus"


# --- decode_bytes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("data, encoding", [
    (NOTICE.encode("utf-8"), "utf-8"),
    ("\ufeff".encode("utf-8") + NOTICE.encode("utf-8"), "utf-8-sig"),
    (NOTICE.encode("utf-16"), "utf-16-le"),  # Python writes the BOM and little-endian
    (b"\xfe\xff" + NOTICE.encode("utf-16-be"), "utf-16-be"),
    (NOTICE.encode("gbk"), "gb18030"),
    (NOTICE.encode("gb2312"), "gb18030"),
])
def test_decode_reads_each_encoding(data, encoding):
    decoded = decode(data, "n.txt")
    assert decoded.text == NOTICE
    assert decoded.encoding == encoding


def test_gb18030_beyond_gbk():
    text = NOTICE + "（𠮷）"  # U+20BB7 has no GBK code: only GB18030's four-byte form carries it
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    assert decode_bytes(text.encode("gb18030"), "n.txt") == text


def test_gbk_with_crlf_keeps_every_character():
    text = "一、减免房租\r\n二、缓缴社保\r\n"
    assert decode_bytes(text.encode("gbk"), "n.txt") == text


@pytest.mark.parametrize("data, expected", [
    (b"", "empty"),
    (b"  \n\t\r\n", "only whitespace"),
    ("\u3000\n".encode("utf-8"), "only whitespace"),
    ("  \n".encode("utf-16"), "only whitespace"),
    (PNG, "looks binary (NUL byte at offset 8)"),
    ("通知\x01\x02\x03\x04\x05".encode("utf-8"), "looks binary"),
    (("通知" * 50 + "\x00").encode("utf-16"), "looks binary"),
])
def test_decode_rejects_empty_and_binary(data, expected):
    with pytest.raises(CorpusError) as err:
        decode_bytes(data, "bad.txt")
    assert "bad.txt" in str(err.value) and expected in str(err.value)


def test_undecodable_names_encodings_and_offset():
    with pytest.raises(CorpusError) as err:
        decode_bytes("通知".encode("utf-8") + b"\xff\xfe\xfd", "bad.txt")
    message = str(err.value)
    assert "bad.txt" in message and "UTF-8" in message and "GB18030" in message
    assert "byte offset 6" in message and "0xff" in message


def test_truncated_utf16_names_offset():
    with pytest.raises(CorpusError, match=r"bad\.txt.*UTF-16-LE.*byte offset 2"):
        decode_bytes(b"\xff\xfeA", "bad.txt")


def test_big5_is_refused_not_misread():
    data = "關於支持中小微企業的通知，自發布之日起施行。".encode("big5")
    data.decode("gb18030")  # the trap: Big5 bytes are valid GB18030, as the wrong characters
    with pytest.raises(CorpusError, match=r"big5\.txt.*Big5"):
        decode_bytes(data, "big5.txt")


# --- read_document --------------------------------------------------------------------------------------

def test_markdown_syntax_is_stripped_and_text_kept(tmp_path):
    md = ("# 太原市关于支持中小微企业的通知 #\n\n## 一、减免**中小微企业**房租\n"
          "详见[市工信局网站](https://example.org/a)与![图](x.png)，*重点*在__两个月__内。\n"
          "[参考][r]\n\n[r]: https://example.org/r\n---\nsnake_case_name 保留\n")
    text = read_document(write(tmp_path / "p.md", md))
    assert text.splitlines()[0] == "太原市关于支持中小微企业的通知"
    assert "一、减免中小微企业房租" in text
    assert "详见市工信局网站与图，重点在两个月内。" in text
    assert "参考" in text and "example.org" not in text and "---" not in text
    assert "snake_case_name 保留" in text


def test_strip_markdown_leaves_plain_text_alone():
    plain = SEED.read_text(encoding="utf-8")
    assert strip_markdown(plain) == plain


def test_txt_in_gbk_is_converted(tmp_path):
    assert read_document(write(tmp_path / "g.TXT", POLICY.encode("gbk"))) == POLICY


def test_docx_paragraphs_and_table_cells_in_order(tmp_path):
    text = read_document(make_docx(tmp_path / "d.docx"))
    assert text.split("\n") == ["太原市关于支持中小微企业的通知", "一、减免中小微企业房租", "合并单元格",
                                "责任单位", "市工信局", "二、缓缴社会保险费"]


def test_pdf_text_of_every_page(tmp_path):
    text = read_document(write(tmp_path / "p.pdf", make_pdf(["Hello", "World"])))
    assert "Hello" in text and "World" in text
    assert text.index("Hello") < text.index("World")


def test_partly_scanned_pdf_says_which_pages_have_no_text(tmp_path, corpus_dir):
    (result,) = add_documents([write(tmp_path / "mixed.pdf", make_pdf(["Hello", None, "World", None]))], corpus_dir)
    assert result.status == "added" and "4 pages, no text on pages 2, 4 (scanned?)" in result.message


def test_scanned_pdf_is_refused(tmp_path):
    with pytest.raises(CorpusError, match=r"scan\.pdf has no text layer \(scanned\?\); OCR it first"):
        read_document(write(tmp_path / "scan.pdf", make_pdf([None])))


@pytest.mark.parametrize("name, data, expected", [
    ("broken.docx", b"PK\x03\x04 this is not a zip archive", "not a readable .docx"),
    ("broken.pdf", b"%PDF-1.4\ngarbage without objects", "not a readable PDF"),
    ("sheet.xls", b"a,b", "unsupported type '.xls'; supported: .txt, .md, .docx, .pdf"),
    ("noext", b"text", "unsupported type '(no suffix)'"),
    ("empty.txt", b"", "empty"),
])
def test_unreadable_files_are_named(tmp_path, name, data, expected):
    with pytest.raises(CorpusError) as err:
        read_document(write(tmp_path / name, data))
    assert name in str(err.value) and expected in str(err.value)


def test_empty_docx_is_refused(tmp_path):
    import docx

    docx.Document().save(tmp_path / "blank.docx")
    with pytest.raises(CorpusError, match=r"blank\.docx has no text"):
        read_document(tmp_path / "blank.docx")


# --- doc ids --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("taiyuan-2020-2.txt", "taiyuan-2020-2"),
    ("并政发〔2020〕2号.pdf", "并政发-2020-2号"),
    ("关于 支持 企业.docx", "关于-支持-企业"),
    ("a:b*c?.md", "a-b-c"),
    (".hidden.txt", "hidden"),
])
def test_doc_id_is_a_safe_file_name_keeping_chinese(name, expected):
    assert doc_id(Path(name)) == expected


def test_doc_id_refuses_a_name_without_letters():
    with pytest.raises(CorpusError, match="〔〕"):
        doc_id(Path("〔〕.txt"))


# --- add_documents --------------------------------------------------------------------------------------

def test_add_statuses(tmp_path, corpus_dir):
    src = write(tmp_path / "通知.txt", POLICY.encode("gbk"))
    (added,) = add_documents([src], corpus_dir)
    assert added == AddResult(src, "通知", "added", added.message) and "gb18030" in added.message
    assert (corpus_dir / "通知.txt").read_text(encoding="utf-8") == POLICY  # stored as UTF-8
    assert add_documents([src], corpus_dir)[0].status == "unchanged"

    write(src, POLICY.replace("1个月", "2个月"))
    refused = add_documents([src], corpus_dir)[0]
    assert refused.status == "refused" and "--replace" in refused.message
    assert "1个月" in (corpus_dir / "通知.txt").read_text(encoding="utf-8")  # untouched

    assert add_documents([src], corpus_dir, replace=True)[0].status == "replaced"
    assert "2个月" in (corpus_dir / "通知.txt").read_text(encoding="utf-8")
    assert sorted(p.name for p in corpus_dir.iterdir()) == ["通知.txt"]  # no temporary files left


def test_one_bad_file_does_not_stop_the_others(tmp_path, corpus_dir):
    paths = [write(tmp_path / "a.txt", POLICY), write(tmp_path / "empty.txt", b""), write(tmp_path / "pic.txt", PNG),
             make_docx(tmp_path / "d.docx"), write(tmp_path / "scan.pdf", make_pdf([None])),
             write(tmp_path / "p.pdf", make_pdf(["Hello"])), tmp_path / "missing.md"]
    results = add_documents(paths, corpus_dir)
    assert [r.source for r in results] == paths  # every path has a result, in order
    assert [r.status for r in results] == ["added", "refused", "refused", "added", "refused", "added", "refused"]
    for r in results:
        assert r.source.name in r.message
    assert sorted(p.doc for p in load_corpus(corpus_dir)) == ["a", "d", "p"]


def test_text_that_would_not_load_is_refused(tmp_path, corpus_dir):
    # U+FFFD is the seed's paragraph mark, so a file of nothing else has no text once cleaned.
    (result,) = add_documents([write(tmp_path / "marks.txt", "\ufffd\ufffd\n")], corpus_dir)
    assert result.status == "refused" and "marks.txt" in result.message and "no text" in result.message
    assert not (corpus_dir / "marks.txt").exists()


def test_folder_adds_its_files_and_reports_the_rest(tmp_path, corpus_dir):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    write(folder / "a.txt", POLICY)
    write(folder / "b.md", "# " + POLICY)
    write(folder / "c.xls", b"x")
    write(folder / ".DS_Store", b"\x00")
    results = {r.source.name: r for r in add_documents([folder], corpus_dir)}
    assert {n: r.status for n, r in results.items()} == {"a.txt": "added", "b.md": "added", "c.xls": "refused",
                                                          "sub": "refused"}
    assert "not searched recursively" in results["sub"].message
    (empty,) = add_documents([folder / "sub"], corpus_dir)
    assert empty.status == "refused" and "holds no files" in empty.message


def test_same_stem_twice_in_one_run_is_refused(tmp_path, corpus_dir):
    a, b = write(tmp_path / "x.txt", POLICY), write(tmp_path / "x.md", POLICY + "三、其他\n")
    results = add_documents([a, b, a], corpus_dir)
    assert [r.status for r in results] == ["added", "refused", "unchanged"]
    assert "x.txt" in results[1].message and "rename" in results[1].message
    assert (corpus_dir / "x.txt").read_text(encoding="utf-8") == POLICY


def test_corpus_folder_is_created_but_not_a_whole_tree(tmp_path):
    src = write(tmp_path / "a.txt", POLICY)
    assert add_documents([src], tmp_path / "new")[0].status == "added"
    with pytest.raises(CorpusError, match="neither does its parent"):
        add_documents([src], tmp_path / "no" / "such" / "dir")


# --- CLI ------------------------------------------------------------------------------------------------

def test_cli_add_then_list(tmp_path, corpus_dir, capsys):
    src = write(tmp_path / "gbk.txt", POLICY.encode("gbk"))
    assert main(["add", str(src), "--corpus", str(corpus_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("added") and "gbk.txt" in out[0]
    assert out[1].startswith("1 added, 0 replaced, 0 unchanged, 0 refused")
    assert "python -m assistant build" in out[2]

    assert main(["add", str(src), "--corpus", str(corpus_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("unchanged") and len(out) == 2  # no index hint when nothing changed


def test_cli_add_refusal_exits_1_without_traceback(tmp_path, corpus_dir, capsys):
    good, bad = write(tmp_path / "good.txt", POLICY), write(tmp_path / "bad.pdf", b"not a pdf")
    assert main(["add", str(good), str(bad), "--corpus", str(corpus_dir)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith("added") and lines[1].startswith("refused") and "bad.pdf" in lines[1]
    assert "Traceback" not in captured.out + captured.err


def test_cli_list_shows_the_seed(tmp_path, corpus_dir, capsys):
    corpus_dir.mkdir()
    shutil.copy(SEED, corpus_dir)
    assert main(["list", "--corpus", str(corpus_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "title", "文号", "date", "sections"]
    row = lines[1].split()
    assert row[0] == "taiyuan-2020-2" and row[1].startswith("太原市人民政府") and row[1].endswith("…")
    assert row[2:] == ["并政发〔2020〕2号", "2020-02-07", "12"]
    assert lines[-1] == f"1 document in {corpus_dir}"


def test_cli_list_errors_are_one_line(tmp_path, corpus_dir, capsys):
    corpus_dir.mkdir()
    assert main(["list", "--corpus", str(corpus_dir)]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and str(corpus_dir) in captured.err and "Traceback" not in captured.err


def test_cli_bad_setting_exits_2(monkeypatch, capsys):
    from assistant import settings as settings_module

    monkeypatch.setenv("POLICY_TOP_K", "99")
    settings_module.settings.cache_clear()
    try:
        assert main(["list"]) == 2
    finally:
        settings_module.settings.cache_clear()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "POLICY_TOP_K" in err


def test_cli_help_says_folders_are_not_recursive(capsys):
    with pytest.raises(SystemExit):
        main(["add", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "not those in its subfolders" in out and all(s in out for s in SUPPORTED_SUFFIXES)


# --- the extra corpus -----------------------------------------------------------------------------------

@pytest.mark.skipif(not NCP.is_dir(), reason=f"extra corpus not present at {NCP}")
def test_every_extra_policy_decodes():
    files = sorted(NCP.iterdir())
    assert files
    for f in files:
        assert decode_bytes(f.read_bytes(), f.name).strip(), f
