"""The exchange formats of issue 19 on the shared vectors' patients and the demo cohort: the REDCap round
trip reproduces every history document, ADaM reads back from SAS transport files, and no
de-identified export gives a birth date back to within 180 days."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

from cga_desk.app import opened_store
from cga_desk.forms.change import VisitChange
from cga_desk.interop import adam, redcap
from cga_desk.interop.model import ExRecord, ExVisit, score_value
from cga_desk.services.exchange import DateShift, exchange_records
from cga_desk.services.history import history_document, patient_history
from tests.conftest import VECTORS, load_jsonl
from tests.integration.cli_helpers import create_admin
from tests.store_fixtures import ADMIN_USER

_SIGN_IN: dict[Path, list[str]] = {}  # each database's administrator: who imports and exports here


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`cga-desk --db DB ARGS`, signed in as the database's administrator when it has one (see new_store)."""
    return subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "--db", str(db), *args, *_SIGN_IN.get(db, [])],
        capture_output=True,
        text=True,
        timeout=300,
    )


def new_store(db: Path) -> Path:
    """A new database with its administrator (created through the CLI as on a clinic's first day)."""
    _SIGN_IN[db] = create_admin(db, db.parent / f"{db.stem}-secrets")
    return db


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two databases: the shared vectors' six patients, and twelve demo patients."""
    folder = tmp_path_factory.mktemp("exchange")
    vectors, demo = new_store(folder / "vectors.sqlite3"), new_store(folder / "demo.sqlite3")
    assert cli(vectors, "import", str(VECTORS / "visits.jsonl")).returncode == 0
    proc = cli(demo, "demo", "--patients", "12")
    assert proc.returncode == 0, proc.stderr
    return {"vectors": vectors, "demo": demo}


def histories(db: Path) -> dict[str, dict]:
    with opened_store(str(db)) as store, store.unit_of_work(write=False) as uow:
        ids = [p.study_id for p in uow.patients.all()]
        return {sid: history_document(patient_history(uow, ADMIN_USER, sid)) for sid in ids}


def birth_dates(db: Path) -> dict[str, date]:
    with opened_store(str(db)) as store, store.unit_of_work(write=False) as uow:
        return {p.study_id: p.birth_date for p in uow.patients.all()}


@pytest.mark.parametrize("which", ["vectors", "demo"])
def test_redcap_round_trip_reproduces_every_history(stores: dict[str, Path], tmp_path: Path, which: str) -> None:
    source = stores[which]
    proc = cli(source, "export", "--format", "redcap", "--out", str(tmp_path / "project"))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "project").iterdir()) == sorted(redcap.FILES)
    from cga_desk.interop.exchange import FOLDER_FILES

    assert FOLDER_FILES["redcap"] == set(redcap.FILES)
    target = new_store(tmp_path / "copy.sqlite3")
    proc = cli(
        target,
        "import",
        "--format",
        "redcap",
        str(tmp_path / "project" / "data.csv"),
        "--dictionary",
        str(tmp_path / "project" / "data_dictionary.csv"),
    )
    assert proc.returncode == 0, proc.stderr
    before, after = histories(source), histories(target)
    assert list(before) == list(after) and len(before) in (6, 12)
    for sid in before:
        assert after[sid] == before[sid], sid
    signed = [v["signature"] for h in after.values() for v in h["visits"] if "signature" in v]
    if which == "demo":  # the demo physician's electronic signatures came back, verified, with their hashes
        assert signed and all(s["valid"] is True and len(s["content_sha256"]) == 64 for s in signed)
        assert all(s["full_name"] and s["meaning"] for s in signed)
    if which == "vectors":  # and the shared histories (written before G8: their keys, G8's left out)
        for expected in load_jsonl("histories.jsonl"):
            assert _within(after[expected["patient"]["id"]], expected), expected["patient"]["id"]


def _within(mine: object, theirs: object) -> bool:
    if isinstance(theirs, dict) and isinstance(mine, dict):
        return all(k in mine and _within(mine[k], v) for k, v in theirs.items())
    if isinstance(theirs, list) and isinstance(mine, list):
        return len(mine) == len(theirs) and all(_within(a, b) for a, b in zip(mine, theirs))
    return mine == theirs


def test_redcap_dictionary_follows_redcaps_rules(stores: dict[str, Path], tmp_path: Path) -> None:
    assert cli(stores["demo"], "export", "--format", "redcap", "--out", str(tmp_path / "p")).returncode == 0
    with open(tmp_path / "p" / "data_dictionary.csv", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == redcap.DICTIONARY_COLUMNS
    names = [r[0] for r in rows[1:]]
    assert names[0] == "record_id" and len(set(names)) == len(names)
    assert all(n == n.lower() and len(n) <= 26 and n.replace("_", "").isalnum() for n in names)
    for row in rows[1:]:
        if row[3] in ("radio", "dropdown"):
            for choice in row[5].split(" | "):
                code, label = choice.split(", ", 1)
                assert code.replace("_", "").isalnum() and label
    with open(tmp_path / "p" / "data.csv", newline="") as stream:
        header = next(csv.reader(stream))
    assert header[:4] == ["record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance"]
    assert {f"{form}_complete" for form in ("patient", "visit", "katz", "lawton", "charlson", "ecog", "g8")} <= set(
        header
    )
    mapping = pd.read_csv(tmp_path / "p" / "instrument_event_mapping.csv")
    events = pd.read_csv(tmp_path / "p" / "events.csv")
    assert set(mapping["unique_event_name"]) == set(events["unique_event_name"])


def test_redcap_import_refuses_a_signed_visit_changed_after_signing(stores: dict[str, Path], tmp_path: Path) -> None:
    """Tampered data never comes back as validly signed: one answer of one signed visit changed in the
    REDCap data file, and the whole file is refused, naming the record's line and the hash field."""
    assert cli(stores["demo"], "export", "--format", "redcap", "--out", str(tmp_path / "p")).returncode == 0
    with open(tmp_path / "p" / "data.csv", newline="") as stream:
        rows = list(csv.DictReader(stream))
    line, row = next(
        (n, r)
        for n, r in enumerate(rows, start=2)
        if r["visit_signature_sha256"] and r["katz_bathing"] == "independent"
    )
    row["katz_bathing"] = "dependent"  # behind the signature's back
    with open(tmp_path / "p" / "data.csv", "w", newline="") as stream:
        writer = csv.DictWriter(stream, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    target = new_store(tmp_path / "t.sqlite3")
    data, dictionary = str(tmp_path / "p" / "data.csv"), str(tmp_path / "p" / "data_dictionary.csv")
    proc = cli(target, "import", "--format", "redcap", data, "--dictionary", dictionary)
    assert proc.returncode == 2, proc.stderr
    assert f"line {line}: visit_signature_sha256: {row['record_id']}" in proc.stderr
    with opened_store(str(target)) as store, store.unit_of_work(write=False) as uow:
        assert uow.patients.all() == []  # nothing of the file was stored
    row["katz_bathing"], row["visit_signature_sha256"] = "independent", "0" * 64  # the content as signed, a forged hash
    with open(tmp_path / "p" / "data.csv", "w", newline="") as stream:
        writer = csv.DictWriter(stream, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    proc = cli(target, "import", "--format", "redcap", data, "--dictionary", dictionary)
    assert proc.returncode == 2 and "visit_signature_sha256" in proc.stderr, proc.stderr


def test_redcap_import_refuses_another_dictionary(stores: dict[str, Path], tmp_path: Path) -> None:
    assert cli(stores["vectors"], "export", "--format", "redcap", "--out", str(tmp_path / "p")).returncode == 0
    text = (tmp_path / "p" / "data_dictionary.csv").read_text().replace("katz_bathing,", "katz_bath,")
    (tmp_path / "other.csv").write_text(text)
    target = new_store(tmp_path / "t.sqlite3")
    args = [
        "import",
        "--format",
        "redcap",
        str(tmp_path / "p" / "data.csv"),
        "--dictionary",
        str(tmp_path / "other.csv"),
    ]
    proc = cli(target, *args)
    assert proc.returncode == 2 and "dictionary.katz_bathing" in proc.stderr


def test_adam_csv_and_xpt_read_back(stores: dict[str, Path], tmp_path: Path) -> None:
    import pyreadstat

    out = tmp_path / "adam"
    proc = cli(stores["vectors"], "export", "--format", "adam", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["adqs.csv", "adqs.xpt", "adsl.csv", "adsl.xpt", "define.csv"]
    adqs_csv = pd.read_csv(out / "adqs.csv", dtype={"AVALC": str}, keep_default_na=False)
    adqs, meta = pyreadstat.read_xport(str(out / "adqs.xpt"))
    assert list(adqs.columns) == [v.name for v in adam.ADQS_VARIABLES] == list(adqs_csv.columns)
    assert len(adqs) == len(adqs_csv) and all(len(label) <= 40 for label in meta.column_labels)
    adsl, _ = pyreadstat.read_xport(str(out / "adsl.xpt"))
    assert len(adsl) == 6 and set(adsl["SEX"]) <= {"F", "M"}
    codes = set(adqs["PARAMCD"])
    assert {"KATZADL", "LAWTIADL", "CCI", "IMWGSC", "SFSC", "ADLDEP", "IADLDEP", "ECOG", "KATZ01"} <= codes
    # each patient x visit x parameter appears once per baseline type
    keys = adqs.groupby(["USUBJID", "AVISITN", "PARAMCD", "BASETYPE"]).size()
    assert keys.max() == 1 and set(adqs["BASETYPE"]) == {"FIRST", "LATEST"}
    # CHG = AVAL - BASE, and the baseline record has CHG 0
    both = adqs.dropna(subset=["AVAL", "BASE"])
    assert ((both["AVAL"] - both["BASE"]) == both["CHG"]).all()
    assert (adqs.loc[adqs["ABLFL"] == "Y", "CHG"].dropna() == 0).all()
    # the LATEST baseline's change agrees with the history document's change from baseline
    docs = {d["patient"]["id"]: d for d in load_jsonl("histories.jsonl")}
    katz = adqs[(adqs["PARAMCD"] == "KATZADL") & (adqs["BASETYPE"] == "LATEST")]
    for row in katz.itertuples():
        visit = docs[row.USUBJID]["visits"][int(row.AVISITN) - 1]
        expected = (visit["change_from_baseline"] or {}).get("katz_adl")
        assert (None if pd.isna(row.CHG) else int(row.CHG)) == expected
    define = pd.read_csv(out / "define.csv", keep_default_na=False)
    assert {"dataset", "variable", "label", "type", "length", "codelist"} == set(define.columns)
    assert set(define.loc[define["dataset"] == "ADQS", "variable"]) == set(adqs.columns)


def test_adam_first_and_latest_baselines_differ_after_a_rebaseline(stores: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "adam"
    assert cli(stores["demo"], "export", "--format", "adam", "--out", str(out)).returncode == 0
    adqs = pd.read_csv(out / "adqs.csv", keep_default_na=False, dtype=str)
    flagged = adqs[(adqs["ABLFL"] == "Y")]
    per_patient = flagged.groupby(["USUBJID", "BASETYPE"])["AVISITN"].nunique()
    assert (per_patient.xs("FIRST", level="BASETYPE") == 1).all()  # one first baseline per patient
    assert (per_patient.xs("LATEST", level="BASETYPE") >= 1).all()


# -- de-identification ---------------------------------------------------------------------------
def _recover(visits: list[tuple[date, str]]) -> date | None:
    """The attack of issue 19: each (visit date, age) pins the birth date to a one-year window; intersect
    the windows and take the middle. Ages written "90+" say little and are skipped."""
    lo, hi = date.min, date.max
    for day, age in visits:
        if not age or not age.isdigit() or int(age) >= 90:  # "90+", or ODM's numeric 90 meaning 90 or over
            continue
        years = int(age)
        earliest = _years_before(day, years + 1) + timedelta(days=1)
        latest = _years_before(day, years)
        lo, hi = max(lo, earliest), min(hi, latest)
    if lo == date.min:
        return None
    if lo > hi:  # inconsistent windows: take the latest one's
        lo = hi
    return lo + (hi - lo) / 2


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _assert_not_recovered(pairs: dict[str, list[tuple[date, str]]], truth: dict[str, date]) -> None:
    assert pairs
    for sid, visits in pairs.items():
        guess = _recover(visits)
        if guess is not None:
            assert abs((guess - truth[sid]).days) > 180, (sid, guess, truth[sid])


def test_the_attack_works_on_an_identified_export(stores: dict[str, Path], tmp_path: Path) -> None:
    """The attacker is a real one: on exact dates it finds every demo birth date within 190 days."""
    proc = cli(stores["demo"], "export", "--out", str(tmp_path / "all.csv"))
    assert proc.returncode == 0
    frame = pd.read_csv(tmp_path / "all.csv", dtype=str, keep_default_na=False)
    truth = birth_dates(stores["demo"])
    for sid, rows in frame.groupby("patient_id"):
        pairs = [(date.fromisoformat(d), a) for d, a in zip(rows["visit_date"], rows["age_years"])]
        guess = _recover(pairs)
        assert guess is not None and abs((guess - truth[sid]).days) < 190


@pytest.mark.parametrize("fmt", ["csv", "adam", "redcap"])
def test_birth_dates_cannot_be_recovered_from_a_deidentified_export(
    stores: dict[str, Path], tmp_path: Path, fmt: str
) -> None:
    truth = birth_dates(stores["demo"])
    out = tmp_path / ("export.csv" if fmt == "csv" else fmt)
    proc = cli(stores["demo"], "export", "--format", fmt, "--out", str(out), "--deidentified")
    assert proc.returncode == 0, proc.stderr
    if fmt == "csv":
        frame = pd.read_csv(out, dtype=str, keep_default_na=False)
        cols = ("patient_id", "visit_date", "age_years")
    elif fmt == "adam":
        frame = pd.read_csv(out / "adqs.csv", dtype=str, keep_default_na=False)
        cols = ("USUBJID", "ADT", "AGE")
    else:
        frame = pd.read_csv(out / "data.csv", dtype=str, keep_default_na=False)
        frame = frame[frame["visit_date"] != ""]
        cols = ("record_id", "visit_date", "score_age_years")
        # signatures keep who and what, at a shifted moment; never the hash (it would confirm a guessed date)
        signed = frame[frame["visit_signature_signer"] != ""]
        assert len(signed) and (signed["visit_signature_sha256"] == "").all()
    pairs: dict[str, list[tuple[date, str]]] = {}
    for sid, day, age in zip(*(frame[c] for c in cols)):
        pairs.setdefault(sid, []).append((date.fromisoformat(day), age))
    _assert_not_recovered(pairs, truth)
    text = "\n".join(p.read_text() for p in ([out] if out.is_file() else sorted(out.glob("*.csv"))))
    _assert_no_identifiers(stores["demo"], text, truth)


def _assert_no_identifiers(db: Path, text: str, truth: dict[str, date]) -> None:
    assert not any(born.isoformat() in text for born in truth.values())
    with opened_store(str(db)) as store, store.unit_of_work(write=False) as uow:
        names = [p.name for p in uow.patients.all() if p.name]
    assert names and not any(name in text for name in names)
    from sqlalchemy import select

    from cga_desk.persistence.tables import VisitInstrument

    with opened_store(str(db)) as store, store.unit_of_work(write=False) as uow:
        reasons = {r for (r,) in uow.session.execute(select(VisitInstrument.not_assessable_reason)) if r}
    assert not any(reason in text for reason in reasons)  # free text stays home


# -- FHIR R4 and CDISC ODM 1.3.2 ------------------------------------------------------------------
ODM_SCHEMA = VECTORS / "odm" / "ODM1-3-2.xsd"


def _fhir_bundle(db: Path, tmp_path: Path, *extra: str) -> dict:
    import json

    out = tmp_path / "bundle.json"
    proc = cli(db, "export", "--format", "fhir", "--out", str(out), *extra)
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text())


@pytest.mark.parametrize("which", ["vectors", "demo"])
def test_fhir_bundle_validates_resource_by_resource(stores: dict[str, Path], tmp_path: Path, which: str) -> None:
    from fhir.resources.R4B import get_fhir_model_class

    bundle = _fhir_bundle(stores[which], tmp_path)
    assert bundle["type"] == "collection"
    get_fhir_model_class("Bundle").model_validate(bundle)
    kinds: dict[str, int] = {}
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        kinds[resource["resourceType"]] = kinds.get(resource["resourceType"], 0) + 1
    assert kinds["Questionnaire"] == 5 and kinds["Patient"] == (6 if which == "vectors" else 12)
    assert kinds["QuestionnaireResponse"] > 0 and kinds["Observation"] > 0 and kinds["CodeSystem"] >= 1
    if which == "demo":
        assert kinds["Provenance"] > 0  # the demo cohort has signed visits
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(set(urls)) == len(urls)
    references = {
        r["reference"]
        for e in bundle["entry"]
        for key in ("subject", "derivedFrom", "target")
        for r in ([e["resource"][key]] if isinstance(e["resource"].get(key), dict) else e["resource"].get(key, []))
    }
    assert references <= set(urls)  # every reference resolves inside the bundle
    ecog = [
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
        and e["resource"]["code"]["coding"][0]["system"] == "http://loinc.org"
    ]
    assert ecog and all(o["code"]["coding"][0]["code"] == "89247-1" for o in ecog)


def test_fhir_deidentified_patients_have_no_name_or_birth_date(stores: dict[str, Path], tmp_path: Path) -> None:
    bundle = _fhir_bundle(stores["demo"], tmp_path, "--deidentified")
    patients = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"]
    assert len(patients) == 12
    assert all("name" not in p and "birthDate" not in p and p["identifier"][0]["value"] for p in patients)
    _assert_no_identifiers(stores["demo"], (tmp_path / "bundle.json").read_text(), birth_dates(stores["demo"]))


def _odm(db: Path, tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "study.xml"
    proc = cli(db, "export", "--format", "odm", "--out", str(out), *extra)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.mark.parametrize("deidentified", [False, True])
def test_odm_validates_against_the_1_3_2_schema(stores: dict[str, Path], tmp_path: Path, deidentified: bool) -> None:
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(ODM_SCHEMA)))
    out = _odm(stores["demo"], tmp_path, *(["--deidentified"] if deidentified else []))
    doc = etree.parse(str(out))
    assert schema.validate(doc), schema.error_log.filter_from_errors()[:3]
    ns = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}
    assert len(doc.findall(".//odm:SubjectData", ns)) == 12
    assert len(doc.findall(".//odm:StudyEventData", ns)) == 107
    assert doc.findall(".//odm:StudyEventData/odm:AuditRecord", ns)
    assert doc.findall(".//odm:StudyEventData/odm:Signature", ns)
    assert {f.get("OID") for f in doc.findall(".//odm:FormDef", ns)} >= {"F.VISIT", "F.KATZ", "F.G8"}
    # a broken file is refused: the schema is really checked
    doc.find(".//odm:SubjectData", ns).attrib.pop("SubjectKey")
    assert not schema.validate(doc)
    if deidentified:  # the birth-date attack on (visit date, age) pairs fails here too
        truth = birth_dates(stores["demo"])
        _assert_no_identifiers(stores["demo"], out.read_text(), truth)
        pairs: dict[str, list[tuple[date, str]]] = {}
        for sd in etree.parse(str(out)).findall(".//odm:SubjectData", ns):
            for visit in sd.findall(".//odm:ItemGroupData[@ItemGroupOID='IG.VISIT']", ns):
                got = {i.get("ItemOID"): i.get("Value") for i in visit.findall("odm:ItemData", ns)}
                pairs.setdefault(sd.get("SubjectKey"), []).append(
                    (date.fromisoformat(got["I.VISIT.VISITDT"]), got.get("I.VISIT.AGE", ""))
                )
        _assert_not_recovered(pairs, truth)


def _signatures_of(db: Path) -> list[dict]:
    """Every signature object of the database's history documents."""
    return [v["signature"] for h in histories(db).values() for v in h["visits"] if "signature" in v]


def test_fhir_provenance_and_odm_signature_say_who_when_and_what(stores: dict[str, Path], tmp_path: Path) -> None:
    """The electronic signatures as the history documents state them: the signer's full name, the moment
    (UTC) and the meaning, in FHIR's Provenance and in ODM's Signature (its User and SignatureDef)."""
    from lxml import etree

    signed = _signatures_of(stores["demo"])
    assert signed and all("full_name" in s for s in signed)
    bundle = _fhir_bundle(stores["demo"], tmp_path)
    provenances = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Provenance"]
    got = sorted(
        (
            p["agent"][0]["who"]["display"],
            p["agent"][0]["who"]["identifier"]["value"],
            p["recorded"],
            p["reason"][0]["text"],
        )
        for p in provenances
    )
    assert got == sorted((s["full_name"], s["signer"], s["signed_at"], s["meaning"]) for s in signed)
    assert all(p["signature"][0]["when"] == p["recorded"] for p in provenances)

    ns = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}
    doc = etree.parse(str(_odm(stores["demo"], tmp_path)))
    users = {u.get("OID"): u.findtext("odm:FullName", namespaces=ns) for u in doc.findall(".//odm:User", ns)}
    meanings = {d.get("OID"): d.findtext("odm:Meaning", namespaces=ns) for d in doc.findall(".//odm:SignatureDef", ns)}
    odm_signed = sorted(
        (
            users[s.find("odm:UserRef", ns).get("UserOID")],
            meanings[s.find("odm:SignatureRef", ns).get("SignatureOID")],
            s.findtext("odm:DateTimeStamp", namespaces=ns),
        )
        for s in doc.findall(".//odm:StudyEventData/odm:Signature", ns)
    )
    assert odm_signed == sorted(
        (s["full_name"], s["meaning"], datetime.fromisoformat(s["signed_at"]).isoformat(timespec="seconds"))
        for s in signed
    )


def _expected_adqs(
    record: ExRecord, changes: list[VisitChange], params: tuple[adam.Parameter, ...]
) -> dict[tuple[str, ...], tuple[object, ...]]:
    """ADQS worked out from one patient's stored record (interop/model.ExRecord: the visits, result
    documents and answers) and its history's baselines (`changes`: services/history, visit by visit),
    independently of the columns the export is built from:
    (USUBJID, PARAMCD, BASETYPE, AVISITN) -> (AVAL, AVALC, BASE, CHG, ABLFL, AVISIT, ADT, ADY, VISITST,
    AGE, FORMVER, SCORVER), numbers as float or None, dates as ISO text."""

    def value(p: adam.Parameter, v: ExVisit) -> tuple[object, str]:
        scores, inst = v.visit.scores, p.instrument
        if p.code in ("IMWGSC", "SFSC"):
            key = "imwg" if p.code == "IMWGSC" else "simplified_frailty"
            return score_value(scores, f"{key}.score"), score_value(scores, f"{key}.category") or ""
        assert inst is not None
        if p.name.endswith(" total"):
            return inst.total_of(scores), inst.verdict(scores).split(" (")[0]
        if p.name.endswith(" dependency count"):
            return score_value(scores, inst.dependency_key), ""
        item = inst.spec.items[int(p.code[-2:]) - 1]
        state = v.visit.instruments.get(inst.code)
        if state is None or state.answers is None or state.not_assessable_reason:
            return None, ""
        answer = state.answers.get(item.code)
        option = inst.to_option(item, answer)
        return (None, "") if option is None else (inst.item_value(item.code, answer), option.code)

    def number(x: object) -> float | None:
        return None if x is None else float(x)  # type: ignore[arg-type]

    first_at = next((i for i, c in enumerate(changes) if c.is_baseline), None)
    first = None if first_at is None else record.visits[first_at]
    out: dict[tuple[str, ...], tuple[object, ...]] = {}
    for i, v in enumerate(record.visits):
        values = {p.code: value(p, v) for p in params}
        ady = None
        if first is not None:
            delta = (v.visit.visit_date - first.visit.visit_date).days
            ady = float(delta + 1 if delta >= 0 else delta)
        for p in params:
            aval, avalc = values[p.code]
            if aval is None and avalc == "":
                continue
            for basetype, at in (
                ("FIRST", first_at if first_at is not None and i >= first_at else None),
                ("LATEST", changes[i].baseline_index),
            ):
                base = None if at is None else number(value(p, record.visits[at])[0])
                chg = None if base is None or aval is None else float(aval) - base  # type: ignore[arg-type]
                state = v.visit.instruments.get(p.instrument.code) if p.instrument else None
                out[(record.patient.study_id, p.code, basetype, str(v.number))] = (
                    number(aval),
                    avalc,
                    base,
                    chg,
                    "Y" if at == i else "",
                    v.visit.timepoint,
                    v.visit.visit_date.isoformat(),
                    ady,
                    v.visit.status,
                    number(record.age_of(v)),
                    state.form_version if state else "",
                    v.scoring_version.split(" (")[0],
                )
    return out


@pytest.mark.parametrize("which", ["vectors", "demo"])
@pytest.mark.parametrize("deidentified", [False, True])
def test_adqs_is_the_stored_record_parameter_by_parameter(
    stores: dict[str, Path], tmp_path: Path, which: str, deidentified: bool
) -> None:
    """The ADaM export is built from the analysis dataset's columns (services/dataset.visit_columns), for
    speed; every ADQS row must still be what the stored record (the history documents' visits, results
    and answers) says, row for row and value for value, identified and de-identified (the same secret
    date shift given to both readings)."""
    from cga_desk.services.dataset import visit_columns

    params = adam.parameters()
    with opened_store(str(stores[which])) as store, store.unit_of_work(write=False) as uow:
        adam.write_adam(visit_columns(uow, deidentified, DateShift(b"s" * 32)), tmp_path)
        expected: dict[tuple[str, ...], tuple[object, ...]] = {}
        for record in exchange_records(uow, deidentified, shift=DateShift(b"s" * 32)):
            history = patient_history(uow, ADMIN_USER, record.patient.study_id)
            assert [r.visit.id for r in history.rows] == [v.visit.id for v in record.visits]
            expected |= _expected_adqs(record, [r.change for r in history.rows], params)

    def number(cell: str) -> float | None:
        return float(cell) if cell else None

    with open(tmp_path / "adqs.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    got = {
        (r["USUBJID"], r["PARAMCD"], r["BASETYPE"], r["AVISITN"]): (
            number(r["AVAL"]),
            r["AVALC"],
            number(r["BASE"]),
            number(r["CHG"]),
            r["ABLFL"],
            r["AVISIT"],
            r["ADT"],
            number(r["ADY"]),
            r["VISITST"],
            number(r["AGE"]),
            r["FORMVER"],
            r["SCORVER"],
        )
        for r in rows
    }
    assert len(got) == len(rows) > 100  # one row per patient, parameter, baseline type and visit
    assert got == expected
    if deidentified:
        assert max(a for *_, a, _, _ in got.values() if a is not None) <= 90
