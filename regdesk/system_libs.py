"""Before Qt is first imported: are the system libraries Qt's wheels link against on
Linux there? ``python3 -m regdesk.system_libs [--install] [--window]`` (``make run`` /
``make test``). ``--window``: also those a real window on X11 needs (``make run``, where a
display is set): Qt 6.5 and later will not start without xcb-cursor, which a fresh
Ubuntu desktop lacks.

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


# a window on X11 (Qt's xcb platform plugin), beyond the above
WINDOW = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def missing(window: bool = False) -> list[str]:
    """The packages whose libraries cannot be found (``window``: those of a window too)."""
    wanted = {**NEEDED, **WINDOW} if window else NEEDED
    return [package for lib, package in wanted.items() if ctypes.util.find_library(lib) is None]


def _shows_windows() -> bool:
    """Whether this session has an X11 display (Qt uses xcb there, also under XWayland)."""
    return bool(os.environ.get("DISPLAY")) and os.environ.get("QT_QPA_PLATFORM", "") in ("", "xcb")


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
    window = "--window" in argv and _shows_windows()
    packages = missing(window)
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
    if result.returncode != 0 or missing(window):
        print(
            f"regdesk: could not install {' '.join(packages)}; run: sudo " + " ".join(command),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
