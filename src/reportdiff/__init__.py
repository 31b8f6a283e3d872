"""reportdiff: compare Chinese government documents.

Quick start::

    from reportdiff import load_document
    doc = load_document("examples/chiping-2024-plan.txt")
    print(doc.kind, doc.government, doc.year, len(doc.items))

The names below are loaded on first use (PEP 562), so that importing the
package, or running ``reportdiff --help``, does not import the pipeline
(numpy, rapidfuzz, the structure rules).
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)

#: public name -> module that defines it
_LAZY = {
    "load_document": "api",
    "load_bytes": "api",
    "compare": "api",
    "compare_documents": "api",
    "ReportdiffError": "errors",
    "ExitStatus": "errors",
    "Comparison": "model",
    "DocKind": "model",
    "Document": "model",
    "Finding": "model",
    "FindingType": "model",
    "Mode": "model",
    "Options": "model",
    "PlanItem": "model",
    "Region": "model",
    "Sentence": "model",
}

__all__ = tuple(_LAZY)
__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .api import compare, compare_documents, load_bytes, load_document
    from .errors import ExitStatus, ReportdiffError
    from .model import Comparison, DocKind, Document, Finding, FindingType, Mode, Options, PlanItem, Region, Sentence


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'reportdiff' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
