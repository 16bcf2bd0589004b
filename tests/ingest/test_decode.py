import codecs

import pytest

from kg.ingest.decode import InputError, decode_bytes

TEXT = "本报青岛讯 5月28日,海尔卡奥斯与平度市政府签署协议。\n"


# fmt: off
@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),
    TEXT.encode("gb18030"),
    TEXT.encode("gbk"),
    TEXT.replace("\n", "\r\n").encode("utf-8"),
])
# fmt: on
def test_decode_bytes_reads_chinese_encodings(data):
    assert decode_bytes(data, "x.txt") == TEXT


def test_decode_bytes_refuses_binary_naming_the_file():
    with pytest.raises(InputError, match="page.txt.*binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "page.txt")


# fmt: off
@pytest.mark.parametrize("data, problem", [
    (bytes(range(0x80, 0x100)) * 4, "neither UTF-8, UTF-16, GB18030 nor Big5"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "utf-16 byte-order mark"),
])
# fmt: on
def test_decode_bytes_refuses_undecodable_naming_the_file(data, problem):
    with pytest.raises(InputError, match=f"page.txt: .*{problem}"):
        decode_bytes(data, "page.txt")


def test_decode_bytes_reads_big5_news_from_taiwan_and_hong_kong():
    text = "本報訊 海爾卡奧斯與平度市政府簽署協議，就工業互聯網平台開展合作。\n"
    assert decode_bytes(text.encode("big5"), "tw.txt") == text


def test_script_to_simplified_keeps_length():
    from kg.ingest.script import to_simplified

    text = "海爾卡奧斯與平度市、萊西市政府分別簽署了戰略合作框架協議。臺灣"
    simplified = to_simplified(text)
    assert simplified == "海尔卡奥斯与平度市、莱西市政府分别签署了战略合作框架协议。台湾"
    assert len(simplified) == len(text)
