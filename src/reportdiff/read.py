"""Read a file into :class:`RawText`: reject bad input, detect the encoding,
extract text from .docx and .pdf.  Inputs are opened read-only, never changed.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from .errors import (
    BadPath,
    BinaryInput,
    EmptyInput,
    InputNotFound,
    InputExpandsTooMuch,
    InputTooLarge,
    NeedsOCR,
    UnreadablePdfText,
    NotAFile,
    UndecodableInput,
    UnsupportedFormat,
)
from .model import RawText

__all__ = ("read_path", "file_bytes", "read_bytes", "decode_bytes", "DEFAULT_MAX_BYTES")

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: What a compressed or paged input may expand to, checked while reading (a
#: few hundred KB of .docx can hold gigabytes of XML).  A government report or
#: plan has a few thousand paragraphs and at most a few hundred pages.
#: The XML parts of a .docx may hold this many times ``max_bytes``:
DOCX_XML_FACTOR = 3
#: paragraphs (``<w:p>`` elements) of a .docx
MAX_DOCX_PARAGRAPHS = 100_000
#: pages of a .pdf
MAX_PDF_PAGES = 2_000
#: the extracted text of a .docx or .pdf may be this large (UTF-8 bytes): ``max_bytes``,
#: the limit of a plain text file

#: characters removed from every text read: C0/C1 controls but tab, newline
#: and form feed (a NUL, a BEL or an ESC starting a terminal escape sequence
#: is never content), and the bidi embedding/override/isolate controls (U+202E
#: makes a heading or a file name read backwards)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

#: Encodings tried, in this order, for text without a BOM that is not UTF-8.
#: Government documents in China come as UTF-8 or GB18030 (a superset of GBK
#: and GB2312); Big5 appears in material from Hong Kong and Taiwan.
CANDIDATE_ENCODINGS = ("gb18030", "big5", "utf_16", "utf_32")

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

#: Leading bytes of binary formats people mistake for documents.
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"MZ", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf", b"\xd0\xcf\x11\xe0")


def read_path(path: str | os.PathLike, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> RawText:
    """Read ``path`` and return its text.

    Raises a :class:`~reportdiff.errors.ReportdiffError` subclass for a
    missing file, a directory, an empty, binary, undecodable or oversized file,
    and a PDF without a text layer.
    """
    return read_bytes(file_bytes(path, max_bytes), str(path), encoding=encoding, max_bytes=max_bytes)


def file_bytes(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a document file, after the checks that need the file itself:
    it exists, is a file, and is not larger than ``max_bytes`` (checked before
    reading it)."""
    p = Path(path)
    shown = str(path)
    try:
        if not p.exists():
            raise InputNotFound(shown)
        if not p.is_file():
            raise NotAFile(shown)
        size = p.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(shown, size=size, limit=max_bytes)
        with open(p, "rb") as fh:
            return fh.read(max_bytes + 1)  # a file that grows while read is not read past the limit
    except ValueError as exc:  # a NUL in the path
        raise BadPath(shown, reason=str(exc)) from None
    except OSError as exc:  # too long a name, no permission, an I/O error
        raise BadPath(shown, reason=exc.strerror or type(exc).__name__) from None


def read_bytes(data: bytes, path: str, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> RawText:
    """Decode the bytes of a document read elsewhere (``path`` names it in
    messages and gives its format by suffix).  Same errors as :func:`read_path`
    but for files that do not exist.  Used to parse a document on a worker
    that cannot see the caller's disk."""
    import io

    shown = str(path)
    if len(data) > max_bytes:
        raise InputTooLarge(shown, size=len(data), limit=max_bytes)
    if not data.strip():
        raise EmptyInput(shown)
    suffix = Path(shown).suffix.lower()
    if suffix in (".xlsx", ".csv"):
        text, enc, fmt = _read_sheet(data, suffix, shown, max_bytes), suffix[1:], suffix[1:]
    elif suffix == ".docx" or (data[:2] == b"PK" and suffix not in (".txt", ".md")):
        text, enc, fmt = _read_docx(io.BytesIO(data), shown, max_bytes), "docx", "docx"
    elif suffix == ".pdf" or data[:5] == b"%PDF-":
        text, enc, fmt = _read_pdf(io.BytesIO(data), shown, max_bytes), "pdf", "pdf"
    else:
        text, enc = decode_bytes(data, shown, encoding)
        fmt = "md" if suffix in (".md", ".markdown") else "txt"
    text = _CONTROLS.sub("", text)
    if not text.strip():
        raise EmptyInput(shown)
    return RawText(path=shown, text=text, encoding=enc, fmt=fmt)


def decode_bytes(data: bytes, shown: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode text bytes; return ``(text, encoding name)``.

    Order: an explicit ``encoding``; a byte-order mark; strict UTF-8; then
    charset-normalizer restricted to :data:`CANDIDATE_ENCODINGS`.  A result
    is accepted only if it reads as text (see :func:`_plausible`).
    """
    if encoding:
        try:
            return _clean_decoded(data.decode(encoding)), encoding.lower()
        except (UnicodeDecodeError, LookupError):
            raise UndecodableInput(shown, tried=encoding) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _clean_decoded(data.decode(name)), name.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError:
                raise UndecodableInput(shown, tried=name) from None
    if any(data.startswith(m) for m in _BINARY_MAGIC):
        raise BinaryInput(shown)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _clean_decoded(utf16[0]), utf16[1]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if _plausible(text):
            return _clean_decoded(text), "utf-8"
        raise BinaryInput(shown)
    if data.count(b"\x00") > len(data) // 20 and not _looks_utf16(data):
        raise BinaryInput(shown)
    from charset_normalizer import from_bytes  # slow import: only for non-UTF-8 input

    best = from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    tried = ["UTF-8", "GB18030", "Big5", "UTF-16"]
    if best is not None:
        text = str(best)
        if _plausible(text):
            return _clean_decoded(text), best.encoding
    if _mostly_control(data):
        raise BinaryInput(shown)
    raise UndecodableInput(shown, tried="、".join(tried))


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a byte-order mark (Windows "Unicode" text saved by
    some tools): the byte order whose decoding reads as Chinese or ASCII text."""
    if b"\x00" not in data or len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible(text) and _mostly_chinese_or_ascii(text):
            return text, name
    return None


def _mostly_chinese_or_ascii(text: str) -> bool:
    """True when nearly every character is ASCII, a CJK ideograph or CJK/full-width punctuation."""
    sample = text[:20000]
    ok = sum(1 for ch in sample if ch < "\x80" or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2000" <= ch <= "\u206f")
    return ok >= len(sample) * 0.95


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without BOM: NULs on every other byte of ASCII text."""
    even, odd = data[0::2], data[1::2]
    return even.count(0) > len(even) * 0.3 or odd.count(0) > len(odd) * 0.3


def _mostly_control(data: bytes) -> bool:
    ctrl = sum(1 for b in data[:4096] if b < 9 or 13 < b < 32)
    return ctrl > min(len(data), 4096) * 0.05


#: characters that are never counted against a text (printable ASCII, the allowed controls,
#: common CJK ideographs and punctuation, full-width forms): skipped before the per-character
#: test, which gives them all a pass (tests/test_read.py checks every one of them)
PLAIN_CHARS = re.compile("[\t\n\r\f\v\x20-\x7e\u4e00-\u9fa5\u3000-\u303f\uff01-\uff5e\u2010-\u2027]+")


def _plausible(text: str) -> bool:
    """True when the text reads as text: few control or private-use characters."""
    sample = text[:20000]
    if not sample:
        return False
    bad = 0
    for ch in PLAIN_CHARS.sub("", sample):
        cat = unicodedata.category(ch)
        if (cat == "Cc" and ch not in "\t\n\r\f\v") or cat in ("Co", "Cs", "Cn"):
            bad += 1
    return bad <= len(sample) * 0.01


def _clean_decoded(text: str) -> str:
    """Unify line endings; drop a stray BOM.  Nothing else is touched."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


# --- .docx -------------------------------------------------------------------

def _check_docx_expansion(fh, shown: str, max_bytes: int) -> None:
    """Refuse a .docx whose XML would expand beyond the limits, before parsing it:
    the sizes its zip declares (zipfile never inflates a member past them) and
    the paragraphs of word/document.xml, counted while streaming it."""
    import zipfile

    try:
        zf = zipfile.ZipFile(fh)
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnsupportedFormat(shown, fmt=".docx", reason=type(exc).__name__) from None
    xml_limit = DOCX_XML_FACTOR * max_bytes
    total = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
    if total > xml_limit:
        raise InputExpandsTooMuch(shown, what=f"XML 共 {total} 字节", limit=f"{xml_limit} 字节")
    if "word/document.xml" not in zf.namelist():
        return
    paragraphs, seen, tail = 0, 0, b""
    try:
        with zf.open("word/document.xml") as member:
            while chunk := member.read(1 << 20):
                seen += len(chunk)
                if seen > xml_limit:
                    raise InputExpandsTooMuch(shown, what=f"XML 超过 {seen} 字节", limit=f"{xml_limit} 字节")
                buf = tail + chunk
                paragraphs += buf.count(b"<w:p>") + buf.count(b"<w:p ")
                tail = buf[-5:]
                paragraphs -= tail.count(b"<w:p>") + tail.count(b"<w:p ")  # counted again with the next chunk
                if paragraphs > MAX_DOCX_PARAGRAPHS:
                    raise InputExpandsTooMuch(shown, what=f"段落超过 {MAX_DOCX_PARAGRAPHS} 个", limit=f"{MAX_DOCX_PARAGRAPHS} 个段落")
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise UnsupportedFormat(shown, fmt=".docx", reason=type(exc).__name__) from None
    finally:
        fh.seek(0)


def _read_docx(fh, shown: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    _check_docx_expansion(fh, shown, max_bytes)
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph as DocxParagraph

        document = docx.Document(fh)
    except Exception as exc:  # python-docx raises many kinds for a broken zip
        raise UnsupportedFormat(shown, fmt=".docx", reason=type(exc).__name__) from None
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(DocxParagraph(block, document).text)
        elif tag == "tbl":
            lines.extend(_table_lines(Table(block, document)))
    text = "\n".join(lines)
    if len(text.encode("utf-8")) > max_bytes:
        raise InputExpandsTooMuch(shown, what="提取的文字", limit=f"{max_bytes} 字节")
    return text


def _table_lines(table) -> list[str]:
    """Turn a docx table into text lines (see :func:`reportdiff.sheets.table_lines`)."""
    from .sheets import table_lines

    return table_lines([[cell.text for cell in row.cells] for row in table.rows])


def _read_sheet(data: bytes, suffix: str, shown: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """A plan published as a spreadsheet (.xlsx) or CSV table; an .xlsx whose XML would
    expand beyond the limit is refused before it is parsed, as a .docx is."""
    import io
    import zipfile

    from .sheets import sheet_rows

    if suffix == ".xlsx":
        try:
            infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise UnsupportedFormat(shown, fmt=".xlsx", reason=type(exc).__name__) from None
        total, limit = sum(i.file_size for i in infos), DOCX_XML_FACTOR * max_bytes
        if total > limit:
            raise InputExpandsTooMuch(shown, what=f"XML 共 {total} 字节", limit=f"{limit} 字节")
    try:
        text = "\n".join(sheet_rows(data, suffix, shown))
    except UndecodableInput:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise UnsupportedFormat(shown, fmt=suffix, reason=type(exc).__name__) from None
    if len(text.encode("utf-8")) > max_bytes:
        raise InputExpandsTooMuch(shown, what="提取的文字", limit=f"{max_bytes} 字节")
    return text


# --- .pdf --------------------------------------------------------------------


#: "(cid:N)": a glyph that pdfminer cannot map to a character (a font without
#: a ToUnicode table, as copy-protected PDFs have)
_CID = re.compile(r"\(cid:\d+\)")


def _read_pdf(fh, shown: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    pages: list[str] = []
    size = 0
    try:
        import pdfplumber

        with pdfplumber.open(fh) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise InputExpandsTooMuch(shown, what=f"{len(pdf.pages)} 页", limit=f"{MAX_PDF_PAGES} 页")
            for page in pdf.pages:
                text = page.extract_text() or ""
                size += len(text.encode("utf-8"))
                if size > max_bytes:
                    raise InputExpandsTooMuch(shown, what="提取的文字", limit=f"{max_bytes} 字节")
                pages.append(text)
                page.flush_cache()
    except InputExpandsTooMuch:
        raise
    except Exception as exc:  # pdfminer raises many kinds for a broken file
        raise UnsupportedFormat(shown, fmt=".pdf", reason=type(exc).__name__) from None
    text = "\n".join(pages)
    dense = re.sub(r"\s", "", text)
    cid = sum(len(m) for m in _CID.findall(dense))
    if cid and cid >= len(dense) * 0.2:
        raise UnreadablePdfText(shown)
    if len(dense) < 20:
        raise NeedsOCR(shown)
    return text
