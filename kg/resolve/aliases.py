"""Names that stand for other names: local short forms (市发展改革委 in a 青岛 article is
青岛市发展改革委) and abbreviations made of words' first characters (上合组织 for 上海合作组织)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from kg.resolve import gazetteer

_LEVEL_PREFIX = {"省": 1, "市": 2}
# words that open with 省/市 without standing for the article's province or city (省级政府: any one)
_NOT_LOCAL = ("省级", "市级", "省属", "市属", "省市", "市县", "市场", "市民", "市区", "市内", "省内", "市外", "省外")


def home_unit(dateline: str | None, place_names: Iterable[str]) -> gazetteer.Unit | None:
    """The place an article is about: its dateline's (本报青岛讯 → 青岛市), else the prefecture-level
    city it names most often."""
    if dateline:
        for name, codes in _names_in(dateline):
            if len(codes) == 1:
                return _city_of(codes[0])
    counts = Counter()
    for name in place_names:
        codes = gazetteer.names().get(name, ())
        if len(codes) == 1:
            city = _city_of(codes[0])
            if city is not None:
                counts[city.code] += 1
    return gazetteer.units()[counts.most_common(1)[0][0]] if counts else None


def _names_in(text: str):
    table = gazetteer.names()
    for size in range(min(len(text), 10), 1, -1):
        for start in range(0, len(text) - size + 1):
            if text[start:start + size] in table:
                yield text[start:start + size], table[text[start:start + size]]


def _city_of(code: str) -> gazetteer.Unit | None:
    unit = gazetteer.units().get(code)
    while unit is not None and unit.level > 2:
        unit = gazetteer.units().get(unit.parent) if unit.parent else None
    return unit


def expand_local(name: str, home: gazetteer.Unit | None) -> str:
    """``市发展改革委`` → ``青岛市发展改革委``, ``市委`` → ``青岛市委`` in an article about 青岛市
    (``省…`` → its province)."""
    if home is None or len(name) < 2 or name[0] not in _LEVEL_PREFIX or name.startswith(_NOT_LOCAL):
        return name
    table = gazetteer.names()
    if any(name[:size] in table for size in range(2, min(len(name), 6) + 1)):
        return name  # 市北区…, 市中区… are places of their own
    unit = home if _LEVEL_PREFIX[name[0]] == 2 else next(
        (u for u in [home, *gazetteer.ancestors(home.code)] if u.level == 1), None
    )
    if unit is None or not unit.name.endswith(name[0]):
        return name
    return unit.name + name[1:]


_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司")


def abbreviations(name: str) -> set[str]:
    """Short forms of an organization's name made as Chinese news makes them: the first character of
    each of its leading words, the last word kept (上海|合作|组织 → 上合组织); a company's name
    without its legal form, and the short forms of that (上海汽车集团股份有限公司 → 上海汽车集团,
    上汽集团)."""
    found = _initials(name)
    legal = next((f for f in _LEGAL_FORMS if name.endswith(f)), None)
    if legal and len(name) - len(legal) >= 4:
        core = name[: -len(legal)]
        found |= {core} | _initials(core) | _initials_before_kind(core)
    return found


def _initials_before_kind(name: str) -> set[str]:
    """上海汽车|集团 → 上汽集团: initials of the words before the organization's kind (集团, 银行),
    however jieba joins that kind to the word before it (汽车集团)."""
    from kg.nlp.entities.names import org_ending

    kind = org_ending(name)
    if not kind:
        return set()
    import jieba

    words = jieba.lcut(name[: -len(kind)], HMM=False)
    if len(words) >= 2 and all(len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w) for w in words):
        return {"".join(w[0] for w in words) + kind}
    return set()


def _initials(name: str) -> set[str]:
    import jieba

    words = [w for w in jieba.lcut(name, HMM=False) if w]
    found = set()
    if len(words) < 2 or not all(re.fullmatch(r"[\u4e00-\u9fff]+", w) for w in words):
        return found
    for k in range(2, len(words)):  # the last word, the kind of body (组织, 银行), stays whole
        if all(len(w) >= 2 for w in words[:k]):
            short = "".join(w[0] for w in words[:k]) + "".join(words[k:])
            if 2 <= len(short) < len(name):
                found.add(short)
    return found


_BODIES = ("委", "政府", "人大", "政协", "党委", "纪委", "委员会", "委会", "党组", "法院", "检察院", "公安局")


def is_generic_local(name: str) -> bool:
    """True for a name that stands for the body of whichever place the text is about (市委, 区政府,
    县人大, 村委会): it names another body in every article, so it never joins across them."""
    return len(name) <= 5 and name[0] in "省市区县镇乡村州" and name[1:] in _BODIES
