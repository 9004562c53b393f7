"""A throwaway PostgreSQL server on 127.0.0.1 for the gradebook tests (Debian's postgresql package:
initdb and pg_ctl), in a temporary folder, on a free port, trusting connections from loopback only,
without fsync (its data is thrown away). initdb refuses to run as root, so as root (CI) the server
runs as the system user ``postgres`` that the package creates.

``.ci/run`` installs the package; without it the tests that need it are skipped (``MISSING``).
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from browser import free_port

BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), None)
MISSING = (None if BIN and (BIN / "initdb").exists() and (BIN / "pg_ctl").exists()
           else "no PostgreSQL server (apt-get install postgresql)")
SERVER_OPTIONS = "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def _as_server_user(folder: Path) -> list[str]:
    if os.geteuid() != 0:
        return []
    shutil.chown(folder, "postgres", "postgres")
    return ["runuser", "-u", "postgres", "--"]


@contextlib.contextmanager
def running() -> Iterator[str]:
    """A PostgreSQL server with its data in a new folder of /tmp (which the server's user can reach: a
    test's own tmp_path is its owner's alone); yields the SQLAlchemy URL of the server,
    ``postgresql+psycopg://postgres@127.0.0.1:PORT``, to which a database name is added
    (``create_database``). The server is stopped and its folder removed on the way out."""
    folder = Path(tempfile.mkdtemp(prefix="dlcourse-postgres-", dir="/tmp"))  # not $TMPDIR: pytest's is root's alone
    prefix = _as_server_user(folder)
    data, socket = folder / "data", folder / "socket"
    subprocess.run([*prefix, str(BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--no-sync"], check=True, capture_output=True)
    subprocess.run([*prefix, "mkdir", str(socket)], check=True)
    port = free_port()
    options = f"{SERVER_OPTIONS} -p {port} -k {socket}"
    subprocess.run([*prefix, str(BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-o", options,
                    "-w", "-t", "60", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([*prefix, str(BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "-t", "60", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def create_database(server: str, name: str) -> str:
    """A new, empty database on ``server`` (from ``running``); its SQLAlchemy URL."""
    import psycopg

    with psycopg.connect(server.replace("postgresql+psycopg://", "postgresql://") + "/postgres",
                         autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"
