"""Pages and time of the longitudinal report as the visits grow (issue 17: pages proportional to visits).

    .venv/bin/python benchmarks/longitudinal_pages.py [6 12 24 36 48 60]   (at most 60: monthly from 2021-11)

Each patient is the tests' monthly history (tests/integration/report_helpers.build_long_patient: every
score drifts, every other visit signed), entered through the services into a fresh SQLite file; the
report is rendered three times and the best time printed with the page count and pages per 10 visits.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    import pypdfium2

    from cga_desk.app import open_store
    from cga_desk.reports.longitudinal import render_longitudinal
    from cga_desk.services import users
    from cga_desk.services.report_data import longitudinal_report_data
    from cga_desk.services.settings import get_report_settings
    from tests.integration.report_helpers import LONG_ID, build_long_patient
    from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, TODAY, add_accounts, cheap_hasher

    users.HASHER = cheap_hasher()  # signing every other visit checks a password: not what is measured
    print(f"{'visits':>6} {'pages':>5} {'pages/10 visits':>15} {'render (s)':>10}")
    for n in [int(a) for a in argv] or [6, 12, 24, 36, 48, 60]:
        with tempfile.TemporaryDirectory() as folder:
            db = open_store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
            add_accounts(db, NURSE_USER, DOCTOR, ADMIN_USER)
            build_long_patient(db, n=n)
            with db.unit_of_work(write=False) as uow:
                data = longitudinal_report_data(uow, NURSE_USER, LONG_ID, TODAY)
                settings = get_report_settings(uow)
            best, pdf = float("inf"), b""
            for _ in range(3):
                stream = io.BytesIO()
                start = time.perf_counter()
                render_longitudinal(data, settings, stream)
                best = min(best, time.perf_counter() - start)
                pdf = stream.getvalue()
            pages = len(pypdfium2.PdfDocument(pdf))
            print(f"{n:>6} {pages:>5} {pages / n * 10:>15.2f} {best:>10.2f}")
            db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
