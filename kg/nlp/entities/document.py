"""Document-level entity rules: the party first named in X 与 Y 签约, a name spread to its other occurrences, bodies named by their level that name a kind (市委9项、区委12项), a bloc's member states (上合组织国家…), a person named by the surname alone, and find_entities, which runs every finder and keeps the longest non-overlapping candidates."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.entities.kinds import place_of_kind
from kg.nlp.entities.model_spans import REPAIRS, repaired
from kg.nlp.entities.names import Candidate, HAN, _choose, _org_suffix_re
from kg.nlp.entities.organizations import (
    find_coordinated_heads, find_enumerations, find_known_orgs, find_listed_peers, find_orgs, find_short_names, parent_names,
)
from kg.nlp.entities.persons import find_persons
from kg.nlp.entities.places import find_places, find_suffixed_places
from kg.nlp.text import YEAR


@lru_cache(maxsize=1)
def _bilateral_re() -> re.Pattern:
    triggers = lexicons.table("events/triggers.tsv")
    bilateral = {"Signing", "Cooperation", "Meeting"}
    words = [w for w, c in triggers.items() if c in bilateral]
    words += [joint + w for w in triggers for joint in ("共同", "联合")]  # X与Y联合成立…: X does it with Y
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


_SLOT = re.compile(rf"(?:^|(?<=[\s,，。:：;；、“]))([{HAN}A-Za-z·]{{2,10}}?)(?=[与同跟])")


def find_slot_fillers(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """The party named first in ``X 与 Y … 签约/合作/会见`` where Y is a known entity: X is an
    organization too (海尔卡奥斯与平度市…签署). Only in clauses that hold such a trigger."""
    starts = {c.start for c in chosen}
    # names found by rules stand; a statistical model's pieces inside the run do not (海尔 + 卡奥斯)
    taken = {i for c in chosen if c.label in ("ORG", "PERSON") and c.rule != "model" for i in range(c.start, c.end)}
    for trig in _bilateral_re().finditer(text):
        clause_start = max(text.rfind(p, 0, trig.start()) for p in "，,。；;\n") + 1
        clause = text[clause_start:trig.start()]
        clause = TIME_PREFIX.sub(lambda m: " " * len(m.group(0)), clause)
        for match in _SLOT.finditer(clause):
            start, end = clause_start + match.start(1), clause_start + match.end(1)
            if end + 1 in starts and not taken & set(range(start, end)) and not lexicons.has_function_word(match.group(1)) and not _has_verb(match.group(1)):
                if not lexicons.is_word(match.group(1), 50):
                    yield Candidate(start, end, "ORG", "slot")


def _has_verb(phrase: str) -> bool:
    """True when jieba tags a word of ``phrase`` as a verb (盖蒂信托宣布扩大: no name)."""
    return any(flag == "v" for _, flag in lexicons.pos_tags(phrase))


_SHORT_FORM = re.compile(r"[（(](?:以下)?(?:简称|下称|称)[:：]?[“\"「]?([^”\"」）)，,。、]{2,12}?)[”\"」]?[）)]")


def find_short_forms(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """The short form a text defines for a name (青岛海尔智家股份有限公司（以下简称“海尔智家”）): a
    mention of that name, here and wherever it comes again (see :func:`propagate`)."""
    for cand in chosen:
        match = _SHORT_FORM.match(text, cand.end)
        if match and cand.label in ("ORG", "GPE", "LOC"):
            yield Candidate(match.start(1), match.end(1), cand.label, "short_form", cand.name or text[cand.start:cand.end])


TIME_PREFIX = re.compile(rf"^\s*(?:{YEAR}年)?(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?(?:上午|下午)?")  # １９９８年: full-width too


def propagate(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """Every other occurrence of a name found once in the document (the model or a rule may have
    seen only the first), and of an organization's name that opens a longer one (上合组织 of
    上合组织青年创业国际孵化器). An organization named without a suffix (a brand: 海尔卡奥斯) is also
    found by its tail after the first two characters (卡奥斯), as news shortens such names."""
    # not 平度市 of 平度市、莱西市政府 (rule coordination): it stands for 平度市政府 there only
    names = {text[c.start:c.end]: (c.label, c.name) for c in chosen if c.end - c.start >= 2 and c.rule not in ("model", "coordination")}
    for c in chosen:
        name = text[c.start:c.end]
        if c.label == "ORG" and c.rule in ("slot", "model") and 5 <= len(name) <= 8 and not _org_suffix_re().search(name):
            names.setdefault(name[2:], ("ORG", c.name or name))  # over the model's label for the tail (卡奥斯 PERSON)
    for c in chosen:
        if c.rule == "model" and c.end - c.start >= 2:
            names.setdefault(text[c.start:c.end], (c.label, c.name))
    for parent in parent_names(text, chosen):  # 上合组织 of 上合组织青年创业国际孵化器, alone elsewhere
        names.setdefault(parent, ("ORG", None))
    if not names:
        return
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    for match in pattern.finditer(text):
        label, name = names[match.group(0)]
        yield Candidate(match.start(), match.end(), label, "propagation", name)


_SUPERLATIVE = re.compile(r"最(?!高)")


def _describes(cand: Candidate, text: str) -> bool:
    """True for an organization or place span holding a superlative (青岛最大里院, 全国最好企业): a
    description, not a name. 最高 stays (最高人民法院, 美国最高法院): in the corpora's gold names 最
    comes only so, but for one newspaper (最新消息报)."""
    return cand.label != "PERSON" and _SUPERLATIVE.search(text, cand.start, cand.end) is not None


_LEVELS = "省|市|区|县|镇|乡|村|州|街道|社区"
_LEVEL_BODY = re.compile(rf"((?:{_LEVELS})+)(?:党委|党工委|党组织|委|政府|人大|政协|纪委|委员会)")
_LISTED_LEVEL_BODY = re.compile(rf"(?:^|(?<=[^{HAN}]|[、和与及]))" + _LEVEL_BODY.pattern)
_CLAUSE_MARKS = "，,。；;！？!?\n"


def drop_level_kinds(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Bodies named by their level that name a kind, not one body: those of two levels at once
    (区市党委, 省市政府) and those a clause sets beside a body of another level (市委9项、区委12项,
    市委领、区委统). Bodies of one level stay (市委、市政府: the article's city's)."""
    levels = {c: _LEVEL_BODY.fullmatch(text[c.start:c.end]) for c in chosen if c.label == "ORG"}
    levels = {c: m.group(1) for c, m in levels.items() if m}
    kinds = set()
    for c, level in levels.items():
        if len(re.findall(_LEVELS, level)) >= 2:
            kinds.add(c)
            continue
        left = max(text.rfind(m, 0, c.start) for m in _CLAUSE_MARKS) + 1
        right = min((i for i in (text.find(m, c.end) for m in _CLAUSE_MARKS) if i >= 0), default=len(text))
        others = {lv for o, lv in levels.items() if left <= o.start < right}
        others |= {m.group(1) for m in _LISTED_LEVEL_BODY.finditer(text[left:right])}
        if others - {level}:
            kinds.add(c)
    return [c for c in chosen if c not in kinds]


# intergovernmental bodies whose 国家 are their members (上合组织国家, 欧盟国家, 东盟国家, 北约国家)
_BLOC_ENDINGS = ("组织", "盟", "北约")


def drop_member_states(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """An organization that opens with 国家 right after an intergovernmental body's name is no name,
    but one jieba knows (欧盟国家统计局): 国家 are that body's members (上合组织国家青年创业团队: the
    member states' young founders' teams). Of the corpora's ~40,000 gold organizations none opens
    so; 欧盟国家, 组织国家 stand 37 times in their text, never as the start of a name."""
    blocs = {c.end for c in chosen if c.label == "ORG" and text.endswith(_BLOC_ENDINGS, c.start, c.end)}
    return [c for c in chosen if not (c.rule != "lexicon" and c.start in blocs and text.startswith("国家", c.start))]


def resolve_surnames(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A person named by the surname alone (给黄送去 after 黄登仁) stands for the one person of that
    surname the text names in full (rule ``surname``, the full name as its name). With none or
    several it stays an entity of the text (MSRA's annotation counts 黄 in 黄说 as a person) but
    names no one the graph can hold (rule ``surname_only``): kg's graph leaves it out."""
    full: dict[str, set[str]] = {}
    for c in chosen:
        if c.label == "PERSON" and c.end - c.start >= 2:
            full.setdefault(text[c.start], set()).add(c.name or text[c.start:c.end])
    resolved = []
    for c in chosen:
        if c.label == "PERSON" and c.end - c.start == 1:
            names = full.get(text[c.start], set())
            name = next(iter(names)) if len(names) == 1 else None
            c = Candidate(c.start, c.end, "PERSON", "surname" if name else "surname_only", name)
        resolved.append(c)
    return resolved


# The rule layer's rules by name, besides the repairs of the model's spans
# (:data:`kg.nlp.entities.model_spans.REPAIRS`): finders; "override", a finder's name winning over
# a shorter model entity it overlaps (off: finders only fill the gaps between the model's, and
# "place_body" lets an organization named by a model's place and a body win over that place:
# 平度市|政府); then rules over what was found.
FINDERS = ("gazetteer", "place_suffix", "short_name", "org_suffix", "lexicon", "person_title", "enumeration",
           "override", "place_body", "describes", "place_kind", "coordination", "slot", "listed_peers", "short_form",
           "propagation", "level_kinds", "member_states")


def _fills_in(text: str, cand: Candidate, known: list[Candidate], place_body: bool) -> bool:
    """True for a finder's candidate that overlaps none of the model's entities ``known``, or, with
    ``place_body``, an organization that opens with the one model place it overlaps and runs on
    from it with no verb or numeral (平度市|政府, 李沧区|汇益港湾社会组织创新园; not 济南|设立分行,
    日本|第二大汽车企业集团…)."""
    overlapped = [k for k in known if k.start < cand.end and cand.start < k.end]
    if not overlapped:
        return True
    if not place_body or cand.label != "ORG" or len(overlapped) > 1:
        return False
    place = overlapped[0]
    if place.label not in ("GPE", "LOC") or place.start != cand.start or place.end >= cand.end:
        return False
    return not any(flag.startswith("m") or (flag.startswith("v") and flag != "vn")
                   for _, flag in lexicons.pos_tags(text[place.end:cand.end]))
RULES = REPAIRS + FINDERS


def find_entities(text: str, known: Iterable[Candidate] = (), keep_seldom_suffixes: bool = False,
                  off: Iterable[str] = ()) -> list[Candidate]:
    """All rule entities of a text, non-overlapping, longest first.

    Args:
        text: the document text.
        known: entities found before (by the statistical model); rules fill around them and
            win over one only with a longer span that overlaps it, or
            the same span (where the rule's label stands).
        keep_seldom_suffixes: let the organization suffix rule read names by the endings news
            annotators seldom mark, to count them (:mod:`kg.nlp.entities.name_usage`).
        off: names of rules (:data:`RULES`) to leave out.

    Raises:
        ValueError: ``off`` names a rule there is none of.
    """
    off = frozenset(off)
    if off - set(RULES):
        raise ValueError(f"no entity rule {sorted(off - set(RULES))}: the rules are {', '.join(RULES)}")
    known = repaired(text, known, off)
    # places and banks' short names scope the organizations named after them (青岛|新金融产业园,
    # 招行|广州分行) whether or not they are entities of their own here
    places = list(find_places(text))
    places += list(find_suffixed_places(text, places))
    shorts = list(find_short_names(text))  # 招行, which also heads its units' names (招行广州分行)
    heads = [c for c in shorts if not _has_verb(text[c.end:c.end + 2])]  # not 建行|加快|机构
    found = [c for c in places + shorts if c.rule not in off]
    if "org_suffix" not in off:
        found += list(find_orgs(text, places, keep_seldom_suffixes, heads))
    if "lexicon" not in off:
        found += list(find_known_orgs(text))
    if "person_title" not in off:
        found += list(find_persons(text))
    if "enumeration" not in off:
        found += list(find_enumerations(text))
    if "override" in off:  # the finders fill the gaps between the model's entities, but for place_body
        found = [c for c in found if _fills_in(text, c, known, "place_body" not in off)]
    chosen = [c for c in known + found if "describes" in off or not _describes(c, text)]
    if "place_kind" not in off:  # 中国公司 → 中国, whether the model or the suffix rule read it
        chosen = [place_of_kind(text, c) for c in chosen]
    chosen = _choose(chosen)
    if "coordination" not in off:
        heads = {(c.start, c.end): c for c in find_coordinated_heads(text, chosen)}
        chosen = [heads.get((c.start, c.end), c) for c in chosen]
    if "slot" not in off:
        chosen = _choose(chosen + list(find_slot_fillers(text, chosen)))
    if "listed_peers" not in off:
        chosen = _choose(chosen + list(find_listed_peers(text, chosen)))
    if "short_form" not in off:
        chosen = _choose(chosen + list(find_short_forms(text, chosen)))
    if "propagation" not in off:
        chosen = _choose(chosen + list(propagate(text, chosen)))
    if "level_kinds" not in off:
        chosen = drop_level_kinds(text, chosen)
    if "member_states" not in off:
        chosen = drop_member_states(text, chosen)
    return resolve_surnames(text, chosen)
