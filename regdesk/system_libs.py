"""Before Qt is first imported: are the system libraries Qt's wheels link against on
Linux there? ``python3 -m regdesk.system_libs [--install]`` (``make run`` / ``make test``).

Missing ones are installed with apt-get where that may happen without asking (root, or
password-less sudo); otherwise one line names the exact command to run, and the exit code
is 1. Elsewhere (macOS, Windows: the wheels bring what they need) it says nothing. Uses the
standard library only: it runs before the virtual environment exists.
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys

# library (as ctypes finds it) -> the Debian/Ubuntu package that brings it
NEEDED = {
    "EGL": "libegl1",
    "GL": "libgl1",
    "fontconfig": "libfontconfig1",
    "xkbcommon": "libxkbcommon0",
    "dbus-1": "libdbus-1-3",
    "glib-2.0": "libglib2.0-0",
}


def missing() -> list[str]:
    """The packages whose libraries cannot be found."""
    return [package for lib, package in NEEDED.items() if ctypes.util.find_library(lib) is None]


def _may_install() -> list[str] | None:
    """The prefix for apt-get (``[]`` as root, ``["sudo", "-n"]`` with password-less
    sudo), or None where installing would have to ask."""
    if shutil.which("apt-get") is None:
        return None
    if os.geteuid() == 0:
        return []
    if (
        shutil.which("sudo")
        and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0
    ):
        return ["sudo", "-n"]
    return None


def main(argv: list[str]) -> int:
    if not sys.platform.startswith("linux"):
        return 0
    packages = missing()
    if not packages:
        return 0
    prefix = _may_install() if "--install" in argv else None
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if prefix is None:
        shown = " ".join(["sudo", *command]) if os.geteuid() != 0 else " ".join(command)
        print(f"regdesk needs system libraries for Qt; run: {shown}", file=sys.stderr)
        return 1
    print(f"Installing the libraries Qt needs: {' '.join(packages)}", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*prefix, "apt-get", "update", "-qq"], env=env, check=False)
    result = subprocess.run([*prefix, *command], env=env)
    if result.returncode != 0 or missing():
        print(
            f"regdesk: could not install {' '.join(packages)}; run: sudo " + " ".join(command),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
