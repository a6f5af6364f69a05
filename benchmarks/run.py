"""Issue 8 benchmarks: each operation of CGA Desk against a bare baseline measured in the same run.

    .venv/bin/python benchmarks/run.py --db benchmarks/data/clinic.sqlite3   # make_data.py first
    .venv/bin/python benchmarks/run.py --quick                               # 2,000 x 20, about a minute

Every measurement runs in its own subprocess (a clean interpreter, its own peak RSS, and a timeout:
"skipped (over N s)" rather than a hang). Prints a table and writes benchmarks/results.md.
Note: "save one answer" and "CSV export" write to the database (one answer, audit events).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
QUICK_DB = HERE / "data" / "quick.sqlite3"
MEM_LIMIT_MB = 6000
# The services check the signed-in user's role (issue 13); the measured calls run as a nurse would.
BENCH_NURSE_ARGS = ("Benchmark Nurse", "nurse", "Benchmark Nurse")


def _bench_nurse():  # imported lazily: the start-up workers must not load the package early
    from cga_desk.domain.records import User

    return User(*BENCH_NURSE_ARGS)


ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "src")}

BARE_WINDOW = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1280, 820)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print(json.dumps({"first_paint": time.time()}), flush=True)
            o.removeEventFilter(self); QTimer.singleShot(0, app.quit)
        return False
f = F(w); w.installEventFilter(f); w.show()
sys.exit(app.exec())
"""


# ----------------------------------------------------------------------------------------------- workers
def _timed(fn, repeat: int) -> tuple[float, float]:
    """(first call, median of the next `repeat` calls) in seconds."""
    t = time.perf_counter()
    fn()
    first = time.perf_counter() - t
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return first, statistics.median(runs) if runs else first


def _store(db: str):
    from cga_desk.app import open_store

    return open_store(f"sqlite:///{db}")


def _long_patient(con: sqlite3.Connection) -> tuple[int, str, int]:
    row = con.execute("SELECT p.id, p.study_id FROM patients p WHERE p.study_id = 'BM-000001'").fetchone()
    if row is None:
        row = con.execute(
            "SELECT p.id, p.study_id FROM patients p JOIN visits v ON v.patient_id = p.id "
            "GROUP BY p.id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    n = con.execute("SELECT count(*) FROM visits WHERE patient_id = ?", (row[0],)).fetchone()[0]
    return row[0], row[1], n


def _timed_pair(subject, baseline, repeat: int) -> tuple[float, float, float]:
    """(subject's first call, median subject, median baseline), the two calls alternating so that a
    neighbour's load on a shared machine falls on both sides of the ratio alike."""
    t = time.perf_counter()
    subject()
    first = time.perf_counter() - t
    baseline()
    s_runs, b_runs = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        subject()
        s_runs.append(time.perf_counter() - t)
        t = time.perf_counter()
        baseline()
        b_runs.append(time.perf_counter() - t)
    return first, statistics.median(s_runs), statistics.median(b_runs)


def _count_selects(engine, fn) -> int:
    from sqlalchemy import event

    seen = []

    def listener(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", listener)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return len(seen)


def w_history(db: str, repeat: int) -> dict:
    """What the patient page does when a patient is opened: Clinic.open_patient (patient and milestones,
    visits with scores and answers, change from baseline, next timepoint, notes; one read unit of work).
    Baseline: raw sqlite3 SELECTs of the same rows. The history service alone is reported in the note."""
    from cga_desk.services.clinic import Clinic
    from cga_desk.services.history import patient_history

    con = sqlite3.connect(db)
    pid, sid, n = _long_patient(con)
    store = _store(db)
    clinic = Clinic(store, _bench_nurse())

    def subject():
        return clinic.open_patient(sid)

    def history():
        with store.unit_of_work(write=False) as uow:
            return patient_history(uow, _bench_nurse(), sid)

    def history_rows():
        con.execute("SELECT * FROM patients WHERE id = ?", (pid,)).fetchall()
        con.execute("SELECT * FROM milestones WHERE patient_id = ?", (pid,)).fetchall()
        con.execute(
            "SELECT v.*, s.* FROM visits v LEFT JOIN visit_scores s ON s.visit_id = v.id "
            "WHERE v.patient_id = ? ORDER BY v.visit_date",
            (pid,),
        ).fetchall()
        con.execute(
            "SELECT i.* FROM visit_instruments i JOIN visits v ON v.id = i.visit_id WHERE v.patient_id = ?", (pid,)
        ).fetchall()

    def baseline():
        history_rows()
        con.execute(
            "SELECT t.* FROM schedule_timepoints t WHERE t.schedule_id = coalesce("
            "(SELECT schedule_id FROM patients WHERE id = ?), (SELECT id FROM schedules WHERE is_default)) "
            "ORDER BY t.position",
            (pid,),
        ).fetchall()
        con.execute("SELECT * FROM patient_notes WHERE patient_id = ? ORDER BY note_date", (pid,)).fetchall()

    first, s, b = _timed_pair(subject, baseline, repeat)
    _, h, hb = _timed_pair(history, history_rows, repeat)
    selects = _count_selects(store.engine, subject)
    return {
        "subject": s,
        "baseline": b,
        "note": f"{sid}, {n} visits, {selects} SELECTs; first call {first * 1000:.0f} ms; history service alone "
        f"{h * 1000:.1f} ms vs {hb * 1000:.2f} ms ({h / hb:.1f}×)",
    }


def w_save(db: str, repeat: int) -> dict:
    from cga_desk.services.visits import save_answer

    con = sqlite3.connect(db)
    row = con.execute("SELECT id FROM visits WHERE status = 'draft' ORDER BY id LIMIT 1").fetchone()
    if row is None:
        return {"skipped": "no draft visit"}
    vid = row[0]
    store = _store(db)
    user = _bench_nurse()
    values = iter(["dependent", "independent"] * (repeat + 2))

    def subject():
        with store.unit_of_work() as uow:
            save_answer(uow, user, vid, "katz", "bathing", next(values))

    with tempfile.TemporaryDirectory() as tmp:
        raw = sqlite3.connect(Path(tmp) / "raw.sqlite3", isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=NORMAL")
        raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, visit_id INTEGER, item TEXT, value TEXT)")

        def baseline():
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO t (visit_id, item, value) VALUES (?, ?, ?)", (vid, "bathing", "dependent"))
            raw.execute("COMMIT")

        first, s = _timed(subject, repeat)
        _, b = _timed(baseline, repeat)
    return {"subject": s, "baseline": b, "note": f"visit {vid}; first call {first * 1000:.0f} ms"}


BENCH_ADMIN = "bench.admin"  # the account of the encrypted copy (issue 15): its password unwraps the key
BENCH_PASSWORD = "Benchmark-Keys-Unwrap-2026"


def encrypted_copy(db: Path) -> tuple[Path, Path]:
    """An encrypted copy of the benchmark database (SQLCipher, the program's argon2id key wrapping) with an
    administrator whose password unwraps it, and that password in a private file: (database, password file).
    Rebuilt when the plain database is newer."""
    from argon2 import PasswordHasher

    from cga_desk.persistence.keys import KeyFile, key_file_of, new_database_key, new_recovery_key
    from cga_desk.services.encryption import export_encrypted

    enc = db.with_name(db.stem + "-encrypted.sqlite3")
    secret = db.with_name(db.stem + "-encrypted.password")
    if not enc.exists() or enc.stat().st_mtime < db.stat().st_mtime:
        key = new_database_key()
        export_encrypted(db, enc, key)
        from cga_desk.persistence.engine import connect_file

        conn = connect_file(enc, key)
        with conn:
            conn.execute(
                "INSERT OR REPLACE INTO users (name, role, full_name, active, password_hash, must_change_password,"
                " failed_attempts, created_at) VALUES (?, 'admin', 'Benchmark Admin', 1, ?, 0, 0, ?)",
                (BENCH_ADMIN, PasswordHasher().hash(BENCH_PASSWORD), str(datetime.now())),
            )
        conn.close()
        keys = KeyFile()
        keys.grant(BENCH_ADMIN, key, BENCH_PASSWORD)
        keys.set_recovery(key, new_recovery_key())
        keys.write(key_file_of(enc))
    secret.write_text(BENCH_PASSWORD + "\n")
    secret.chmod(0o600)
    return enc, secret


def w_save_encrypted(db: str, repeat: int) -> dict:
    """save one answer on the encrypted copy (the key unwrapped once, as at sign-in); baseline: the same
    on the plain database, measured in the same process."""
    from cga_desk.app import open_store
    from cga_desk.services import encryption
    from cga_desk.services.visits import save_answer

    plain = Path(db)
    enc, _secret = encrypted_copy(plain)
    con = sqlite3.connect(plain)
    row = con.execute("SELECT id FROM visits WHERE status = 'draft' ORDER BY id LIMIT 1").fetchone()
    con.close()
    if row is None:
        return {"skipped": "no draft visit"}
    vid = row[0]
    t = time.perf_counter()
    key = encryption.unlock(enc, BENCH_ADMIN, BENCH_PASSWORD).key
    unwrap = time.perf_counter() - t
    user = _bench_nurse()
    timings = {}
    for label, store in (("encrypted", open_store(f"sqlite:///{enc}", key=key)), ("plain", _store(db))):
        values = iter(["dependent", "independent"] * (repeat + 2))

        def subject(store=store, values=values):
            with store.unit_of_work() as uow:
                save_answer(uow, user, vid, "katz", "bathing", next(values))

        timings[label] = _timed(subject, repeat)[1]
        store.close()
    return {
        "subject": timings["encrypted"],
        "baseline": timings["plain"],
        "note": f"visit {vid}; baseline: the same on the plain database; the key's unwrapping at sign-in "
        f"(argon2id, 64 MiB) {unwrap * 1000:.0f} ms, once",
    }


def w_pdf(db: str, repeat: int) -> dict:
    """The baseline is the same report content built with stock platypus (benchmarks/stock_report.py:
    a Paragraph for every text, Tables, the same charts and font), from the data the service gathered;
    the two calls alternate. The note gives the report's layout alone (the same data, no reading)."""
    import io

    from cga_desk.reports.fonts import register_fonts
    from cga_desk.reports.longitudinal import render_longitudinal
    from cga_desk.services.printing import longitudinal_pdf
    from cga_desk.services.report_data import longitudinal_report_data
    from cga_desk.services.settings import get_report_settings

    sys.path.insert(0, str(HERE))
    from stock_report import stock_longitudinal

    register_fonts()  # once per process, as the application does
    con = sqlite3.connect(db)
    _, sid, n = _long_patient(con)
    store = _store(db)
    today = date.today()
    size = {}
    with store.unit_of_work(write=False) as uow:
        data, settings = longitudinal_report_data(uow, _bench_nurse(), sid, today), get_report_settings(uow)

    def subject():
        with store.unit_of_work(write=False) as uow:
            size["pdf"] = len(longitudinal_pdf(uow, _bench_nurse(), sid, today))

    def baseline():
        size["stock"] = len(stock_longitudinal(data, settings))

    def layout():
        render_longitudinal(data, settings, io.BytesIO())

    first, s, b = _timed_pair(subject, baseline, repeat)
    _, lay, b2 = _timed_pair(layout, baseline, repeat)
    return {
        "subject": s,
        "baseline": b,
        "note": f"{sid}, {n} visits, {size['pdf'] // 1024} KB (stock {size['stock'] // 1024} KB); first "
        f"{first:.2f} s; layout alone {lay * 1000:.1f} ms ({lay / b2:.2f}× stock)",
    }


def w_pdf60(db: str, repeat: int) -> dict:
    """Issue 17: the 60-visit longitudinal report (BM-000002, make_data.py), read and laid out by the
    service the window calls; baseline: the same content in stock platypus. Pages in the note."""
    from pypdf import PdfReader

    from cga_desk.reports.fonts import register_fonts
    from cga_desk.services.printing import longitudinal_pdf
    from cga_desk.services.report_data import longitudinal_report_data
    from cga_desk.services.settings import get_report_settings

    sys.path.insert(0, str(HERE))
    from stock_report import stock_longitudinal

    register_fonts()
    con = sqlite3.connect(db)
    row = con.execute(
        "SELECT p.study_id, count(*) FROM patients p JOIN visits v ON v.patient_id = p.id "
        "WHERE p.study_id = 'BM-000002' GROUP BY p.id"
    ).fetchone()
    if row is None or row[1] < 60:
        return {"skipped": "no 60-visit patient BM-000002 (data made before issue 17: make_data.py --force)"}
    sid, n = row
    store = _store(db)
    today = date.today()
    with store.unit_of_work(write=False) as uow:
        data, settings = longitudinal_report_data(uow, _bench_nurse(), sid, today), get_report_settings(uow)
    out = {}

    def subject():
        with store.unit_of_work(write=False) as uow:
            out["pdf"] = longitudinal_pdf(uow, _bench_nurse(), sid, today)

    def baseline():
        out["stock"] = stock_longitudinal(data, settings)

    first, s, b = _timed_pair(subject, baseline, repeat)
    pages = len(PdfReader(io.BytesIO(out["pdf"])).pages)
    return {
        "subject": s,
        "baseline": b,
        "pages": pages,
        "note": f"{sid}, {n} visits: {pages} pages, {len(out['pdf']) // 1024} KB; first {first:.2f} s",
    }


def w_cohort_pdf(db: str, repeat: int) -> dict:
    """Issue 17: the cohort summary PDF of the whole clinic (services.printing.cohort_pdf: the summary,
    then the report); baseline: the summary alone (services.cohort.cohort_summary), so the ratio is what
    printing adds. Pages and the bound (reports.cohort.page_bound) in the note. One call each (the
    summary of 50,000 patients takes seconds)."""
    from pypdf import PdfReader

    from cga_desk.reports.cohort import page_bound
    from cga_desk.reports.fonts import register_fonts
    from cga_desk.services.cohort import cohort_summary
    from cga_desk.services.dataset import CohortFilter
    from cga_desk.services.printing import cohort_pdf

    register_fonts()  # once per process, as the application does
    store = _store(db)
    today = date.today()
    with store.unit_of_work(write=False) as uow:  # warm: imports (pandas, numpy, reportlab) on one patient
        cohort_pdf(uow, _bench_nurse(), CohortFilter(study_ids=("BM-000001",)), today)
    t = time.perf_counter()
    with store.unit_of_work(write=False) as uow:
        pdf = cohort_pdf(uow, _bench_nurse(), None, today)
    s = time.perf_counter() - t
    t = time.perf_counter()
    with store.unit_of_work(write=False) as uow:
        summary = cohort_summary(uow, _bench_nurse(), None, today)
    b = time.perf_counter() - t
    pages, timepoints = len(PdfReader(io.BytesIO(pdf)).pages), len(summary.categories)
    return {
        "subject": s,
        "baseline": b,
        "pages": pages,
        "bound": page_bound(timepoints),
        "note": f"{summary.n_patients} patients, {summary.n_visits} visits, {timepoints} timepoints: {pages} pages "
        f"(bound {page_bound(timepoints)}), {len(pdf) // 1024} KB; worklist {len(summary.worklist)}, overdue "
        f"{len(summary.overdue)} (at most 20 of each printed)",
    }


def w_cohort(db: str, repeat: int) -> dict:
    import resource

    from cga_desk.services.cohort import cohort_summary

    store = _store(db)
    con = sqlite3.connect(db)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    with store.unit_of_work(write=False) as uow:
        summary = cohort_summary(uow, _bench_nurse(), None, date.today())
    s = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    con.execute(
        "SELECT v.timepoint, s.imwg_category, count(*) FROM visits v LEFT JOIN visit_scores s "
        "ON s.visit_id = v.id GROUP BY 1, 2"
    ).fetchall()
    b = time.perf_counter() - t
    return {
        "subject": s,
        "baseline": b,
        "rss_mb": rss / 1024,
        "rss_before_mb": rss0 / 1024,
        "note": f"{summary.n_patients} patients, {summary.n_visits} visits, {len(summary.worklist)} on the worklist",
    }


def _csv_export(store, path: Path) -> float:
    """Seconds to write the CSV export of the whole store, as `cga-desk export` does it (streamed)."""
    from cga_desk.interop.export import Chunks, write_export
    from cga_desk.services.dataset import analysis_chunks, codebook_frame, dataset_columns

    t = time.perf_counter()
    with store.unit_of_work(write=False) as uow:
        write_export(Chunks(dataset_columns(), analysis_chunks(uow, None)), codebook_frame(False), path, "csv")
    return time.perf_counter() - t


def w_export(db: str, repeat: int) -> dict:
    """The CSV export as `cga-desk export` and File > Export run it: streamed in chunks of patients."""
    import resource

    import pandas as pd

    store = _store(db)
    with tempfile.TemporaryDirectory(dir=HERE / "data") as tmp:
        s = _csv_export(store, Path(tmp) / "dataset.csv")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        frame = pd.read_csv(Path(tmp) / "dataset.csv")  # the baseline: pandas writing the same table
        t = time.perf_counter()
        frame.to_csv(Path(tmp) / "pandas.csv", index=False)
        b = time.perf_counter() - t
    return {
        "subject": s,
        "baseline": b,
        "rss_mb": rss,
        "note": f"{len(frame)} rows x {frame.shape[1]} columns, streamed; peak RSS {rss:,.0f} MB",
    }


def _w_exchange(fmt: str, db: str) -> dict:
    """An exchange export (issue 19) as `cga-desk export --format FMT` runs it, against the CSV export of
    the same database measured in the same process (the goal: under 2x its time, under 500 MB)."""
    import importlib
    import resource

    from cga_desk.interop.exchange import write_exchange
    from cga_desk.services.dataset import visit_columns
    from cga_desk.services.exchange import exchange_records

    # Both exports measured warm: the libraries both use (pandas, numpy) and the writers' modules imported
    # first, as the CSV export measured after the exchange one finds them (about 0.7 s otherwise charged
    # to the exchange export alone).
    for name in ("pandas", "numpy", "cga_desk.services.visit_table", f"cga_desk.interop.{fmt}"):
        importlib.import_module(name)
    store = _store(db)
    with tempfile.TemporaryDirectory(dir=HERE / "data") as tmp:
        t, c = time.perf_counter(), time.process_time()
        with store.unit_of_work(write=False) as uow:  # the source services/exporting.py gives each format
            source = visit_columns(uow) if fmt == "adam" else exchange_records(uow)
            files = write_exchange(fmt, source, Path(tmp) / fmt)
        s, s_cpu = time.perf_counter() - t, time.process_time() - c
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        size = sum(f.stat().st_size for f in files) / 1e6
        c = time.process_time()
        b = _csv_export(store, Path(tmp) / "dataset.csv")
        b_cpu = time.process_time() - c
    return {
        "subject": s,
        "baseline": b,
        "rss_mb": rss,
        "note": f"{size:,.0f} MB written; peak RSS {rss:,.0f} MB; CPU {s_cpu:.1f} s vs {b_cpu:.1f} s "
        f"({s_cpu / b_cpu:.1f}×: a shared machine's load falls on wall times)",
    }


def w_export_adam(db: str, repeat: int) -> dict:
    return _w_exchange("adam", db)


def w_export_redcap(db: str, repeat: int) -> dict:
    return _w_exchange("redcap", db)


def w_imports(db: str, repeat: int) -> dict:
    """Baseline for memory: the same libraries imported and the store opened, nothing computed."""
    import resource

    import pandas  # noqa: F401

    from cga_desk.services import cohort  # noqa: F401

    _store(db)
    return {"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


WORKERS = {
    "history": w_history,
    "save": w_save,
    "save_encrypted": w_save_encrypted,
    "pdf": w_pdf,
    "cohort": w_cohort,
    "pdf60": w_pdf60,
    "cohort_pdf": w_cohort_pdf,
    "export": w_export,
    "export_adam": w_export_adam,
    "export_redcap": w_export_redcap,
    "imports": w_imports,
}


# ----------------------------------------------------------------------------------------------- driver
def worker(name: str, db: str, repeat: int, timeout: float) -> dict:
    try:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--worker",
                name,
                "--db",
                db,
                "--repeat",
                str(repeat),
                "--mem-limit-mb",
                str(MEM_LIMIT_MB),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=ENV,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return {"skipped": f"skipped (over {timeout:.0f} s)"}
    if out.returncode != 0:
        if "MemoryError" in out.stderr:
            return {"skipped": f"over the {MEM_LIMIT_MB:,} MB memory limit"}
        return {"skipped": "failed: " + (out.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def startup(cmd: list[str], repeat: int, timeout: float) -> dict[str, float] | str:
    """Median seconds from launching `cmd` to each moment it reports (JSON of epoch times on its last
    stdout line: first_paint, and ready for the application), and to the process's exit."""
    runs: list[dict[str, float]] = []
    for _ in range(repeat):
        t = time.time()
        try:
            out = subprocess.run(cmd, capture_output=True, timeout=timeout, env=ENV, cwd=ROOT)
        except subprocess.TimeoutExpired:
            return f"skipped (over {timeout:.0f} s)"
        end = time.time()
        if out.returncode != 0:
            return f"failed (exit {out.returncode}): {out.stderr.decode(errors='replace').strip()[-200:]}"
        stamps = json.loads(out.stdout.decode().strip().splitlines()[-1])
        runs.append({**{k: v - t for k, v in stamps.items()}, "exit": end - t})
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def fmt_s(v: float | None) -> str:
    if v is None:
        return "–"
    if v < 0.001:
        return f"{v * 1e6:.0f} µs"
    return f"{v * 1000:.1f} ms" if v < 1 else f"{v:.2f} s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="CGA Desk benchmarks (issue 8)")
    ap.add_argument("--db", type=Path, default=HERE / "data" / "clinic.sqlite3")
    ap.add_argument("--quick", action="store_true", help="use (and build if missing) a 2,000 x 20 database")
    ap.add_argument("--timeout", type=float, default=None, help="seconds per measurement (default 120, quick 60)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path, default=HERE / "results.md")
    ap.add_argument(
        "--mem-limit-mb",
        type=int,
        default=6000,
        help="address-space limit of each measuring subprocess (0: none; default 6000)",
    )
    ap.add_argument(
        "--only",
        help="comma-separated measurements to run (e.g. pdf60,cohort_pdf); default: all. Names: startup, "
        + ", ".join(n for n in WORKERS if n != "imports"),
    )
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        if args.mem_limit_mb:  # a runaway measurement fails with MemoryError instead of swapping the machine
            import resource

            limit = args.mem_limit_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        print(json.dumps(WORKERS[args.worker](str(args.db), args.repeat)))
        return 0

    global MEM_LIMIT_MB
    MEM_LIMIT_MB = args.mem_limit_mb
    db = args.db
    timeout = args.timeout or (60 if args.quick else 120)
    if args.quick:
        db = QUICK_DB
        if not db.exists():
            subprocess.run(
                [sys.executable, str(HERE / "make_data.py"), "--patients", "2000", "--visits", "20", "--db", str(db)],
                check=True,
                env=ENV,
            )
    if not db.exists():
        print(f"{db} does not exist: run benchmarks/make_data.py first", file=sys.stderr)
        return 1
    db = db.resolve()
    con = sqlite3.connect(db)
    n_patients, n_visits = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("patients", "visits"))
    con.close()
    print(f"database {db}: {n_patients} patients, {n_visits} visits ({db.stat().st_size / 1e6:,.0f} MB)", flush=True)

    results = []

    def add(name, subject, baseline, goal, met, note=""):
        ratio = subject / baseline if isinstance(subject, float) and isinstance(baseline, float) and baseline else None
        row = (
            name,
            subject if isinstance(subject, str) else fmt_s(subject),
            baseline if isinstance(baseline, str) else fmt_s(baseline),
            f"{ratio:.1f}×" if ratio is not None else "–",
            goal,
            "?" if met is None else ("met" if met else "MISSED"),
            note,
        )
        results.append(row)
        print(" | ".join(row), flush=True)

    only = set(args.only.split(",")) if args.only else None

    def wanted(name: str) -> bool:
        return only is None or name in only

    py = sys.executable
    if not wanted("startup"):
        app_s = bare_s = "not run (--only)"
    else:
        app_s = startup([py, "-m", "cga_desk.cli", "--db", str(db), "--exit-when-ready"], 5, timeout)
        bare_s = startup([py, "-c", BARE_WINDOW], 5, timeout)
    if not wanted("startup"):
        pass
    elif isinstance(app_s, dict) and isinstance(bare_s, dict):
        bare = bare_s["first_paint"]
        add(
            "start-up: first paint",
            app_s["first_paint"],
            bare,
            "≤ 2× bare",
            app_s["first_paint"] <= 2 * bare,
            "window frame painted (database still opening) vs a bare QMainWindow's first paint; median of 5",
        )
        add(
            "start-up: ready (sign-in page painted)",
            app_s["ready"],
            bare,
            "≤ 4× bare",
            app_s["ready"] <= 4 * bare,
            f"sign-in page painted (no --user: nothing is hashed before a user acts); process exits after "
            f"{app_s['exit']:.2f} s "
            f"(bare: {bare_s['exit']:.2f} s)",
        )
        enc, secret = encrypted_copy(db)
        enc_s = startup([py, "-m", "cga_desk.cli", "--db", str(enc), "--exit-when-ready"], 5, timeout)
        if isinstance(enc_s, dict):
            add(
                "start-up, encrypted database: ready (sign-in page painted)",
                enc_s["ready"],
                bare,
                "≤ 4× bare",
                enc_s["ready"] <= 4 * bare,
                "issue 15: the database stays closed until signing in unlocks it",
            )
        enc_in = startup(
            [py, "-m", "cga_desk.cli", "--db", str(enc), "--exit-when-ready", "--user", BENCH_ADMIN,
             "--password-file", str(secret)],
            3,
            timeout,
        )  # fmt: skip
        if isinstance(enc_in, dict):
            add(
                "start-up, encrypted database, signed in (patient list painted)",
                enc_in["ready"],
                bare,
                "–",
                None,
                "--user/--password-file: the key unwrapped (argon2id), the database opened and migrated-checked, the "
                "password checked, the list of 2,000 loaded and painted; median of 3",
            )
        else:
            add("start-up, encrypted database, signed in", str(enc_in), "–", "–", None, "")
    else:
        add(
            "start-up",
            app_s if isinstance(app_s, str) else "–",
            bare_s if isinstance(bare_s, str) else "–",
            "≤ 4× bare",
            None,
            "",
        )

    def op(name, key, goal, check):
        if not wanted(key):
            return {"skipped": "not run (--only)"}
        r = worker(key, str(db), args.repeat, timeout)
        if "skipped" in r:
            add(
                name,
                r["skipped"],
                "–",
                goal,
                False if "over" in r["skipped"] else None,
                "MemoryError under --mem-limit-mb" if "memory" in r["skipped"] else "",
            )
            return r
        add(name, r["subject"], r["baseline"], goal, check(r["subject"], r["baseline"]), r.get("note", ""))
        return r

    op(
        "open a long-history patient (patient page)",
        "history",
        "≤ 10× and < 100 ms",
        lambda s, b: s <= 10 * b and s < 0.1,
    )
    op("save one answer (draft visit)", "save", "< 10 ms", lambda s, b: s < 0.01)
    op("save one answer, encrypted database (issue 15)", "save_encrypted", "< 10 ms", lambda s, b: s < 0.01)
    op("longitudinal PDF", "pdf", "≤ 1.5× stock platypus", lambda s, b: s <= 1.5 * b)
    cohort = op("cohort summary", "cohort", "< 1 s", lambda s, b: s < 1)
    op(
        "60-visit longitudinal PDF (issue 17)",
        "pdf60",
        "≤ 1.5× stock platypus",
        lambda s, b: s <= 1.5 * b,
    )
    cohort_pdf = op("cohort summary PDF (issue 17)", "cohort_pdf", "pages ≤ bound", lambda s, b: None)
    if "pages" in cohort_pdf:  # the goal is the page bound, not a time
        row = results[-1]
        results[-1] = (*row[:5], "met" if cohort_pdf["pages"] <= cohort_pdf["bound"] else "MISSED", row[6])
    op("CSV export (analysis dataset)", "export", "< 30 s", lambda s, b: s < 30)
    for fmt in ("adam", "redcap"):  # issue 19: baseline = the CSV export of the same database
        op(
            f"{fmt} export (issue 19)",
            f"export_{fmt}",
            "< 2x CSV and < 500 MB",
            lambda s, b, r=None: s < 2 * b,
        )
    base = worker("imports", str(db), 1, timeout) if wanted("cohort") else {}
    if "rss_mb" in cohort and "rss_mb" in base:
        rss, b_rss = cohort["rss_mb"], base["rss_mb"]
        results.append(
            (
                "peak RSS with the cohort summary",
                f"{rss:,.0f} MB",
                f"{b_rss:,.0f} MB",
                f"{rss / b_rss:.1f}×",
                "< 500 MB",
                "met" if rss < 500 else "MISSED",
                "baseline: same imports, store opened",
            )
        )
    elif wanted("cohort"):
        memory = "memory" in cohort.get("skipped", "")
        results.append(
            (
                "peak RSS with the cohort summary",
                cohort.get("skipped", "–"),
                "–",
                "–",
                "< 500 MB",
                "MISSED" if memory else "?",
                "peak RSS above the limit" if memory else "not measured: cohort did not finish",
            )
        )
    if wanted("cohort"):
        print(" | ".join(results[-1]), flush=True)

    header = ("operation", "CGA Desk", "baseline", "ratio", "goal", "result", "notes")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + [
        "| " + " | ".join(r) + " |" for r in results
    ]
    if only is not None:  # a partial run is not a results.md entry
        print("\n" + "\n".join(lines))
        return 0
    machine = (
        f"{platform.platform()}; {os.cpu_count()} CPUs ({platform.processor() or platform.machine()}); "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}"
    )
    text = "\n".join(
        [
            "# Benchmark results (issue 8)",
            "",
            f"- date: {datetime.now().isoformat(timespec='seconds')}",
            f"- machine: {machine}",
            f"- database: {db.name}: {n_patients:,} patients, {n_visits:,} visits ({db.stat().st_size / 1e6:,.0f} MB)"
            f"{' (--quick)' if args.quick else ''}",
            f"- timeout per measurement: {timeout:.0f} s; timings are medians of {args.repeat} warm calls unless noted",
            *([f"- only these measurements (--only): {args.only}"] if args.only else []),
            "",
            *lines,
            "",
        ]
    )
    if args.out.exists() and args.out.read_text().startswith("# Benchmark results"):
        old = args.out.read_text().split("\n", 2)[2] if args.out.read_text().count("\n") > 2 else ""
        text += "\n---\n\n" + old  # keep earlier runs below the newest
    args.out.write_text(text)
    print("\n" + "\n".join(lines))
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
