"""Atom feeds of what changed in the agreements record (RFC 4287), for any feed reader.

`/changes.atom` lists every change, `/agreements/{id}/changes.atom` one agreement's and
`/pairs/{a}/{b}/changes.atom` those of the agreements between two countries; `?since=YYYY-MM-DD`
(default: a year before `?as_of`, itself default today) bounds them, and the newest `LIMIT` are kept.
Each entry links to its agreement's page, and to the report's sentence that shows the change.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from xml.etree import ElementTree as ET

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from jalin.store.changes import Change, changes
from jalin.web.pages import _ISO3, RowId, doc_url

router = APIRouter(include_in_schema=False)
ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 200
_DEFAULT_DAYS = 365
ET.register_namespace("", ATOM)


def _day(value: str | None, name: str, default: date) -> date:
    if value is None:
        return default
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def atom(found: list[Change], title: str, base: str, self_path: str, updated: str) -> bytes:
    """The Atom document of these changes; `base`: the site's root URL ("http://host:port")."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", f"{base}{self_path}")
    _sub(feed, "title", title)
    _sub(feed, "updated", _stamp(found[0].date if found else updated))
    _sub(feed, "link", href=f"{base}{self_path}", rel="self", type="application/atom+xml")
    _sub(_sub(feed, "author"), "name", "Jalin")
    for change in found:
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"{base}/changes/{change.id}")
        _sub(entry, "title", change.text)
        _sub(entry, "updated", _stamp(change.date))
        _sub(entry, "published", _stamp(change.date))
        _sub(entry, "link", href=f"{base}/agreements/{change.agreement}", rel="alternate", type="text/html")
        if change.document:
            _sub(entry, "link", href=base + doc_url(change.document, change.start, change.end), rel="related",
                 type="text/html", title=f"report {change.document}")
        for party in change.parties:
            _sub(entry, "category", term=party)
        _sub(entry, "category", term=change.kind, scheme=f"{base}/changes")
        evidence = f"\n\nEvidence ({change.document}): \u201c{change.evidence.strip()}\u201d" if (
            change.evidence and change.document) else ""
        _sub(entry, "summary", f"{change.summary}{evidence}", type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _feed(request: Request, title: str, since: str | None, as_of: str | None, **which: Any) -> Response:
    """The feed of the changes of the agreements `which` selects (`store.iter_agreement_records`'s
    filters), read a page of agreements at a time: only their changes are kept."""
    until = _day(as_of, "as_of", date.today())
    start = _day(since, "since", until - timedelta(days=_DEFAULT_DAYS))
    store = request.app.state.queries.store
    window = (start.isoformat(), until.isoformat())
    records = store.iter_agreement_records(as_of=window[1], active=window, **which)
    found = changes(records, *window)[:LIMIT]
    base = str(request.base_url).rstrip("/")
    body = atom(found, title, base, request.url.path, until.isoformat())
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/changes.atom")
def all_changes(request: Request, since: str | None = None, as_of: str | None = None) -> Response:
    return _feed(request, "Jalin: agreement changes", since, as_of)


@router.get("/agreements/{agreement_id}/changes.atom")
def agreement_changes(request: Request, agreement_id: RowId, since: str | None = None,
                      as_of: str | None = None) -> Response:
    return _feed(request, f"Jalin: changes of agreement {agreement_id}", since, as_of, ids=[agreement_id])


@router.get("/pairs/{a}/{b}/changes.atom")
def pair_changes(request: Request, a: str, b: str, since: str | None = None,
                 as_of: str | None = None) -> Response:
    if not (_ISO3.match(a) and _ISO3.match(b)):
        raise HTTPException(404, "country codes are three letters (ISO 3166-1 alpha-3)")
    a, b = a.upper(), b.upper()
    return _feed(request, f"Jalin: agreement changes between {a} and {b}", since, as_of, country=a, other=b)
