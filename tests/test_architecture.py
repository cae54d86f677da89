"""The layout rules of docs/architecture.md, checked on the source: no import cycle in src/jalin, no
extraction layer importing another layer, a layer's private state used by that layer only, the
readers importable without the analysis, and a pipeline that refuses a wrong layer order."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jalin.doc import Doc
from jalin.extract.common.queries import LayerOrderError, countries_in, reference_date
from jalin.lexicon import load_lexicon
from jalin.pipeline import LAYERS, Layer, PipelineOrderError, check_order
from jalin.text import prepare

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "jalin"
LAYER_NAMES = ("actors", "agreements", "events", "times", "statements", "quantities", "gatherings", "topics")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def imports_of(module: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `module` imports anywhere in its body (not under `if TYPE_CHECKING`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_lines(tree)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parents, base]).strip(".")
            for alias in node.names:
                child = f"{base}.{alias.name}"
                if child in known:
                    found.add(child)
                elif base in known:
                    found.add(base)
    found.discard(module)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: imports_of(name, path, known) for name, path in modules.items()}


def layer_of(module: str) -> str | None:
    """The extraction layer a module belongs to ("common" for the shared modules), else None."""
    parts = module.split(".")
    if len(parts) >= 3 and parts[:2] == ["jalin", "extract"]:
        return parts[2]
    if len(parts) >= 2 and parts[:2] == ["jalin", "grammar"]:
        return "grammar"  # the grammar layer lives beside extract/, read by the layers after it
    return None


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), as sorted name lists."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_walker_sees_a_cycle_and_a_layer_crossing() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    assert layer_of("jalin.extract.actors.persons") == "actors"
    assert layer_of("jalin.extract.statements") == "statements"
    assert layer_of("jalin.pipeline") is None
    assert layer_of("jalin.grammar.references") == "grammar"


def test_no_import_cycle_in_src() -> None:
    graph = import_graph()
    assert "jalin.extract.actors.layer" in graph["jalin.extract.actors"]  # the walker reads imports
    assert cycles(graph) == []


def test_no_layer_imports_another_layer() -> None:
    crossings = []
    for module, imported in import_graph().items():
        own = layer_of(module)
        if own is None:
            continue
        for target in imported:
            other = layer_of(target)
            if other is not None and other != own and other != "common":
                crossings.append(f"{module} imports {target}")
            if own == "common" and other is not None and other != "common":
                crossings.append(f"{module} (common) imports the layer module {target}")
    assert crossings == []


def test_a_layer_reads_and_writes_only_its_own_private_state() -> None:
    wrong = []
    for module, path in _modules().items():
        own = layer_of(module)
        for name in re.findall(r"\.private\(\"(\w+)\"\)", path.read_text(encoding="utf-8")):
            if name != own:
                wrong.append(f"{module} uses the private state of {name}")
    assert wrong == []
    assert not hasattr(Doc, "notes")


def _imported_by(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(run.stdout.split())


def test_the_readers_and_the_store_load_without_the_analysis() -> None:
    for statement in ("import jalin.read", "import jalin.store", "import jalin"):
        loaded = _imported_by(statement)
        assert "ahocorasick" not in loaded, statement
        assert "jalin.pipeline" not in loaded, statement
    assert "jalin.pipeline" in _imported_by("from jalin import analyze")


def test_the_pipeline_declares_an_order_that_holds() -> None:
    check_order(LAYERS)
    assert [layer.name for layer in LAYERS][:2] == ["actors", "statements"]
    swapped = (LAYERS[1], LAYERS[0], *LAYERS[2:])
    with pytest.raises(PipelineOrderError, match="statements layer reads actors"):
        check_order(swapped)
    with pytest.raises(PipelineOrderError, match="topics layer reads events"):
        check_order([Layer("topics", lambda doc: [], reads=("events",))])


def test_a_query_before_its_layer_ran_fails_loudly() -> None:
    doc = prepare("Vietnam dan Brazil menandatangani perjanjian.", published=None, id=None, title=None,
                  url=None, source=None, metadata={}, lexicon=load_lexicon())
    with pytest.raises(LayerOrderError, match="actors layer has not run"):
        countries_in(doc, 0, len(doc.text))
    assert reference_date(doc) is None  # no publication date and the times layer has not inferred one


TESTS = Path(__file__).resolve().parent
TOP_LEVEL_TESTS = {"test_architecture.py"}  # project-wide rules; every other test lives in its layer's folder


def imported_test_modules(source: str) -> set[str]:
    """The test modules (`test_*`) that a test or helper file's `source` imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found.update(n for n in names if n.rpartition(".")[2].startswith("test_"))
    return found


def test_tests_live_in_their_layers_folder_and_share_helpers_not_test_files() -> None:
    assert imported_test_modules("from test_x import a\nimport helpers") == {"test_x"}
    assert imported_test_modules("from store_fixtures import wire_copy") == set()
    importing = {str(p.relative_to(TESTS)): sorted(imported_test_modules(p.read_text(encoding="utf-8")))
                 for p in sorted(TESTS.rglob("*.py"))}
    assert {k: v for k, v in importing.items() if v} == {}, "move shared code to conftest.py or a helper"
    stray = sorted(p.name for p in TESTS.glob("test_*.py") if p.name not in TOP_LEVEL_TESTS)
    assert stray == [], "put these under tests/<layer>/ (see the folders beside them)"



def unexampled_patterns(source: str) -> list[str]:
    """The module-level `NAME = re.compile(...)` of `source` with no comment giving an example of what
    it matches, on the statement's own lines or on a comment line right above it."""
    lines = source.split("\n")
    missing = []
    for node in ast.parse(source).body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if value is None or not ast.unparse(value).startswith("re.compile("):
            continue
        above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
        own = [line for line in lines[node.lineno - 1:node.end_lineno] if "#" in line]
        if not own and not above.startswith("#"):
            missing.append(ast.unparse(node.targets[0] if isinstance(node, ast.Assign) else node.target))
    return missing


def test_every_module_level_regex_has_an_example_comment() -> None:
    assert unexampled_patterns('import re\nX = re.compile(r"a+")\nY = 2\n') == ["X"]
    assert unexampled_patterns('# "aa"\nX = re.compile(r"a+")\n') == []
    assert unexampled_patterns('X = re.compile(  # "aa", "a"\n    r"a+")\n') == []
    assert unexampled_patterns('Y = 1  # one\nX = re.compile(r"a+")\n') == ["X"]
    found = {str(p.relative_to(SRC)): unexampled_patterns(p.read_text(encoding="utf-8"))
             for p in sorted(PACKAGE.rglob("*.py"))}
    assert {k: v for k, v in found.items() if v} == {}, "add a one-line example of what each matches"
