"""How news names one body several ways, and the parts of a body: the short forms of an
organization's full name (中国瑞禾银行 → 瑞禾银行, 浙江省明澜科技股份有限公司 → 明澜科技), the short
form a text puts in brackets after the full name, and the body whose name opens the name of one of
its parts (明澜科技董事会 of 明澜科技, 栖霞市委宣传部 of 栖霞市委).

The data are ``resolve/legal_forms.txt`` (有限公司 …) and ``resolve/sub_bodies.txt`` (党委, 董事会,
部 …) under ``kg/resources/``; places come from the gazetteer and ``entities/countries.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.nlp import lexicons
from kg.resolve import gazetteer

_HAN = re.compile(r"[\u4e00-\u9fff]+")
_UNIT_ENDS = "省市县区州旗盟"  # what follows a place's short form in its full name (浙江|省)
#: The most characters a part's own words may have beyond its body's name (宣传部, 运营拓展部): a
#: longer rest names more than a part of that body (…市委党校经济学教研部 is the school's).
PART_LIMIT = 6
# a bracket right after a name that holds its short form: （瑞禾）, （“明澜科技”）, （以下简称明澜）
_BRACKETED = re.compile(r"[（(](?:以下)?(?:简称|下称|称)?[:：]?[“\"「‘']?([^”\"」’'）)，,。、；;：:\s]{2,12}?)[”\"」’']?[）)]")


def legal_forms() -> tuple[str, ...]:
    """Legal forms that end a company's full name (``resolve/legal_forms.txt``), longest first."""
    return lexicons.word_list("resolve/legal_forms.txt")


def sub_bodies() -> tuple[str, ...]:
    """Endings of the names of a body's parts (``resolve/sub_bodies.txt``), longest first."""
    return lexicons.word_list("resolve/sub_bodies.txt")


def short_forms(name: str) -> set[str]:
    """The names an organization's full name is shortened to: without the country or place it opens
    with (中国, 浙江省, 青岛), without its legal form (有限公司, 集团有限公司 …), or without both.
    A short form keeps at least two characters beside the kind of body it names (瑞禾银行, not 银行)
    and is no place itself."""
    cores = {name}
    for prefix in _place_prefixes(name):
        cores.add(name[len(prefix):])
    found = set(cores)
    for core in cores:
        found |= {core[: -len(form)] for form in legal_forms() if core.endswith(form)}
    return {short for short in found if short != name and _is_short_name(short)}


def bracketed_short_form(text: str, end: int) -> str | None:
    """The short form a text gives in brackets right after a name that ends at ``end``:
    ``中国瑞禾银行（瑞禾）``, ``（以下简称“明澜科技”）``; None when no bracket follows."""
    match = _BRACKETED.match(text, end)
    return match.group(1) if match else None


def body_of(name: str, is_body: Callable[[str], bool]) -> str | None:
    """The body ``name`` names a part of: the longest beginning of ``name`` that ``is_body`` accepts,
    where the rest (two to :data:`PART_LIMIT` characters) ends as a part's name does (党委, 董事会,
    宣传部: :func:`sub_bodies`); else None. 明澜科技董事会 → 明澜科技, 栖霞市委宣传部 → 栖霞市委."""
    endings = sub_bodies()
    for cut in range(len(name) - 2, 1, -1):
        rest = name[cut:]
        if len(rest) > PART_LIMIT:
            break
        if _HAN.fullmatch(rest) and rest.endswith(endings) and is_body(name[:cut]):
            return name[:cut]
    return None


def _place_prefixes(name: str) -> list[str]:
    """The countries and administrative units ``name`` opens with (中国; 浙江省 and 浙江)."""
    places = gazetteer.names()
    countries = lexicons.countries()
    return [name[:size] for size in range(2, min(len(name) - 1, 8))
            if (name[:size] in countries or name[:size] in places) and name[size] not in _UNIT_ENDS]


def _is_short_name(short: str) -> bool:
    from kg.nlp.entities.names import org_ending

    if not _HAN.fullmatch(short) or short in lexicons.countries() or short in gazetteer.names():
        return False
    kind = short if short in lexicons.table("entities/org_suffixes.tsv") else org_ending(short)
    return len(short) - len(kind) >= 2
