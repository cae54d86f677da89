"""Spans that overlap a range, found without scanning every span: the spans are filed in fixed-width
buckets of the text, so a query looks only at the spans filed where the range lies. The buckets are
made at the first query that finds more than a few spans (most documents have a few)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

_SHIFT = 8  # buckets of 256 characters
_FEW = 24  # up to this many spans (and no buckets yet), a query looks at them all


class SpanIndex:
    """A growing list of (start, end) spans; `overlapping` gives those that overlap a range."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans: list[tuple[int, int]] = list(spans)
        self.buckets: dict[int, list[int]] | None = None

    def add(self, span: tuple[int, int]) -> None:
        self.spans.append(span)
        if self.buckets is not None:
            self._file(len(self.spans) - 1)

    def _file(self, index: int) -> None:
        start, end = self.spans[index]
        buckets = self.buckets
        assert buckets is not None
        for bucket in range(start >> _SHIFT, (max(start, end - 1) >> _SHIFT) + 1):
            if bucket in buckets:
                buckets[bucket].append(index)
            else:
                buckets[bucket] = [index]

    def _found(self, start: int, end: int) -> Iterator[int]:
        if self.buckets is None and len(self.spans) <= _FEW:
            for index, (s, e) in enumerate(self.spans):
                if s < end and start < e:
                    yield index
            return
        if self.buckets is None:
            self.buckets = {}
            for index in range(len(self.spans)):
                self._file(index)
        spans = self.spans
        for bucket in range(start >> _SHIFT, (max(start, end - 1) >> _SHIFT) + 1):
            for index in self.buckets.get(bucket, ()):
                s, e = spans[index]
                if s < end and start < e:
                    yield index

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans (s, e) with s < end and start < e, in the order they were added."""
        return [self.spans[index] for index in self.indices(start, end)]

    def indices(self, start: int, end: int) -> list[int]:
        """The positions (in the order added) of the spans that overlap [start, end)."""
        return sorted(set(self._found(start, end)))

    def touches(self, start: int, end: int) -> bool:
        """Whether any span overlaps [start, end)."""
        return next(self._found(start, end), None) is not None
