"""reportdiff: compare Chinese government documents.

Quick start::

    from reportdiff import load_document
    doc = load_document("examples/chiping-2024-plan.txt")
    print(doc.kind, doc.government, doc.year, len(doc.items))
"""

from .api import load_document
from .errors import ExitStatus, ReportdiffError
from .model import Comparison, DocKind, Document, Finding, FindingType, Mode, Options, PlanItem, Region, Sentence

__all__ = (
    "load_document",
    "ReportdiffError",
    "ExitStatus",
    "Comparison",
    "DocKind",
    "Document",
    "Finding",
    "FindingType",
    "Mode",
    "Options",
    "PlanItem",
    "Region",
    "Sentence",
)
__version__ = "0.1.0"
