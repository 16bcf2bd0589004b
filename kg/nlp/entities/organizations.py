"""Organizations: by name endings (公司, 委员会 …), jieba's known names, enumerations closed by a count or a kind (等单位) with an organization among them, and shared heads (平度市、莱西市政府)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import ahocorasick

from kg.nlp import lexicons
from kg.nlp.entities.names import (
    _CUT_POS, Candidate, _MAX_ORG, _NAME_CHAR, _PROPER_POS, _cut_left, _left_edge, _org_suffix_re, _org_suffixes, org_ending,
)
from kg.nlp.entities.persons import _title_re
from kg.resolve import gazetteer


@lru_cache(maxsize=1)
def _org_automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for name in lexicons.organization_words():
        auto.add_word(name, name)
    auto.make_automaton()
    return auto


def find_known_orgs(text: str, keep_seldom: bool = False) -> Iterator[Candidate]:
    """Organizations jieba's dictionary knows by name (外交部, 世界银行, 上海证券交易所), but for names
    that news annotators seldom mark (上市公司, 加油站: :mod:`kg.nlp.entities.name_usage`) and for a
    name whose last character opens an everyday word where they seldom end one (卫生部门, 部队),
    unless ``keep_seldom``."""
    seldom, cuts = (), ()
    if not keep_seldom:
        seldom = lexicons.first_column("entities/seldom_orgs.txt")
        cuts = lexicons.first_column("entities/org_cut_words.txt")
    for end, name in _org_automaton().iter_long(text):
        if name in seldom or text[end:end + 2] in cuts:  # end: the last character's offset
            continue
        yield Candidate(end - len(name) + 1, end + 1, "ORG", "lexicon")


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    return lexicons.table("entities/org_short_names.tsv")


@lru_cache(maxsize=1)
def _short_name_re() -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(_short_names(), key=len, reverse=True))))


def find_short_names(text: str) -> Iterator[Candidate]:
    """The short names news gives national banks (工行, 招行: ``org_short_names.tsv``), as mentions of
    the full name, where jieba's dictionary cut reads the short name as a word of its own."""
    names = _short_names()
    if not names:
        return
    for match in _short_name_re().finditer(text):
        start, end = match.span()
        if start and not lexicons.cut_ends_word(text, max(0, start - 4), start, end):
            continue  # 集中|行动
        if not lexicons.cut_ends_word(text, start, end, min(len(text), end + 4)):
            continue
        yield Candidate(start, end, "ORG", "short_name", names[match.group(0)])


@lru_cache(maxsize=1)
def _scope_prefixes() -> tuple[str, ...]:
    return lexicons.word_list("entities/org_scope_prefixes.txt")


def _suffix_is_word_part(text: str, start: int, end: int) -> bool:
    """True when the suffix is really part of another word: 社 in 社区, 委 in 委托, 办 in 主办 or
    协办 (an event's trigger word)."""
    if lexicons.is_word(text[end - 1:end + 1]):
        return True
    word = text[start - 1:end]
    return end - start == 1 and (lexicons.is_word(word) or word in lexicons.table("events/triggers.tsv"))


_LEVEL = re.compile(r"[省市县区乡镇村地副国家各同上下高]{1,3}级")


def find_orgs(text: str, places: list[Candidate], keep_seldom: bool = False, heads: list[Candidate] = ()) -> Iterator[Candidate]:
    """Organizations by their name endings: 青岛海诺生物工程有限公司, 国务院办公厅电子政务办公室.

    The name runs left from the suffix to a stop character, then back to the last verb or function
    word before the suffix (推动青岛市政府 → 青岛市政府). What is left must have a proper part: a place
    or scope word at its start (青岛市…, 中央…, 市…), or words that are not everyday vocabulary (海诺,
    国务院). A weak suffix (公司, 局, 中心 …) needs the place or scope word, or an organization's name
    at its start (上合组织…孵化器). An ending that news annotators seldom take for one where it ends
    what the rule reads (基地, 组织, 证券: :mod:`kg.nlp.entities.name_usage`) names nothing by
    itself, unless ``keep_seldom``; it still ends a known name, or a parent inside another name
    (上合组织…孵化器), and a model's span on it stands. ``heads`` are names that scope a run as a
    place does (招行 of 招行广州分行) but whose runs still end at a verb (建行|加快|机构).
    """
    strength = dict(_org_suffixes())
    seldom = () if keep_seldom else lexicons.first_column("entities/seldom_org_suffixes.txt")
    place_starts = {p.start: p.end for p in [*places, *heads]}
    inside_places = frozenset(i for p in [*places, *heads] for i in range(p.start, p.end))
    head_starts = {h.start for h in heads}
    for match in _org_suffix_re().finditer(text):
        suffix, end = match.group(0), match.end()
        if _suffix_is_word_part(text, match.start(), end):
            continue
        start = _after_title(text, _left_edge(text, match.start(), _MAX_ORG), match.start())
        start = _at_place_after_verb(text, start, match.start(), place_starts)
        parent = _organization_at(text, start, match.start(), place_starts.get(start))
        scoped_run = parent or start in place_starts or text.startswith(_scope_prefixes(), start)
        keep = inside_places | frozenset(range(start, start + parent))
        start = _cut_left(text, start, match.start(), keep, verbs=not scoped_run or start in head_starts)
        start += _counted(text, start, match.start())
        if match.start() - start < 2 or _LEVEL.fullmatch(text, start, match.start()):
            continue  # 省级政府, 县级医院: a kind of body, named by its level
        scope = next((w for w in _scope_prefixes() if text.startswith(w, start)), "")
        scoped = parent or start in place_starts or (scope and (len(scope) > 1 or match.start() - start - len(scope) >= 2))
        scoped = scoped or _brand(text, start, match.start(), suffix)  # ＩＢＭ公司, Valve公司
        proper = text[place_starts.get(start, start):match.start()]
        if proper and not scoped and lexicons.is_generic(proper) and not _is_brand_word(proper):
            continue
        if suffix in seldom or (strength[suffix] == "weak" and not scoped):
            continue
        if strength[suffix] == "weak" and proper in _ownership_words():
            continue  # 黑龙江省国有粮库, 青岛民营企业: a kind of body
        if suffix == "所" and _particle_suo(text, start, end):
            continue
        yield Candidate(start, _place_in_brackets(text, end), "ORG", "org_suffix")


_NUMERAL = re.compile(r"[0-9０-９一二三四五六七八九十百千万两几多余]")
_CLASSIFIERS = "家所位个支座名"


def _counted(text: str, start: int, end: int) -> int:
    """How many characters of a count open the run read left from an ending at ``end``: 1 where it
    opens with a classifier that a numeral comes before (１０家|大银行, ３５所|中小学, ８位|镇党委),
    the whole run where the ending is 所 after 几, 多 or 余 (全国十几所: a count of schools, no
    institute), else 0. None of the corpora's ~40,000 gold organizations opens with such a
    classifier or ends so; on MSRA dev the suffix rule read 4 such spans, none a name."""
    if start and text[start] in _CLASSIFIERS and _NUMERAL.match(text, start - 1):
        return 1
    if end > start and text[end:end + 1] == "所" and text[end - 1] in "几多余":
        return end - start
    return 0


def _at_place_after_verb(text: str, start: int, end: int, place_starts: dict[int, int]) -> int:
    """Where a run read left from an ending starts: at the place inside it that only verbs or
    function words come before (如|广州市越兴集团四洲洋行, 赴|中国科学院软件研究所), else where it was. A
    run that opens with a place keeps its verbs as part of the name (青岛市现代服务业联合会), so not
    where a verb or a locative follows the place (聘用中国本土金融界人士担任法人银行: the verb's
    cut reads that run)."""
    if start in place_starts:
        return start
    at = start
    tags = lexicons.pos_tags(text[start:end])
    for i, (word, flag) in enumerate(tags):
        if at > start and at in place_starts and place_starts[at] < end:
            rest = tags[i:]
            return at if not any(f.startswith(("v", "f", "c", "p", "t")) and f != "vn" for _, f in rest) else start
        if not (flag.startswith(_CUT_POS) and flag != "vn"):
            return start
        at += len(word)
    return start


@lru_cache(maxsize=1)
def _ownership_words() -> frozenset[str]:
    return frozenset(lexicons.word_list("entities/ownership_words.txt"))


_LATIN_NAME = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]{2}[A-Za-zＡ-Ｚａ-ｚ0-9０-９]*")
_KIND_OF = "家类些种"  # 一家IT公司, 这些P2P公司: a kind of company


def _brand(text: str, start: int, end: int, suffix: str) -> bool:
    """True for a name in Latin letters before a company's ending (ＩＢＭ公司, Valve公司, ＭＭＭ公司,
    Treyarch工作室): a brand names one company, unless a classifier makes it a kind (一家IT公司;
    机构, 站 and 部 after Latin letters are mostly kinds too: MCN机构, Fans站). On the MSRA, People's
    Daily and CLUENER training sets this reads 30 more gold organizations exactly and 2 more
    spans that are none (Seas公司 of 7Seas公司)."""
    kind = start > 0 and text[start - 1] in _KIND_OF
    return suffix in ("公司", "工作室") and not kind and bool(_LATIN_NAME.fullmatch(text, start, end))


def _particle_suo(text: str, start: int, end: int) -> bool:
    """True for 所 as the particle of 所 + verb (中国公民所应了解的, 美国所进行的): jieba cuts it as a
    word of its own and a verb follows. In the MSRA and People's Daily training sets 81 of 83 such
    spans the suffix rule read are no organization; 研究所, 事务所, 派出所 are words of their own.
    Also where a lone 所 follows an organization's ending, whatever jieba calls the next word
    (青岛市政府所主办的, 周村区法院所审理的): an institute's short name ends a field, not a body
    (高能物理所, 经济所)."""
    name = lexicons.pos_tags(text[start:end])
    if name[-1][0] != "所":
        return False
    if text.endswith(tuple(suffix for suffix, _ in _org_suffixes() if suffix != "所"), start, end - 1):
        return True
    after = lexicons.pos_tags(text[end:end + 4])
    return bool(after) and after[0][1].startswith("v") and after[0][1] != "vn"


def parent_names(text: str, chosen: list[Candidate]) -> set[str]:
    """The names of organizations that open the suffix rule's longer names (上合组织 of
    上合组织青年创业国际孵化器, see :func:`_organization_at`): names of their own, which the text may
    use alone elsewhere (上合组织国家…)."""
    found = set()
    for cand in chosen:
        if cand.label != "ORG" or cand.rule != "org_suffix":
            continue
        last = None
        for last in _org_suffix_re().finditer(text, cand.start, cand.end):
            pass
        if last is None:
            continue
        size = _organization_at(text, cand.start, last.start())
        parent = text[cand.start:cand.start + size]
        if size >= 4 and not is_place_name(parent[: len(parent) - len(org_ending(parent))]):
            found.add(parent)  # not a place and a kind (上海证券 of 上海证券交易所: 上海证券市场 is no body)
    return found


def _organization_at(text: str, start: int, end: int, place_end: int | None = None) -> int:
    """The length of an organization's name that ``text[start:end]`` opens with, else 0: two proper
    characters and a name ending (上合组织 in 上合组织青年创业国际孵化器), or a place and a name
    ending (市北区社会组织 in 市北区社会组织创益工场). What follows is its unit or project, scoped by
    it as by a place, unless it opens with an event's trigger word (浪潮集团合作建设实验室)."""
    for inner in _org_suffix_re().finditer(text, start + 2, end):
        if end - inner.end() < 2:
            break
        if _suffix_is_word_part(text, inner.start(), inner.end()):
            continue  # 社 in 社会
        if text.startswith(_trigger_words(), inner.end()):
            continue  # 浪潮集团合作建设实验室: the organization acts, it heads no unit
        if (place_end is not None and inner.start() >= place_end) or not lexicons.is_generic(text[start:inner.start()]):
            return inner.end() - start
    return 0


@lru_cache(maxsize=1)
def _trigger_words() -> tuple[str, ...]:
    return tuple(lexicons.table("events/triggers.tsv"))


def _after_title(text: str, start: int, end: int) -> int:
    """Past the last person's title in ``text[start:end]``: a name and a title come between two
    organizations, not inside one (…制品厂厂长谢淑琴办厂 → 谢淑琴办厂). A title that opens the
    unit's own name stays (书记处)."""
    matches = [m for m in _title_re().finditer(text, start, end) if end - m.end() >= 2]
    if not matches:
        return start
    bounds = {start} | {start + at for at in lexicons.word_ends(text[start:end])}
    for match in matches:
        if match.start() in bounds and match.end() in bounds:  # 总工 is no title in 总工会
            start = match.end()
    return start


def _place_in_brackets(text: str, end: int) -> int:
    """The end of a name that closes with its seat in brackets: 孵化器(青岛), 有限公司（北京）."""
    if text[end:end + 1] in ("(", "（"):
        close = min((i for i in (text.find(")", end, end + 10), text.find("）", end, end + 10)) if i > 0), default=-1)
        if close > end + 1 and text[end + 1:close] in gazetteer.names():
            return close + 1
    return end


_ENUM_HEAD = re.compile(r"(?:等)?[0-9一二两三四五六七八九十]+(?:多|余)?(?:家|个)(?:企业|公司|单位|机构|园区|项目)")


def find_enumerations(text: str) -> Iterator[Candidate]:
    """Items of a list closed by a count of organizations: 征和工业、众地家纺、花帝食品四家企业."""
    for head in _ENUM_HEAD.finditer(text):
        start = head.start()
        while start > 0 and (text[start - 1] == "、" or _NAME_CHAR.match(text[start - 1])) and text[start - 1] not in "的是为与":
            start -= 1
        items = text[start:head.start()].split("、")
        if len(items) < 2:
            continue
        offset = start
        for item in items:
            if 2 <= len(item) <= 12:
                yield Candidate(offset, offset + len(item), "ORG", "enumeration")
            offset += len(item) + 1


# a list closed by the kind of its items: A、B、C等单位, A、B等三家企业
_LIST_CLOSE = re.compile(r"等(?:[0-9一二两三四五六七八九十多]+(?:家|个))?(?:企业|公司|单位|机构|园区|项目|组织|团体|银行|高校|院校|媒体)")
_LIST_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9·]+(?:、[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9·]+)+")
_NOT_NAME_POS = ("v", "d", "p", "c", "r", "u")


def find_listed_peers(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """The other items of a list of organizations: one closed by an organizations' kind with an
    organization among its items (春光里·青岛产投生态综合体、洪泰山海会、青岛新金融产业园等项目), or the
    items after the first of one with two organizations among them (嘉德、翰海、中国书店、上海嘉泰、
    上海博古斋之外): lists name peers. A list marks its items' edges but the first's left and the
    last's right: the last ends at the first verb, locative or function word (上海博古斋|之外); the
    first, taken only in a list closed by a kind, starts where verbs or function words alone stand
    between it and the clause's edge (相继引入|春光里…). Known places stay places (北京大学、清华大学、
    上海). Measured on MSRA's training and development sets, one organization of each list closed by
    a kind given: of the 59 items found, 56 are gold organizations, one a place (徐悲鸿纪念馆), two
    neither (杂志, 原国内贸易部); in lists with two gold organizations, 393 of the 413 middle items
    are organizations, most others not names at all (行政学校以及医院)."""
    orgs = {(c.start, c.end) for c in chosen if c.label == "ORG"}
    for items in _lists(text, orgs):
        close = _LIST_CLOSE.search(text, items[-1][0], min(len(text), items[-1][1] + 12))
        if sum(items[0][0] <= a and b <= items[-1][1] for a, b in orgs) < (1 if close else 2):
            continue  # too few organizations inside for either kind of list (cheap: before any tagging)
        items[0] = _first_item(text, *items[0], orgs)
        items[-1] = _last_item(text, items[-1][0], close.start() if close else items[-1][1], orgs)
        if sum(item in orgs for item in items) < (1 if close else 2):
            continue
        for start, end in items if close else items[1:]:
            item = text[start:end]
            if 2 <= len(item) <= 16 and (start, end) not in orgs and _may_name_an_organization(item):
                yield Candidate(start, end, "ORG", "enumeration")


def _may_name_an_organization(item: str) -> bool:
    """False for a list item that is a place (上海), holds a post (连长, 副主席张文学), a number or a
    function word (一个单位), or is made of everyday words alone: a description, not a name
    (新能源汽车产业园区)."""
    return not (
        is_place_name(item) or _title_re().search(item) or re.search(r"[0-9０-９]", item)
        or lexicons.has_function_word(item) or not _has_proper_part(item)
    )


def _lists(text: str, orgs: set[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """The lists of a text that hold one of ``orgs`` as their items' (start, end): runs of words
    between 、, split where an item holds an adverb or another function word, which ends one list and opens the next
    (…市发展改革委分别负责农业、工业、服务业领域…)."""
    for run in _LIST_RUN.finditer(text):
        if not any(run.start() <= a and b <= run.end() for a, b in orgs):
            continue
        items, offset = [], run.start()
        for part in run.group(0).split("、"):
            items.append((offset, offset + len(part)))
            offset += len(part) + 1
        segment = items[:1]
        for item in items[1:]:
            segment.append(item)
            if item is not items[-1] and lexicons.has_function_word(text[item[0]:item[1]], numerals=False):
                yield segment
                segment = [item]
        if len(segment) >= 2:
            yield segment


def _is_brand_word(phrase: str) -> bool:
    """True when ``phrase`` is one two-character word jieba tags as a proper noun and not among its
    everyday words (三菱, 丰田: nz, seen 87 and 156 times in jieba's counts; not 普通, nz at 6,768): a
    brand names one body. On People's Daily 1998 and CLUENER's training sets this reads one more gold
    organization (浙商银行) and one more span gold leaves unmarked (飞鹰集团公司)."""
    tags = lexicons.pos_tags(phrase)
    return len(phrase) == 2 and len(tags) == 1 and tags[0][1] == "nz" and not lexicons.is_word(phrase, 1000)


def _has_proper_part(phrase: str) -> bool:
    """True when jieba tags a word of ``phrase`` as a name, an abbreviation or a word it does not
    know (上海|嘉泰, 翰海, 洪|泰山…): not everyday words alone (新能源|汽车产业|园区)."""
    return any(flag.startswith(_PROPER_POS) for _, flag in lexicons.pos_tags(phrase))


def _first_item(text: str, start: int, end: int, orgs: set[tuple[int, int]]) -> tuple[int, int]:
    """The first item of a list: an organization found already that ends it, else what follows the
    verbs and function words that open it (相继引入|春光里·青岛产投生态综合体); nothing where such a
    word comes after the name has begun (来自国家科技促进发展中心: the edge is unclear)."""
    known = [(a, b) for a, b in orgs if b == end and a >= start]
    if known:
        return known[0]
    tags = lexicons.pos_tags(text[max(start, end - 16):end])
    name_from, offset = None, max(start, end - 16)
    for word, flag in tags:
        verb = flag.startswith(_NOT_NAME_POS) and flag != "vn"
        if verb and name_from is not None:
            return (end, end)
        if not verb and name_from is None:
            name_from = offset
        offset += len(word)
    return (name_from, end) if name_from is not None else (end, end)


def _last_item(text: str, start: int, end: int, orgs: set[tuple[int, int]]) -> tuple[int, int]:
    """The last item of a list: an organization found already that starts it, else the words up to
    the first verb or function word (上海博古斋|之外)."""
    known = [(a, b) for a, b in orgs if a == start and b <= end]
    if known:
        return known[0]
    offset = start
    for word, flag in lexicons.pos_tags(text[start:min(end, start + 16)]):
        if flag.startswith(_NOT_NAME_POS + ("f",)) and flag != "vn":  # and a locative: 之外, 以上
            break
        offset += len(word)
    return (start, offset)


def is_place_name(name: str) -> bool:
    """True for the name of an administrative unit (full or short) or of a country."""
    return name in gazetteer.names() or name in lexicons.countries()


def find_coordinated_heads(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """A place coordinated with a place's body shares its head: in 平度市、莱西市政府 the first place
    stands for 平度市政府 (the body is a unit's name and a suffix, not any organization's name),
    whether the suffix rule or the statistical model read the body."""
    by_end = {c.end: c for c in chosen}
    for cand in chosen:
        if cand.label != "ORG" or cand.rule not in ("org_suffix", "model"):
            continue
        head = _org_suffix_re().search(text, cand.start, cand.end)
        left = by_end.get(cand.start - 1)
        if left and left.start > 0 and text[left.start - 1] in "在于" and text[cand.start - 1] in "和与":
            continue  # 海尔集团在青岛与平度市政府签约: where, then with whom
        if left and left.label == "GPE" and text[cand.start - 1] in "、和与及" and head and is_place_name(text[cand.start:head.start()]):
            suffix = text[head.start():cand.end]  # 莱西市|政府, not 美国英特尔|公司 (成都高新区与美国英特尔公司)
            yield Candidate(left.start, left.end, "ORG", "coordination", text[left.start:left.end] + suffix)
