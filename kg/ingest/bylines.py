"""Page furniture of Chinese newspapers: bylines (□ 本报记者 薄克国), datelines (本报青岛讯), photo
captions (图为…) and the date printed atop a page."""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from importlib import resources

from kg.ingest.records import Span
from kg.nlp.text import DAY, MONTH, YEAR

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_NAME = re.compile(rf"[{_HAN}][{_HAN}·•]{{1,5}}")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The byline lexicon shipped in ``kg/resources/ingest/bylines.json``."""
    text = resources.files("kg").joinpath("resources/ingest/bylines.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    lex = lexicon()
    roles = "|".join(map(re.escape, sorted(lex["roles"], key=len, reverse=True)))
    closers = "|".join(map(re.escape, sorted(lex["closers"], key=len, reverse=True)))
    markers = re.escape(lex["markers"])
    # a byline: optional marker, then one or more "role names…" groups, then an optional closer
    byline = re.compile(
        rf"^[{markers}]?\s*[（(]?\s*(?:(?:{roles})\s*[：:]?\s*[{_HAN}·•]{{2,6}}(?:[\s、,，]+[{_HAN}·•]{{2,6}})*\s*)+"
        rf"(?:{closers})?\s*[）)]?\s*$"
    )
    agencies = "|".join(map(re.escape, lex["agencies"]))
    # any paper, site, agency or station right before 讯 (新快报讯, 信息时报讯, 东方网讯); not before 电,
    # which opens everyday words (这台电脑, 举报电话)
    papers = rf"[{_HAN}]{{1,6}}?(?:{'|'.join(map(re.escape, lex['agency_endings']))})讯"
    dateline = re.compile(
        rf"^据?(?:(?:(?:{agencies})[{_HAN}]{{0,8}}?(?:[\d０-９一二三四五六七八九十]{{1,3}}月[\d０-９一二三四五六七八九十]{{1,3}}日)?(?:讯|电)(?!员)|{papers})"
        rf"(?:\s*[（(](?:记者|通讯员|实习生)[^）)]{{1,30}}[）)])?(?=[\s　(（,，:：\d０-９]|[{_HAN}]|$)"
        rf"|[（(](?:{agencies})?(?:记者|通讯员)[^）)]{{1,30}}[）)])\s*"
    )
    splitter = re.compile(rf"(?:{roles}|{closers})")
    return byline, dateline, splitter


MAX_BYLINE = 60  # characters; a longer line is body text


def is_byline(line: str) -> bool:
    """True when the whole line is a byline: ``□ 记者 白晓 通讯员 李颖慧 报道``."""
    if len(line) > MAX_BYLINE:
        return False
    byline, _, _ = _patterns()
    marker = lexicon()["markers"]
    return bool(byline.match(line)) or (line[:1] in marker and len(line) <= 40 and "。" not in line)


def parse_byline(line: str) -> list[str]:
    """The names of a byline, in order: ``□ 记者 白晓 通讯员 李颖慧 报道`` → ``[白晓, 李颖慧]``."""
    _, _, splitter = _patterns()
    stripped = line.strip(lexicon()["markers"] + " \t()（）")
    names: list[str] = []
    for chunk in splitter.split(stripped):
        for name in re.split(r"[\s、,，：:/]+", chunk):
            if _NAME.fullmatch(name) and name not in names:
                names.append(name)
    return names


def find_dateline(text: str, offset: int = 0) -> Span | None:
    """The dateline that opens a paragraph (``本报青岛讯``, ``新华社北京5月28日电``), if any."""
    _, dateline, _ = _patterns()
    match = dateline.match(text)
    if not match:
        return None
    surface = match.group(0).rstrip()
    return Span(offset, offset + len(surface), surface)


def dateline_authors(dateline: str) -> list[str]:
    """The reporters a dateline names in brackets (本报讯（记者 张三）, 新华社北京5月28日电（记者李四
    王五）)."""
    bracket = re.search(r"[（(]([^）)]*)[）)]", dateline)
    return parse_byline(bracket.group(1)) if bracket else []


def find_captions(text: str, offset: int = 0) -> list[Span]:
    """Photo captions in a paragraph: sentences that open with 图为, 上图, ▲ and the like."""
    openers = "|".join(map(re.escape, lexicon()["caption_openers"]))
    found = []
    for match in re.finditer(rf"(?:^|(?<=[。！？!?\s]))(?:{openers})[^。！？!?\n]*[。！？!?]?", text):
        found.append(Span(offset + match.start(), offset + match.end(), match.group(0)))
    return found


_HEADER_DATE = re.compile(rf"({YEAR})[年\-/.]({MONTH})[月\-/.]({DAY})日?")  # ASCII or full-width digits


def find_page_date(page: str) -> date | None:
    """A publication date printed at the top of a page (``2020年5月29日 星期五``), if any."""
    for line in page.strip().splitlines()[:3]:
        match = _HEADER_DATE.search(line)
        if match and is_date_line(line):
            try:
                return date(*map(int, match.groups()))
            except ValueError:
                return None
    return None


def is_date_line(line: str) -> bool:
    """True for a line that is only a date (and weekday): ``2020年5月29日 星期五``."""
    rest = _HEADER_DATE.sub("", line, count=1)
    return bool(_HEADER_DATE.search(line)) and re.fullmatch(r"[\s　]*(?:星期[一二三四五六日天]|周[一二三四五六日])?[\s　]*", rest) is not None
