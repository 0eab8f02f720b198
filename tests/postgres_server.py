"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder as an
unprivileged user, started on a free port on 127.0.0.1, stopped at the end.

`RECONCILE_TEST_POSTGRES=postgresql://user@host:port/dbname` uses a server already running
instead (its user must be allowed to create databases). Without either, `why_not` says why the
PostgreSQL tests are skipped.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ENV = "RECONCILE_TEST_POSTGRES"


def _bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(versions[0]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A server to make fresh databases on; `url(name)` is one database's URL."""

    def __init__(self) -> None:
        self.why_not = ""
        self.base = ""  # postgresql://user@host:port (no database)
        self._folder: str | None = None
        self._bin: Path | None = None
        self._run_as: list[str] = []
        given = os.environ.get(ENV)
        if given:
            parts = urlsplit(given)
            self.base = urlunsplit(parts._replace(path="", query="", fragment=""))
            self._admin = given
            return
        self._start()

    def _start(self) -> None:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            self.why_not = "psycopg is not installed (pip install 'reconcile[postgres]')"
            return
        self._bin = _bin_dir()
        if self._bin is None:
            self.why_not = "PostgreSQL is not installed (no initdb; apt-get install postgresql)"
            return
        self._folder = tempfile.mkdtemp(prefix="reconcile-pg-")
        user = "postgres"
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            self._run_as = ["runuser", "-u", "nobody", "--"]
            os.chmod(self._folder, 0o777)
        data = os.path.join(self._folder, "data")
        port = _free_port()
        try:
            self._run("initdb", "-D", data, "-U", user, "-A", "trust", "-E", "UTF8",
                      "--locale=C", "--no-sync")  # fmt: skip
            self._run("pg_ctl", "-D", data, "-l", os.path.join(self._folder, "log"), "-w",
                      "-o", f"-h 127.0.0.1 -p {port} -k {self._folder} -F", "start")  # fmt: skip
        except (OSError, subprocess.CalledProcessError) as exc:
            detail = getattr(exc, "stderr", "") or str(exc)
            self.why_not = f"could not start PostgreSQL: {str(detail).strip()[:200]}"
            return
        self.base = f"postgresql://{user}@127.0.0.1:{port}"
        self._admin = f"{self.base}/postgres"

    def _run(self, program: str, *args: str) -> None:
        assert self._bin is not None
        subprocess.run([*self._run_as, str(self._bin / program), *args], check=True,
                       capture_output=True, text=True, timeout=120)  # fmt: skip

    def create_database(self) -> str:
        """Return the URL of a new, empty database."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        for attempt in range(50):
            try:
                with psycopg.connect(self._admin, autocommit=True) as admin:
                    admin.execute(f"CREATE DATABASE {name}")
                break
            except psycopg.OperationalError:  # the server is still starting
                if attempt == 49:
                    raise
                time.sleep(0.1)
        return f"{self.base}/{name}"

    def stop(self) -> None:
        if self._folder is None:
            return
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", os.path.join(self._folder, "data"), "-m", "immediate",
                      "-w", "stop")  # fmt: skip
        shutil.rmtree(self._folder, ignore_errors=True)


def plain_connection(target: str | Path) -> Any:
    """Return a DB-API connection to a store with no reconcile code: sqlite3 for a file,
    psycopg (autocommit) for a postgresql:// URL."""
    if str(target).startswith("postgresql://"):
        import psycopg

        return psycopg.connect(str(target), autocommit=True)
    import sqlite3

    return sqlite3.connect(target, timeout=0)


def plain_rows(target: str | Path, sql: str) -> list[tuple]:
    """Return the rows of one query (written with no placeholders), read without reconcile."""
    connection = plain_connection(target)
    try:
        return [tuple(r) for r in connection.execute(sql).fetchall()]
    finally:
        connection.close()


def dump(target: str | Path) -> list[str]:
    """Return a store's content as text, read without reconcile: every row of every table."""
    if not str(target).startswith("postgresql://"):
        import sqlite3

        with sqlite3.connect(target) as connection:
            return list(connection.iterdump())
    tables = [r[0] for r in plain_rows(target, "SELECT tablename FROM pg_tables "
                                               "WHERE schemaname = 'public' ORDER BY 1")]  # fmt: skip
    return [f"{t}: {row!r}" for t in tables
            for row in plain_rows(target, f"SELECT * FROM {t} ORDER BY 1")]  # fmt: skip


def plain_execute(target: str | Path, *statements: str) -> None:
    """Run statements on a store, without reconcile, and commit them."""
    connection = plain_connection(target)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()
