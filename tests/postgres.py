"""The tests' databases: SQLite in a test's DATA_DIR, or a fresh database on a private,
throwaway Postgres cluster (one per test session, so one per xdist worker, on a free port of
127.0.0.1). A test marked `on_both_databases` runs once on each."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

on_both_databases = pytest.mark.parametrize("db_url", ["sqlite", "postgres"], indirect=True)

# A throwaway cluster needs no durability; the limit leaves room for a test's several engines.
SERVER_SETTINGS = """
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
"""
START_TRIES = 3  # another process may take the free port before the server binds it


@dataclass(frozen=True, slots=True)
class Cluster:
    """A running private cluster: superuser `postgres`, trusted, on 127.0.0.1:`port`."""

    port: int

    def url(self, database: str) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/{database}"

    async def admin(self, statement: str) -> None:
        conn = await asyncpg.connect(
            host="127.0.0.1", port=self.port, user="postgres", database="postgres"
        )
        try:
            await conn.execute(statement)
        finally:
            await conn.close()


def _unavailable(reason: str) -> NoReturn:
    """Skip on a developer's machine; in CI (where `CI` is set) a missing Postgres fails."""
    if os.environ.get("CI"):
        pytest.fail(f"Postgres tests cannot run: {reason}", pytrace=False)
    pytest.skip(f"Postgres tests skipped: {reason}")


def _server_programs() -> Path | None:
    """The newest installed server's bin folder (Debian's layout, else initdb on PATH)."""
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda initdb: [int(part) for part in initdb.parts[-3].split(".")],
    )
    initdb = debian[-1] if debian else shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def _serve(as_owner: list[str | Path], programs: Path, data: Path) -> subprocess.Popen[bytes]:
    """Start the server in this process group (a test run killed takes it along) and wait
    until it accepts connections; on a clash for the port, try another."""
    log = data.parent / "server.log"
    for _ in range(START_TRIES):
        with log.open("wb") as output:
            server = subprocess.Popen(
                [*as_owner, programs / "postgres", "-D", data, "-p", str(_free_port())],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        while server.poll() is None:
            if _status(data) == "ready":
                return server
            time.sleep(0.02)
    raise ServerFailed(f"Postgres did not start:\n{log.read_text()}")


def _status(data: Path) -> str:
    """The postmaster's own word on its state ("starting", "ready"…; "" before it says)."""
    try:
        lines = (data / "postmaster.pid").read_text().splitlines()
    except FileNotFoundError:
        return ""
    return lines[7].strip() if len(lines) > 7 else ""


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    """Start a private cluster in a temporary folder; stop and delete it at the end."""
    try:
        with private_cluster() as cluster:
            yield cluster
    except Unavailable as exc:
        _unavailable(str(exc))
    except ServerFailed as exc:
        pytest.fail(str(exc), pytrace=False)


class Unavailable(Exception):
    """No private cluster can run here (the reason is the message)."""


class ServerFailed(Exception):
    """The private cluster could not be made or started (its output is the message)."""


@contextmanager
def private_cluster() -> Iterator[Cluster]:
    """A private, throwaway cluster for the block (the tests' and the benchmark's)."""
    programs = _server_programs()
    if programs is None:
        raise Unavailable("no PostgreSQL server installed (Debian: apt-get install postgresql)")
    as_owner: list[str | Path] = []
    folder = Path(tempfile.mkdtemp(prefix="voicebot-postgres-"))
    try:
        if os.geteuid() == 0:  # initdb refuses root: the cluster belongs to `postgres`
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                raise Unavailable(
                    "running as root, and there is no 'postgres' user to own a cluster"
                ) from None
            os.chown(folder, owner.pw_uid, owner.pw_gid)
            as_owner = ["runuser", "-u", "postgres", "--"]
        data = folder / "data"
        made = subprocess.run(
            [
                *as_owner,
                programs / "initdb",
                "-D",
                data,
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
            ],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
        )
        if made.returncode:
            raise ServerFailed(f"initdb failed:\n{made.stdout}{made.stderr}")
        with (data / "postgresql.conf").open("a") as conf:
            conf.write(SERVER_SETTINGS)
        server = _serve(as_owner, programs, data)
        try:
            port = int((data / "postmaster.pid").read_text().splitlines()[3])
            yield Cluster(port)
        finally:
            subprocess.run(
                [*as_owner, programs / "pg_ctl", "stop", "-D", data, "-m", "immediate"],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                check=False,
            )
            server.wait()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
async def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of the database a test's services use: SQLite in DATA_DIR (tmp_path/data)
    unless the test is parametrized with "postgres": then a fresh database of its own."""
    if getattr(request, "param", "sqlite") == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'data' / 'voicebot.db'}"
        return
    cluster: Cluster = request.getfixturevalue("postgres")
    name = f"test_{uuid.uuid4().hex}"
    await cluster.admin(f'CREATE DATABASE "{name}"')
    yield cluster.url(name)
    await cluster.admin(f'DROP DATABASE "{name}" WITH (FORCE)')


async def query(url: str, sql: str) -> list[Any]:
    """Rows read straight from the database, as an outside observer."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(text(sql))).all())
    finally:
        await engine.dispose()


async def execute(url: str, sql: str) -> None:
    """Change the database straight, as something outside the bot would (a crash's leftovers)."""
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text(sql))
    finally:
        await engine.dispose()
