"""The library API: the only module that chains the pipeline stages.

>>> from reportdiff import load_document
>>> doc = load_document("examples/chiping-2024-plan.txt")
>>> doc.kind.value, doc.government, doc.year, len(doc.items)
('plan', '茌平区', 2024, 105)
"""

from __future__ import annotations

import os

from . import normalize, read, structure
from .model import Document, Options

__all__ = ("load_document",)


def load_document(path: str | os.PathLike, options: Options | None = None) -> Document:
    """Read, normalize and structure one document (read -> normalize -> structure)."""
    opts = options or Options()
    raw = read.read_path(path, encoding=opts.encoding, max_bytes=opts.max_bytes)
    paras = normalize.paragraphs(raw.text)
    return structure.build_document(raw, paras)
