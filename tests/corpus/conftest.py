from pathlib import Path

import pytest

# fmt: off
PAGES = {
    "a.txt": "# 签约\n\n本报青岛讯 5月28日，海尔卡奥斯与平度市政府签署了战略合作框架协议。\n",
    "b.md": "# 揭牌\n\n山东省港口集团在青岛揭牌。四川大学与青岛市政府签约。\n",
    "sub/c.txt": "# 合作\n\n青岛工业设计创新中心执行长封昌红出席活动。\n",
}
# fmt: on


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A small folder of pages, one of them in a subfolder."""
    root = tmp_path / "docs"
    for name, text in PAGES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root
