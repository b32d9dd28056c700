"""A separate desk taking a free place at a session's door, for the race test:
python -m tests.core.place_worker DATABASE_URL EVENT_ID ITEM_ID CODE START_AT

Opens the database, waits until START_AT (a Unix time, the same for every worker), then
tries; prints "admitted" or "full" after its transaction ended."""

import sys
import time

from regdesk.db import open_database
from regdesk.errors import NoFreePlace
from regdesk.services.door_places import take_free_place


def main(url: str, event_id: int, item_id: int, code: str, start_at: float) -> None:
    db = open_database(url)
    time.sleep(max(0.0, start_at - time.time()))
    try:
        with db.session() as session:
            result = take_free_place(
                session, event_id, code, item_id=item_id, desk=f"Tür {code}", actor="t"
            )
        print(result.verdict, flush=True)
    except NoFreePlace:
        print("full", flush=True)
    finally:
        db.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], float(sys.argv[5]))
