"""python -m benchmarks [NAME ...] [--quick]"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

from .harness import REGISTRY, save, table


def load_all() -> None:
    folder = Path(__file__).resolve().parent
    for module in pkgutil.iter_modules([str(folder)]):
        if module.name.startswith("bench_"):
            importlib.import_module(f"benchmarks.{module.name}")


def main(argv: list[str]) -> int:
    load_all()
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument(
        "names",
        nargs="*",
        choices=[[], *sorted(REGISTRY)],
        metavar="NAME",
        help=f"benchmarks to run (default all: {', '.join(sorted(REGISTRY))})",
    )
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args(argv)
    figures = []
    for name in args.names or sorted(REGISTRY):
        print(f"running {name} ...", file=sys.stderr, flush=True)
        figures += REGISTRY[name](args.quick)
    print(table(figures))
    print(f"\nwritten to {save(figures)}")
    return 0 if all(f.passed is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
