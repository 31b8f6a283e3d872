"""Understand a document: kind, identity, regions, sentences, plan items and headline targets.

* :mod:`.identity`: kind, government, year, date, title, with evidence;
* :mod:`.sections`: the parts (regions) of a work report;
* :mod:`.owners`: owners and deadlines of plan tasks;
* :mod:`.targets`: headline targets (主要预期目标) as :class:`~reportdiff.model.Target` records;
* :mod:`.builder`: one walk over the paragraphs that puts it together.
"""

from .builder import build_document, restore_original
from .owners import OWNER_LABELS, parse_owners, split_item

__all__ = ("build_document", "restore_original", "parse_owners", "split_item", "OWNER_LABELS")
