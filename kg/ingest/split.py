"""Split a newspaper page into articles.

A page (markdown or plain text from a scan) holds several articles. Headings (``#``) open articles;
a heading that follows a title with no body yet is a subtitle; deeper headings inside a body are
section titles. Two or more blank lines end a block: text after them without a heading is an item of
its own (a photo with its caption). Bylines name the authors of the article they stand in, wherever
the layout put them; a line ending in ``——`` right above a title is that article's kicker (引题) and
opens it, unless it stands between two headings of one level (then it is the first one's text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.ingest import bylines
from kg.ingest.clean import is_cut, normalize_line
from kg.ingest.credits import Credits
from kg.ingest.records import Article, Span

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
MAX_PARAGRAPH = 20_000  # characters; longer runs without a line break are cut at sentence ends
MAX_ARTICLE = 200_000  # characters; a longer article goes on in a next part, so memory stays bounded


@dataclass
class _Line:
    text: str
    blank_before: int  # blank lines between this line and the previous one
    level: int = 0  # heading level, 0 for other lines
    kind: str = "body"  # heading | byline | boilerplate | kicker | body
    credits: Credits | None = None  # what a byline line says


@dataclass
class _Draft:
    title: str = ""
    subtitles: list[str] = field(default_factory=list)
    kicker: str = ""
    sections: list[tuple[str, str]] = field(default_factory=list)  # (kind, text): heading | body
    credits: Credits = field(default_factory=Credits)  # of its byline lines

    @property
    def size(self) -> int:
        return sum(len(text) + 1 for _, text in self.sections)

    @property
    def has_body(self) -> bool:
        return any(kind == "body" for kind, _ in self.sections)


_WHOLE_LINE_COMMENT = re.compile(r"^[ \t]*<!--.*?-->[ \t]*(?:\n|$)", re.S | re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _uncommented(page: str) -> str:
    """The page without markdown's (HTML) comments: notes for whoever edits the file, not news. A
    comment on lines of its own goes with its lines."""
    if "<!--" not in page:
        return page
    return _COMMENT.sub("", _WHOLE_LINE_COMMENT.sub("", page))


def _bounded(page: str) -> Iterator[str]:
    """The page's lines, a giant one (a whole file on one line) cut after sentence ends so that no
    paragraph runs beyond :data:`MAX_PARAGRAPH` characters."""
    for raw in page.split("\n"):
        while len(raw) > MAX_PARAGRAPH:
            cut = max(raw.rfind(p, 0, MAX_PARAGRAPH) for p in "。！？!?；;")
            cut = cut + 1 if cut > 0 else MAX_PARAGRAPH
            yield raw[:cut]
            yield ""
            raw = raw[cut:]
        yield raw


def _lines(page: str) -> list[_Line]:
    lines: list[_Line] = []
    blank = 0
    for raw in _bounded(page):
        text = normalize_line(raw)
        if not text:
            blank += 1
            continue
        line = _Line(text, blank)
        blank = 0
        heading = _HEADING.match(text)
        if heading:
            line.level, line.text, line.kind = len(heading.group(1)), heading.group(2).strip(), "heading"
        elif text[0] in bylines.lexicon()["boilerplate_markers"] or bylines.is_date_line(text):
            line.kind = "boilerplate"
            line.credits = bylines.read_line(text) if text[0] not in bylines.lexicon()["boilerplate_markers"] else None
        elif (credits := bylines.read_line(text)) is not None:
            line.kind, line.credits = "byline", credits
        lines.append(line)
    for prev, line, nxt in zip([None, *lines], lines, lines[1:]):
        if line.kind == "body" and line.text.endswith("——") and nxt.kind == "heading" and not _sole_body(prev, nxt):
            line.kind = "kicker"
        elif _plain_headline(line, nxt, first=line is lines[0]):
            line.kind, line.level = "heading", 1
    return _join_cut_lines(lines)


def _sole_body(prev: _Line | None, nxt: _Line) -> bool:
    """True when a line between two headings, the second no deeper than the first, is the first
    heading's text and no kicker of the second: as a kicker it would leave the first a title with
    nothing under it (## 一 / 正文被截断—— / ## 二). Under a section heading (# 要闻 / 引题—— /
    ## 标题) it stays the kicker."""
    return prev is not None and prev.kind == "heading" and nxt.level <= prev.level


MAX_HEADLINE = 40  # characters


def _plain_headline(line: _Line, nxt: _Line, *, first: bool) -> bool:
    """A plain-text headline (no ``#``): a short line that ends no sentence, opens the page or a
    paragraph, and is followed by a byline or a paragraph that opens with a dateline."""
    return (
        line.kind == "body" and (first or line.blank_before >= 1) and len(line.text) <= MAX_HEADLINE
        and line.text[-1] not in "。！？!?；;…，,"
        and bylines.find_dateline(line.text) is None  # 新华社南京3月8日电 题：…: a dateline, no headline
        and bylines.closing_credits(line.text) is None  # …坚持下去。”（记者 张三）: an article's last line
        and (_opens_article(nxt) or (nxt.kind == "body" and bylines.find_dateline(nxt.text) is not None))
    )


def _opens_article(line: _Line) -> bool:
    """A byline that can stand under a headline: one that names a writer, an outlet or a date, not an
    editor alone (编辑：…, 责任编辑：… close an article)."""
    credits = line.credits
    return line.kind == "byline" and credits is not None and (
        bool(credits.authors or credits.contributors or credits.outlet or credits.published) or not credits.editors
    )


def _join_cut_lines(lines: list[_Line]) -> list[_Line]:
    joined: list[_Line] = []
    for line in lines:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.kind == line.kind == "body"
            and line.blank_before <= 1
            and is_cut(prev.text, line.text)
            and bylines.find_dateline(line.text) is None  # 本报讯…, 新华社…电 opens a body, never carries on a line
        ):
            prev.text += line.text
        else:
            joined.append(line)
    return joined


def _drafts(lines: list[_Line]) -> list[_Draft]:
    drafts = [_Draft()]
    kicker = ""
    for line in lines:
        current = drafts[-1]
        if line.blank_before >= 2 and (current.has_body or current.title) and line.kind != "byline":
            current = _Draft()
            drafts.append(current)
        if line.kind == "kicker":
            kicker = line.text
        elif line.kind == "heading":
            if kicker and (current.title or current.has_body):  # a kicker stands above a new article's title
                current = _Draft(title=line.text)
                drafts.append(current)
            elif current.title and not current.has_body:
                current.subtitles.append(line.text)
            elif current.has_body and (line.level <= 2 or not current.title):
                current = _Draft(title=line.text)
                drafts.append(current)
            elif not current.title and not current.has_body:
                current.title = line.text
            else:
                current.sections.append(("heading", line.text))
            if kicker and current.title == line.text:
                current.kicker, kicker = kicker, ""
        elif line.kind == "byline" or line.credits is not None:  # a date line's date is the article's too
            current.credits.update(line.credits)
        elif line.kind == "body":
            if current.size + len(line.text) > MAX_ARTICLE and current.has_body:
                current = _Draft(title=current.title)
                drafts.append(current)
            current.sections.append(("body", line.text))
    return [d for d in drafts if d.title or d.has_body]


def split_page(page: str, *, doc_id: str, source: str) -> list[Article]:
    """Split one page into articles.

    Args:
        page: the decoded page text.
        doc_id: a stable identifier of the page (its file stem); articles get ``<doc_id>-<n>``.
        source: the file the page came from, as it should be recorded.

    Returns:
        The articles in page order. Each ``text`` holds kicker, title, subtitles, section headings
        and body paragraphs, one per line. Byline and metadata lines are kept as the article's
        credits (``authors``, ``contributors``, ``editors``, ``outlet``, ``place``, ``filed``, and
        ``date`` where the article prints one), not in the text; datelines and closing brackets
        (（记者 张三）) stay in the text and add to the credits.
    """
    articles = []
    for index, draft in enumerate(_drafts(_lines(_uncommented(page)))):
        parts = [p for p in (draft.kicker, draft.title, *draft.subtitles) if p]
        dateline: Span | None = None
        captions: list[Span] = []
        credits, closing = draft.credits, Credits()
        bodies = 0
        for kind, text in draft.sections:
            offset = sum(len(p) + 1 for p in parts)
            if kind == "body":
                if dateline is None and bodies < 2 and (opening := bylines.dateline_credits(text)):
                    # the first paragraph, or the one after a plain-text headline
                    surface = text[:opening[0]].rstrip()
                    dateline = Span(offset, offset + len(surface), surface) if surface else None
                    credits.update(opening[1])
                if (ending := bylines.closing_credits(text)) is not None:
                    closing.update(ending[1])
                bodies += 1
                captions.extend(bylines.find_captions(text, offset))
            parts.append(text)
        credits.update(closing)
        articles.append(
            Article(
                id=f"{doc_id}-{index}",
                source=source,
                title=draft.title,
                text="\n".join(parts),
                subtitles=draft.subtitles,
                kicker=draft.kicker,
                dateline=dateline,
                captions=captions,
                **credits.article_fields(),
            )
        )
    return articles
