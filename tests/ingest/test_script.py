"""The script of a Chinese text, for its language tag (kg.ingest.script)."""

import pytest

from kg.ingest.script import language_tag, script_of


# fmt: off
@pytest.mark.parametrize("text, script", [
    ("海尔卡奥斯与平度市签约", "Hans"),
    ("海爾卡奧斯與平度市簽約", "Hant"),
    ("臺灣", "Hant"),
    ("台灣", "Hant"),      # Taiwan and Hong Kong write 台, where OpenCC's own standard has 臺
    ("台湾", "Hans"),
    ("乾县", "Hans"),      # OpenCC turns 乾 into 干, but 县 is simplified
    ("合作", "Hans"),      # written alike in both scripts
    ("青岛 Qingdao 2020", "Hans"),
    ("", "Hans"),
    ("本報訊 5月28日,海爾卡奧斯與平度市、萊西市政府分別簽署了戰略合作框架協議。", "Hant"),
])
# fmt: on
def test_script_of(text, script):
    assert script_of(text) == script
    assert language_tag(text) == f"zh-{script}"
