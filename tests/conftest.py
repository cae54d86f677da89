"""Shared fixtures: the shared directory (gold, corpus, seed) and the seed analysed once per session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpers import SHARED_DIR, assert_valid
from jalin.model import Analysis
from jalin.pipeline import analyze
from jalin.read import read_path
from pg_server import Server, binaries


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (DESIGN, SCHEMA, gold, corpus, seed); skips the test when it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared data directory {SHARED_DIR} is absent (gold, corpus and seed live there)")
    return SHARED_DIR


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    """The seed article (`date YYYY-MM-DD` header, then the body)."""
    found = sorted((shared_dir / "seed").glob("*.txt"))
    if not found:
        pytest.skip(f"no seed article in {shared_dir / 'seed'}")
    return found[0]


@pytest.fixture(scope="session")
def seed_analysis(seed_path: Path) -> Analysis:
    """The seed read by the seed reader and analysed once per session (validated)."""
    (raw,) = list(read_path(str(seed_path)))
    result = analyze(raw.text, published=raw.published, id=raw.id, title=raw.title, url=raw.url,
                     source=raw.source, metadata=raw.metadata)
    assert_valid(result)
    return result


# ---------------------------------------------------------------------- store backends

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    """One throw-away PostgreSQL server for the session (see pg_server.py); skips when the server
    binaries are not installed (`make test` installs Debian's postgresql package)."""
    bindir = binaries()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed: "
                    "apt-get install postgresql postgresql-contrib")
    server = Server(bindir)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each store test runs on SQLite and on PostgreSQL."""
    return request.param


@pytest.fixture()
def new_db(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Callable[..., str]:
    """Makes an empty store location on the test's backend: a SQLite file under tmp_path, or a fresh
    PostgreSQL database's URL. `new_db("name")` names the file (several stores in one test)."""
    if backend == "sqlite":
        return lambda name="kb": str(tmp_path / f"{name}.db")
    server: Server = request.getfixturevalue("pg_server")
    return lambda name="kb": server.new_database()


@pytest.fixture(scope="module", params=BACKENDS)
def module_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Callable[..., str]:
    """`new_db` for module-scoped fixtures (one store shared by a module's tests), on each backend."""
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("store")
        return lambda name="kb": str(folder / f"{name}.db")
    server: Server = request.getfixturevalue("pg_server")
    return lambda name="kb": server.new_database()
