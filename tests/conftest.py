"""Shared fixtures: the seed documents bundled under examples/."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLD = Path(__file__).resolve().parent / "gold"

REPORT_2022 = EXAMPLES / "chiping-2022-report.txt"  # seed 000
REPORT_2024 = EXAMPLES / "chiping-2024-report.txt"  # seed 001
PLAN_DCF_2022 = EXAMPLES / "dongchangfu-2022-plan.txt"  # seed 002
PLAN_2024 = EXAMPLES / "chiping-2024-plan.txt"  # seed 003
PRESS_2022 = EXAMPLES / "chiping-2022-press-conference.txt"  # seed 004
SEEDS = (REPORT_2022, REPORT_2024, PLAN_DCF_2022, PLAN_2024, PRESS_2022)


@pytest.fixture(scope="session")
def docs():
    """Every seed parsed once per test session, keyed by file stem."""
    from reportdiff import load_document

    return {p.stem: load_document(p) for p in SEEDS}


@pytest.fixture(scope="session")
def rp():
    """The 2024 report compared with its division plan."""
    from reportdiff.api import compare

    return compare(REPORT_2024, PLAN_2024)


@pytest.fixture(scope="session")
def rr():
    """The 2022 report compared with the 2024 report."""
    from reportdiff.api import compare

    return compare(REPORT_2022, REPORT_2024)


@pytest.fixture()
def runner():
    return CliRunner()


def run_cli(args: list[str]) -> tuple[int, str, str]:
    """Run ``reportdiff`` in-process through its real entry point; return (code, stdout, stderr)."""
    import contextlib
    import io

    from reportdiff.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return int(code), out.getvalue(), err.getvalue()
