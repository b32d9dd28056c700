"""A separate process scanning badges, for the race and crash tests:
python -m tests.core.scan_worker DATABASE_URL EVENT_ID DAY_ID DESK CODE [CODE ...]

Prints "code verdict" for each scan once its transaction has committed (what a door
screen would show), flushing at once."""

import sys

from regdesk.db import open_database
from regdesk.services.checkin import ScanContext, scan


def main(url: str, event_id: int, day_id: int, desk: str, codes: list[str]) -> None:
    db = open_database(url)
    context = ScanContext(day_id=day_id)
    for code in codes:
        with db.session() as session:
            result = scan(session, event_id, code, desk=desk, context=context)
        print(code, result.verdict, flush=True)  # after the commit
    db.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5:])
