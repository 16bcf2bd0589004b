"""The example queries (queries/*.rq) on the seed graph, against rows read off the seed page.

Expected rows are facts the page states (seeds/000_670865fa253c924e.txt), checked by reading it; the
tests assert that they are among the answers. Where kg's extraction gets a row wrong, the test of
the right answer is marked xfail with the reason.
"""

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.query import EXAMPLES, find_query_file, result_rows, run_query

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def rows_of(name, store, columns, replace=None):
    text = find_query_file(name).read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        assert old in text
        text = text.replace(old, new)
    names, rows = result_rows(run_query(text, store))
    index = [names.index(c) for c in columns]
    return {tuple(row[i] for i in index) for row in rows}


def test_queries_examples_are_shipped():
    assert sorted(p.stem for p in EXAMPLES.glob("*.rq")) == [
        "events-by-month", "in-pingdu", "mentions", "positions", "provenance", "signings",
    ]


# fmt: off
SIGNINGS = [
    # 5月28日,海尔卡奥斯与平度市、莱西市政府分别签署了战略合作框架协议
    ("海尔卡奥斯", "平度市政府", "5月28日"),
    ("平度市政府", "海尔卡奥斯", "5月28日"),
    ("海尔卡奥斯", "莱西市政府", "5月28日"),
    ("莱西市政府", "海尔卡奥斯", "5月28日"),
]
FIRST_SIGNINGS = ["征和工业", "鑫光正钢结构", "众地家纺", "花帝食品", "青岛海诺生物工程有限公司", "青岛巧工工贸有限公司",
                  "国轩电池有限公司", "青岛万福集团", "青岛乐好集团"]
# fmt: on


@pytest.mark.parametrize("row", SIGNINGS)
def test_queries_signings_with_date(seed_store, row):
    assert row in rows_of("signings", seed_store, ["organization", "counterpart", "date"])


@pytest.mark.parametrize("company", FIRST_SIGNINGS)
def test_queries_signings_first_batch(seed_store, company):
    # 海尔卡奥斯分别与平度市的征和工业……、莱西市的……青岛乐好集团完成首批签约。(the sentence has no date)
    rows = rows_of("signings", seed_store, ["organization", "counterpart", "sentence"])
    sentences = {s for o, c, s in rows if (o, c) == ("海尔卡奥斯", company)}
    assert sentences and all("完成首批签约" in s for s in sentences)


def test_queries_signings_of_the_incubator(seed_store):
    # 上合示范区管委会、共青团胶州市委与青岛译融国际文化产业有限公司、青岛品品好粮油集团有限公司现场签订战略合作协议。
    rows = rows_of("signings", seed_store, ["organization", "counterpart"])
    for one in ("上合示范区管委会", "共青团胶州市委"):
        for other in ("青岛译融国际文化产业有限公司", "青岛品品好粮油集团有限公司"):
            assert (one, other) in rows and (other, one) in rows


def test_queries_signings_carry_their_sentence(seed_store):
    rows = rows_of("signings", seed_store, ["organization", "counterpart", "sentence"])
    (sentence,) = {s for o, c, s in rows if (o, c) == ("海尔卡奥斯", "平度市政府")}
    assert "海尔卡奥斯与平度市、莱西市政府分别签署了战略合作框架协议" in sentence


def test_queries_signings_none_from_an_unveiling(seed_store):
    # '…青岛新金融产业园和山东省港口集团……也同时揭牌,并有项目签约进驻': they were unveiled; the signers
    # are unnamed projects
    organizations = {o for (o,) in rows_of("signings", seed_store, ["organization"])}
    assert not organizations & {"山东省港口集团", "青岛新金融产业园"}


def test_queries_signings_marks_planned_and_negated(make_store):
    """Every signing the news speaks of, each marked by what the text says of it; the natural query
    `?e a kg:Signing` (README) keeps only the one that happened."""
    store = make_store("""
        id:甲 a kg:Organization ; rdfs:label "甲公司"@zh-Hans .
        id:乙 a kg:Organization ; rdfs:label "乙公司"@zh-Hans .
        id:s nif:anchorOf "甲公司与乙公司签约。" .
        id:done a kg:Signing ; sem:eventType kg:Signing ; kg:agent id:甲 ; kg:partner id:乙 ; prov:wasDerivedFrom id:s .
        id:plan a kg:PlannedEvent ; sem:eventType kg:Signing ; kg:agent id:甲 ; kg:partner id:乙 ; prov:wasDerivedFrom id:s .
        id:no a kg:NegatedEvent ; sem:eventType kg:Signing ; kg:agent id:甲 ; kg:partner id:乙 ; prov:wasDerivedFrom id:s .
        id:host a kg:Hosting ; sem:eventType kg:Hosting ; kg:agent id:甲 ; prov:wasDerivedFrom id:s .
    """)
    rows = rows_of("signings", store, ["organization", "counterpart", "modality", "event"])
    assert {(o, c, m, e.removeprefix("id:")) for o, c, m, e in rows} == {
        ("甲公司", "乙公司", "", "done"), ("乙公司", "甲公司", "", "done"),
        ("甲公司", "乙公司", "planned", "plan"), ("乙公司", "甲公司", "planned", "plan"),
        ("甲公司", "乙公司", "negated", "no"), ("乙公司", "甲公司", "negated", "no"),
    }
    _, happened = result_rows(run_query("SELECT ?e WHERE { ?e a kg:Signing }", store))
    assert [e.removeprefix("id:") for (e,) in happened] == ["done"]


def test_queries_events_by_month_on_seed(seed_store):
    counts = {(c, m): int(n) for c, m, n in rows_of("events-by-month", seed_store, ["class", "month", "events"])}
    # 2018年6月,上海合作组织青岛峰会成功举办 (the page has no publication date, so 5月 has no year)
    assert counts[("Hosting", "2018-06")] >= 1
    # 5月28日 … 签署了战略合作框架协议: with 平度市政府 and with 莱西市政府
    assert counts[("Signing", "--05")] >= 2


def test_queries_events_by_month_resolves_months(make_store):
    store = make_store("""
        id:a1 schema:datePublished "2020-06-01"^^xsd:date .
        id:s1 nif:referenceContext id:a1 .
        id:e1 a kg:Signing ; sem:eventType kg:Signing ; kg:trigger "签署"@zh-Hans ; sem:hasTimeStamp "2020-05-28"^^xsd:date .
        id:e2 a kg:Signing ; sem:eventType kg:Signing ; kg:trigger "签署"@zh-Hans ; kg:timeText "2019年3月"@zh-Hans .
        id:e3 a kg:Signing ; sem:eventType kg:Signing ; kg:trigger "签署"@zh-Hans ; kg:timeText "5月28日"@zh-Hans ;
            prov:wasDerivedFrom id:s1 .
        id:e4 a kg:Hosting ; sem:eventType kg:Hosting ; kg:trigger "举办"@zh-Hans ; kg:timeText "5月28日"@zh-Hans .
        id:e5 a kg:Hosting ; sem:eventType kg:Hosting ; kg:trigger "举办"@zh-Hans ; kg:timeText "近日"@zh-Hans .
        id:e6 a kg:Investment ; sem:eventType kg:Investment ; kg:trigger "投资"@zh-Hans ; sem:hasTimeStamp "2019"^^xsd:gYear .
        id:e7 a kg:PlannedEvent ; sem:eventType kg:Signing ; kg:trigger "签约"@zh-Hans ; kg:timeText "2019年3月"@zh-Hans .
        id:e8 a kg:NegatedEvent ; sem:eventType kg:Hosting ; kg:trigger "举办"@zh-Hans ; kg:timeText "近日"@zh-Hans .
    """)
    assert rows_of("events-by-month", store, ["class", "month", "events"]) == {
        ("Signing", "2020-05", "2"),  # e1 from its time stamp, e3 from 5月 and the article's year
        ("Signing", "2019-03", "1"),  # e2 from the text; e7 is planned and e8 negated, so not counted
        ("Hosting", "--05", "1"),
        ("Hosting", "", "1"),
        ("Investment", "", "1"),
    }


# fmt: off
POSITIONS = [
    ("王小骞", "主持人", "中央电视台"),                      # 青岛籍中央电视台主持人王小骞被聘为……
    ("张彬", "副教授", "青岛市委党校经济学教研部"),          # 青岛市委党校经济学教研部副教授张彬认为
    ("封昌红", "执行长", "青岛工业设计创新中心"),            # 青岛工业设计创新中心执行长封昌红认为
    ("张寿宇", "负责人", "青岛工业设计创新中心运营拓展部"),  # ……运营拓展部负责人张寿宇介绍
    ("张杰", "设计大师", "中国勘察院"),                      # 中国勘察院设计大师张杰教授
    ("刘少初", "副总经理", "青岛城市更新发展有限公司"),      # 青岛城市更新发展有限公司副总经理刘少初介绍
]
# fmt: on


@pytest.mark.parametrize("row", POSITIONS)
def test_queries_positions(seed_store, row):
    assert row in rows_of("positions", seed_store, ["person", "post", "organization"])


def test_queries_positions_place_of_the_organization(seed_store):
    rows = rows_of("positions", seed_store, ["person", "place"])
    assert ("张彬", "青岛市") in rows


@pytest.mark.parametrize("name", ["征和工业", "鑫光正钢结构", "众地家纺", "花帝食品", "平度市政府"])
def test_queries_in_pingdu(seed_store, name):
    # 平度市的征和工业、鑫光正钢结构、众地家纺、花帝食品四家企业; 平度市政府
    assert name in {n for (n,) in rows_of("in-pingdu", seed_store, ["name"])}


def test_queries_in_pingdu_follows_sub_areas(make_store):
    store = make_store("""
        id:平度市 a kg:AdministrativeArea ; rdfs:label "平度市"@zh-Hans ; kg:gbCode "370283" ;
            schema:containedInPlace id:青岛市 .
        id:南村镇 a kg:AdministrativeArea ; rdfs:label "南村镇"@zh-Hans ; schema:containedInPlace id:平度市 .
        id:某村 a kg:Location ; rdfs:label "某村"@zh-Hans ; schema:containedInPlace id:南村镇 .
        id:甲公司 a kg:Organization ; rdfs:label "甲公司"@zh-Hans ; schema:location id:某村 .
        id:乙公司 a kg:Organization ; rdfs:label "乙公司"@zh-Hans ; schema:location id:莱西市 .
        id:莱西市 a kg:AdministrativeArea ; rdfs:label "莱西市"@zh-Hans ; schema:containedInPlace id:青岛市 .
        id:e1 a kg:Opening ; kg:trigger "开业"@zh-Hans ; sem:hasPlace id:南村镇 .
    """)
    assert rows_of("in-pingdu", store, ["name", "type", "place"]) == {
        ("南村镇", "AdministrativeArea", "平度市"),
        ("某村", "Location", "南村镇"),
        ("甲公司", "Organization", "某村"),
        ("开业", "Opening", "南村镇"),
    }


def test_queries_provenance_of_a_position(seed_store, seed_out):
    names, rows = result_rows(run_query(find_query_file("provenance").read_text(encoding="utf-8"), seed_store))
    (row,) = [dict(zip(names, r)) for r in rows]
    assert row["type"] == "Position"
    assert row["sentence"].startswith("青岛市委党校经济学教研部副教授张彬认为")
    assert row["checked"] == "true"
    assert row["file"] == "000_670865fa253c924e.txt"
    assert row["source"].endswith(f"#char={row['begin']},{row['end']}")
    (page,) = SEEDS.glob("*.txt")
    assert row["sentence"] in page.read_text(encoding="utf-8")


def test_queries_provenance_of_an_event(seed_store):
    rows = rows_of("provenance", seed_store, ["type", "sentence", "checked"],
                   replace={'("张彬"@zh-Hans "青岛市委党校经济学教研部"@zh-Hans)': '("海尔卡奥斯"@zh-Hans "平度市政府"@zh-Hans)'})
    assert ("Signing", "本报青岛讯 5月28日,海尔卡奥斯与平度市、莱西市政府分别签署了战略合作框架协议,"
            "就工业互联网平台和政府信息化、数字化转型相关业务开展合作。", "true") in rows


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
@pytest.mark.parametrize("name", ["signings", "events-by-month", "positions", "in-pingdu", "provenance"])
def test_queries_cli_runs_every_example(seed_store, name, fmt):
    result = CliRunner().invoke(app, ["query", "-f", name, "--store", str(seed_store), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        header, *rows = list(csv.reader(io.StringIO(result.stdout)))
        assert header and rows
    elif fmt == "json":
        assert json.loads(result.stdout)["results"]["bindings"]
    elif fmt == "table":
        assert "rows" in result.stdout


def test_queries_cli_query_text_and_file(seed_store, tmp_path):
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/kg-news/ontology#Position> }"
    by_text = CliRunner().invoke(app, ["query", text, "--store", str(seed_store), "--format", "csv"])
    (tmp_path / "q.rq").write_text(text, encoding="utf-8")
    by_file = CliRunner().invoke(app, ["query", "-f", str(tmp_path / "q.rq"), "--store", str(seed_store), "--format", "csv"])
    assert by_text.exit_code == by_file.exit_code == 0
    assert by_text.stdout == by_file.stdout
    assert int(by_text.stdout.split()[1]) >= len(POSITIONS)
    by_path = CliRunner().invoke(app, ["query", str(tmp_path / "q.rq"), "--store", str(seed_store), "--format", "csv"])
    assert by_path.exit_code == 0 and by_path.stdout == by_text.stdout  # kg query q.rq: a file's path


def test_queries_cli_knows_kgs_prefixes_and_a_querys_own_win(seed_store):
    undeclared = "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Position }"
    result = CliRunner().invoke(app, ["query", undeclared, "--store", str(seed_store), "--format", "csv"])
    assert result.exit_code == 0 and int(result.stdout.split()[1]) >= len(POSITIONS)
    labelled = "SELECT ?l WHERE { ?s a kg:Organization ; rdfs:label ?l ; schema:location ?p }"
    result = CliRunner().invoke(app, ["query", labelled, "--store", str(seed_store), "--format", "csv"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) > 1
    own = "PREFIX kg: <http://example.org/other#> SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Position }"
    result = CliRunner().invoke(app, ["query", own, "--store", str(seed_store), "--format", "csv"])
    assert result.exit_code == 0 and int(result.stdout.split()[1]) == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["SELECT * WHERE {"], "does not parse"),
        (["-f", "no-such-query"], "examples: events-by-month"),
        ([], "give a query or a file"),
    ],
)
def test_queries_cli_errors(seed_store, args, message):
    result = CliRunner().invoke(app, ["query", *args, "--store", str(seed_store)])
    assert result.exit_code == 2
    assert message in result.output


def test_queries_cli_without_store(tmp_path):
    result = CliRunner().invoke(app, ["query", "-f", "signings", "--store", str(tmp_path / "store")])
    assert result.exit_code == 2
    assert "kg build" in result.output
