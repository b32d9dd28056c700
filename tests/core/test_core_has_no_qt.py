"""The core never imports Qt: the CLI, server tools and tests must run without it."""

import subprocess
import sys
from pathlib import Path

import regdesk

CORE = Path(regdesk.__file__).parent


def test_importing_every_core_module_loads_no_pyside6():
    modules = sorted(
        "regdesk." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if "migrations" not in p.parts and p.name != "__main__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "qt = ('PySide6', 'shiboken6', 'ui')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in qt)\n"
        "print(len(sys.modules))\n"
        "sys.exit('Qt imported by the core: ' + ', '.join(bad) if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(modules) > 10


def test_no_core_source_mentions_pyside6():
    offenders = [str(p) for p in CORE.rglob("*.py") if "PySide6" in p.read_text(encoding="utf-8")]
    assert offenders == []
