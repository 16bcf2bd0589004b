"""kg build at corpus scale: the incremental cache, every core, JSON Lines, a Dask cluster."""

import pytest
from rdflib import Graph
from typer.testing import CliRunner

import kg.corpus.engines as engines
from kg.build import build
from kg.corpus.extract import Options
from kg.cli import app


def _ttl(out):
    return (out / "graph.ttl").read_bytes()


def test_build_cache_rerun_does_no_nlp_and_same_bytes(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = build([corpus], out, workers=1)
    assert (first.documents, first.analysed) == (3, 3)
    before, written = _ttl(out), (out / "graph.ttl").stat().st_mtime_ns
    monkeypatch.setattr(engines, "pipeline", lambda model: pytest.fail("the pipeline was loaded"))
    again = build([corpus], out, workers=1)
    assert (again.documents, again.analysed, again.articles, again.triples) == (3, 0, first.articles, first.triples)
    assert again.entities == first.entities and again.notes == first.notes
    assert (out / "graph.ttl").stat().st_mtime_ns == written  # out/ left as it was
    assert _ttl(out) == before
    assert (out / ".cache").is_dir()


def test_build_cache_rerun_with_other_base_iri_rewrites_from_cache(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out, workers=1)
    monkeypatch.setattr(engines, "pipeline", lambda model: pytest.fail("the pipeline was loaded"))
    summary = build([corpus], out, workers=1, base_iri="https://example.org/kg/")
    assert summary.analysed == 0
    assert "https://example.org/kg/" in _ttl(out).decode()


def test_build_cache_added_file_is_the_only_one_analysed(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out, workers=1)
    (corpus / "d.txt").write_text("# 主办\n\n青岛市商务局主办论坛。\n", encoding="utf-8")
    summary = build([corpus], out, workers=1)
    assert (summary.documents, summary.analysed) == (4, 1)
    assert "青岛市商务局" in _ttl(out).decode()


def test_build_cache_deleted_file_loses_its_triples(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out, workers=1)
    assert "sub/c.txt" in _ttl(out).decode()
    (corpus / "sub" / "c.txt").unlink()
    summary = build([corpus], out, workers=1)
    assert summary.analysed == 0
    fresh = tmp_path / "fresh"
    build([corpus], fresh, workers=1, cache=False)
    assert _ttl(out) == _ttl(fresh)  # as if the file had never been there
    assert len(list((out / ".cache").glob("*/*.json"))) == 2  # its entry is pruned


def test_build_cache_new_pipeline_version_reanalyses_everything(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out, workers=1)
    monkeypatch.setattr("kg.build.pipeline_version", lambda *args: "other rules")
    assert build([corpus], out, workers=1).analysed == 3


def test_pipeline_version_depends_on_model():
    from kg.corpus.cache import pipeline_version

    assert pipeline_version(None) != pipeline_version("zh_core_web_sm")
    assert pipeline_version(None) == pipeline_version(None)


def test_build_changed_date_option_reanalyses(corpus, tmp_path):
    import datetime

    out = tmp_path / "out"
    build([corpus], out, workers=1)
    assert build([corpus], out, workers=1, date=datetime.date(2020, 5, 29)).analysed == 3


def test_build_workers_1_and_2_byte_identical(corpus, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    build([corpus], one, workers=1, cache=False)
    summary = build([corpus], two, workers=2, cache=False)
    assert summary.analysed == 3
    assert _ttl(one) == _ttl(two)


def test_build_cli_jsonl_and_pages_bad_line_noted_exit_1(corpus, tmp_path):
    (corpus / "paper.jsonl").write_text(
        '{"id": "1", "title": "签约", "date": "2020-05-28", "text": "海尔卡奥斯与莱西市政府签约。"}\n{"id": "2"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 1, result.output
    assert "failed: " in result.output and "paper.jsonl:2" in result.output
    graph = Graph().parse(out / "graph.ttl")
    assert any("paper-1" in str(s) for s in graph.subjects())
    strict = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--strict", "-q"])
    assert strict.exit_code == 2 and "paper.jsonl:2" in strict.output


def test_build_cli_include_glob(corpus, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--include", "*.md", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "\n1 documents (1 analysed" in result.output


def test_build_cli_dask_needs_scheduler(corpus, tmp_path):
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out"), "--engine", "dask"])
    assert result.exit_code == 2 and "--scheduler" in result.output


def test_build_dask_local_cluster_same_bytes(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    build([corpus], local, workers=1, cache=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = build([corpus], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address, cache=False)
    assert summary.analysed == 3
    assert _ttl(local) == _ttl(tmp_path / "dask")



def test_build_workers_are_one_core_each():
    """Each worker runs numpy's BLAS in one thread: --workers N takes N cores (workers each running
    a thread per core oversubscribed the cores: --workers 2 ran 1.5× slower)."""
    from threadpoolctl import threadpool_info

    engine = engines.ProcessEngine(2, None)
    try:
        engine.submit([], Options()).result(timeout=300)  # starts the pool
        info = engine._pool.submit(threadpool_info).result(timeout=300)
    finally:
        engine.close()
    assert {i["num_threads"] for i in info if i["user_api"] == "blas"} == {1}


def _blas_threads_seen(documents, options):
    from threadpoolctl import threadpool_info

    return [max(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas")]


def test_one_worker_is_one_core_unless_the_build_chose_it(monkeypatch):
    """--workers 1 holds BLAS to one thread while it extracts; the one in-process worker a build
    picks for a corpus of one batch leaves BLAS every thread it has."""
    from threadpoolctl import threadpool_info

    monkeypatch.setattr(engines, "extract_json", _blas_threads_seen)
    default = max(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas")
    assert engines.make_engine("local", workers=1).submit([], Options()).result() == [1]
    assert engines.make_engine("local", workers=1, every_core=True).submit([], Options()).result() == [default]
    assert max(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas") == default  # restored
