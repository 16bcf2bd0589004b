"""The page in a real headless Chromium: loads offline and clean, finds, filters, stays inert."""

import pytest
from viz_graphs import HOSTILE, HOSTILE_NAME, NEWS_COUNTS

pytestmark = pytest.mark.browser


def node_id(page, name):
    return page.evaluate("(name) => KG_NODES.filter((n) => n.kgName === name)[0].id", name)


def shown_names(page):
    return sorted(page.evaluate("kg.nodes.get({filter: (n) => !n.hidden}).map((n) => kg.info(n.id).kgName)"))


def test_viz_browser_loads_offline_without_errors(news_html, open_page):
    page, log = open_page(news_html)
    page.wait_for_timeout(200)
    assert log.errors == []
    assert log.requests == []
    assert log.dialogs == []
    assert page.title() == "测试 <i>图</i>"


def test_viz_browser_draws_every_entity_and_event(news_html, open_page):
    page, _ = open_page(news_html)
    total = sum(NEWS_COUNTS.values())
    assert page.evaluate("kg.nodes.length") == total
    assert page.evaluate("Object.keys(kg.network.body.nodes).length") == total
    assert page.evaluate("kg.visibleCount()") == total
    assert page.locator("#visible-count").text_content() == str(total)
    assert page.locator("#legend .item").count() == 4 + 2


def test_viz_browser_search_finds_alias(news_html, open_page):
    page, _ = open_page(news_html)
    page.locator("#search").fill("卡奥")
    first = page.locator("#results button").first
    assert first.text_content().startswith("卡奥斯")  # the alias that matched, then type and name
    assert "海尔卡奥斯" in first.text_content()
    page.locator("#search").press("Enter")
    assert page.evaluate("kg.network.getSelectedNodes()") == [node_id(page, "海尔卡奥斯")]
    detail = page.locator("#detail")
    assert detail.is_visible()
    assert "海尔卡奥斯" in detail.text_content() and "海尔卡奥斯与平度莱西达成战略合作" in detail.text_content()


@pytest.mark.parametrize("query,expected", [("平度", ["平度市", "平度市政府"]), ("青岛", ["青岛市", "青岛市委党校"]), ("无此名", [])])
def test_viz_browser_search_substring(news_html, open_page, query, expected):
    page, _ = open_page(news_html)
    found = page.evaluate("(q) => kg.find(q).map((h) => kg.info(h.id).kgName)", query)
    assert sorted(found) == expected


def test_viz_browser_hostile_text_renders_literally(news_html, open_page):
    page, log = open_page(news_html)
    event = node_id(page, "揭牌")
    page.evaluate("(id) => kg.select(id)", event)
    detail = page.locator("#detail").text_content()
    assert HOSTILE in detail  # the sentence, the trigger
    assert "《标题" + HOSTILE + "》" in detail  # the headline
    entity = node_id(page, HOSTILE_NAME)
    page.evaluate("(id) => kg.select(id)", entity)
    assert HOSTILE_NAME in page.locator("#detail").text_content()
    assert page.locator("#detail").get_attribute("hidden") is None
    # the tooltip, shown by hovering the node
    pos = page.evaluate("(id) => kg.network.canvasToDOM(kg.network.getPositions([id])[id])", event)
    box = page.locator("#mynetwork").bounding_box()
    page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert HOSTILE[:40] in tooltip.text_content()
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 2
    assert page.locator("b").count() == 0
    page.wait_for_timeout(200)
    assert log.dialogs == []
    assert log.errors == []


def test_viz_browser_filters_hide_nodes(news_html, open_page):
    page, _ = open_page(news_html)
    total = sum(NEWS_COUNTS.values())
    page.locator('input[data-cat="Organization"]').uncheck()
    assert page.evaluate("kg.visibleCount()") == total - NEWS_COUNTS["Organization"]
    hidden = page.evaluate("kg.nodes.get({filter: (n) => n.hidden}).map((n) => kg.info(n.id).kgCat)")
    assert sorted(hidden) == ["Organization"] * NEWS_COUNTS["Organization"]
    page.locator('input[data-cat="Signing"]').uncheck()
    assert page.locator("#visible-count").text_content() == str(total - NEWS_COUNTS["Organization"] - 1)
    page.locator("#reset").click()
    assert page.evaluate("kg.visibleCount()") == total


def test_viz_browser_neighbourhood_and_reset(news_html, open_page):
    page, _ = open_page(news_html)
    signing = node_id(page, "签约")
    page.evaluate("(id) => kg.showNeighbourhood(id)", signing)
    assert shown_names(page) == sorted(["签约", "海尔卡奥斯", "平度市政府", "青岛市"])
    assert page.locator("#focus-note").is_visible()
    page.locator("#reset").click()
    assert page.evaluate("kg.visibleCount()") == sum(NEWS_COUNTS.values())
    assert not page.locator("#focus-note").is_visible()


def test_viz_browser_double_click_shows_neighbourhood(news_html, open_page):
    page, _ = open_page(news_html)
    zhang = node_id(page, "张彬")
    page.evaluate("(id) => kg.select(id)", zhang)
    pos = page.evaluate("(id) => kg.network.canvasToDOM(kg.network.getPositions([id])[id])", zhang)
    box = page.locator("#mynetwork").bounding_box()
    page.mouse.dblclick(box["x"] + pos["x"], box["y"] + pos["y"])
    assert shown_names(page) == sorted(["张彬", "青岛市委党校"])
