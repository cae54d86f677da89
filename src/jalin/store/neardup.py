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


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads every input bit over the whole word."""
    x = (x ^ (x >> np.uint64(30))) * _M1
    x = (x ^ (x >> np.uint64(27))) * _M2
    return x ^ (x >> np.uint64(31))


def _words(text: str) -> list[bytes]:
    """The words of the text's opening (at most `MAX_TOKENS`), case-folded, UTF-8."""
    return text[:MAX_TOKENS * 12].casefold().encode("utf-8").translate(_SEPARATORS).split()[:MAX_TOKENS]


def signatures(texts: list[str]) -> list[bytes | None]:
    """The MinHash signature (64 little-endian uint32) of each text, None for a text too short: the
    whole batch in one pass of array operations (the per-text work is only splitting words)."""
    out: list[bytes | None] = [None] * len(texts)
    signed: list[int] = []
    counts: list[int] = []
    ids: list[int] = []  # crc32 of every word of the signed texts, text after text
    for i, text in enumerate(texts):
        words = _words(text)
        if len(words) >= MIN_TOKENS:
            signed.append(i)
            counts.append(len(words))
            ids.extend(map(zlib.crc32, words))
    if not signed:
        return out
    lengths = np.array(counts, dtype=np.int64)
    flat = np.array(ids, dtype=np.uint64)
    # Word k starts a shingle (k, k + 1, k + 2) when two more words of its text follow it.
    text_of = np.repeat(np.arange(len(signed), dtype=np.uint64), lengths)
    local = np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    starts = np.flatnonzero(local < np.repeat(lengths - 2, lengths))
    with np.errstate(over="ignore"):
        hashes = _mix(_mix(_mix(flat[starts]) ^ flat[starts + 1]) ^ (flat[starts + 2] << np.uint64(32)))
    # Sorted by (text, hash bits 26-63): each (text, bin) group's first entry is the bin's minimum, and
    # its low 32 bits are the value kept ((hash >> 26) & 0xFFFFFFFF).
    keys = np.sort((text_of[starts] << np.uint64(38)) | (hashes >> np.uint64(26)))
    groups = keys >> np.uint64(32)  # text * 64 + bin
    first = np.flatnonzero(np.concatenate(([True], groups[1:] != groups[:-1])))
    cells = groups[first].astype(np.int64)
    values = np.zeros((len(signed), PERMUTATIONS), dtype=np.uint64)
    present = np.zeros((len(signed), PERMUTATIONS), dtype=bool)
    values.flat[cells] = keys[first] & _LOW
    present.flat[cells] = True
    # An empty bin borrows the next non-empty bin's value (cyclically), shifted by the distance.
    positions = np.arange(2 * PERMUTATIONS)
    marked = np.where(np.concatenate((present, present), axis=1), positions, 4 * PERMUTATIONS)
    following = np.minimum.accumulate(marked[:, ::-1], axis=1)[:, ::-1][:, :PERMUTATIONS]
    steps = (following - positions[:PERMUTATIONS]).astype(np.uint64)
    filled = (np.take_along_axis(values, following % PERMUTATIONS, axis=1)
              + steps * np.uint64(0x9E3779B1)) & _LOW
    encoded = filled.astype("<u4")
    for row, i in enumerate(signed):
        out[i] = encoded[row].tobytes()
    return out


def signature(text: str) -> bytes | None:
    """The MinHash signature of one text (see `signatures`)."""
    return signatures([text])[0]


def bands(sig: bytes) -> list[int]:
    """One 63-bit key per band (band number folded in), for an indexed lookup."""
    values = np.frombuffer(sig, dtype="<u4").tolist()
    keys = []
    for band in range(0, PERMUTATIONS, ROWS):
        a, b, c, d = values[band:band + ROWS]
        keys.append((((a << 32 | b) * 0x9E3779B97F4A7C15 ^ (c << 32 | d) * 0xC2B2AE3D27D4EB4F) + band)
                    & 0x7FFFFFFFFFFFFFFF)
    return keys


def band_keys(sigs: list[bytes]) -> list[list[int]]:
    """`bands` of each signature, computed for all of them at once (the same keys: the arithmetic
    is modulo 2**64, whose low 63 bits are all a key keeps)."""
    if not sigs:
        return []
    values = np.frombuffer(b"".join(sigs), dtype="<u4").astype(np.uint64).reshape(len(sigs), -1, ROWS)
    high = (values[:, :, 0] << np.uint64(32)) | values[:, :, 1]
    low = (values[:, :, 2] << np.uint64(32)) | values[:, :, 3]
    with np.errstate(over="ignore"):
        keys = ((high * np.uint64(0x9E3779B97F4A7C15)) ^ (low * np.uint64(0xC2B2AE3D27D4EB4F))) \
            + np.arange(0, PERMUTATIONS, ROWS, dtype=np.uint64)
    return (keys & np.uint64(0x7FFFFFFFFFFFFFFF)).tolist()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.mean(np.frombuffer(a, dtype="<u4") == np.frombuffer(b, dtype="<u4")))
