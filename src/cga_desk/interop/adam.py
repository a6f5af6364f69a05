"""ADaM-style analysis datasets (`--format adam` writes a folder): ADSL, one row per patient, and ADQS
in the Basic Data Structure, one row per patient x visit x parameter x baseline type; each as CSV and
as SAS transport (XPT version 5, streamed by interop/xport.py), with define.csv, the variables' metadata.

Parameters come from the registry: every instrument's total (KATZADL, LAWTIADL, CCI, ECOG, G8TOT; a new
instrument gets its total code upper-cased, at most 8 characters), its dependency count (ADLDEP,
IADLDEP), the IMWG score (IMWGSC) and the simplified frailty score (SFSC), and one parameter per item
of every instrument with item columns (KATZ01.., LAWT01.., CHAR01.., G801..: the instrument's code, at
most 4 characters, and the item's place). BASETYPE "FIRST" compares each visit with the patient's
first baseline, "LATEST" with the baseline in force at that visit (re-baselining,
docs/clinical-rules.md section 8): every record appears once per baseline type, as ADaM's BDS asks.
XPT version 5 limits: names of 8 characters, labels of 40, text of 200 bytes (checked here).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.records import INDEX_DISEASES
from ..forms import registry
from ..forms.instrument import Instrument
from .model import ExRecord, ExVisit, score_value
from .xport import XptVariable, XptWriter

STUDYID = "CGADESK"
XPT_NAME_MAX, XPT_LABEL_MAX, XPT_TEXT_MAX = 8, 40, 200
# Total codes of the trial's analysis plan; an instrument not named here gets its total key, upper-cased.
_TOTAL_CODES = {"katz_adl": "KATZADL", "lawton_iadl": "LAWTIADL", "cci": "CCI", "ecog": "ECOG", "g8_total": "G8TOT"}
_DEPENDENCY_CODES = {"adl_dependency": "ADLDEP", "iadl_dependency": "IADLDEP"}
_SEX = {"female": "F", "male": "M", "other": "O", "unknown": "U"}
_MILESTONE_VARS = {
    "induction_start": ("INDSTDT", "Induction start date"),
    "car_t_infusion": ("CARTDT", "CAR-T infusion date"),
    "consolidation_start": ("CONSTDT", "Consolidation start date"),
    "maintenance_start": ("MAINTSDT", "Maintenance start date"),
    "other": ("OTHMSDT", "Other milestone date (latest)"),
}


@dataclass(frozen=True)
class Variable:
    name: str
    label: str
    kind: str  # text | number | date
    length: int = 8
    codelist: str = ""


@dataclass(frozen=True)
class Parameter:
    code: str
    name: str
    category: str
    instrument: Instrument | None
    value: Callable[[ExVisit], tuple[float | int | None, str]]  # (AVAL, AVALC)


def _total(inst: Instrument) -> Callable[[ExVisit], tuple[Any, str]]:
    def value(v: ExVisit) -> tuple[Any, str]:
        total = inst.total_of(v.visit.scores)
        verdict = inst.verdict(v.visit.scores)
        return total, verdict.split(" (")[0] if verdict else ""

    return value


def _scored(key: str, category_key: str = "") -> Callable[[ExVisit], tuple[Any, str]]:
    def value(v: ExVisit) -> tuple[Any, str]:
        return score_value(v.visit.scores, key), (
            score_value(v.visit.scores, category_key) or ""
        ) if category_key else ""

    return value


def _item(inst: Instrument, code: str) -> Callable[[ExVisit], tuple[Any, str]]:
    item = inst.spec.item(code)

    def value(v: ExVisit) -> tuple[Any, str]:
        state = v.visit.instruments.get(inst.code)
        if state is None or state.answers is None or state.not_assessable_reason:
            return None, ""
        answer = state.answers.get(code)
        option = inst.to_option(item, answer)
        return (None, "") if option is None else (inst.item_value(code, answer), option.code)

    return value


def parameters() -> tuple[Parameter, ...]:
    """Every ADQS parameter, generated from the registry (read on every call)."""
    out: list[Parameter] = []
    for inst in registry.INSTRUMENTS:
        code = _TOTAL_CODES.get(inst.total_key, inst.total_key.upper().replace("_", "")[:8])
        out.append(Parameter(code, f"{inst.short_title} total", "Total", inst, _total(inst)))
        if inst.dependency_key:
            dep = _DEPENDENCY_CODES.get(inst.dependency_key, inst.dependency_key.upper().replace("_", "")[:8])
            out.append(
                Parameter(dep, f"{inst.short_title} dependency count", "Total", inst, _scored(inst.dependency_key))
            )
    out.append(Parameter("IMWGSC", "IMWG frailty score", "Frailty", None, _scored("imwg.score", "imwg.category")))
    out.append(
        Parameter(
            "SFSC",
            "Simplified frailty score",
            "Frailty",
            None,
            _scored("simplified_frailty.score", "simplified_frailty.category"),
        )
    )
    for inst in registry.INSTRUMENTS:
        if not inst.item_columns:
            continue
        prefix = inst.code.upper()[:4]
        for n, item in enumerate(inst.spec.items, start=1):
            out.append(
                Parameter(
                    f"{prefix}{n:02d}",
                    f"{inst.short_title}: {item.label}"[:XPT_TEXT_MAX],
                    inst.short_title,
                    inst,
                    _item(inst, item.code),
                )
            )
    codes = [p.code for p in out]
    assert len(set(codes)) == len(codes) and all(len(c) <= XPT_NAME_MAX for c in codes), codes
    return tuple(out)


ADSL_VARIABLES = (
    Variable("STUDYID", "Study Identifier", "text", 8),
    Variable("USUBJID", "Unique Subject Identifier", "text", 64),
    Variable("SEX", "Sex", "text", 1, "SEX"),
    Variable("INDDIS", "Index disease", "text", 40, "INDDIS"),
    Variable("DIAGDT", "Diagnosis date", "date"),
    *(Variable(name, label, "date") for name, label in _MILESTONE_VARS.values()),
    Variable("BASE1DT", "First baseline date", "date"),
    Variable("AGE", "Age at first baseline (90 = 90+)", "number"),
    Variable("AGEC", "Age at first baseline as written", "text", 3),
    Variable("NVISITS", "Number of visits", "number"),
)

ADQS_VARIABLES = (
    Variable("STUDYID", "Study Identifier", "text", 8),
    Variable("USUBJID", "Unique Subject Identifier", "text", 64),
    Variable("PARAMCD", "Parameter Code", "text", 8, "PARAMCD"),
    Variable("PARAM", "Parameter", "text", XPT_TEXT_MAX),
    Variable("PARCAT1", "Parameter Category 1", "text", 40),
    Variable("AVAL", "Analysis Value", "number"),
    Variable("AVALC", "Analysis Value (C)", "text", 40),
    Variable("BASE", "Baseline Value", "number"),
    Variable("CHG", "Change from Baseline", "number"),
    Variable("ABLFL", "Baseline Record Flag", "text", 1, "Y"),
    Variable("BASETYPE", "Baseline Type", "text", 8, "BASETYPE"),
    Variable("AVISIT", "Analysis Visit", "text", 80),
    Variable("AVISITN", "Analysis Visit (N)", "number"),
    Variable("ADT", "Analysis Date", "date"),
    Variable("ADY", "Analysis Relative Day", "number"),
    Variable("VISITST", "Visit status", "text", 8, "VISITST"),
    Variable("AGE", "Age at visit (90 = 90+)", "number"),
    Variable("FORMVER", "Form version", "text", 40),
    Variable("SCORVER", "Scoring version", "text", 40),
)

CODELISTS: dict[str, tuple[tuple[str, str], ...]] = {
    "SEX": tuple((v, k) for k, v in _SEX.items()),
    "INDDIS": tuple(INDEX_DISEASES.items()),
    "BASETYPE": (("FIRST", "the patient's first baseline"), ("LATEST", "the baseline in force at the visit")),
    "VISITST": (("draft", "being entered"), ("complete", "all instruments answered"), ("signed", "signed")),
    "Y": (("Y", "yes"),),
}


def _check_variables() -> None:
    for var in (*ADSL_VARIABLES, *ADQS_VARIABLES):
        assert len(var.name) <= XPT_NAME_MAX and len(var.label) <= XPT_LABEL_MAX, var


def _ady(day: date, first: date | None) -> int | None:
    if first is None:
        return None
    delta = (day - first).days
    return delta + 1 if delta >= 0 else delta  # CDISC: no day 0


def adsl_row(record: ExRecord) -> dict[str, Any]:
    p, first = record.patient, record.first_baseline
    latest: dict[str, date] = {}
    for m in p.milestones:
        latest[m.kind] = max(m.date, latest.get(m.kind, m.date))
    row: dict[str, Any] = {
        "STUDYID": STUDYID,
        "USUBJID": p.study_id,
        "SEX": _SEX.get(p.sex or "", ""),
        "INDDIS": p.index_disease or "",
        "DIAGDT": p.diagnosis_date,
    }
    for kind, (name, _) in _MILESTONE_VARS.items():
        row[name] = latest.get(kind)
    row["BASE1DT"] = first.visit.visit_date if first else None
    row["AGE"] = record.age_of(first) if first else None
    row["AGEC"] = record.age_text(first) if first else ""
    row["NVISITS"] = len(record.visits)
    return row


def adqs_rows(record: ExRecord, params: tuple[Parameter, ...]) -> Iterator[tuple[Any, ...]]:
    """The patient's ADQS rows, each a tuple in the order of ADQS_VARIABLES."""
    first = record.first_baseline
    first_date = first.visit.visit_date if first else None
    values = [[p.value(v) for p in params] for v in record.visits]
    first_i = next((i for i, v in enumerate(record.visits) if v is first), None)
    sid = record.patient.study_id
    for i, v in enumerate(record.visits):
        latest_i = v.change.baseline_index
        day = v.visit.visit_date
        common = (v.visit.timepoint, v.number, day, _ady(day, first_date), v.visit.status, record.age_of(v))
        scoring = v.scoring_version.split(" (")[0]
        bases = (("FIRST", first_i if first_i is not None and i >= first_i else None), ("LATEST", latest_i))
        for j, p in enumerate(params):
            aval, avalc = values[i][j]
            if aval is None and not avalc:
                continue
            state = v.visit.instruments.get(p.instrument.code) if p.instrument else None
            version = state.form_version if state else ""
            for basetype, base_i in bases:
                base = values[base_i][j][0] if base_i is not None else None
                yield (
                    STUDYID,
                    sid,
                    p.code,
                    p.name,
                    p.category,
                    aval,
                    avalc,
                    base,
                    None if base is None or aval is None else aval - base,
                    "Y" if base_i == i else "",
                    basetype,
                    *common,
                    version,
                    scoring,
                )


def define_rows() -> list[dict[str, Any]]:
    """define.csv: dataset, variable, label, type, length, codelist; then the codelists and parameters."""
    rows = [
        {
            "dataset": ds,
            "variable": v.name,
            "label": v.label,
            "type": v.kind,
            "length": v.length,
            "codelist": v.codelist,
        }
        for ds, variables in (("ADSL", ADSL_VARIABLES), ("ADQS", ADQS_VARIABLES))
        for v in variables
    ]
    rows += [
        {"dataset": "CODELIST", "variable": name, "label": label, "type": "text", "length": len(code), "codelist": code}
        for name, items in CODELISTS.items()
        for code, label in items
    ]
    rows += [
        {
            "dataset": "CODELIST",
            "variable": "PARAMCD",
            "label": p.name,
            "type": "text",
            "length": len(p.code),
            "codelist": p.code,
        }
        for p in parameters()
    ]
    return rows


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    kind = type(value)
    if kind is str or kind is int:
        return value
    if kind is float:
        return int(value) if value.is_integer() else value
    if isinstance(value, date):
        return value.isoformat()
    return value


class _CsvSink:
    """A CSV file written row by row, remembering the widest text of each column (the XPT widths)."""

    def __init__(self, path: Path, variables: tuple[Variable, ...]) -> None:
        self.path, self.variables = path, variables
        self.stream = open(path, "w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.stream)
        self.writer.writerow([v.name for v in variables])
        self.text = [i for i, v in enumerate(variables) if v.kind == "text"]
        self.widths = dict.fromkeys(self.text, 1)
        self.seen: set[str] = set()

    def write(self, rows: Iterable[tuple[Any, ...]]) -> None:
        text, widths, seen = self.text, self.widths, self.seen
        for row in rows:
            for i in text:
                value = row[i]
                if value and value not in seen:  # each distinct text measured once
                    if len(seen) > 50_000:
                        seen.clear()
                    seen.add(value)
                    widths[i] = max(widths[i], len(value.encode("utf-8")))
            self.writer.writerow([_csv_value(x) for x in row])

    def close(self) -> None:
        self.stream.close()

    def write_xpt(self, path: Path, name: str) -> None:
        """The CSV just written, streamed into a SAS transport file (interop/xport.py)."""
        xpt_vars = []
        for i, v in enumerate(self.variables):
            if v.kind == "text":
                width = self.widths[i]
                if width > XPT_TEXT_MAX:
                    raise ValueError(
                        f"{name}.{v.name}: text over {XPT_TEXT_MAX} bytes cannot go in a SAS transport file"
                    )
                xpt_vars.append(XptVariable(v.name, v.label, False, width))
            elif v.kind == "date":
                xpt_vars.append(XptVariable(v.name, v.label, True, 8, "DATE", 9))
            else:
                xpt_vars.append(XptVariable(v.name, v.label, True, 8))
        parse = [_parser(v.kind) for v in self.variables]
        with open(self.path, encoding="utf-8", newline="") as source, open(path, "wb") as out:
            reader = csv.reader(source)
            next(reader)
            writer = XptWriter(out, name, f"{name} CGA Desk", xpt_vars)
            for row in reader:
                writer.write_row([f(x) for f, x in zip(parse, row)])
            writer.close()


def _parser(kind: str) -> Callable[[str], Any]:
    if kind == "number":
        return lambda x: float(x) if x else None
    if kind == "date":
        return lambda x: date.fromisoformat(x) if x else None
    return lambda x: x


def write_adam(records: Iterable[ExRecord], folder: Path) -> tuple[int, int]:
    """adsl.csv, adqs.csv, adsl.xpt, adqs.xpt and define.csv in `folder`; returns (patients, visits)."""
    _check_variables()
    params = parameters()
    adsl = _CsvSink(folder / "adsl.csv", ADSL_VARIABLES)
    adqs = _CsvSink(folder / "adqs.csv", ADQS_VARIABLES)
    adsl_names = [v.name for v in ADSL_VARIABLES]
    patients = visits = 0
    try:
        for record in records:
            row = adsl_row(record)
            adsl.write([tuple(row[c] for c in adsl_names)])
            adqs.write(adqs_rows(record, params))
            patients += 1
            visits += len(record.visits)
    finally:
        adsl.close()
        adqs.close()
    with open(folder / "define.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, ["dataset", "variable", "label", "type", "length", "codelist"])
        writer.writeheader()
        writer.writerows(define_rows())
    adsl.write_xpt(folder / "adsl.xpt", "ADSL")
    adqs.write_xpt(folder / "adqs.xpt", "ADQS")
    return patients, visits
