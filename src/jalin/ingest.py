"""Ingest: read documents, analyse them in a process pool, write them to the store in batches.

Each batch is one transaction, so a killed ingest loses no committed batch; documents whose content
is already stored are skipped before analysis, so a re-run adds nothing and resumes where a killed
run stopped. A document that cannot be read or analysed gets one line (input and reason) and is
skipped. A batch result directory (`DIR/analyses/part-*.parquet`, written by the batch runner) is
loaded without re-analysing.
"""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from jalin.budget import DOCUMENT_SECONDS, OutOfTime, die_with_parent, time_budget
from jalin.lexicon import load_lexicon
from jalin.pipeline import analyze, warm_up
from jalin.read import InputError, RawDocument, read_paths
from jalin.store import Store, content_hash
from jalin.store.rows import analysis_json
from jalin.text import normalise

BATCH_SIZE = 500
CHUNK_SIZE = 25  # documents per task sent to a worker process


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    done: int = 0  # read and dealt with: analysed (or failed), already stored, unreadable
    analysed: int = 0  # sent to analysis (not already stored)
    added: int = 0
    skipped: int = 0
    duplicates: int = 0
    failed: int = 0
    seconds: float = 0.0
    phase: str = "reading"  # reading, analysing, then per batch resolving, writing, indexing; done

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0


def is_batch_result(path: Path) -> bool:
    return path.is_dir() and any((path / "analyses").glob("part-*.parquet"))


Result = tuple[str, bytes | None, str | None]


def analyse_chunk(docs: list[RawDocument], seconds: float | None = DOCUMENT_SECONDS) -> list[Result]:
    """(origin, analysis JSON or None, reason or None) per document; runs in a worker process.
    A document that takes longer than `seconds` is a failure of its own.

    The JSON is orjson's encoding (`analysis_json`): the store parses it back, so it need not be
    `to_json()`'s exact bytes, and it costs a tenth as much."""
    out: list[Result] = []
    for doc in docs:
        try:
            with time_budget(seconds):
                result = analyze(doc.text, published=doc.published, id=doc.id, title=doc.title,
                                 url=doc.url, source=doc.source, metadata=doc.metadata)
            out.append((doc.origin, analysis_json(result), None))
        except OutOfTime as exc:
            out.append((doc.origin, None, f"analysis stopped: {exc}"))
        except Exception as exc:  # one bad document never stops a batch
            out.append((doc.origin, None, f"analysis failed ({type(exc).__name__}: {exc})"))
    return out


def _chunks(items: Iterable[RawDocument | InputError], size: int) -> Iterator[list[RawDocument | InputError]]:
    chunk: list[RawDocument | InputError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Ingest:
    """One ingest run into `store`; `on_progress(report)` is called after every step."""

    def __init__(self, store: Store, jobs: int = 1, batch_size: int = BATCH_SIZE,
                 on_failure: Callable[[str], None] | None = None,
                 on_progress: Callable[[IngestReport], None] | None = None,
                 seconds: float | None = DOCUMENT_SECONDS) -> None:
        self.store = store
        self.seconds = seconds
        self.jobs = max(1, jobs)
        self.batch_size = batch_size
        self.report = IngestReport()
        self._on_failure = on_failure or (lambda line: print(line, file=sys.stderr))
        self._on_progress = on_progress or (lambda report: None)
        self._pending: list[str | bytes] = []
        self._lexicon = load_lexicon()
        # Into an empty store nothing can be known already: no hashing before analysis (the store
        # still skips content repeated within the run when it is added).
        self._check_known = store.counts()["documents"] > 0
        self._started = time.perf_counter()
        store.on_phase = self._phase

    def run(self, paths: Iterable[str]) -> IngestReport:
        documents: list[str] = []
        for name in paths:
            if is_batch_result(Path(name)):
                self._load_batch_result(Path(name))
            else:
                documents.append(name)
        if documents:
            self._analyse(read_paths(documents))
        self._flush()
        self.store.on_phase = None
        self.report.phase = "done"
        self._tick()
        return self.report

    # ------------------------------------------------------------------ steps

    def _fail(self, line: str) -> None:
        self.report.failed += 1
        self._on_failure(line)

    def _phase(self, name: str) -> None:
        self.report.phase = name
        self._tick()

    def _tick(self) -> None:
        self.report.seconds = time.perf_counter() - self._started
        self._on_progress(self.report)

    def _add(self, analysis: str | bytes) -> None:
        self._pending.append(analysis)
        if len(self._pending) >= self.batch_size:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            result = self.store.add_analyses(self._pending)
            self.report.added += result.added
            self.report.skipped += result.skipped
            self.report.duplicates += result.duplicates
            self._pending = []
        self._tick()

    def _fresh(self, chunk: list[RawDocument | InputError]) -> list[RawDocument]:
        """The chunk's readable documents whose content is not stored yet (the rest are reported)."""
        docs: list[RawDocument] = []
        for item in chunk:
            self.report.read += 1
            if isinstance(item, InputError):
                self.report.done += 1
                self._fail(str(item))
            else:
                docs.append(item)
        if not self._check_known:
            self.report.analysed += len(docs)
            return docs
        # The same normalisation as the pipeline's, so the hash is the stored analysis's content hash.
        hashes = [content_hash(normalise(d.text, self._lexicon)) for d in docs]
        known = self.store.known_hashes(hashes)
        fresh = [d for d, h in zip(docs, hashes, strict=True) if h not in known]
        self.report.skipped += len(docs) - len(fresh)
        self.report.done += len(docs) - len(fresh)
        self.report.analysed += len(fresh)
        return fresh

    def _take(self, results: list[Result]) -> None:
        self.report.phase = "analysing"
        for origin, analysis, reason in results:
            self.report.done += 1
            if analysis is None:
                self._fail(f"{origin}: {reason}")
            else:
                self._add(analysis)
        self._tick()

    def _analyse(self, items: Iterator[RawDocument | InputError]) -> None:
        chunks = (self._fresh(chunk) for chunk in _chunks(items, CHUNK_SIZE))
        if self.jobs == 1:
            if self.seconds:
                warm_up()  # set-up (models, matchers) is not the first document's time
            for docs in chunks:
                self._phase("analysing")
                self._take(analyse_chunk(docs, self.seconds))
            return
        warm_up()  # matchers built once here; forked workers inherit them
        # Tasks in flight: enough that the workers stay busy while a whole batch is being written.
        ahead = 4 * self.jobs + self.batch_size // CHUNK_SIZE
        self._phase("analysing")
        with ProcessPoolExecutor(max_workers=self.jobs, initializer=die_with_parent) as pool:
            window: deque[Future[list[Result]]] = deque()
            for docs in chunks:
                window.append(pool.submit(analyse_chunk, docs, self.seconds))
                while len(window) > ahead:
                    self._take(window.popleft().result())
            while window:
                self._take(window.popleft().result())

    def _load_batch_result(self, path: Path) -> None:
        import pyarrow.parquet as pq

        for part in sorted((path / "analyses").glob("part-*.parquet")):
            for batch in pq.ParquetFile(part).iter_batches(columns=["analysis"], batch_size=self.batch_size):
                self.report.phase = "loading"
                for analysis in batch.column(0).to_pylist():
                    self.report.read += 1
                    self.report.done += 1
                    self._add(analysis)
                self._tick()
        for part in sorted((path / "failures").glob("part-*.parquet")):
            table = pq.read_table(part, columns=["origin", "reason"])
            for origin, reason in zip(table.column(0).to_pylist(), table.column(1).to_pylist(), strict=True):
                self.report.done += 1
                self._fail(f"{origin}: {reason}")
