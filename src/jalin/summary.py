"""A readable summary of one analysis for the terminal (`jalin analyze --format text`).

Every layer of the contract gets a section; an empty one is one dim line, so a reader sees at a
glance what was found and what was not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from jalin.model import Analysis

SNIPPET = 160


def _clip(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _table(title: str, columns: Sequence[str], rows: list[list[str]]) -> RenderableType:
    if not rows:
        return Text(f"{title}: none", style="dim")
    table = Table(title=f"{title} ({len(rows)})", title_justify="left", title_style="bold",
                  show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _header(a: Analysis) -> RenderableType:
    d = a.document
    lines = Text()
    fields = [("id", d.id), ("title", d.title), ("source", d.source), ("published", d.published),
              ("dateline", d.dateline), ("language", d.language), ("url", d.url)]
    for name, value in fields:
        lines.append(f"{name:>10}  ", style="bold")
        lines.append(f"{value if value is not None else '—'}\n")
    lines.append(f"{'text':>10}  ", style="bold")
    lines.append(f"{len(a.text):,} characters, {len(a.sentences)} sentences")
    return Panel(lines, title="document", title_align="left")


def render(a: Analysis) -> RenderableType:
    """All layers of one analysis as one rich renderable."""
    names = {actor.id: actor.canonical or actor.name for actor in a.actors}
    times = {t.id: t.value or t.text for t in a.times}

    def who(ids: Sequence[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids) or "—"

    def opt(value: Any) -> str:
        if value is None or value == []:
            return "—"
        if isinstance(value, list):
            return ", ".join(map(str, value))
        return str(value)

    sections: list[tuple[str, Sequence[str], Callable[[], list[list[str]]]]] = [
        ("Actors", ("id", "type", "name", "country", "sector", "roles", "honorifics", "mentions"), lambda: [
            [x.id, x.type, x.name if x.canonical in (None, x.name) else f"{x.name} ({x.canonical})",
             opt(x.country), opt(x.sector),
             "; ".join(r.text + (f" = {r.en}" if r.en else "") for r in x.roles) or "—",
             opt(x.honorifics), str(len(x.mentions))]
            for x in a.actors]),
        ("Statements", ("speaker", "kind", "verb", "text"), lambda: [
            [names.get(s.speaker or "", "—"), s.kind, opt(s.verb), _clip(s.text)] for s in a.statements]),
        ("Events", ("id", "type", "source → target", "modality", "modes / context", "time", "trigger"),
         lambda: [
            [e.id, f"{e.type} ({e.cameo})" if e.cameo else e.type, f"{who(e.source)} → {who(e.target)}",
             e.modality, " / ".join(filter(None, (opt(e.modes), opt(e.context)))),
             times.get(e.time or "", "—"), f"{e.trigger.text}  [s{e.sentence}]"]
            for e in a.events]),
        ("Agreements", ("id", "type", "label", "parties", "status", "exclusive", "milestones"), lambda: [
            [g.id, g.type, _clip(g.label, 80), opt(g.parties), g.status, opt(g.exclusive),
             "; ".join(f"{m.kind} {m.state}" + (f" {times.get(m.time, m.time)}" if m.time else "")
                       for m in g.milestones) or "—"]
            for g in a.agreements]),
        ("Gatherings", ("kind", "name", "ordinal", "location", "time", "parties", "attendance"), lambda: [
            [g.kind, opt(g.name), opt(g.ordinal), opt(g.location), times.get(g.time or "", "—"),
             opt(g.parties), opt(g.attendance)]
            for g in a.gatherings]),
        ("Quantities", ("id", "value", "qualifier", "unit", "text"), lambda: [
            [q.id, f"{q.value:,}", q.qualifier, opt(q.unit), q.text] for q in a.quantities]),
        ("Times", ("id", "text", "value", "granularity", "relation"), lambda: [
            [t.id, t.text, opt(t.value), opt(t.granularity), t.relation] for t in a.times]),
    ]
    parts: list[RenderableType] = [_header(a)]
    parts.extend(_table(title, columns, rows()) for title, columns, rows in sections)
    parts.append(Text(f"Topics: {', '.join(a.topics)}") if a.topics else Text("Topics: none", style="dim"))
    return Group(*parts)


def print_summary(a: Analysis, console: Console) -> None:
    console.print(render(a))
    console.print()
