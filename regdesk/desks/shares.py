"""Is a file on a network share? SQLite's WAL needs shared memory and file locks that
SMB and NFS do not keep reliably: several desks must share a server, not a file."""

from __future__ import annotations

import os
from pathlib import Path

NETWORK_FILESYSTEMS = {
    "cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4", "afs", "9p", "ncpfs",
    "fuse.sshfs", "fuse.rclone", "davfs", "fuse.davfs2", "glusterfs", "ceph",
}  # fmt: skip


def _unescape(field: str) -> str:
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def filesystem_of(path: Path, mounts: str | None = None) -> str | None:
    """The type of the file system ``path`` lies on (Linux: from /proc/self/mounts)."""
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text()
        except OSError:
            return None
    target = os.path.realpath(path)
    best, kind = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def network_share(path: Path, mounts: str | None = None) -> str | None:
    """The network file system ``path`` lies on, or None where it is local."""
    text = str(path)
    if text.startswith(("\\\\", "//")):  # Windows UNC path
        return "smb"
    kind = filesystem_of(path, mounts)
    return kind if kind in NETWORK_FILESYSTEMS else None
