"""Where credits stand on a news page, read with the grammar of :mod:`kg.ingest.credits`: byline and
metadata lines (□ 本报记者 薄克国, 来源：某某网 2023-06-15), datelines that open a paragraph
(本报青岛讯, 新华社北京5月28日电（记者 张三）), reporters in brackets that close one (（记者 张三）),
photo captions (图为…) and their credits, and the date printed atop a page."""

from __future__ import annotations

import re
from datetime import date

from kg.ingest import credits as grammar
from kg.ingest.credits import HAN, Credits, lexicon, read, tokens
from kg.ingest.records import Article, Span
from kg.nlp.text import DAY, MONTH, YEAR

__all__ = [
    "Credits", "lexicon", "read_line", "is_byline", "parse_byline", "find_dateline", "dateline_credits",
    "closing_credits", "body_credits", "credit_spans", "find_captions", "find_page_date", "is_date_line", "date_article",
]

MAX_BYLINE = 100  # characters; a longer line is body text
_MARKER_LINE = 40  # characters; a line that opens with a byline marker (□) and is no longer is a byline


def read_line(line: str) -> Credits | None:
    """The credits of a line that is nothing but credits (□ 记者 白晓 通讯员 李颖慧 报道; 编辑：王五;
    来源：某某网 作者：张三 2023-06-15 10:15; 2023年6月15日 星期四), else None."""
    text = line.strip()
    if not text or len(text) > MAX_BYLINE:
        return None
    marked = text[0] in lexicon()["markers"]
    text = text.lstrip(lexicon()["markers"]).strip()
    if _dateline_head(text) is not None:
        return None  # 本报讯（记者 张三）on a line of its own opens the body
    for lax in (False, True):
        found, end = tokens(text, lax=lax)
        whole = end >= len(text)
        metadata = any(t.kind == "date" or t.source == "field" and t.kind == "outlet" for t in found)
        if whole and grammar.evidence(found) and (not lax or metadata):
            credits = read(found)
            if credits or metadata:
                return credits
    if marked and len(line.strip()) <= _MARKER_LINE and "。" not in text:
        return read(tokens(text)[0])  # □ 本报记者 薄克国 …: what reads of a marked line
    return None


def is_byline(line: str) -> bool:
    """True when the whole line is credits (see :func:`read_line`)."""
    return read_line(line) is not None


def parse_byline(line: str) -> list[str]:
    """The people a byline names: ``□ 记者 白晓 通讯员 李颖慧 报道`` → ``[白晓, 李颖慧]``."""
    credits = read_line(line)
    return credits.people if credits else []


# a dateline's date: 5月28日, 一月十三日, ５月５日, 2023年5月12日
_NUMBER = r"[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}"
_DATELINE_DATE = re.compile(rf"(?:({YEAR})年)?({_NUMBER})月({_NUMBER})日$")
_HEAD = re.compile(rf"[0-9０-９A-Za-z{HAN}·\-]+")


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    tens, _, ones = text.rpartition("十")
    if "十" not in text:
        return digits.get(text, 0)
    return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


def _month_day(year: str | None, month: str, day: str) -> str | None:
    m, d = _number(month), _number(day)
    if year:
        return grammar.iso_date(year, m, d) or None
    return f"--{m:02d}-{d:02d}" if grammar.iso_date(2000, m, d) else None  # 2000: a leap year


def _places() -> dict:
    from kg.resolve.gazetteer import names

    return names()


def _outlet_and_place(head: str, dated: bool) -> tuple[str, str] | None:
    """Cut a dateline's head (新华社北京, 本报青岛, 中国青年报客户端北京) into outlet and place: an
    outlet followed by a place kg knows (本报烟台: 本报 in 烟台, not an outlet named 本报烟台), by
    nothing, or — in a dated dateline or after 本报 — by any short name (新华社华盛顿5月12日电,
    本报城阳讯); of two such, a known outlet."""
    outlet = re.compile(grammar.outlet_pattern())
    known = lexicon()["outlets"]
    best: tuple[bool, int, int, str, str] | None = None
    for cut in range(1, len(head) + 1):
        name, place = head[:cut], head[cut:]
        if not outlet.fullmatch(name) or place[:1] in ("·", "-"):
            continue
        if place in _places():
            rank = 0
        elif not place:
            rank = 1
        elif (dated or name in lexicon()["self_outlets"]) and re.fullmatch(rf"[{HAN}]{{1,8}}", place):
            rank = 2
        else:
            continue
        key = (rank, name not in known, -cut)
        if best is None or key < best[:3]:
            best = (*key, name, place)
    return (best[3], best[4]) if best else None


def _dateline_head(text: str) -> tuple[int, Credits] | None:
    """Where the dateline proper (据新华社北京5月28日电) ends, and what it says."""
    lead = 1 if text.startswith("据") else 0
    endings = lexicon()["dateline_endings"]
    for m in re.finditer("|".join(endings), text[: lead + 40]):
        head = text[lead:m.start()]
        if m.start() <= lead or not _HEAD.fullmatch(head):
            return None
        if text[m.end():m.end() + 1] and text[m.end()] in endings[m.group(0)]:
            continue  # 通讯员, 电话: no dateline's end
        date_match = _DATELINE_DATE.search(head)
        filed = _month_day(*date_match.groups()) if date_match else None
        if date_match:
            head = head[:date_match.start()]
        if m.group(0) != "讯" and not date_match and not any(head.startswith(o) for o in lexicon()["outlets"]):
            continue  # 电, 消息 after a known outlet or a date only: 这台电脑
        split = _outlet_and_place(head, date_match is not None) if head else None
        if split is None:
            continue
        outlet, place = split
        if re.match(rf"[{HAN}]", text[m.end():m.end() + 1]) and place and not date_match and place not in _places():
            continue  # 新华社是国家通讯社
        credits = Credits(place=place, filed=filed)
        credits.add_outlet(outlet, "dateline")
        return m.end(), credits
    return None


_BRACKET = re.compile(r"[ \t\u3000]*[（(]([^（）()\n]{1,80})[）)]")


def _bracket_credits(content: str) -> Credits | None:
    found, end = tokens(content)
    if end < len(content) or not any(t.kind == "name" for t in found):
        return None
    return read(found)


def dateline_credits(text: str) -> tuple[int, Credits] | None:
    """The dateline that opens a paragraph and the credits in and after it: ``本报讯（记者 张三 通讯员
    李四）``, ``新华社北京5月12日电 (张三 李四)``, ``晚报讯 记者张三``, or reporters in brackets alone
    (（本报记者 张三）…). Returns where they end and what they say."""
    head = _dateline_head(text)
    end, credits = head if head else (0, Credits())
    bracket = _BRACKET.match(text, end)
    inside = _bracket_credits(bracket.group(1)) if bracket else None
    if inside is not None and (head or _has_role(bracket.group(1))):  # a bracket alone needs a role: （记者 张三）
        credits.update(inside)
        return bracket.end(), credits
    if head is None:
        return None
    found, _ = tokens(text, end)
    while found and (found[-1].kind not in ("name", "word") or found[-1].kind == "name" and _runs_on(text, found[-1].end)):
        found.pop()  # 本报讯 记者了解到，…: a sentence goes on after it, no name
    if any(t.kind == "word" and t.prefix for t in found) and any(t.kind == "name" for t in found):
        credits.update(read(found))
        end = found[-1].end
    return end, credits


def _runs_on(text: str, end: int) -> bool:
    return text[end:end + 1] in ("，", ",", "。", "；", ";")


def _has_role(content: str) -> bool:
    return any(t.kind in ("word", "outlet") for t in tokens(content)[0])


def find_dateline(text: str, offset: int = 0) -> Span | None:
    """The dateline that opens a paragraph (``本报青岛讯``, ``新华社北京5月28日电（记者 张三）``), if any."""
    found = dateline_credits(text)
    if found is None:
        return None
    surface = text[:found[0]].rstrip()
    return Span(offset, offset + len(surface), surface) if surface else None


_CLOSING_BRACKET = re.compile(r"[（(\[【]([^（）()\[\]【】\n]{1,80})[）)\]】][ \t\u3000]*$")


def closing_credits(text: str) -> tuple[int, Credits] | None:
    """Credits that close a paragraph: reporters in brackets (…。（记者 张三）), an editor (（编辑 王五）),
    a source (（据新华社）), a photographer after a caption (图为签约现场。 李四 摄). Returns where they
    start and what they say."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] not in "）)]】" and not any(stripped.endswith(w) for w in lexicon()["credits"] if w):
        return None
    credits, start, end = Credits(), None, len(stripped)
    while m := _CLOSING_BRACKET.search(stripped, 0, end):
        content = m.group(1).strip()
        found, stop = tokens(content)
        if content != "完" and not (stop >= len(content) and grammar.evidence(found) and (got := read(found))):
            break
        if content != "完":
            credits.update(got)
            start = m.start()
        end = m.start()
    if start is None:
        cut = max(stripped.rfind(p, 0, end) for p in "。！？!?")
        segment = stripped[cut + 1:end]
        found, stop = tokens(segment)
        if cut < 0 or not segment.strip() or stop < len(segment) or not any(t.kind == "word" for t in found):
            return None
        got = read(found)
        if not got.people:
            return None
        credits.update(got)
        start = cut + 1 + len(segment) - len(segment.lstrip())
    return (start, credits) if credits else None


def body_credits(text: str) -> Credits:
    """The credits a text's paragraphs carry: the first one's dateline, every one's closing brackets
    (for text that comes as one body, as JSON Lines articles do)."""
    credits, closing = Credits(), Credits()
    for index, paragraph in enumerate(text.split("\n")):
        if index == 0 and (opening := dateline_credits(paragraph)):
            credits.update(opening[1])
        if ending := closing_credits(paragraph):
            closing.update(ending[1])
    credits.update(closing)
    return credits


def credit_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of a text that are credits (datelines with their reporters, closing brackets):
    names there are bylines, neither mentions nor parties of events."""
    spans, offset = [], 0
    for paragraph in text.split("\n"):
        opening = dateline_credits(paragraph)
        if opening and opening[0]:
            spans.append((offset, offset + opening[0]))
        closing = closing_credits(paragraph)
        if closing:
            spans.append((offset + closing[0], offset + len(paragraph.rstrip())))
        offset += len(paragraph) + 1
    return spans


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


def _year_of(month_day: str, near: date) -> str | None:
    """``--05-12`` in the year that puts it nearest ``near`` (a dateline of 12月31日 on a page of
    2024-01-02 is 2023-12-31)."""
    month, day = int(month_day[2:4]), int(month_day[5:7])
    days = [d for y in (near.year - 1, near.year, near.year + 1) if (d := grammar.iso_date(y, month, day))]
    return min(days, key=lambda d: abs(date.fromisoformat(d) - near), default=None)


def date_article(article: Article, *, given: date | None = None, page: date | None = None,
                 default: date | None = None) -> None:
    """Settle an article's dates.

    ``article.date`` becomes: the file's date (``given``: a sidecar's, a web page's metadata), else the
    date the article prints (发布时间：…, a date line), else the page's (``page``), else its
    dateline's month and day in the year of ``default`` (``kg build --date``), else ``default``.
    ``article.filed`` (a dateline's --MM-DD) takes the year of that date.
    """
    own = date.fromisoformat(article.date) if article.date else None
    when = given or own or page
    if article.filed and article.filed.startswith("--") and (when or default):
        article.filed = _year_of(article.filed, when or default) or article.filed
    if when is None and article.filed and not article.filed.startswith("--"):
        when = date.fromisoformat(article.filed)
    when = when or default
    article.date = when.isoformat() if when else None

