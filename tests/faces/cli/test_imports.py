"""Each command imports only what it uses: `sys.modules` at the end of a real run, in a fresh interpreter.

Start-up time is most of a short command's cost, and it is nearly all imports (pandas, pyarrow,
Dask, FastAPI). The check is what a command loaded, not how long it took (timings are read in
benchmarks/, never asserted).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from jalin import analyze, open_store

TEXT = (
    "BANGKOK: Thailand dan Filipina menandatangani memorandum persefahaman kerjasama maritim pada "
    "Isnin, kata Menteri Pertahanan Thailand, Jeneral Somchai Rattanakul. Kedua-dua negara akan "
    "mengadakan latihan bersama tahun depan."
)

# Run the `jalin` command line in this interpreter, then list the watched modules it loaded.
_PROBE = """
import json, sys
from jalin.cli import main
watched = json.loads(sys.argv[1])
sys.argv = ["jalin", *sys.argv[2:]]
try:
    main()
except SystemExit as stop:
    code = stop.code
else:
    code = 0
print(json.dumps({"code": code, "loaded": sorted(m for m in watched if m in sys.modules)}), file=sys.stderr)
"""

DATA_STACK = ["pandas", "pyarrow", "numpy"]
SCALE_OUT = ["dask", "distributed"]
WEB = ["fastapi", "starlette", "uvicorn", "jinja2", "httpx", "jalin.web"]
WATCHED = [*DATA_STACK, *SCALE_OUT, *WEB, "rich", "jalin.pipeline", "jalin.read", "jalin.store",
           "jalin.batch", "jalin.evaluate.match"]


def loaded_by(*args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(WATCHED), *args],
                          capture_output=True, text=True, timeout=120)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, None), done.stderr
    return report["loaded"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("imports") / "k.db"
    with open_store(path) as store:
        store.add_analyses([analyze(TEXT, published="2025-03-03", id="bkk-1")])
    return str(path)


def test_analyze_loads_the_pipeline_and_no_data_or_web_stack(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    loaded = loaded_by("analyze", str(article))
    assert "jalin.pipeline" in loaded  # the probe sees what a command imports
    assert not set(loaded) & {*DATA_STACK, *SCALE_OUT, *WEB, "rich", "jalin.store", "jalin.batch"}


def test_evaluate_loads_the_scorer_and_no_data_or_web_stack(tmp_path: Path) -> None:
    gold = tmp_path / "one.gold.json"
    gold.write_text(json.dumps({"schema": "jalin.gold/1", "text": TEXT,
                                "actors": [{"type": "COUNTRY", "country": "THA"}]}), encoding="utf-8")
    loaded = loaded_by("evaluate", str(gold), "--json")
    assert {"jalin.pipeline", "jalin.evaluate.match"} <= set(loaded)
    assert not set(loaded) & {*DATA_STACK, *SCALE_OUT, *WEB, "jalin.store", "jalin.batch"}


QUERIES = [
    ["actors"], ["actors", "--json"], ["actor", "Somchai"], ["agreements"], ["agreements", "--json"],
    ["agreements", "--overdue", "--as-of", "2026-01-01"], ["timeline", "THA", "PHL", "--json"],
    ["timeline", "THA", "PHL"], ["search", "maritim"], ["search", "maritim", "--json"], ["show", "bkk-1"],
]


@pytest.mark.parametrize("query", QUERIES, ids=[" ".join(q) for q in QUERIES])
def test_queries_load_the_store_and_no_pandas_pipeline_or_web(store_path: str, query: list[str]) -> None:
    loaded = loaded_by(*query, "--db", store_path)
    assert "jalin.store" in loaded
    assert not set(loaded) & {*DATA_STACK, *SCALE_OUT, *WEB, "jalin.pipeline", "jalin.read", "jalin.batch"}
    if "--json" in query or query[0] == "show":
        assert "rich" not in loaded  # JSON is printed without the table renderer


def test_plover_types_loads_neither_the_pipeline_nor_the_store() -> None:
    loaded = loaded_by("plover-types", "--json")
    assert not set(loaded) & {*DATA_STACK, *SCALE_OUT, *WEB, "jalin.pipeline", "jalin.store", "rich"}


def test_the_evaluate_help_names_the_scorers_layers() -> None:
    from jalin.cli import evaluate
    from jalin.evaluate import match

    assert evaluate.LAYERS == match.LAYERS
