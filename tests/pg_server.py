"""A throw-away PostgreSQL server for the tests: Debian's binaries, `initdb` + `pg_ctl` in a temporary
folder, loopback only, on a free port; one server per test session, a fresh database per test (copied
from a migrated template, so each costs a file copy rather than a schema build).

Root-safe: PostgreSQL refuses to run as root, so under root the cluster belongs to the `postgres` system
user (created by Debian's package) and every server command runs as that user through `runuser`.
`binaries()` is None when no server binaries are installed (`make test` installs them): the PostgreSQL
variants of the tests then skip, saying so.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

USER = "jalin"
TEMPLATE = "jalin_template"


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (the newest installed major version), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path and shutil.which("initdb") else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A running server; `url(name)` addresses one of its databases, `new_database()` makes one."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="jalin-pg-"))
        self.data = self.root / "data"
        self.port = 0
        self._names = itertools.count(1)
        self._runas: list[str] = []
        self._copy = ""
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")  # KeyError: no such user (the package creates it)
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self._runas = ["runuser", "-u", "postgres", "--"]

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self._runas, str(self.bindir / tool), *args], check=True, capture_output=True,
                       cwd=self.root, timeout=120)

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", USER, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        # No durability needed for a test server: no fsync, no full-page writes, small shared memory.
        options = (f"-c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c shared_buffers=32MB -c max_connections=60")
        for attempt in range(5):  # another process may take the free port first: try another
            self.port = _free_port()
            try:
                self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w",
                          "-t", "60", "-o", f"-p {self.port} {options}", "start")
                break
            except subprocess.CalledProcessError:
                if attempt == 4:
                    raise
        self._admin(f"CREATE DATABASE {TEMPLATE}")
        # PostgreSQL 15+ copies a small template faster file by file than through the WAL.
        self._copy = " STRATEGY = FILE_COPY" if self._version() >= 150000 else ""
        from jalin.store import open_store
        open_store(self.url(TEMPLATE)).close()  # migrated once; every test database copies it

    def url(self, database: str) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg
        with psycopg.connect(self.url("postgres"), autocommit=True) as con:
            con.execute(sql)

    def _version(self) -> int:
        import psycopg
        with psycopg.connect(self.url("postgres")) as con:
            return int(con.execute("SHOW server_version_num").fetchone()[0])

    def new_database(self) -> str:
        """A new database with the current schema, as a `--db` URL."""
        name = f"t{os.getpid()}_{next(self._names)}"
        self._admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}{self._copy}")
        return self.url(name)

    def empty_database(self) -> str:
        """A new database without any schema (migrations not run), as a URL."""
        name = f"e{os.getpid()}_{next(self._names)}"
        self._admin(f"CREATE DATABASE {name} TEMPLATE template0")
        return self.url(name)

    def stop(self) -> None:
        try:
            if self.port:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
