"""The grammar of credits: who wrote, photographed and edited an article, for which outlet, from
where and when, as bylines (记者 张三 通讯员 李四 报道), credits (张三 文 李四 摄), metadata lines
(来源：某某网 作者：张三 2023-06-15 10:15) and editor lines (责任编辑：王五) print it.

A credit run is read in two steps. :func:`tokens` cuts it into words of the vocabulary in
``kg/resources/ingest/bylines.json`` (roles, credits, fields, outlets), names, places and dates, and
stops where the text is no credit any more. :func:`read` gives each name its kind: the role word before
it (记者 张三: an author), else a credit after it (张三 文: an author; 李四 摄: a contributor), else the
run's default. Role words are matched before names, so no name takes in part of one (张三通讯员李四 is
张三 and 李四).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_SEPARATORS = " \t\u3000、，,;；|｜:：()（）【】[]<>〈〉「」"
_KINDS = ("author", "contributor", "editor")
OUTLET_RANKS = {"field": 3, "dateline": 2, "role": 1, "cited": 0}  # which outlet a 来源 line, a dateline … names wins


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The byline lexicon shipped in ``kg/resources/ingest/bylines.json``."""
    text = resources.files("kg").joinpath("resources/ingest/bylines.json").read_text("utf-8")
    return json.loads(text)


@dataclass
class Credits:
    """What bylines, datelines and metadata lines say about an article."""

    authors: list[str] = field(default_factory=list)  # reporters and writers (记者, 文)
    contributors: list[str] = field(default_factory=list)  # correspondents, interns, photographers
    editors: list[str] = field(default_factory=list)  # 编辑, 责任编辑, 审核, 校对
    outlet: str = ""  # 新华社, 本报, 某某日报
    place: str = ""  # where it was filed: 北京 of 新华社北京5月12日电, 北京报道, 发自北京
    filed: str | None = None  # the dateline's date: ISO where it gives the year, else --MM-DD
    published: str | None = None  # ISO date of a date or metadata line (发布时间：2023-06-15)
    outlet_rank: int = -1

    def add_name(self, kind: str, name: str) -> None:
        """Credit a person, once: the first credit of a name stands."""
        if name not in self.authors and name not in self.contributors and name not in self.editors:
            getattr(self, kind + "s").append(name)

    def add_outlet(self, outlet: str, source: str) -> None:
        if OUTLET_RANKS[source] > self.outlet_rank:
            self.outlet, self.outlet_rank = outlet, OUTLET_RANKS[source]

    def article_fields(self) -> dict:
        """The :class:`kg.ingest.records.Article` fields these credits fill."""
        return {"authors": self.authors, "contributors": self.contributors, "editors": self.editors,
                "outlet": self.outlet, "place": self.place, "filed": self.filed, "date": self.published}

    def update(self, other: Credits) -> None:
        """Take in what ``other`` says and this does not say yet."""
        for kind in _KINDS:
            for name in getattr(other, kind + "s"):
                self.add_name(kind, name)
        if other.outlet and other.outlet_rank > self.outlet_rank:
            self.outlet, self.outlet_rank = other.outlet, other.outlet_rank
        self.place = self.place or other.place
        self.filed = self.filed or other.filed
        self.published = self.published or other.published

    @property
    def people(self) -> list[str]:
        return self.authors + self.contributors + self.editors

    def __bool__(self) -> bool:
        return bool(self.people or self.outlet or self.place or self.filed or self.published)


def is_named_outlet(outlet: str) -> bool:
    """True for an outlet's name (新华社, 齐鲁晚报), False where a paper speaks of itself (本报, 晚报讯)."""
    return outlet not in lexicon()["self_outlets"]


class Token(NamedTuple):
    kind: str  # word | name | outlet | place | date | field | skip
    value: str  # the word, name, outlet or place; a date's ISO form ("" for no real date)
    prefix: str | None = None  # a word's kind before names (记者: author), None if it never stands there
    suffix: str | None = None  # a word's kind after names (摄: contributor); "" for a closer of no kind (报道)
    slash_before: bool = False  # 张三/文: glued to the name before it
    slash_after: bool = False  # 文/张三: glued to the name after it
    source: str = "role"  # an outlet's: field | role | cited
    end: int = 0  # where the token ends in the text read


def _alternation(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@dataclass(frozen=True)
class _Grammar:
    prefix: dict[str, str]
    suffix: dict[str, str]
    word: re.Pattern
    outlet_role: re.Pattern
    outlet_cited: re.Pattern
    glued: re.Pattern
    field: re.Pattern
    fields: dict[str, str]
    noise: re.Pattern
    date: re.Pattern
    surnames: frozenset[str]
    compound: frozenset[str]
    not_names: frozenset[str]


@lru_cache(maxsize=1)
def outlet_pattern() -> str:
    """An outlet's name: a known one (新华社) or any name ending in an outlet word (齐鲁晚报, 东方网,
    县融媒体中心), parts joined by · or - (中青报·中青网, 人民网-人民日报海外版)."""
    lex = lexicon()
    one = rf"(?:{_alternation(lex['outlets'])}|[0-9A-Za-z{HAN}]{{1,12}}?(?:{_alternation(lex['outlet_endings'])}))"
    return rf"{one}(?:[·\-]{one})*"


_GRAMMAR: _Grammar | None = None


def grammar() -> _Grammar:
    """The compiled grammar (made once, from the lexicon)."""
    global _GRAMMAR
    if _GRAMMAR is None:
        lex = lexicon()
        prefix = {w: kind for kind, words in lex["roles"].items() for w in words}
        suffix = dict(lex["credits"])
        words = set(prefix) | set(suffix)
        single = [w for w in words if len(w) == 1]
        multi = [w for w in words if len(w) > 1]
        roles = _alternation(w for w in prefix if len(w) > 1)
        fields = {w: kind for kind, ws in lex["fields"].items() for w in ws}
        outlet = outlet_pattern()
        _GRAMMAR = _Grammar(
            prefix=prefix,
            suffix=suffix,
            # a one-character word (文, 图, 摄) only standing alone: 文化, 图为 are no credits
            word=re.compile(rf"(?:{_alternation(multi)})|(?:{_alternation(single)})(?![{HAN}])"),
            outlet_role=re.compile(rf"({outlet})(?=[ \t\u3000]*(?:{roles}))"),  # 本报记者, 新华社记者, 榆林日报社 记者
            outlet_cited=re.compile(rf"据\s*《?([0-9A-Za-z{HAN}·\-]{{2,20}}?)》?$|({outlet})(?:发|报道)(?![{HAN}])"),
            glued=re.compile(rf"{roles}|(?:{_alternation(w for w in suffix if len(w) > 1)})$|摄$"),
            field=re.compile(rf"(?:{_alternation(fields)})\s*(?:[：:|｜]|\s)"),
            fields=fields,
            noise=re.compile("|".join(f"(?:{p})" for p in lex["noise"])),
            date=re.compile(
                r"([0-9０-９]{4})\s*[-/.年]\s*([0-9０-９]{1,2})\s*[-/.月]\s*([0-9０-９]{1,2})(?![0-9０-９])\s*日?"
            ),
            surnames=frozenset(lex["surnames"]),
            compound=frozenset(lex["compound_surnames"]),
            not_names=frozenset(lex["not_names"]),
        )
    return _GRAMMAR


def iso_date(year: str | int, month: str | int, day: str | int) -> str:
    """``2023-06-15``, or "" where there is no such day (2023年2月30日)."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""


def is_name(text: str) -> bool:
    """A person's name as bylines print them: two or three characters that open with a surname or
    make no everyday word (张三, 辜明睿; not 调查), four that open with a compound surname (欧阳晓峰),
    or names joined by · (阿依古丽·买买提)."""
    g = grammar()
    if "·" in text or "•" in text:
        parts = re.split(r"[·•]", text)
        return all(re.fullmatch(rf"[{HAN}]+", p) for p in parts) and len(text) <= 20
    if text in g.not_names or not re.fullmatch(rf"[{HAN}]{{2,4}}", text):
        return False
    if len(text) == 4:
        return text[:2] in g.compound
    if text[0] in g.surnames or text[:2] in g.compound:
        return True
    from kg.nlp.lexicons import is_word  # jieba's dictionary: loaded only when a name needs it

    return not is_word(text)


def _skip_separators(text: str, pos: int) -> tuple[int, bool]:
    """The position after separators, and whether a slash was among them."""
    slash = False
    while pos < len(text) and (text[pos] in _SEPARATORS or text[pos] in "/／"):
        slash = slash or text[pos] in "/／"
        pos += 1
    return pos, slash


def _name_run(text: str, start: int) -> tuple[list[Token], int] | None:
    """The names and glued words of a run of characters (罗一鸣通讯员梁思琦, 孟一凡报道, 王五摄),
    or None where a piece of it is no name."""
    g = grammar()
    run = re.match(rf"[{HAN}·•]+", text[start:])
    if not run:
        return None
    end = start + run.end()
    found, pos = [], 0
    chunk = run.group(0)
    pieces = []
    for word in g.glued.finditer(chunk):
        if word.start() > pos:
            pieces.append(("name", chunk[pos:word.start()]))
        pieces.append(("word", word.group(0)))
        pos = word.end()
    if pos < len(chunk):
        pieces.append(("name", chunk[pos:]))
    for kind, piece in pieces:
        if kind == "word":
            found.append(Token("word", piece, g.prefix.get(piece), g.suffix.get(piece)))
        elif is_name(piece):
            found.append(Token("name", piece))
        elif len(piece) == 1 and piece in g.surnames and len(pieces) == 1:
            # 王  磊: a two-character name padded to three in print
            after, _ = _skip_separators(text, end)
            nxt = re.match(rf"[{HAN}](?![{HAN}·•])", text[after:])
            if nxt is None or text[end:after].strip(" \u3000"):
                return None
            return [Token("name", piece + nxt.group(0))], after + 1
        else:
            return None
    return found, end


def tokens(text: str, pos: int = 0, *, lax: bool = False) -> tuple[list[Token], int]:
    """Cut a credit run into tokens, from ``pos`` to where it stops being one.

    Args:
        text: the text.
        pos: where the run starts.
        lax: skip a value that is no name after a field-like role (作者：区政府办), as metadata lines
            print them.

    Returns:
        The tokens and the position where reading stopped (``len(text)`` when all was read).
    """
    g = grammar()
    found: list[Token] = []
    slash, new = False, 0
    while True:
        for i in range(new, len(found)):
            found[i] = found[i]._replace(end=pos)
        new = len(found)
        pos, slashed = _skip_separators(text, pos)
        slash = slash or slashed
        if found and slashed and found[-1].kind == "word":
            found[-1] = found[-1]._replace(slash_after=True)
        if pos >= len(text):
            return found, pos
        rest = text[pos:]
        if (m := g.noise.match(rest)) and m.end():
            pos += m.end()
        elif m := g.date.match(rest):
            found.append(Token("date", iso_date(*m.groups())))
            pos += m.end()
        elif m := g.field.match(rest):
            kind = g.fields[m.group(0).rstrip(" \t\u3000：:|｜")]
            pos += m.end()
            if kind == "rest":
                return found, len(text) if "\n" not in text[pos:] else text.index("\n", pos)
            value = re.match(r"\s*([^\s\u3000|｜【】\[\]()（）]+)", text[pos:])
            if kind in ("outlet", "skip") and value:
                if kind == "outlet":
                    found.append(Token("outlet", value.group(1).strip("“”\"'《》"), source="field"))
                pos += value.end()
        elif (m := re.match(rf"发自\s*([{HAN}]{{2,8}})(?![{HAN}])", rest)) or (m := _reported_from(rest)):
            found.append(Token("place", m.group(1)))
            pos += m.end()
        elif m := g.outlet_cited.match(rest):
            found.append(Token("outlet", m.group(1) or m.group(2), source="cited" if m.group(1) else "role"))
            pos += m.end()
        elif m := g.word.match(rest):
            found.append(Token("word", m.group(0), g.prefix.get(m.group(0)), g.suffix.get(m.group(0)), slash_before=slash))
            pos += m.end()
        elif m := g.outlet_role.match(rest):
            found.append(Token("outlet", m.group(1)))
            pos += m.end()
        elif run := _name_run(text, pos):
            got, pos = run
            if got and slash and got[0].kind == "word":
                got[0] = got[0]._replace(slash_before=True)
            found.extend(got)
        elif lax and found and found[-1].kind == "word" and text[pos - 1] in "：:|｜":
            pos += re.match(r"[^\s\u3000|｜【】]*", rest).end() or len(rest)  # 作者：区政府办: an office, no person
        else:
            return found, pos
        slash = False


def _reported_from(rest: str) -> re.Match | None:
    """``北京报道``: where the reporter filed from, when the place is one kg knows."""
    m = re.match(rf"([{HAN}]{{2,6}})报道(?![{HAN}])", rest)
    if m is None:
        return None
    from kg.resolve.gazetteer import names

    return m if m.group(1) in names() else None


def read(found: list[Token], default: str = "author") -> Credits:
    """The credits of a run's tokens.

    A name's kind is its role word's (记者 张三); a credit after names no role word stands before
    (张三 文, 李四 摄) gives theirs; a credit glued after a name by a slash gives it in any case
    (记者 王五/摄); names with neither are ``default``. A credit before a role word keeps its kind
    (图/本报记者 李四: the photographs are his).
    """
    credits = Credits()
    current: str | None = None
    pending: list[list] = []  # [name, kind or None] since the last role word
    after_credit = False  # the last word was a credit standing before names (文/, 图 |)

    def flush() -> None:
        for name, kind in pending:
            credits.add_name(kind or default, name)
        pending.clear()

    for token in found:
        if token.kind == "word":
            if token.slash_before and token.suffix and pending:
                pending[-1][1] = token.suffix
                continue
            unassigned = [p for p in pending if p[1] is None]
            if token.suffix is not None and unassigned and not token.slash_after:
                for p in unassigned:
                    p[1] = token.suffix or default
                flush()
                after_credit = False
                continue
            flush()
            if token.prefix is not None:
                if not (after_credit and token.value not in grammar().suffix):
                    current = token.prefix
                after_credit = token.value in grammar().suffix
        elif token.kind == "name":
            pending.append([token.value, current])
            after_credit = False
        elif token.kind == "outlet":
            credits.add_outlet(token.value, token.source)
        elif token.kind == "place":
            credits.place = credits.place or token.value
        elif token.kind == "date" and token.value:
            credits.published = credits.published or token.value
    flush()
    return credits


def evidence(found: list[Token]) -> bool:
    """True when tokens hold more than bare names: a role or credit word, a field, an outlet, a place or
    a date (张三 李四 alone may be anything)."""
    return any(t.kind != "name" for t in found)
