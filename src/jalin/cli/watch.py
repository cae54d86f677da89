"""`jalin watch`: poll feeds and pages, ingest their new items, one log line per poll."""

from __future__ import annotations

import signal
import sys
import threading
from typing import Annotated

import typer

from jalin.cli.options import DbOption
from jalin.cli.store import _open


def watch_command(
    sources: Annotated[list[str], typer.Argument(help="RSS/Atom feed or page URLs, or files, to watch.")],
    every: Annotated[str, typer.Option("--every", help="Time between polls of a source: 30s, 15m, 1h, 1d.")]
    = "15m",
    db: DbOption = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every source once and exit (for cron).")] = False,
    state: Annotated[str | None, typer.Option(
        "--state", metavar="FILE",
        help="JSON file keeping ETags, Last-Modified, back-off and seen items between runs.")] = None,
) -> None:
    """Poll feeds and pages and ingest the items not stored before, until Ctrl-C (or once).

    Conditional requests (ETag, Last-Modified) make an unchanged source cost one 304; a failing
    source is retried after a back-off that doubles up to 16 periods; an item already seen or stored
    is never analysed again. One line per poll on stderr. With --once the exit status is 2 when some
    poll failed.
    """
    from jalin.watch import Watcher, parse_every

    try:
        period = parse_every(every)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--every") from None
    store = _open(db, create=True)

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    stop = threading.Event()
    previous = {s: signal.signal(s, lambda *_: stop.set()) for s in (signal.SIGINT, signal.SIGTERM)}
    watcher = Watcher(store, sources, period, log=log, state_path=state)
    try:
        watcher.run(stop, once=once)
        if not once:
            log("stopped")
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        store.close()
    raise typer.Exit(2 if once and watcher.failed_polls else 0)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_command)
