"""A separate desk admitting a whole group, for the race test:
python -m tests.core.group_worker DATABASE_URL EVENT_ID DAY_ID ID,ID,... START_AT

Opens the database, waits until START_AT (a Unix time, the same for every worker), then
admits the people in the order given; prints each verdict after the transaction ended."""

import sys
import time

from regdesk.db import open_database
from regdesk.services import checkin


def main(url: str, event_id: int, day_id: int, ids: str, start_at: float) -> None:
    db = open_database(url)
    context = checkin.ScanContext(day_id=day_id, allow_reentry=False)
    time.sleep(max(0.0, start_at - time.time()))
    try:
        with db.session() as session:
            results = checkin.admit_people(
                session, event_id, [int(i) for i in ids.split(",")], desk=f"Tür {ids[:9]}",
                context=context,
            )  # fmt: skip
        print(" ".join(r.verdict for r in results), flush=True)
    finally:
        db.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], float(sys.argv[5]))
