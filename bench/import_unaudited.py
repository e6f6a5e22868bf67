"""``ictdesk import`` with the audit log switched off: for comparison in bench_exchange only.

Usage: python3 import_unaudited.py FILE --db DB. The import reads, checks and writes its values
as ictdesk does, except that no audit row is written (``_chained_values`` appends nothing and
reports the batch's size). It shows what the checks and the write cost without the audit, i.e.
how much of the import's time is the per-value audit row that issue 20 requires. Never used by
the application.
"""

from __future__ import annotations

import sys

from ictdesk.cli import main
from ictdesk.core.store import ValueStore


def _no_audit(store: ValueStore, _sql: str, *_args) -> int:
    return store.staged_count()


if __name__ == "__main__":
    ValueStore._chained_values = _no_audit
    sys.exit(main(["import", *sys.argv[1:]]))
