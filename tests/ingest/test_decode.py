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
    (b"\x81\x30" * 5 + b"\xff", "neither UTF-8 nor GB18030"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "utf-16 byte-order mark"),
])
# fmt: on
def test_decode_bytes_refuses_undecodable_naming_the_file(data, problem):
    with pytest.raises(InputError, match=f"page.txt: .*{problem}"):
        decode_bytes(data, "page.txt")
