"""How well do the web page readers keep the article and drop the site's furniture?

    python bench/webpages.py                       # the page tests: tests/ingest/pages/
    python bench/webpages.py --pages DIR           # another folder with its own expected.json

For each page and reader, counts the article's lines lost (``main``: paragraphs and subtitles;
``furniture``: kicker, byline, photo caption), the site's boilerplate kept (menus, related stories,
comments, 字号/打印本页, footers: strings listed in ``expected.json``), and whether the title and the
date are right. Readers: kg's own block reader (:mod:`kg.ingest.blocks`); trafilatura as it comes
(balanced mode, tables in, comments out); kg's default (:func:`kg.ingest.webpage.read_page`).
Lines are compared without whitespace; ``ms`` is the fastest of three runs after a first one.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from trafilatura import bare_extraction

from kg.ingest import blocks
from kg.ingest.decode import read_text
from kg.ingest.webpage import read_page

PAGES = Path(__file__).resolve().parent.parent / "tests" / "ingest" / "pages"


def own_reader(markup: str) -> tuple[str, str, str]:
    text, published = blocks.page_text(markup)
    title = next((line[2:] for line in text.splitlines() if line.startswith("# ")), "")
    return text, title, published.isoformat() if published else ""


def trafilatura_reader(markup: str) -> tuple[str, str, str]:
    document = bare_extraction(markup, with_metadata=True, include_comments=False)
    if document is None:
        return "", "", ""
    return document.text or "", document.title or "", document.date or ""


def default_reader(markup: str) -> tuple[str, str, str]:
    page = read_page(markup)
    return page.text, page.title, page.date.isoformat() if page.date else ""


READERS: dict[str, Callable[[str], tuple[str, str, str]]] = {
    "kg own": own_reader, "trafilatura": trafilatura_reader, "kg default": default_reader,
}


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _seconds(read: Callable[[str], tuple[str, str, str]], markup: str) -> float:
    start = time.perf_counter()
    read(markup)
    return time.perf_counter() - start


def measure(pages: Path) -> list[dict]:
    """One row per page and reader."""
    expected = json.loads((pages / "expected.json").read_text(encoding="utf-8"))
    rows = []
    for name, want in expected.items():
        markup = read_text(pages / name)
        for reader, read in READERS.items():
            text, title, published = read(markup)  # a first run loads what the reader loads lazily
            seconds = min(_seconds(read, markup) for _ in range(3))
            body = _bare(text)
            rows.append({
                "page": name, "reader": reader,
                "main_lost": sum(_bare(line) not in body for line in want["main"]), "main": len(want["main"]),
                "furniture_lost": sum(_bare(line) not in body for line in want["furniture"]),
                "furniture": len(want["furniture"]),
                "boilerplate_kept": sum(_bare(s) in body for s in want["boilerplate"]),
                "boilerplate": len(want["boilerplate"]),
                "title": _bare(title) == _bare(want["title"]), "date": published == want["date"],
                "ms": 1000 * seconds,
            })
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES, help="a folder of pages with expected.json")
    args = parser.parse_args()
    rows = measure(args.pages)
    print(f"{'page':22} {'reader':12} {'main lost':>10} {'furniture lost':>15} {'boilerplate kept':>17} "
          f"{'title':>6} {'date':>5} {'ms':>6}")
    for r in rows:
        print(f"{r['page']:22} {r['reader']:12} {r['main_lost']:>5}/{r['main']:<4} "
              f"{r['furniture_lost']:>9}/{r['furniture']:<5} {r['boilerplate_kept']:>11}/{r['boilerplate']:<5} "
              f"{'ok' if r['title'] else 'WRONG':>6} {'ok' if r['date'] else 'WRONG':>5} {r['ms']:>6.0f}")
    print()
    for reader in READERS:
        mine = [r for r in rows if r["reader"] == reader]
        print(f"{reader:12} main lost {sum(r['main_lost'] for r in mine)}/{sum(r['main'] for r in mine)}, "
              f"furniture lost {sum(r['furniture_lost'] for r in mine)}/{sum(r['furniture'] for r in mine)}, "
              f"boilerplate kept {sum(r['boilerplate_kept'] for r in mine)}/{sum(r['boilerplate'] for r in mine)}, "
              f"titles right {sum(r['title'] for r in mine)}/{len(mine)}, dates right {sum(r['date'] for r in mine)}/{len(mine)}")


if __name__ == "__main__":
    main()
