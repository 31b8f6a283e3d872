"""The HTML report in a real headless browser (Debian chromium driven by Playwright).

Skipped when chromium or playwright is missing, except in CI where
``REPORTDIFF_REQUIRE_BROWSER=1`` (set by .ci/run) turns a skip into a failure.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import PLAN_2024, REPORT_2024, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("REPORTDIFF_REQUIRE_BROWSER") == "1"


def _need_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if REQUIRED:
            pytest.fail("playwright is required (REPORTDIFF_REQUIRE_BROWSER=1)")
        pytest.skip("playwright not installed")
    if not CHROMIUM:
        if REQUIRED:
            pytest.fail("chromium is required (REPORTDIFF_REQUIRE_BROWSER=1)")
        pytest.skip("chromium not installed")


def test_report_in_headless_chromium(tmp_path):
    _need_browser()
    from playwright.sync_api import sync_playwright

    out_json = tmp_path / "r.json"
    code, _, err = run_cli(["compare", str(REPORT_2024), str(PLAN_2024), "--out-dir", str(tmp_path), "--json", str(out_json), "-q"])
    assert code == 0, err
    html = tmp_path / "reports" / "chiping-2024-report__chiping-2024-plan.html"
    data = json.loads(out_json.read_text(encoding="utf-8"))
    expected = {}
    for f in data["findings"]:
        expected[f["type"]] = expected.get(f["type"], 0) + 1

    console_errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        )
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: console_errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(html.as_uri())
        shown = {el.get_attribute("data-count"): int(el.inner_text()) for el in page.query_selector_all("[data-count]")}
        assert shown == expected
        total = len(page.query_selector_all("tr.row"))
        assert page.inner_text("#shown") == str(total)
        # a filter hides rows: untick every type but missing_owner, then only differences
        for box in page.query_selector_all("input[name=type]"):
            if box.get_attribute("value") != "missing_owner":
                box.uncheck()
        page.check("#onlydiff")
        visible = page.eval_on_selector_all("tr.row", "rows => rows.filter(r => r.offsetParent !== null).length")
        assert 0 < visible < total
        assert int(page.inner_text("#shown")) == visible
        # the text search narrows to the rows containing the words
        for box in page.query_selector_all("input[name=type]"):
            box.check()
        page.uncheck("#onlydiff")
        page.fill("#q", "集中供暖")
        visible = page.eval_on_selector_all("tr.row", "rows => rows.filter(r => r.offsetParent !== null).length")
        assert visible == 3  # the one report sentence, shown with each of items 69, 70, 71
        page.fill("#q", "")
        shot = Path(os.environ.get("REPORTDIFF_SCREENSHOT", tmp_path / "report.png"))
        page.screenshot(path=str(shot))
        browser.close()
    assert console_errors == []
    assert [u for u in requests if not u.startswith("file:")] == []
    assert shot.stat().st_size > 10000
