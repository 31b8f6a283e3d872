"""Writing outputs safely: atomic replace, UTF-8, fixed newlines."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ("atomic_write_text", "atomic_write_bytes", "pair_stem", "cache_dir")


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same directory
    and ``os.replace``: a reader never sees a half-written file, and an
    interrupted run leaves the previous file (or none) in place."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent))
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


def pair_stem(a: str | os.PathLike, b: str | os.PathLike) -> str:
    """Output name of a comparison: ``<A-stem>__<B-stem>``."""
    return f"{Path(a).stem}__{Path(b).stem}"


def cache_dir(name: str) -> Path | None:
    """A folder of the user's cache for reportdiff (``$XDG_CACHE_HOME`` or
    ``~/.cache``, then ``reportdiff/<name>``), created; None when it cannot be."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportdiff" / name
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return base
