"""Start the regdesk GUI: python main.py [--database URL] [--lang de|en]."""

import sys

from ui.app import run

if __name__ == "__main__":
    sys.exit(run())
