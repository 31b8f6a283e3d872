"""The output policy of every command: where outputs go and how they are written.

* names: :func:`safe_name` (no separators, NUL, control or bidi characters,
  no leading dot, bounded length), :func:`pair_stem` for a comparison;
* places: :func:`confined` keeps every output inside the output folder, and
  :func:`check_targets` refuses an output that is one of the inputs;
* writing: atomic replace, UTF-8, fixed newlines; a failure of the
  environment (read-only folder, full disk, too long a name) is a
  :class:`~reportdiff.errors.CannotWrite`, one line for the user.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from .errors import CannotWrite, OutputIsInput, OutputOutsideFolder

__all__ = (
    "atomic_write_text",
    "atomic_write_bytes",
    "pair_stem",
    "candidate_stems",
    "legacy_stems",
    "read_sheets",
    "sheet_path",
    "report_path",
    "safe_name",
    "confined",
    "check_targets",
    "MAX_STEM_BYTES",
    "cache_dir",
)

#: longest output stem in UTF-8 bytes: file systems allow 255 bytes per name, and
#: suffixes (``-<hash>``, ``.backup.1.csv``, ``.new.csv``, temporary names) need room
MAX_STEM_BYTES = 150
#: characters that never appear in an output name: path separators, characters
#: Windows forbids, controls, and bidi controls (U+202E makes a name read backwards)
_UNSAFE = re.compile("[/\\\\:*?\"<>|\\x00-\\x1f\\x7f-\\x9f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]")


def safe_name(name: str, max_bytes: int = MAX_STEM_BYTES) -> str:
    """``name`` made usable as one file name inside the output folder: unsafe
    characters become ``_``, leading dots and spaces go (no hidden file, no
    ``..``), and a name longer than ``max_bytes`` (UTF-8) is cut and given a
    short hash of the whole name, so that two long names stay different."""
    text = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip().lstrip(". ").rstrip(". ")
    text = text or "_"
    if len(text.encode("utf-8")) > max_bytes:
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        cut = text.encode("utf-8")[: max_bytes - 9].decode("utf-8", "ignore")
        text = f"{cut}-{digest}"
    return text


def confined(folder: str | os.PathLike, path: str | os.PathLike) -> Path:
    """``path`` (absolute, or relative to the current folder) when it lies inside
    ``folder`` once symbolic links and ``..`` are resolved; else :class:`OutputOutsideFolder`."""
    try:
        base = Path(folder).resolve()
        target = Path(path).resolve()
    except (OSError, ValueError) as exc:
        raise CannotWrite(str(path), reason=getattr(exc, "strerror", None) or str(exc)) from None
    if target != base and base not in target.parents:
        raise OutputOutsideFolder(str(path), folder=str(folder))
    return Path(path)


def check_targets(targets: list[str | os.PathLike], inputs: list[str | os.PathLike]) -> None:
    """Refuse an output that is one of the inputs (the same path, or the same file
    through a link) or that two outputs share."""

    def real(p) -> str:
        try:
            return os.path.realpath(p)
        except (OSError, ValueError):
            return os.path.abspath(p)

    def same_file(x, y) -> bool:
        try:
            return os.path.samefile(x, y)
        except (OSError, ValueError):
            return False

    seen: dict[str, str] = {}
    for t in targets:
        rt = real(t)
        for i in inputs:
            if rt == real(i) or same_file(t, i):
                raise OutputIsInput(str(t), other=str(i))
        if rt in seen:
            raise OutputIsInput(str(t), other=seen[rt])
        seen[rt] = str(t)


#: why a write failed, in Chinese, by errno name (EDQUOT is missing on some systems)
_WHY = {
    getattr(errno, name): why
    for name, why in (
        ("EACCES", "没有写入权限"),
        ("EPERM", "没有写入权限"),
        ("EROFS", "文件系统是只读的"),
        ("ENOSPC", "磁盘已满"),
        ("EDQUOT", "超出磁盘配额"),
        ("ENAMETOOLONG", "文件名太长"),
        ("ENOTDIR", "路径中有一部分不是文件夹"),
        ("EISDIR", "这是一个文件夹"),
    )
    if hasattr(errno, name)
}


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same directory
    and ``os.replace``: a reader never sees a half-written file, and an
    interrupted run leaves the previous file (or none) in place."""
    target = Path(path)
    try:
        return _atomic_write(target, data)
    except OSError as exc:
        raise CannotWrite(str(target), reason=_WHY.get(exc.errno, exc.strerror or type(exc).__name__)) from None
    except ValueError as exc:  # e.g. a NUL in the path
        raise CannotWrite(str(target), reason=str(exc)) from None


def _atomic_write(target: Path, data: bytes) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
    # the temporary name is short: a target name near the limit still gets one
    fd, tmp = tempfile.mkstemp(prefix=".rd-", suffix=".tmp", dir=str(target.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are meant to be shared
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target


def atomic_write_text(path: str | os.PathLike, text: str, bom: bool = False) -> Path:
    """Write text as UTF-8 (optionally with a BOM, which WPS and Excel need to
    show Chinese in a CSV) with ``\\n`` newlines and no trailing spaces."""
    body = "\n".join(line.rstrip() for line in text.split("\n"))
    data = body.encode("utf-8")
    return atomic_write_bytes(path, (b"\xef\xbb\xbf" + data) if bom else data)


def pair_stem(a: str | os.PathLike, b: str | os.PathLike, government: str = "", government_a: str = "") -> str:
    """Output name of a comparison: ``<A-stem>__<B-stem>``, made safe by
    :func:`safe_name`, led by ``government`` (read from the text) when the file
    names are only numbers: a corpus laid out as ``<government>/<year>.txt`` gives
    ``山东省-2024__2025`` rather than ``2024__2025``, which every government would
    share.  When ``government_a`` (A's, read from its text) is another government,
    each side is led by its own: ``河北省-2023__安徽省-2023``.  Names that hold any
    word are kept as they are.  Two comparisons whose files share names still get
    the same stem; :func:`candidate_stems` and :func:`reportdiff.review.bind` then
    tell them apart."""
    stem = f"{Path(a).stem}__{Path(b).stem}"
    if government and not re.search(r"[^\W\d_]", Path(a).stem + Path(b).stem):
        if government_a and government_a != government:
            stem = f"{government_a}-{Path(a).stem}__{government}-{Path(b).stem}"
        else:
            stem = f"{government}-{stem}"
    return safe_name(stem)


def candidate_stems(stem: str, a: str | os.PathLike, b: str | os.PathLike) -> tuple[str, str]:
    """The output stems a comparison may use, in order: ``stem``, then
    ``<stem>-<hash>`` where the hash is of the two files' locations.  The first
    is taken unless its sheet was made for other documents (two folders that
    both hold ``2024.txt`` and ``2025.txt``); the second is stable for the same
    files, edited or not."""
    where = f"{os.path.abspath(a)}\0{os.path.abspath(b)}".encode("utf-8", "surrogatepass")
    return stem, f"{stem}-{hashlib.sha256(where).hexdigest()[:8]}"


def legacy_stems(stem: str, a: str | os.PathLike, b: str | os.PathLike, old: str | None = None) -> tuple[str, ...]:
    """The stems earlier versions gave this comparison when :func:`pair_stem`
    now leads ``stem`` with the government: ``old`` (by default the file names
    only, ``2024__2025``) and its hashed form, else none.  A sheet reviewed under
    such a name is still found (:func:`reportdiff.review.bind`); it is read,
    never written."""
    old = safe_name(f"{Path(a).stem}__{Path(b).stem}") if old is None else old
    return () if old == stem else candidate_stems(old, a, b)


def read_sheets(sheets: list[tuple[str, str | os.PathLike]]) -> list[tuple[str, object]]:
    """``(stem, sheet)`` for each ``(stem, path)``: the :class:`~reportdiff.review.Review`
    read from the path (even without marks: it records its documents), None
    when there is no file, or the :class:`~reportdiff.errors.ReviewUnreadable`
    raised reading it."""
    from .errors import ReviewUnreadable
    from .review import read_review

    out: list[tuple[str, object]] = []
    for stem, path in sheets:
        if not Path(path).is_file():
            out.append((stem, None))
            continue
        try:
            out.append((stem, read_review(path)))
        except ReviewUnreadable as exc:
            out.append((stem, exc))
    return out


def sheet_path(out_dir: str | os.PathLike, stem: str) -> Path:
    """``<out_dir>/alignments/<stem>.csv``, confined to ``out_dir``."""
    return confined(out_dir, Path(out_dir) / "alignments" / f"{stem}.csv")


def report_path(out_dir: str | os.PathLike, stem: str) -> Path:
    """``<out_dir>/reports/<stem>.html``, confined to ``out_dir``."""
    return confined(out_dir, Path(out_dir) / "reports" / f"{stem}.html")


def cache_dir(name: str) -> Path | None:
    """A folder of the user's cache for reportdiff (``$XDG_CACHE_HOME`` or
    ``~/.cache``, then ``reportdiff/<name>``), created; None when it cannot be."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportdiff" / name
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return base
