"""Reading: encodings, formats and every kind of bad input."""

from __future__ import annotations

import pytest

from conftest import PLAN_2024, REPORT_2024, run_cli
from reportdiff import load_document
from reportdiff.errors import BinaryInput, EmptyInput, InputNotFound, InputTooLarge, NotAFile, UndecodableInput
from reportdiff.export import document_dict
from reportdiff.model import Options
from reportdiff.read import read_path


def _model_without_source(doc) -> dict:
    d = document_dict(doc)
    for key in ("path", "encoding", "format"):
        d.pop(key)
    return d


@pytest.mark.parametrize(
    "encoding, expected",
    [("gb18030", "gb18030"), ("utf-16", "utf-16 (BOM)"), ("utf-8-sig", "utf-8 (BOM)")],
)
def test_reencoded_copy_gives_same_model(tmp_path, encoding, expected):
    """A re-encoded copy of a seed is understood exactly like the UTF-8 original."""
    original = load_document(PLAN_2024)
    copy = tmp_path / "plan.txt"
    copy.write_bytes(PLAN_2024.read_text(encoding="utf-8").encode(encoding))
    doc = load_document(copy)
    assert doc.raw.encoding == expected
    assert _model_without_source(doc) == _model_without_source(original)


def test_gbk_report_detected(tmp_path):
    copy = tmp_path / "report.txt"
    copy.write_bytes(REPORT_2024.read_text(encoding="utf-8").encode("gbk", errors="replace"))
    raw = read_path(copy)
    assert raw.encoding == "gb18030"
    assert "地区生产总值增长6%左右" in raw.text


def test_inputs_are_not_modified(tmp_path):
    copy = tmp_path / "plan.txt"
    data = PLAN_2024.read_bytes()
    copy.write_bytes(data)
    before = copy.stat().st_mtime_ns
    load_document(copy)
    assert copy.read_bytes() == data and copy.stat().st_mtime_ns == before


BAD_INPUTS = {
    "missing": (lambda d: d / "nope.txt", InputNotFound, "文件不存在"),
    "directory": (lambda d: d, NotAFile, "是目录而不是文件"),
    "empty": (lambda d: _write(d / "empty.txt", b""), EmptyInput, "文件为空"),
    "whitespace": (lambda d: _write(d / "blank.txt", " \n\t\r\n　\n".encode()), EmptyInput, "文件为空"),
    "binary": (lambda d: _write(d / "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4), BinaryInput, "是二进制文件"),
    "nul-bytes": (lambda d: _write(d / "data.txt", bytes(range(256)) * 8), BinaryInput, "是二进制文件"),
    "undecodable": (lambda d: _write(d / "bad.txt", b"abc \xff\x80\xfe\xff\x80 def\n" * 20), UndecodableInput, "无法解码"),
}


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_raises_named_error(tmp_path, case):
    make, exc, _ = BAD_INPUTS[case]
    with pytest.raises(exc):
        read_path(make(tmp_path))


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_cli_one_line_exit_2(tmp_path, case):
    """Every bad input: exit code 2, exactly one line on stderr, naming the file, no traceback."""
    make, _, words = BAD_INPUTS[case]
    path = make(tmp_path)
    code, out, err = run_cli(["inspect", str(path)])
    assert code == 2
    assert out == ""
    lines = err.strip().split("\n")
    assert len(lines) == 1, err
    assert lines[0].startswith(f"错误：{path}：") and words in lines[0]
    assert "Traceback" not in err


def test_size_limit(tmp_path):
    with pytest.raises(InputTooLarge):
        load_document(PLAN_2024, Options(max_bytes=1000))


def test_no_structure(tmp_path):
    path = _write(tmp_path / "dots.txt", "。。。\n，，，\n".encode())
    code, _, err = run_cli(["inspect", str(path)])
    assert code == 2 and "没有可识别的文档结构" in err


def test_max_size_option(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(PLAN_2024.read_bytes() * 40)  # about 1.3 MB
    code, _, err = run_cli(["inspect", "--max-size", "1", str(big)])
    assert code == 2 and "文件过大" in err and "--max-size" in err


def test_plain_chars_are_never_counted_against_a_text():
    """read._plausible skips PLAIN_CHARS before its per-character test: each of them passes that test."""
    import unicodedata

    from reportdiff.read import PLAIN_CHARS

    for cp in [*range(0x0, 0x3100), *range(0x4E00, 0x9FA6), *range(0xFF00, 0xFF60)]:
        c = chr(cp)
        if PLAIN_CHARS.fullmatch(c):
            cat = unicodedata.category(c)
            assert not (cat == "Cc" and c not in "\t\n\r\f\v") and cat not in ("Co", "Cs", "Cn"), hex(cp)
