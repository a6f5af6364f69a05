"""Build a large, realistic CGA Desk SQLite database fast (issue 8 benchmarks).

    .venv/bin/python benchmarks/make_data.py --patients 50000 --visits 20 --db benchmarks/data/clinic.sqlite3

The schema is created by the application itself (`cga_desk.app.open_store`: migrations + default
schedule); rows are then bulk-inserted with sqlite3 `executemany` in large batches, in the storage
format SQLAlchemy uses (ISO dates, JSON text, 0/1 booleans). Answers are item-level (Katz, Lawton,
Charlson as JSON, ECOG as the total) and drawn from a pool of assessments made with the demo data's
own generators (`demo.course`); `visit_scores` are computed by the real scorer
(`forms.document.score_assessment`) for each (answers, age at the visit), memoised.

Every 1000th patient (and the first) has 40 visits instead of --visits: the "long history" patients;
the second (BM-000002) has 60, for the 60-visit longitudinal report (issue 17).
No audit events are written (the benchmark data is not entered through the services).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cga_desk.app import open_store  # noqa: E402
from cga_desk.demo import course as dc  # noqa: E402
from cga_desk.demo.names import POOLS  # noqa: E402
from cga_desk.domain.assessment import Assessment  # noqa: E402
from cga_desk.forms.document import score_assessment  # noqa: E402
from cga_desk.forms.imwg import age_in_completed_years  # noqa: E402
from cga_desk.services.scoring import SPECS  # noqa: E402

DEFAULT_DB = ROOT / "benchmarks" / "data" / "clinic.sqlite3"
LONG_VISITS = 40
LONG_EVERY = 1000
VERY_LONG_VISITS, VERY_LONG_INDEX = 60, 1  # BM-000002: the 60-visit longitudinal report (issue 17)
PREFIX = "BM-"
POOL_SIZE = 2000
LEVELS = 10  # severity levels of the answer pool (patients drift between neighbouring levels)
NURSE, PHYSICIAN = "Benchmark Nurse", "Dr Benchmark Physician"
DISEASES = (("primary_plasma_cell_leukemia", 0.6), ("secondary_plasma_cell_leukemia", 0.15), ("multiple_myeloma", 0.25))
INSTRUMENT_ORDER = ("katz", "lawton", "charlson", "ecog")
SCORE_COLS = (
    "visit_id",
    "scoring_version",
    "age_years",
    "katz_adl",
    "lawton_iadl",
    "cci",
    "cci_age_adjusted",
    "ecog",
    "imwg_score",
    "imwg_category",
    "imwg_points_age",
    "imwg_points_cci",
    "imwg_points_adl",
    "imwg_points_iadl",
    "simplified_score",
    "simplified_category",
    "result",
)
VISIT_COLS = (
    "id",
    "patient_id",
    "visit_date",
    "timepoint",
    "assessor",
    "respondent",
    "status",
    "is_baseline",
    "revision",
    "amendment_reason",
    "completed_by",
    "completed_at",
    "signed_by",
    "signed_at",
    "created_at",
    "updated_at",
)


def _stamp(d: date, rng: random.Random) -> str:
    """A DateTime as SQLAlchemy stores it in SQLite."""
    return datetime(
        d.year, d.month, d.day, rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999_999)
    ).strftime("%Y-%m-%d %H:%M:%S.%f")


def build_pool(rng: random.Random) -> list[list[tuple]]:
    """POOL_SIZE assessments in LEVELS severity levels: (katz, lawton, charlson answers, ecog, respondent)."""
    per_level = POOL_SIZE // LEVELS
    pool: list[list[tuple]] = []
    for level in range(LEVELS):
        items = []
        for _ in range(per_level):
            f = level / (LEVELS - 1)
            katz_dep = min(6, max(0, round(f * 4 + rng.uniform(-0.7, 0.7))))
            iadl_lost = min(8, max(0, round(f * 6 + rng.uniform(-1, 1))))
            ecog = min(4, max(0, round(f * 3 + rng.uniform(-0.6, 0.6))))
            conditions = dc.comorbidities(rng)
            if level >= 6 and rng.random() < 0.4:
                conditions = frozenset(dc._graded(set(conditions) | {rng.choice(dc.LATER_ONES)}))
            habits = dc.LawtonHabits.draw(rng)
            katz = dc.katz_answers(katz_dep)
            lawton = dc.lawton_answers(iadl_lost, habits, rng)
            charlson = dc.charlson_answers(conditions)
            state = dc.State(katz_dep, iadl_lost, ecog, conditions)
            items.append(
                (
                    katz,
                    lawton,
                    charlson,
                    ecog,
                    dc.respondent_for(state, rng),
                    json.dumps(katz),
                    json.dumps(lawton),
                    json.dumps(charlson),
                )
            )
        pool.append(items)
    return pool


def scorer(pool: list[list[tuple]]):
    @cache
    def score(level: int, index: int, age: int) -> tuple:
        katz, lawton, charlson, ecog = pool[level][index][:4]
        r = score_assessment(
            Assessment(
                None, None, age, {"katz": dict(katz), "lawton": dict(lawton), "charlson": dict(charlson), "ecog": ecog}
            )
        )
        imwg = r.imwg or {}
        pts = imwg.get("points", {})
        simp = r.simplified_frailty or {}
        return (
            r.scoring_version,
            r.age_years,
            r.get("katz_adl"),
            r.get("lawton_iadl"),
            r.get("cci"),
            r.get("cci_age_adjusted"),
            r.get("ecog"),
            imwg.get("score"),
            imwg.get("category"),
            pts.get("age"),
            pts.get("cci"),
            pts.get("adl"),
            pts.get("iadl"),
            simp.get("score"),
            simp.get("category"),
            json.dumps(r.as_dict()),
        )

    return score


def schedule_visits(
    rng: random.Random, diagnosis: date, n: int
) -> tuple[list[tuple[str, date]], list[tuple[str, date]]]:
    """Milestones (as demo.plan: pPCL intervals) and n visits at the pPCL timepoints."""
    induction = diagnosis + timedelta(rng.randint(8, 21))
    car_t = induction + timedelta(rng.randint(84, 110))
    consolidation = car_t + timedelta(rng.randint(40, 56))
    maintenance = consolidation + timedelta(rng.randint(91, 105))
    milestones = [
        ("induction_start", induction),
        ("car_t_infusion", car_t),
        ("consolidation_start", consolidation),
        ("maintenance_start", maintenance),
    ]
    visits = [
        ("Baseline", diagnosis + timedelta(rng.randint(0, 5))),
        ("End of induction", induction + timedelta(63 + rng.randint(-5, 5))),
        ("CAR-T + 1 month", car_t + timedelta(30 + rng.randint(-5, 5))),
        ("End of consolidation", consolidation + timedelta(84 + rng.randint(-5, 5))),
    ]
    month = 3
    while len(visits) < n:
        due = _add_months(diagnosis, month)
        if due > maintenance:
            visits.append((f"Follow-up month {month}", due + timedelta(rng.randint(-10, 10))))
        month += 3
    return milestones, visits[:n]


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, min(d.day, 28))


def visits_for(index: int, per_patient: int) -> int:
    if index == VERY_LONG_INDEX:
        return VERY_LONG_VISITS
    return LONG_VISITS if index % LONG_EVERY == 0 else per_patient


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--patients", type=int, default=50_000)
    ap.add_argument("--visits", type=int, default=20, help="visits per patient (every 1000th patient has 40)")
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--today", type=date.fromisoformat, default=date.today())
    ap.add_argument("--batch", type=int, default=1000, help="patients per transaction")
    ap.add_argument("--force", action="store_true", help="replace an existing database file")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    db_path: Path = args.db.resolve()
    if db_path.exists():
        if not args.force:
            print(f"{db_path} exists: use --force to replace it", file=sys.stderr)
            return 1
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(f"sqlite:///{db_path}")  # migrations + default schedule, as the application does
    store.close()

    rng = random.Random(args.seed)
    pool = build_pool(rng)
    score = scorer(pool)
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("PRAGMA journal_mode=OFF")  # bulk load only; WAL is restored at the end
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-200000")
    con.execute("PRAGMA foreign_keys=OFF")
    now = datetime.now().strftime("%Y-%m-%d %H:%M:%S.%f")
    con.execute("BEGIN")
    con.executemany(
        "INSERT OR IGNORE INTO users (name, role, active, created_at) VALUES (?, ?, 1, ?)",
        [(NURSE, "nurse", now), (PHYSICIAN, "physician", now)],
    )
    con.execute("COMMIT")
    schedule_id = con.execute("SELECT id FROM schedules WHERE is_default = 1").fetchone()[0]
    versions = {k: SPECS[k].version for k in INSTRUMENT_ORDER}
    pools = list(POOLS.values())
    diseases = [d for d, _ in DISEASES]
    weights = [w for _, w in DISEASES]

    counts = dict(patients=0, milestones=0, visits=0, instruments=0, scores=0)
    visit_id = (con.execute("SELECT max(id) FROM visits").fetchone()[0] or 0) + 1
    patient_id = (con.execute("SELECT max(id) FROM patients").fetchone()[0] or 0) + 1
    for start in range(0, args.patients, args.batch):
        P, M, V, Ins, S = [], [], [], [], []
        for i in range(start, min(args.patients, start + args.batch)):
            n = visits_for(i, args.visits)
            sex = rng.choice(("female", "male"))
            names = rng.choice(pools)
            name = (
                f"{rng.choice(names.female if sex == 'female' else names.male)} "
                f"{rng.choice(names.surnames_female if sex == 'female' else names.surnames_male)}"
            )
            span = 270 + (n - 4) * 92  # days from diagnosis to the last visit, roughly
            diagnosis = args.today - timedelta(span + rng.randint(20, 400))
            birth = diagnosis - timedelta(days=rng.randint(60 * 365, 82 * 365))
            milestones, visits = schedule_visits(rng, diagnosis, n)
            P.append(
                (
                    patient_id,
                    f"{PREFIX}{i + 1:06d}",
                    name,
                    birth.isoformat(),
                    sex,
                    rng.choices(diseases, weights)[0],
                    diagnosis.isoformat(),
                    schedule_id,
                    now,
                    now,
                )
            )
            for kind, day in milestones:
                M.append((patient_id, kind, day.isoformat(), ""))
            level = min(LEVELS - 1, max(0, int(rng.expovariate(0.8))))
            variant = rng.randrange(POOL_SIZE // LEVELS)
            for k, (label, day) in enumerate(visits):
                if k and rng.random() < 0.25:  # drift: decline more often than recovery
                    level = min(LEVELS - 1, max(0, level + rng.choice((1, 1, 1, -1, -1))))
                    variant = rng.randrange(POOL_SIZE // LEVELS)
                katz_json, lawton_json, charlson_json = pool[level][variant][5:8]
                ecog, respondent = pool[level][variant][3:5]
                last = k == len(visits) - 1
                status = (
                    "draft" if last and rng.random() < 0.3 else "complete" if last and rng.random() < 0.5 else "signed"
                )
                stamp = _stamp(day, rng)
                V.append(
                    (
                        visit_id,
                        patient_id,
                        day.isoformat(),
                        label,
                        NURSE,
                        respondent,
                        status,
                        0,
                        1,
                        None,
                        None if status == "draft" else NURSE,
                        None if status == "draft" else stamp,
                        PHYSICIAN if status == "signed" else None,
                        stamp if status == "signed" else None,
                        stamp,
                        stamp,
                    )
                )
                Ins.append((visit_id, "katz", versions["katz"], katz_json, None))
                Ins.append((visit_id, "lawton", versions["lawton"], lawton_json, None))
                Ins.append((visit_id, "charlson", versions["charlson"], charlson_json, None))
                Ins.append((visit_id, "ecog", versions["ecog"], "null", ecog))
                S.append((visit_id, *score(level, variant, age_in_completed_years(birth, day))))
                visit_id += 1
            patient_id += 1
        con.execute("BEGIN")
        con.executemany(
            "INSERT INTO patients (id, study_id, name, birth_date, sex, index_disease, diagnosis_date, "
            "schedule_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            P,
        )
        con.executemany("INSERT INTO milestones (patient_id, kind, date, note) VALUES (?,?,?,?)", M)
        # Signed visits are written as complete, given their answers and scores, then signed: the
        # database refuses answers added to a signed visit (migration 0006), as it would from the program.
        status_at = VISIT_COLS.index("status")
        signed = [(v[0],) for v in V if v[status_at] == "signed"]
        unsigned = [v[:status_at] + ("complete",) + v[status_at + 1 :] if v[status_at] == "signed" else v for v in V]
        con.executemany(
            f"INSERT INTO visits ({', '.join(VISIT_COLS)}) VALUES ({', '.join('?' * len(VISIT_COLS))})", unsigned
        )
        con.executemany(
            "INSERT INTO visit_instruments (visit_id, instrument, form_version, answers, total) VALUES (?,?,?,?,?)", Ins
        )
        con.executemany(
            f"INSERT INTO visit_scores ({', '.join(SCORE_COLS)}) VALUES ({', '.join('?' * len(SCORE_COLS))})", S
        )
        con.executemany("UPDATE visits SET status = 'signed' WHERE id = ?", signed)
        con.execute("COMMIT")
        for key, rows in (("patients", P), ("milestones", M), ("visits", V), ("instruments", Ins), ("scores", S)):
            counts[key] += len(rows)
        done = min(args.patients, start + args.batch)
        if done % (args.batch * 10) == 0 or done == args.patients:
            print(
                f"  {done:>7} patients, {counts['visits']:>9} visits  ({time.perf_counter() - t0:6.1f} s)", flush=True
            )
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    t1 = time.perf_counter()
    store = open_store(f"sqlite:///{db_path}")  # derives the patient register, as opening in the app would
    store.close()
    print(f"  patient register derived in {time.perf_counter() - t1:.1f} s", flush=True)
    con = sqlite3.connect(db_path)
    con.execute("ANALYZE")
    con.close()
    elapsed = time.perf_counter() - t0
    total = sum(counts.values())
    info = score.cache_info()
    print(
        f"{db_path}: {counts['patients']} patients, {counts['milestones']} milestones, {counts['visits']} visits, "
        f"{counts['instruments']} visit_instruments, {counts['scores']} visit_scores = {total} rows "
        f"in {elapsed:.1f} s ({total / elapsed:,.0f} rows/s; {info.currsize} distinct scorings); "
        f"{db_path.stat().st_size / 1e6:,.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
