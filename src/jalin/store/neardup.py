"""Near-duplicate texts (one wire story carried by several outlets): MinHash over the word 3-shingles
of a text's opening (`MAX_TOKENS` words).

A text's signature holds 64 minimum hash values over its shingles (one-permutation hashing: each
shingle hash falls in one of 64 bins by its top bits, each bin keeps its minimum, an empty bin borrows
from the next non-empty one); the share of equal positions in two signatures estimates the shingle
sets' Jaccard similarity. For lookup the signature is cut into 16 bands of 4 positions
(locality-sensitive hashing): texts with Jaccard 0.7 share a band with probability 0.98, texts with
Jaccard 0.3 with 0.12, and each candidate is then checked on its whole signature against `THRESHOLD`.
"""

from __future__ import annotations

import zlib

import numpy as np

PERMUTATIONS = 64
ROWS = 4
THRESHOLD = 0.7
MIN_TOKENS = 30  # shorter texts share too few shingles for a reliable signature
MAX_TOKENS = 250  # a wire story's copies share their opening; the rest adds cost, not evidence
# Word characters stay, everything else (ASCII punctuation) becomes a space; UTF-8 bytes are kept.
_SEPARATORS = bytes(b if chr(b).isalnum() or b >= 128 else 32 for b in range(256))
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_LOW = np.uint64(0xFFFFFFFF)
_BINS = np.arange(PERMUTATIONS, dtype=np.uint64)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads every input bit over the whole word."""
    x = (x ^ (x >> np.uint64(30))) * _M1
    x = (x ^ (x >> np.uint64(27))) * _M2
    return x ^ (x >> np.uint64(31))


def signature(text: str) -> bytes | None:
    """The MinHash signature (64 little-endian uint32), None when the text is too short."""
    words = text[:MAX_TOKENS * 12].casefold().encode("utf-8").translate(_SEPARATORS).split()[:MAX_TOKENS]
    if len(words) < MIN_TOKENS:
        return None
    ids = np.array(list(map(zlib.crc32, words)), dtype=np.uint64)
    with np.errstate(over="ignore"):
        hashes = np.sort(_mix(_mix(_mix(ids[:-2]) ^ ids[1:-1]) ^ (ids[2:] << np.uint64(32))))
    bins = hashes >> np.uint64(58)
    first = np.searchsorted(bins, _BINS)
    present = first < len(hashes)
    present[present] = bins[first[present]] == _BINS[present]
    values = ((hashes[np.minimum(first, len(hashes) - 1)] >> np.uint64(26)) & _LOW).tolist()
    filled = present.tolist()
    for i in range(PERMUTATIONS):
        if not filled[i]:
            step = 1
            while not filled[(i + step) % PERMUTATIONS]:
                step += 1
            values[i] = (values[(i + step) % PERMUTATIONS] + step * 0x9E3779B1) & 0xFFFFFFFF
    return np.array(values, dtype="<u4").tobytes()


def bands(sig: bytes) -> list[int]:
    """One 63-bit key per band (band number folded in), for an indexed lookup."""
    values = np.frombuffer(sig, dtype="<u4").tolist()
    keys = []
    for band in range(0, PERMUTATIONS, ROWS):
        a, b, c, d = values[band:band + ROWS]
        keys.append((((a << 32 | b) * 0x9E3779B97F4A7C15 ^ (c << 32 | d) * 0xC2B2AE3D27D4EB4F) + band)
                    & 0x7FFFFFFFFFFFFFFF)
    return keys


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.mean(np.frombuffer(a, dtype="<u4") == np.frombuffer(b, dtype="<u4")))
