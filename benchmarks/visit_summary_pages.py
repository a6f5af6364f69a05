"""How many visit summaries fit one A4 page (issue 17: one page in the ordinary case).

    .venv/bin/python benchmarks/visit_summary_pages.py [--keep DIR]

The demo cohort (6 patients, seed 2026) and the shared patients (tests/data/visits.jsonl imported) are
entered into a fresh SQLite file; every visit's summary is rendered in English and in Simplified Chinese
and its pages counted with pypdfium2. `--keep DIR` writes every PDF there (to look at the pages).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    import pypdfium2
    from sqlalchemy import select

    from cga_desk import i18n
    from cga_desk.app import open_store
    from cga_desk.demo.load import load_demo
    from cga_desk.persistence.tables import Patient
    from cga_desk.reports.visit_summary import render_visit_summary
    from cga_desk.services import users
    from cga_desk.services.history import patient_history
    from cga_desk.services.report_data import visit_report_data
    from cga_desk.services.settings import get_report_settings
    from tests.integration.test_reports import import_vectors
    from tests.store_fixtures import ADMIN_USER, NURSE_USER, TODAY, add_accounts, cheap_hasher

    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path)
    opts = parser.parse_args(argv)
    users.HASHER = cheap_hasher()
    with tempfile.TemporaryDirectory() as folder:
        db = open_store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        add_accounts(db, NURSE_USER, ADMIN_USER)
        load_demo(db.unit_of_work, ADMIN_USER, TODAY, n_patients=6)
        import_vectors(db)
        with db.unit_of_work(write=False) as uow:
            ids = sorted(uow.session.scalars(select(Patient.study_id)))
            visits = [(pid, r.visit.id) for pid in ids for r in patient_history(uow, NURSE_USER, pid).rows]
        for lang in ("en", "zh_CN"):
            pages: Counter[int] = Counter()
            start = time.perf_counter()
            with i18n.use_language(lang):
                for pid, vid in visits:
                    with db.unit_of_work(write=False) as uow:
                        data = visit_report_data(uow, NURSE_USER, vid, TODAY)
                        settings = get_report_settings(uow)
                    stream = io.BytesIO()
                    render_visit_summary(data, settings, stream)
                    n = len(pypdfium2.PdfDocument(stream.getvalue()))
                    pages[n] += 1
                    if opts.keep:
                        opts.keep.mkdir(parents=True, exist_ok=True)
                        (opts.keep / f"{lang}-{pid}-{vid}-{n}p.pdf").write_bytes(stream.getvalue())
            one = pages[1]
            print(
                f"{lang:6} visits {len(visits):3}  one page {one:3} ({one / len(visits):.0%})  "
                f"pages {dict(sorted(pages.items()))}  {time.perf_counter() - start:.1f} s"
            )
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
