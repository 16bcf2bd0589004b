"""``kg stats`` on the terminal: the statistics of :mod:`kg.analysis.stats` as rich tables."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from kg.analysis.facts import event_classes

#: Entity classes as the build's summary names them.
TYPES = {"Organization": "ORG", "AdministrativeArea": "GPE", "Location": "LOC", "Person": "PERSON"}


def print_stats(stats: dict, *, top: int = 10, console: Console | None = None) -> None:
    """Print counts, events per class and month, each network's most central nodes and largest
    communities, and the most connected entities of each type (``top`` rows each)."""
    console = console or Console(soft_wrap=False)
    counts = stats["counts"]
    entities = ", ".join(f"{cls} {n}" for cls, n in counts["entities"].items())
    console.print(
        f"{sum(counts['entities'].values())} entities ({entities}), {counts['events']} events "
        f"({counts['event_participants']} participants; {counts.get('planned_events', 0)} planned and "
        f"{counts.get('negated_events', 0)} negated apart), {counts['positions']} positions, "
        f"{counts['articles']} articles, {counts['mentions']} mentions", highlight=False,
    )
    zh = event_classes()
    table = Table(title="Events per class")
    table.add_column("class")
    table.add_column("", justify="left")
    table.add_column("events", justify="right")
    for cls, n in stats["events_per_class"].items():
        table.add_row(cls, zh.get(cls, ""), str(n))
    console.print(table)
    for modality, per_class in stats.get("events_not_asserted", {}).items():
        if per_class:  # kept apart from the counts above: events the text plans or denies
            listed = ", ".join(f"{cls} {n}" for cls, n in per_class.items())
            console.print(f"{modality} (not counted above): {listed}", highlight=False)
    table = Table(title="Events per month")
    table.add_column("month")
    table.add_column("events", justify="right")
    for month, n in stats["events_per_month"].items():
        table.add_row(month, str(n))
    console.print(table)
    years = ", ".join(f"{year} {n}" for year, n in stats["events_per_year"].items()) or "none"
    console.print(f"{stats['undated_events']} events without a month; per year: {years}", highlight=False)
    for network in stats["networks"].values():
        _print_network(console, network, top)
    for cls, rows in stats["most_connected"].items():
        if not rows:
            continue
        table = Table(title=f"Most connected: {cls}")
        table.add_column("entity", overflow="fold")
        for name in ("events", "positions", "articles"):
            table.add_column(name, justify="right", no_wrap=True)
        for row in rows[:top]:
            table.add_row(row["label"], str(row["events"]), str(row["positions"]), str(row["articles"]))
        console.print(table)


def _print_network(console: Console, network: dict, top: int) -> None:
    sample = network["betweenness_sample"]
    summary = (f"{network['nodes']} nodes, {network['edges']} edges, {network['components']} components, "
               f"{len(network['communities'])} communities (seed {network['seed']}), betweenness "
               + ("exact" if sample is None else f"from {sample} nodes" if sample else "left out"))
    table = Table(title=network["description"].capitalize())
    table.add_column("entity", overflow="fold")
    table.add_column("type", no_wrap=True)
    for name in ("degree", "weighted", "PageRank", "betweenness", "community"):
        table.add_column(name, justify="right", no_wrap=True)
    for row in network["ranking"][:top]:
        table.add_row(row["label"], TYPES.get(row["class"], row["class"]), str(row["degree"]), f"{row['weighted_degree']:g}",
                      f"{row['pagerank']:.4f}", f"{row['betweenness']:.4f}", str(row["community"]))
    console.print(table)
    console.print(summary, highlight=False)
    if network["communities"]:
        table = Table(title="Largest communities")
        table.add_column("community", justify="right")
        table.add_column("size", justify="right")
        table.add_column("members (highest PageRank first)", overflow="fold")
        for community in network["communities"][:top]:
            table.add_row(str(community["id"]), str(community["size"]), "、".join(community["members"]))
        console.print(table)
