"""Findings from two aligned documents."""
from __future__ import annotations


def detect(a, b, mode, a_units, b_units, pairs, edges, scores):
    return (), {}, ()
