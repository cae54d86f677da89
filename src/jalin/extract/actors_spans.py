"""Spans that overlap a range, found without scanning every span: the spans are filed in fixed-width
buckets of the text, so a query looks only at the spans filed where the range lies."""

from __future__ import annotations

from collections.abc import Iterable

_WIDTH = 256


class SpanIndex:
    """A growing list of (start, end) spans; `overlapping` gives those that overlap a range."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans: list[tuple[int, int]] = []
        self.buckets: dict[int, list[int]] = {}
        for span in spans:
            self.add(span)

    def add(self, span: tuple[int, int]) -> None:
        index = len(self.spans)
        self.spans.append(span)
        start, end = span
        for bucket in range(start // _WIDTH, max(start, end - 1) // _WIDTH + 1):
            self.buckets.setdefault(bucket, []).append(index)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans (s, e) with s < end and start < e, in the order they were added."""
        found: set[int] = set()
        for bucket in range(start // _WIDTH, max(start, end - 1) // _WIDTH + 1):
            for index in self.buckets.get(bucket, ()):
                s, e = self.spans[index]
                if s < end and start < e:
                    found.add(index)
        return [self.spans[index] for index in sorted(found)]

    def touches(self, start: int, end: int) -> bool:
        """Whether any span overlaps [start, end)."""
        for bucket in range(start // _WIDTH, max(start, end - 1) // _WIDTH + 1):
            for index in self.buckets.get(bucket, ()):
                s, e = self.spans[index]
                if s < end and start < e:
                    return True
        return False
