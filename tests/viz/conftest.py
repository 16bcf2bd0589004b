"""Fixtures of the viz tests: a hand-built news graph, its page, and a headless Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from viz_graphs import build_news_graph

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync",
]


@pytest.fixture
def news_graph() -> Graph:
    return build_news_graph()


@pytest.fixture(scope="module")
def news_html(tmp_path_factory) -> Path:
    from kg.viz.html import write_html

    path = tmp_path_factory.mktemp("viz") / "graph.html"
    write_html(build_news_graph(), path, title="测试 <i>图</i>")
    return path


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    """A persistent headless Chromium with a fresh profile; skips where there is none."""
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is missing: pip install playwright==1.65.2"
    )
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},
        )
        yield context
        context.close()


class PageLog:
    """What a page did that it should not: console errors, requests off file:, dialogs."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else self.requests.append(r.url))

        def dismiss(dialog):
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", dismiss)


@pytest.fixture
def open_page(browser_context):
    """Open an HTML file and wait until the page says it is ready; returns (page, log)."""
    pages = []

    def _open(path: Path):
        page = browser_context.new_page()
        pages.append(page)
        log = PageLog(page)
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.kgReady === true", timeout=30_000)
        return page, log

    yield _open
    for page in pages:
        page.close()
