"""Feed reader: RSS 2.0 and Atom entries to documents, broken and empty feeds, stdin, folders, CLI."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, assert_valid
from jalin.read import InputError, RawDocument, read_path, read_stdin
from jalin.read.feeds import html_to_text, looks_like_feed, read_feed

MALAY_P1 = ("KUALA LUMPUR: Malaysia dan Indonesia hari ini memeterai memorandum persefahaman mengenai "
            "latihan maritim bersama, kata Menteri Pertahanan.")
MALAY_P2 = "Beliau berkata latihan pertama akan diadakan di Selat Melaka pada Jun ini."
ENGLISH_P1 = ("MANILA, March 3 -- The Philippines and Japan agreed on Monday to expand coast guard "
              "training, the foreign ministry said.")
ENGLISH_P2 = "Officials said the first joint patrol would take place in May. -- Reuters"

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Berita Pertahanan &amp; Diplomasi</title>
<link>https://news.example/</link>
<item>
  <title>Malaysia, Indonesia meterai MoU latihan maritim</title>
  <guid isPermaLink="false">bp-2025-0412</guid>
  <link>https://news.example/ms/2025/04/12/mou-maritim</link>
  <pubDate>Sat, 12 Apr 2025 06:15:00 +0800</pubDate>
  <author>meja@news.example (Meja Berita)</author>
  <description>Ringkasan pendek sahaja.</description>
  <content:encoded><![CDATA[<p>{MALAY_P1}</p>
  <p>{MALAY_P2}<br/>– Bernama</p><script>track()</script>]]></content:encoded>
</item>
<item>
  <title>Philippines, Japan &lt;b&gt;expand&lt;/b&gt; coast guard training</title>
  <link>https://news.example/en/2025/03/03/coast-guard</link>
  <pubDate>Mon, 03 Mar 2025 22:40:00 -0500</pubDate>
  <description>&lt;p&gt;{ENGLISH_P1}&lt;/p&gt;&lt;p&gt;{ENGLISH_P2}&lt;/p&gt;</description>
</item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Wire Desk</title>
  <id>urn:example:wire</id>
  <updated>2025-09-22T10:00:00+08:00</updated>
  <entry>
    <title type="html">Perbincangan &lt;i&gt;pertahanan&lt;/i&gt; diteruskan</title>
    <id>urn:example:wire:ms-1</id>
    <link rel="alternate" href="https://wire.example/ms-1"/>
    <published>2025-09-22T00:30:00+08:00</published>
    <updated>2025-09-23T09:00:00+08:00</updated>
    <summary type="text">{MALAY_P2}</summary>
    <content type="html">&lt;div&gt;&lt;p&gt;{MALAY_P1}&lt;/p&gt;
      &lt;p&gt;{MALAY_P2}&lt;/p&gt;&lt;/div&gt;</content>
  </entry>
  <entry>
    <title>Talks continue</title>
    <id>urn:example:wire:en-1</id>
    <link href="https://wire.example/en-1"/>
    <updated>2025-03-03T22:40:00Z</updated>
    <summary type="text">{ENGLISH_P1}</summary>
  </entry>
</feed>
"""

BROKEN_WITH_ENTRIES = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Half a feed</title>
<item><title>Complete</title><guid>c-1</guid><description>{ENGLISH_P1}</description></item>
<item><title>Cut off</title><guid>c-2</guid><description>{MALAY_P1}</description></item>
</channel>"""  # the closing </rss> is missing

BROKEN_WITHOUT_ENTRIES = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Nothing here</oops>
"""

EMPTY = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Quiet desk</title><link>https://quiet.example/</link></channel></rss>
"""


def _feed(tmp_path: Path, text: str, name: str = "feed.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _items(path: Path) -> list[RawDocument | InputError]:
    return list(read_path(str(path)))


# ---------------------------------------------------------------- RSS and Atom


def test_rss_entries_in_order_with_their_fields(tmp_path: Path) -> None:
    path = _feed(tmp_path, RSS)
    malay, english = _items(path)
    assert malay == RawDocument(
        text=f"{MALAY_P1}\n\n{MALAY_P2}\n– Bernama", origin=f"{path}: entry 1", id="bp-2025-0412",
        title="Malaysia, Indonesia meterai MoU latihan maritim", published="2025-04-12",
        url="https://news.example/ms/2025/04/12/mou-maritim",
        metadata={"feed_title": "Berita Pertahanan & Diplomasi", "author": "meja@news.example (Meja Berita)"},
    )
    # No guid: the link is the id; the title's markup is dropped; the date stays the feed's own
    # (in UTC it is already 4 March).
    assert english == RawDocument(
        text=f"{ENGLISH_P1}\n\n{ENGLISH_P2}", origin=f"{path}: entry 2",
        id="https://news.example/en/2025/03/03/coast-guard",
        title="Philippines, Japan expand coast guard training", published="2025-03-03",
        url="https://news.example/en/2025/03/03/coast-guard",
        metadata={"feed_title": "Berita Pertahanan & Diplomasi"},
    )


def test_atom_entries_prefer_content_and_the_published_date(tmp_path: Path) -> None:
    path = _feed(tmp_path, ATOM, "wire.atom")
    malay, english = _items(path)
    assert (malay.id, malay.title, malay.url, malay.published) == (
        "urn:example:wire:ms-1", "Perbincangan pertahanan diteruskan", "https://wire.example/ms-1",
        "2025-09-22")
    assert malay.text == f"{MALAY_P1}\n\n{MALAY_P2}"
    assert malay.metadata == {"feed_title": "Wire Desk"}
    assert (english.id, english.url, english.published, english.text) == (
        "urn:example:wire:en-1", "https://wire.example/en-1", "2025-03-03", ENGLISH_P1)


def test_rss_suffix_and_encoding_declared_in_the_feed(tmp_path: Path) -> None:
    latin = RSS.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("– Bernama", "(Bernama) café")
    path = tmp_path / "latin.rss"
    path.write_bytes(latin.encode("latin-1"))
    malay, _ = _items(path)
    assert malay.text.endswith(f"{MALAY_P2}\n(Bernama) café")


def test_entry_without_text_is_one_error_and_the_others_are_read(tmp_path: Path) -> None:
    feed = RSS.replace("<description>Ringkasan pendek sahaja.</description>", "").replace(
        "<content:encoded>", "<!--").replace("</content:encoded>", "-->")
    path = _feed(tmp_path, feed)
    error, english = _items(path)
    assert str(error) == f"{path}: entry 1: no text (neither content nor summary)"
    assert english.id == "https://news.example/en/2025/03/03/coast-guard"


# ---------------------------------------------------------------- broken and empty feeds


def test_malformed_feed_still_yields_the_entries_it_recovered(tmp_path: Path) -> None:
    path = _feed(tmp_path, BROKEN_WITH_ENTRIES)
    items = _items(path)
    assert [(i.id, i.text, i.metadata) for i in items] == [
        ("c-1", ENGLISH_P1, {"feed_title": "Half a feed"}),
        ("c-2", MALAY_P1, {"feed_title": "Half a feed"}),
    ]


def test_malformed_feed_without_entries_is_one_error(tmp_path: Path) -> None:
    path = _feed(tmp_path, BROKEN_WITHOUT_ENTRIES)
    (error,) = _items(path)
    assert str(error) == f"{path}: not a well-formed feed (line 2, column 49: mismatched tag)"


def test_empty_feed_and_non_feeds_are_one_error_each(tmp_path: Path) -> None:
    empty = _feed(tmp_path, EMPTY)
    assert [str(e) for e in _items(empty)] == [f"{empty}: the feed has no entries"]
    page = _feed(tmp_path, "<html><body><p>Not a feed.</p></body></html>", "page.xml")
    assert [str(e) for e in _items(page)] == [f"{page}: not an RSS or Atom feed"]
    garbage = tmp_path / "garbage.rss"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n\x01\x02\xff")
    assert [str(e) for e in _items(garbage)] == [
        f"{garbage}: not a well-formed feed (line 2, column 0: not well-formed (invalid token))"]
    blank = _feed(tmp_path, "  \n", "blank.atom")
    assert [str(e) for e in _items(blank)] == [f"{blank}: empty document"]


def test_feed_reads_no_external_entity(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-VALUE", encoding="utf-8")
    feed = RSS.replace('<?xml version="1.0" encoding="UTF-8"?>',
                       f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>'
                       ).replace("Ringkasan pendek sahaja.", "&leak;")
    path = _feed(tmp_path, feed)
    items = _items(path)
    assert all("SECRET" not in repr(item) for item in items)


# ---------------------------------------------------------------- sniffing, stdin, folders


@pytest.mark.parametrize(("head", "expected"), [
    (b'<?xml version="1.0"?><rss version="2.0">', True),
    (b'\xef\xbb\xbf  <feed xmlns="http://www.w3.org/2005/Atom">', True),
    (b"<rss>", True),
    (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', True),
    (b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">', False),
    (b"<!doctype html><html><body>", False),
    (b"<feedback>", False),
    (b"KUALA LUMPUR: <rss>", False),
])
def test_looks_like_feed(head: bytes, expected: bool) -> None:
    assert looks_like_feed(head) is expected


def test_stdin_sniffs_feeds_and_still_reads_html() -> None:
    feed = io.BufferedReader(io.BytesIO(ATOM.encode()))  # type: ignore[arg-type]
    assert [d.id for d in read_stdin(feed)] == ["urn:example:wire:ms-1", "urn:example:wire:en-1"]
    assert [d.origin for d in read_stdin(io.BufferedReader(io.BytesIO(RSS.encode())))] == [  # type: ignore[arg-type]
        "<stdin>: entry 1", "<stdin>: entry 2"]
    page = (f"<html><head><title>Kerjasama maritim</title></head><body><article><p>{MALAY_P1}</p>"
            f"<p>{MALAY_P2}</p></article></body></html>").encode()
    (doc,) = read_stdin(io.BufferedReader(io.BytesIO(page)))  # type: ignore[arg-type]
    assert doc.text.startswith(MALAY_P1)


def test_folder_reads_feeds_among_other_files(tmp_path: Path) -> None:
    _feed(tmp_path, RSS, "a.rss")
    (tmp_path / "b.txt").write_text(ENGLISH_P1, encoding="utf-8")
    _feed(tmp_path, EMPTY, "c.xml")
    items = _items(tmp_path)
    assert [i.origin for i in items] == [f"{tmp_path}/a.rss: entry 1", f"{tmp_path}/a.rss: entry 2",
                                         f"{tmp_path}/b.txt", f"{tmp_path}/c.xml"]
    assert isinstance(items[-1], InputError)


def test_read_feed_from_bytes_directly() -> None:
    (doc, _) = read_feed(ATOM.encode(), "bytes")
    assert (doc.origin, doc.id) == ("bytes: entry 1", "urn:example:wire:ms-1")


# ---------------------------------------------------------------- HTML to text


def test_html_to_text_keeps_paragraphs_and_line_breaks() -> None:
    html = ("<div><h2>Tajuk  kecil</h2><p>Satu\n  dua&nbsp;tiga &amp; empat.</p>"
            "<ul><li>pertama</li><li>kedua</li></ul>baris<br>baru<style>p{}</style></div>")
    assert html_to_text(html) == "Tajuk kecil\n\nSatu dua tiga & empat.\n\npertama\n\nkedua\n\nbaris\nbaru"
    assert html_to_text("") == ""
    assert html_to_text("<p>unclosed <b>bold") == "unclosed bold"


# ---------------------------------------------------------------- CLI


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "jalin", "analyze", *args], capture_output=True, env=env,
                          timeout=120, check=False)


def test_cli_one_line_per_entry_and_one_error_line_for_a_broken_feed(tmp_path: Path) -> None:
    feed = _feed(tmp_path, RSS)
    result = _run(str(feed))
    assert (result.returncode, result.stderr) == (0, b"")
    analyses = [assert_valid(json.loads(line)) for line in result.stdout.decode().splitlines()]
    assert [(a["document"]["id"], a["document"]["published"], a["document"]["language"])
            for a in analyses] == [("bp-2025-0412", "2025-04-12", "ms"),
                                   ("https://news.example/en/2025/03/03/coast-guard", "2025-03-03", "en")]

    broken = _feed(tmp_path, BROKEN_WITHOUT_ENTRIES, "broken.xml")
    result = _run(str(feed), str(broken))
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        f"{broken}: not a well-formed feed (line 2, column 49: mismatched tag)"]
    assert len(result.stdout.decode().splitlines()) == 2
