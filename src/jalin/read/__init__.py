"""Readers: files, folders, stdin and URLs to `RawDocument`s, streaming, one error per unreadable input.

Formats, chosen by extension: the seed's plain text with an optional leading `date YYYY-MM-DD`
header (`.txt` and anything unknown), `.json` (one object or a list of objects), `.jsonl` (one
object per line, read line by line so a 2 GB file never sits in memory), `.html`/`.htm`
(trafilatura: the article text plus title, date and url from the page) and `.xml`/`.rss`/`.atom`
feeds (`jalin.read.feeds`: one document per entry). A folder is read recursively, its files
sorted, only those with a known extension. `-` reads stdin, sniffing JSONL (`{`), a feed
(`<?xml`, `<rss`, `<feed`) and HTML (any other `<`) from its first bytes. An `http://` or
`https://` argument is fetched (`jalin.read.urls`) and its body read by the reader its content
type names.

Every reader yields `RawDocument`s and `InputError`s in input order; an `InputError`'s text is one
line naming the input (and line) and the reason. Bytes that are not UTF-8 are decoded with the
encoding charset-normalizer detects.

Modules, each importing only those before it: `base` (records, errors, decoding, one document from
text, a record or HTML), `feeds` (RSS/Atom), `formats` (bytes of a known format), `urls` (fetching),
`files` (files, folders, stdin and any command-line argument).
"""

from jalin.read.base import (
    MAX_DOCUMENT_BYTES,
    MAX_NESTING,
    InputError,
    Item,
    RawDocument,
    decode,
    from_html,
    from_record,
    from_text,
)
from jalin.read.files import read_file, read_folder, read_path, read_paths, read_stdin

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_NESTING",
    "InputError",
    "Item",
    "RawDocument",
    "decode",
    "from_html",
    "from_record",
    "from_text",
    "read_file",
    "read_folder",
    "read_path",
    "read_paths",
    "read_stdin",
]
