"""Readers: every format, encodings, streaming, and one clear error per unreadable input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from jalin.read import InputError, RawDocument, decode, read_file, read_folder, read_path, read_stdin
from jalin.read.formats import read_jsonl

MALAY = ("KUALA LUMPUR: Malaysia dan Indonesia bersetuju memperluas kerjasama latihan ketenteraan, "
         "kata Menteri Pertahanan hari ini.")
ENGLISH = ("PUTRAJAYA, Dec 8 — Malaysia and Japan will hold joint naval exercises next year, "
           "the minister said.")

PAGE = """<html><head><title>Malaysia dan Jepun perkukuh kerjasama maritim</title>
<link rel="canonical" href="https://berita.example.my/2025/03/kerjasama-maritim"/>
<meta property="article:published_time" content="2025-03-04T09:30:00+08:00"/></head>
<body><nav>Utama | Sukan | Hiburan</nav><article>
<h1>Malaysia dan Jepun perkukuh kerjasama maritim</h1>
<p>PUTRAJAYA: Malaysia dan Jepun bersetuju memperkukuh kerjasama keselamatan maritim, termasuk latihan
bersama pengawal pantai dan perkongsian maklumat, kata Menteri Luar dalam satu kenyataan hari ini.</p>
<p>Beliau berkata kedua-dua negara akan menubuhkan jawatankuasa kerja bersama yang akan bermesyuarat
buat kali pertama pada bulan depan di Tokyo.</p></article><footer>Hak cipta terpelihara</footer></body></html>
"""


def _items(path: Path | str) -> list[RawDocument | InputError]:
    return list(read_path(str(path)))


def _errors(items: list) -> list[str]:
    return [str(i) for i in items if isinstance(i, InputError)]


# ---------------------------------------------------------------- formats


def test_seed_format_header_on_the_dateline(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("date 2025-09-22 " + MALAY + "\n\nBeliau berkata demikian.\n", encoding="utf-8")
    (doc,) = _items(path)
    assert doc.published == "2025-09-22"
    assert doc.text.startswith("KUALA LUMPUR: Malaysia dan Indonesia")
    assert doc.origin == str(path)


def test_seed_file_itself(seed_path: Path) -> None:
    (doc,) = _items(seed_path)
    assert doc.published == "2025-09-22"
    assert doc.text.startswith("KUALA LUMPUR:")


def test_plain_text_without_header(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    (doc,) = _items(path)
    assert (doc.text, doc.published, doc.id) == (ENGLISH, None, None)


def test_json_object_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "x1", "text": MALAY, "published": "2024-01-02", "section": "dunia"}))
    (doc,) = _items(one)
    assert (doc.id, doc.published, doc.metadata) == ("x1", "2024-01-02", {"section": "dunia"})
    many = tmp_path / "many.json"
    rows = [{"id": "a", "text": MALAY}, {"id": "b", "text": ""}, ["x"], {"id": "c", "text": ENGLISH}]
    many.write_text(json.dumps(rows))
    items = _items(many)
    assert [i.id for i in items if isinstance(i, RawDocument)] == ["a", "c"]
    assert _errors(items) == [f"{many}[1]: empty document", f"{many}[2]: expected a JSON object, found list"]


def test_jsonl_fields_metadata_and_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    rows = [
        json.dumps({"id": "d1", "title": "T1", "published": "2023-06-17", "url": "https://u/1", "text": MALAY,
                    "source_repo": "x/y"}),
        '{"id": "d2", "text": "broken',
        "",
        json.dumps({"id": 7, "text": ENGLISH, "published": None}),
        json.dumps({"id": "d4", "text": "   "}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = _items(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [(d.id, d.title, d.published, d.url) for d in docs] == [
        ("d1", "T1", "2023-06-17", "https://u/1"), ("7", None, None, None)]
    assert docs[0].metadata == {"source_repo": "x/y"}
    assert docs[0].origin == f"{path}:1"
    errors = _errors(items)
    assert len(errors) == 2
    assert errors[0].startswith(f"{path}: line 2: invalid JSON (")
    assert errors[1] == f"{path}: line 5: empty document"


def test_jsonl_is_streamed_line_by_line() -> None:
    consumed = []

    class Lines(io.RawIOBase):
        def __iter__(self):
            for n in range(1, 1_000_000):
                consumed.append(n)
                yield json.dumps({"id": str(n), "text": MALAY}).encode() + b"\n"

    stream = read_jsonl(Lines(), "big.jsonl")  # type: ignore[arg-type]
    first = next(stream)
    assert isinstance(first, RawDocument) and first.id == "1"
    assert consumed == [1]


def test_html_article_with_title_date_and_url(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = _items(path)
    assert doc.title == "Malaysia dan Jepun perkukuh kerjasama maritim"
    assert doc.published == "2025-03-04"
    assert doc.url == "https://berita.example.my/2025/03/kerjasama-maritim"
    assert doc.text.startswith("PUTRAJAYA: Malaysia dan Jepun bersetuju")
    assert "Hiburan" not in doc.text and "Hak cipta" not in doc.text


def test_html_without_article(tmp_path: Path) -> None:
    path = tmp_path / "login.htm"
    path.write_text("<html><head><title>Log masuk</title></head>"
                    "<body><form><input name=u></form></body></html>")
    assert _errors(_items(path)) == [f"{path}: no article text found in the HTML page"]


def test_folder_recursive_sorted_by_extension(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ENGLISH)
    (tmp_path / "a.txt").write_text(MALAY)
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "text": MALAY}) + "\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "notes.md").write_text("# not read")
    items = list(read_folder(tmp_path))
    assert [i.origin for i in items] == [
        str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt"), f"{tmp_path / 'c.jsonl'}:1"]


def test_folder_without_readable_files(tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(b"\x89PNG")
    (error,) = _items(tmp_path)
    assert str(error).startswith(f"{tmp_path}: no readable files in the folder (looked for .atom, .htm,")


def test_stdin_text_and_jsonl() -> None:
    text = io.BufferedReader(io.BytesIO(("date 2024-05-01 " + MALAY).encode()))  # type: ignore[arg-type]
    (doc,) = read_stdin(text)
    assert (doc.origin, doc.published) == ("<stdin>", "2024-05-01")
    lines = "\n".join(json.dumps({"id": f"s{i}", "text": ENGLISH}) for i in range(3)).encode()
    docs = list(read_stdin(io.BufferedReader(io.BytesIO(lines))))  # type: ignore[arg-type]
    assert [d.id for d in docs] == ["s0", "s1", "s2"]


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    text = "Menteri Luar José Ramos berkata «kerjasama» itu penting bagi kedua-dua negara, kata beliau."
    if encoding == "cp1252":
        text = "“Kerjasama itu penting,” kata José – Bernama"
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    (doc,) = _items(path)
    assert doc.text == text


def test_utf8_bom_and_utf16() -> None:
    assert decode("\ufeffKerjasama".encode(), "x") == "Kerjasama"
    assert decode("Kerjasama – é".encode("utf-16"), "x") == "Kerjasama – é"


# ---------------------------------------------------------------- bad input


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    (tmp_path / "header-only.txt").write_text("date 2025-01-01 ")
    for name in ("empty.txt", "blank.txt", "header-only.txt"):
        assert _errors(_items(tmp_path / name)) == [f"{tmp_path / name}: empty document"]


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert _errors(_items(path)) == [f"{path}: not UTF-8 and no encoding could be detected (binary data)"]


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes((i * 7919) % 255 + 1 for i in range(4000)))
    (error,) = _items(path)
    assert str(error).startswith(f"{path}: not UTF-8 and no encoding could be detected")


def test_twenty_megabyte_document(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(MALAY * (20_000_000 // len(MALAY)))
    assert _errors(_items(path)) == [f"{path}: document too large (20.0 MB; the limit is 5 MB)"]
    jsonl = tmp_path / "huge.jsonl"
    jsonl.write_text(json.dumps({"id": "big", "text": "x " * 3_000_000}) + "\n"
                     + json.dumps({"id": "ok", "text": MALAY}))
    items = _items(jsonl)
    assert _errors(items) == [f"{jsonl}: line 1: document too large (6.0 MB; the limit is 5 MB)"]
    assert [i.id for i in items if isinstance(i, RawDocument)] == ["ok"]
    collection = tmp_path / "many.json"  # a collection bigger than one document is fine
    collection.write_text(json.dumps([{"id": str(n), "text": "kata " * 400_000} for n in range(4)]
                                     + [{"id": "big", "text": "kata " * 1_200_000}]))
    items = _items(collection)
    assert [i.id for i in items if isinstance(i, RawDocument)] == ["0", "1", "2", "3"]
    assert _errors(items) == [f"{collection}[4]: document too large (6.0 MB; the limit is 5 MB)"]


def test_missing_and_unreadable_paths(tmp_path: Path) -> None:
    assert _errors(_items(tmp_path / "nope.txt")) == [f"{tmp_path / 'nope.txt'}: no such file or directory"]
    (tmp_path / "file.txt").write_text(MALAY)
    inside_a_file = tmp_path / "file.txt" / "x.txt"
    assert _errors(_items(inside_a_file)) == [f"{inside_a_file}: cannot read (Not a directory)"]
    locked = tmp_path / "locked.txt"
    locked.write_text(MALAY)
    locked.chmod(0)
    try:
        if locked.open("rb").readable():  # root reads anything: nothing to test then
            pytest.skip("running as a user that can read mode-000 files")
    except PermissionError:
        assert _errors(_items(locked)) == [f"{locked}: permission denied"]
    finally:
        locked.chmod(0o644)


def test_input_error_forms() -> None:
    error = InputError("feed.jsonl: line 3", "invalid JSON (x)")
    assert str(error) == "feed.jsonl: line 3: invalid JSON (x)"
    assert (error.origin, error.reason) == ("feed.jsonl: line 3", "invalid JSON (x)")
    ready_made = InputError("gone.txt: no such file or directory")
    assert (ready_made.origin, ready_made.reason) == ("gone.txt", "no such file or directory")


def test_read_file_accepts_an_origin(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(MALAY)
    (doc,) = read_file(path, "given-name")
    assert doc.origin == "given-name"
