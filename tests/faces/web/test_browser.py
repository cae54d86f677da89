"""The dashboard in a real browser: Playwright driving Debian's chromium (never a downloaded browser).

From the home page to the G2G agreement, its status, and the highlighted evidence sentence in its
document; screenshots go to tests/artifacts/ (gitignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import TESTS_DIR
from store_fixtures import PENDING_TEXT
from web_server import EXAMPLES, Running, analyse_paths, build_store, hand_made, serve

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run"]
ARTIFACTS = TESTS_DIR / "artifacts"

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium; .ci/run does it)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def open_agreement_from_home(page, server: Running, prefix: str) -> None:  # type: ignore[no-untyped-def]
    """From the home page, the Malaysia-Korea G2G procurement agreement's page."""
    page.goto(server.url + "/")
    expect = sync_api.expect
    expect(page.locator("h2", has_text="Latest agreements")).to_be_visible()
    shot(page, f"{prefix}-home")
    cards = page.locator("a.card.agreement").filter(has_text="g2g procurement")
    cards.filter(has_text="KOR").filter(has_text="MYS").first.click()
    expect(page.locator("h1")).to_contain_text("g2g procurement agreement")
    expect(page.locator(".facts")).to_contain_text("KOR")


def test_home_to_agreement_to_evidence(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = build_store(tmp_path / "browser.db", hand_made())
    expect = sync_api.expect
    with serve(db) as server:
        open_agreement_from_home(page, server, "handmade")
        expect(page.locator("h1 .status")).to_have_text("approved")
        steps = page.locator("ol.timeline li")
        expect(steps).to_have_count(2)
        expect(steps.nth(0).locator(".status")).to_have_text("pending approval")
        shot(page, "handmade-agreement")
        steps.nth(0).locator("a.evidence").click()
        focus = page.locator("#focus")
        expect(focus).to_be_visible()
        expect(focus).to_have_text(PENDING_TEXT[:30])
        expect(focus.locator("a.hl.l-agreement").first).to_be_in_viewport()
        colour = focus.locator("a.l-agreement").first.evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour == "rgb(255, 229, 138)"   # the agreement layer's highlight
        shot(page, "handmade-document")


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    analyses = analyse_paths(EXAMPLES)
    if not any(g.type == "g2g_procurement" for a in analyses for g in a.agreements):
        pytest.skip("the pipeline finds no G2G agreement in examples/ (agreements layer not landed yet)")
    return build_store(tmp_path_factory.mktemp("examples") / "examples.db", analyses)


def test_the_seed_g2g_agreement_in_the_browser(page, examples_store: Path) -> None:  # type: ignore[no-untyped-def]
    expect = sync_api.expect
    with serve(examples_store) as server:
        open_agreement_from_home(page, server, "seed")
        steps = page.locator("ol.timeline li")
        expect(steps.first.locator(".status")).to_have_text("pending approval")   # the seed's report
        expect(steps.first.locator(".when")).to_have_text("2025-09-22")
        expect(page.locator("h1 .status")).to_have_text("approved")   # the follow-up in examples/
        shot(page, "seed-agreement")
        steps.first.locator("a.evidence").click()
        focus = page.locator("#focus")
        expect(focus).to_be_visible()
        expect(focus).to_contain_text("G2G")
        expect(focus.locator("a.l-agreement").first).to_be_in_viewport()
        shot(page, "seed-document")


def test_the_changes_feed_link_opens_the_agreement_page(page, examples_store: Path) -> None:  # type: ignore[no-untyped-def]
    feedparser = pytest.importorskip("feedparser")
    expect = sync_api.expect
    with serve(examples_store) as server:
        response = page.request.get(server.url + "/changes.atom?since=2025-01-01&as_of=2025-11-01")
        feed = feedparser.parse(response.body())
        assert not feed.bozo
        [entry] = [e for e in feed.entries if "pending approval to approved" in e.title]
        page.goto(entry.link)
        expect(page.locator("h1")).to_contain_text("g2g procurement agreement")
        expect(page.locator("h1 .status")).to_have_text("approved")
        expect(page.locator("p.summary")).to_contain_text("Malaysia and South Korea")
        expect(page.locator(".facts")).to_contain_text("About")
        shot(page, "feed-agreement")
        page.locator("a", has_text="Follow its changes").click()
        assert "changes.atom" in page.url
