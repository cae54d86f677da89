"""A server-side SVG chart of events per month by type: cooperative above the axis, conflictual below."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from jalin.web.queries import CONFLICTUAL, COOPERATIVE

COLOURS: dict[str, str] = {
    "AGREE": "#1f6f8b", "CONSULT": "#3a9bb8", "SUPPORT": "#7cc3d6", "CONCEDE": "#9ad0a6",
    "COOPERATE": "#2e8b57", "AID": "#66b37a", "RETREAT": "#b7d98b", "REQUEST": "#5d6fb5",
    "ACCUSE": "#e58e26", "REJECT": "#d96b2b", "THREATEN": "#c94c4c", "PROTEST": "#f0b04a",
    "SANCTION": "#a63d40", "MOBILIZE": "#8c5a9e", "COERCE": "#7a2f2f", "ASSAULT": "#4d1a1a",
}
_W, _H, _LEFT, _TOP, _BAR = 760, 300, 44, 16, 0.7


@dataclass(slots=True)
class Chart:
    svg: str
    months: list[str]
    totals: dict[str, int]     # cooperative / conflictual
    types: list[str]           # types present, in legend order


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _nice(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step
    return max(1, value // 4)


def timeline_chart(rows: list[dict[str, Any]], title: str) -> Chart:
    """The chart of `timeline` rows (period YYYY-MM, type, events); undated rows are left out."""
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        period = r.get("period")
        if isinstance(period, str) and len(period) >= 7 and period[:4].isdigit() and r.get("type") in COLOURS:
            key = (period[:7], r["type"])
            counts[key] = counts.get(key, 0) + int(r["events"])
    types = [t for t in (*COOPERATIVE, *CONFLICTUAL) if any(k[1] == t for k in counts)]
    totals = {"cooperative": sum(n for (_, t), n in counts.items() if t in COOPERATIVE),
              "conflictual": sum(n for (_, t), n in counts.items() if t in CONFLICTUAL)}
    if not counts:
        return Chart("", [], totals, [])
    months = _months(min(p for p, _ in counts), max(p for p, _ in counts))
    up = {m: sum(counts.get((m, t), 0) for t in COOPERATIVE) for m in months}
    down = {m: sum(counts.get((m, t), 0) for t in CONFLICTUAL) for m in months}
    top, bottom = max(up.values()), max(down.values())
    plot_h = _H - _TOP - 28
    scale = plot_h / max(1, top + bottom)
    axis = _TOP + top * scale
    step = (_W - _LEFT - 8) / len(months)
    bar = min(48.0, max(1.0, step * _BAR))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" role="img" '
             f'class="chart" aria-label="{escape(title)}"><title>{escape(title)}</title>']
    tick = _nice(max(top, bottom, 1))
    for sign, limit in ((-1, top), (1, bottom)):
        for value in range(0, limit + 1, tick):
            y = axis + sign * value * scale
            parts.append(f'<line x1="{_LEFT}" x2="{_W - 8}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                         f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" class="tick" '
                         f'text-anchor="end">{value}</text>')
    every = max(1, len(months) // 12)
    for i, month in enumerate(months):
        x = _LEFT + i * step + (step - bar) / 2
        for group, sign in ((COOPERATIVE, -1), (CONFLICTUAL, 1)):
            y = axis
            for t in group:
                n = counts.get((month, t), 0)
                if not n:
                    continue
                h = n * scale
                top_y = y - h if sign < 0 else y
                parts.append(f'<rect x="{x:.1f}" y="{top_y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                             f'fill="{COLOURS[t]}"><title>{month} {t}: {n}</title></rect>')
                y = y - h if sign < 0 else y + h
        if i % every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{_H - 8}" class="tick" '
                         f'text-anchor="middle">{month}</text>')
    parts.append(f'<line x1="{_LEFT}" x2="{_W - 8}" y1="{axis:.1f}" y2="{axis:.1f}" class="axis"/></svg>')
    return Chart("".join(parts), months, totals, types)
