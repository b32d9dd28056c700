"""A separate process that enrols participants, for the race tests:
python -m tests.core.race_worker DATABASE_URL ITEM_ID PID [PID ...]"""

import sys

from regdesk.db import open_database
from regdesk.errors import RegdeskError
from regdesk.services.programme import enrol


def main(url: str, item_id: int, participant_ids: list[int]) -> None:
    db = open_database(url)
    for pid in participant_ids:
        try:
            with db.session() as session:
                result = enrol(session, item_id, pid, actor=f"proc-{pid}")
            print(pid, result.status, result.waitlist_position, flush=True)
        except RegdeskError as exc:
            print(pid, "refused", type(exc).__name__, flush=True)
    db.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), [int(a) for a in sys.argv[3:]])
