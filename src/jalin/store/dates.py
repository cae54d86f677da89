"""Dates for the store: when a resolved time value (`2025-10`, `2025-Q4`, `2025-W40`, `2025`) falls due."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# "2024", "2024-03", "2024-03-05", "2024-Q2", "2024-W11"
_VALUE = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|W(\d{2})))?$")


def period(value: str | None) -> tuple[date, date] | None:
    """First and last day of the period an ISO 8601 value names; None when it names none."""
    match = _VALUE.match(value or "")
    if not match:
        return None
    year = int(match[1])
    try:
        if match[3]:
            day = date(year, int(match[2]), int(match[3]))
            return day, day
        if match[2]:
            month = int(match[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if match[4]:
            quarter = int(match[4])
            first = date(year, 3 * quarter - 2, 1)
            last_month = 3 * quarter
            return first, date(year, last_month, calendar.monthrange(year, last_month)[1])
        if match[5]:
            monday = date.fromisocalendar(year, int(match[5]), 1)
            return monday, monday + timedelta(days=6)
    except ValueError:
        return None
    return date(year, 1, 1), date(year, 12, 31)


def due_date(value: str | None, relation: str | None) -> str | None:
    """The last day by which something expected at `value` should have happened (ISO), or None.

    `by`, `on`, `during` (and no relation): the period's last day; `before`: the day before it starts;
    `after` and `since` set no deadline.
    """
    span = period(value)
    if span is None or relation in ("after", "since"):
        return None
    if relation == "before":
        return (span[0] - timedelta(days=1)).isoformat()
    return span[1].isoformat()


def day_of(value: str | None) -> str | None:
    """The ISO day a value names when it names exactly one day."""
    span = period(value)
    return span[0].isoformat() if span and span[0] == span[1] else None
