"""A SQLite file on a network share is recognised (the GUI warns: WAL's locks fail there)."""

from pathlib import Path

from regdesk.desks.shares import filesystem_of, network_share

MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw 0 0
//nas/veranstaltungen /mnt/nas cifs rw,vers=3.0 0 0
server:/export/home /home/team nfs4 rw 0 0
/dev/sdb1 /mnt/nas/local\\040stick vfat rw 0 0
"""


def test_network_shares_are_told_from_local_disks():
    assert network_share(Path("/mnt/nas/2026/regdesk.sqlite3"), MOUNTS) == "cifs"
    assert network_share(Path("/home/team/regdesk.sqlite3"), MOUNTS) == "nfs4"
    assert network_share(Path("/home/anna/regdesk.sqlite3"), MOUNTS) is None
    assert network_share(Path("/tmp/x.sqlite3"), MOUNTS) is None
    # the longest mount point wins, with its escaped blank
    assert filesystem_of(Path("/mnt/nas/local stick/x.sqlite3"), MOUNTS) == "vfat"
    assert network_share(Path("/mnt/nasty/x.sqlite3"), MOUNTS) is None  # not under /mnt/nas
    assert network_share(Path("//server/share/regdesk.sqlite3")) == "smb"


def test_this_machines_own_data_folder_is_local(tmp_path):
    assert network_share(tmp_path / "regdesk.sqlite3") is None
