"""The names kg records for its inputs: article IRIs are made from them, so two files must never share one."""

from pathlib import Path

import pytest

from kg.corpus.documents import collect_inputs, collect_paths
from kg.ingest.decode import InputError


def test_same_file_name_in_two_folders_gives_two_names(tmp_path):
    for year in ("2019", "2020"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "page1.txt").write_text("新闻", encoding="utf-8")
    names = [name for _, name in collect_paths([tmp_path / "2019", tmp_path / "2020"])]
    assert names == ["2019/page1.txt", "2020/page1.txt"]
    files = [name for _, name in collect_paths([tmp_path / "2019" / "page1.txt", tmp_path / "2020" / "page1.txt"])]
    assert files == ["2019/page1.txt", "2020/page1.txt"]


def test_one_folder_keeps_names_below_it_and_a_repeated_path_counts_once(tmp_path):
    (tmp_path / "a.txt").write_text("新闻", encoding="utf-8")
    assert [name for _, name in collect_paths([tmp_path])] == ["a.txt"]
    assert [name for _, name in collect_paths([tmp_path, tmp_path])] == ["a.txt"]


def test_names_do_not_depend_on_how_the_folder_is_spelled(tmp_path, monkeypatch):
    (tmp_path / "news" / "sub").mkdir(parents=True)
    (tmp_path / "news" / "sub" / "a.txt").write_text("新闻", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    spellings = [Path("news"), Path("./news/"), tmp_path / "news", Path("news/sub/..")]
    assert {tuple(name for _, name in collect_paths([p])) for p in spellings} == {("sub/a.txt",)}


def test_root_names_every_input_below_it_and_refuses_one_outside(tmp_path):
    for year in ("2019", "2020"):
        (tmp_path / "news" / year).mkdir(parents=True)
        (tmp_path / "news" / year / "page1.txt").write_text("新闻", encoding="utf-8")
    root = tmp_path / "news"
    assert [name for _, name in collect_paths([root / "2019"], root=root)] == ["2019/page1.txt"]  # as when 2020/ joins
    assert [name for _, name in collect_paths([root / "2019", root / "2020"], root=root)] == ["2019/page1.txt", "2020/page1.txt"]
    with pytest.raises(InputError, match="not below the corpus root"):
        collect_paths([root / "2019"], root=root / "2020")


# fmt: off
@pytest.mark.parametrize("marker, text, left_out", [
    ("manifest.json", '{"generator": "kg 0.5.0", "base": "x", "graphs": {}}', True),  # kg build's manifest
    (".cache/manifest.json", "{}", True),  # the result cache of an output
    (".work/spool.nq", "", True),  # a build's staging folder, running or killed
    ("manifest.json", '{"name": "my-app"}', False),  # somebody else's manifest
])
# fmt: on
def test_folders_holding_a_kg_output_are_left_out(tmp_path, marker, text, left_out):
    (tmp_path / "a.txt").write_text("新闻", encoding="utf-8")
    (tmp_path / "out" / marker).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "out" / marker).write_text(text, encoding="utf-8")
    (tmp_path / "out" / "graph.html").write_text("<html>新闻</html>", encoding="utf-8")
    inputs = collect_inputs([tmp_path])
    assert [name for _, name in inputs.files] == (["a.txt"] if left_out else ["a.txt", "out/graph.html"])
    assert inputs.skipped == ([(tmp_path / "out", marker)] if left_out else [])
