"""The site in headless Chromium (Debian's /usr/bin/chromium driven by Playwright): home, search, a result's
paragraph, a note preview, a source page; screenshots under build/screenshots/; any console error fails."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_web import HOSTILE_ID, LiveServer, build_db

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (`make browser`)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from landmine_monitor.web import create_app

    db = build_db(tmp_path_factory.mktemp("browser"))
    with LiveServer(create_app(db)) as s:
        yield s.url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    pg.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    pg.errors = errors
    yield pg
    context.close()
    assert errors == [], errors


def shot(page: Any, name: str, full: bool = True) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def test_home_search_paragraph_note_source(page: Any, server: str) -> None:
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Landmine Monitor archive"
    assert page.locator("#editions li").count() >= 3
    shot(page, "01-home")

    page.get_by_label("Search every report of every edition").fill("clearance")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=clearance")
    hits = page.locator(".hit")
    assert hits.count() > 0
    assert page.locator(".hit mark").count() > 0
    assert page.locator(".facet-item").count() > 0
    shot(page, "02-search")

    first = page.locator(".hit-title[href*='#p-']").first
    href = first.get_attribute("href")
    first.click()
    anchor = href.split("#", 1)[1]
    page.wait_for_url(f"**#{anchor}")
    target = page.locator(f"[id='{anchor}']")
    assert target.is_visible()
    assert page.evaluate("() => document.querySelector(':target').id") == anchor
    shot(page, "03-paragraph", full=False)

    marker = page.locator("a.fn-ref").first
    number = marker.get_attribute("data-note")
    marker.focus()  # keyboard reachable: focus alone opens the preview
    preview = page.locator(".note-preview")
    preview.wait_for(state="visible")
    note_text = page.locator(f"[id='fn-{number}'] .note-text").inner_text().strip()
    assert note_text and note_text in preview.inner_text()
    assert marker.get_attribute("aria-describedby") == "note-preview"
    shot(page, "04-note-preview", full=False)
    page.keyboard.press("Escape")
    assert preview.count() == 0

    source = page.locator("a.source-link").first
    label = source.inner_text().strip()
    source.click()
    page.wait_for_url("**/sources/src_*")
    assert page.locator("h1").inner_text().strip() == label  # the link names the source as its page does
    assert page.locator(".cited-list li").count() >= 1
    shot(page, "05-source")


def test_filter_facet_and_pages_without_errors(page: Any, server: str) -> None:
    page.goto(server + "/search?q=mines")
    total = page.locator("#results-h").inner_text()
    page.locator(".facet-item").first.click()
    page.wait_for_load_state()
    assert page.locator(".facet-item.checked").count() == 1
    assert page.locator("#results-h").inner_text() != total
    for path, name in (
        ("/editions/2004", "06-edition"),
        ("/countries/mng", "07-country"),
        (f"/countries/{HOSTILE_ID.split('-')[0]}", "08-country-chart"),
        ("/sources", "09-sources"),
        ("/compare/mng/2003/2004", "10-compare"),
        ("/about", "11-about"),
        ("/docs", "12-docs"),
        ("/search?q=clearence", "13-no-results"),
        ("/reports/nope", "14-not-found"),
    ):
        response = page.goto(server + path)
        assert response.status == (404 if "nope" in path else 200), path
        shot(page, name)
    page.errors[:] = [e for e in page.errors if "404" not in e]  # the not-found page itself is expected


def test_hostile_report_runs_no_script_and_prints(page: Any, server: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + f"/reports/{HOSTILE_ID}")
    assert "<script>" in page.locator(".para").first.inner_text()  # shown as text
    for link in page.locator("a.fn-ref").all():
        link.hover()
    assert dialogs == []
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "/reports/mng-2004")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(page, "15-report-mobile", full=False)
