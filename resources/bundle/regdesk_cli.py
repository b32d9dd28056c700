"""The bundle's command-line entry (regdesk-cli): the same as the console script regdesk.

``regdesk-cli --self-test`` runs the installation's self-test (ui.self_test) with its
report on the console -- on Windows and macOS the GUI program has none."""

import sys

if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        from ui.self_test import run_self_test

        sys.exit(run_self_test())
    from regdesk.cli import main

    sys.exit(main())
