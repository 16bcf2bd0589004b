"""China's administrative divisions (GB/T 2260) from the cpca package's table.

Why cpca: it ships one small CSV (3,500 units down to county level, 12-digit codes whose first six are
the GB/T 2260 code) and nothing that fetches at run time; jionlp carries far more than kg needs and
gb2260 stopped at 2015. The code gives the hierarchy: ``370283`` (平度市) lies in ``370200`` (青岛市),
which lies in ``370000`` (山东省). kg reads the CSV only; cpca's own matcher (pandas) is never imported.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.nlp.lexicons import common_words

# Longest first: the suffix stripped to make a short form (山东省 → 山东, 广西壮族自治区 → 广西).
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "省", "市", "县", "区", "旗", "盟")
_NOT_UNITS = re.compile(r"直辖|市辖区|^县$|^区$|^城区$|^郊区$|^矿区$")


@dataclass(frozen=True)
class Unit:
    """One administrative unit."""

    code: str  # six-digit GB/T 2260 code
    name: str  # full name: 平度市
    parent: str | None  # parent unit's code

    @property
    def level(self) -> int:
        """1 province, 2 prefecture, 3 county."""
        return 1 if self.code.endswith("0000") else 2 if self.code.endswith("00") else 3


def _parent(code: str, codes: set[str]) -> str | None:
    for candidate in (code[:4] + "00", code[:2] + "0000"):
        if candidate != code and candidate in codes:
            return candidate
    return None


def _cpca_dir() -> Path:
    """cpca's package folder, found without importing cpca: its ``__init__`` builds a pandas-based
    matcher kg does not use (and imports pandas and pkg_resources in every process)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("kg needs the cpca package for its table of administrative units: pip install cpca")
    return Path(spec.submodule_search_locations[0])


def _ethnic_groups() -> list[str]:
    text = (_cpca_dir() / "resources" / "56_nations.csv").read_text("utf-8")
    groups = [line.strip() for line in text.splitlines() if line.strip()]
    # 维吾尔族 appears in names as 维吾尔 too; try the longer forms first
    return sorted({g for g in groups} | {g[:-1] for g in groups if len(g) > 2}, key=len, reverse=True)


def short_form(name: str) -> str | None:
    """The name without its unit suffix (平度市 → 平度, 延边朝鲜族自治州 → 延边), or None."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                for group in _ethnic_groups():
                    if stem.endswith(group) and len(stem) >= len(group) + 2:
                        stem = stem[: -len(group)]
                        break
            return stem if len(stem) >= 2 else None
    return None


@lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    """Every unit by code."""
    rows = []
    with open(_cpca_dir() / "resources" / "adcodes.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if not _NOT_UNITS.search(row["name"]):
                rows.append((row["adcode"][:6], row["name"]))
    codes = {code for code, _ in rows}
    return {code: Unit(code, name, _parent(code, codes)) for code, name in sorted(rows)}


@lru_cache(maxsize=1)
def names() -> dict[str, tuple[str, ...]]:
    """Surface form → codes of the units it can name: full names and unambiguous short forms.

    Short forms are made for provinces, prefectures, county-level cities and counties, not for
    districts, and dropped where they are also a common word that is not a place (jieba's dictionary
    says so), so that everyday text does not turn into places. A short form keeps every unit it may
    name (朝阳 names several); resolution picks one from context.
    """
    table: dict[str, list[str]] = {}
    for unit in units().values():
        table.setdefault(unit.name, []).append(unit.code)
    common = common_words()
    stems: dict[str, list[str]] = {}
    for unit in units().values():
        stem = short_form(unit.name)
        # districts (区) are written in full in news; their stems (市中, 新华, 西湖) are mostly other words
        district = unit.name.endswith("区") and not unit.name.endswith(("自治区", "林区", "地区"))
        if stem and not district and stem not in table and stem not in common:
            stems.setdefault(stem, []).append(unit.code)
    table.update(stems)
    return {name: tuple(codes) for name, codes in table.items()}


def ancestors(code: str) -> list[Unit]:
    """The units that contain ``code``, nearest first."""
    found = []
    unit = units().get(code)
    while unit is not None and unit.parent:
        unit = units()[unit.parent]
        found.append(unit)
    return found
