"""The names kg records for its inputs: article IRIs are made from them, so two files must never share one."""

from kg.corpus.documents import collect_paths


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
