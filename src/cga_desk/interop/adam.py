"""ADaM-style analysis datasets (`--format adam` writes a folder): ADSL, one row per patient, and ADQS
in the Basic Data Structure, one row per patient x visit x parameter x baseline type; each as CSV and
as SAS transport (XPT version 5, pyreadstat), with define.csv, the variables' metadata.

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
    Variable("SCORVER", "Scoring version", "text", XPT_TEXT_MAX),
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


def adqs_rows(record: ExRecord, params: tuple[Parameter, ...]) -> Iterator[dict[str, Any]]:
    first = record.first_baseline
    first_date = first.visit.visit_date if first else None
    values = [{p.code: p.value(v) for p in params} for v in record.visits]
    index = {id(v): i for i, v in enumerate(record.visits)}
    first_i = index[id(first)] if first else None
    for i, v in enumerate(record.visits):
        latest_i = v.change.baseline_index
        for p in params:
            aval, avalc = values[i][p.code]
            if aval is None and not avalc:
                continue
            state = v.visit.instruments.get(p.instrument.code) if p.instrument else None
            for basetype, base_i in (
                ("FIRST", first_i if first_i is not None and i >= first_i else None),
                ("LATEST", latest_i),
            ):
                base = values[base_i][p.code][0] if base_i is not None else None
                yield {
                    "STUDYID": STUDYID,
                    "USUBJID": record.patient.study_id,
                    "PARAMCD": p.code,
                    "PARAM": p.name,
                    "PARCAT1": p.category,
                    "AVAL": aval,
                    "AVALC": avalc,
                    "BASE": base,
                    "CHG": None if base is None or aval is None else aval - base,
                    "ABLFL": "Y" if base_i == i else "",
                    "BASETYPE": basetype,
                    "AVISIT": v.visit.timepoint,
                    "AVISITN": v.number,
                    "ADT": v.visit.visit_date,
                    "ADY": _ady(v.visit.visit_date, first_date),
                    "VISITST": v.visit.status,
                    "AGE": record.age_of(v),
                    "FORMVER": state.form_version if state else "",
                    "SCORVER": v.scoring_version[:XPT_TEXT_MAX],
                }


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
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class _CsvSink:
    def __init__(self, path: Path, variables: tuple[Variable, ...]) -> None:
        self.stream = open(path, "w", encoding="utf-8", newline="")
        self.names = [v.name for v in variables]
        self.writer = csv.writer(self.stream)
        self.writer.writerow(self.names)

    def write(self, rows: Iterable[dict[str, Any]]) -> int:
        n = 0
        for row in rows:
            self.writer.writerow([_csv_value(row[c]) for c in self.names])
            n += 1
        return n

    def close(self) -> None:
        self.stream.close()


def write_xpt(csv_path: Path, xpt_path: Path, name: str, variables: tuple[Variable, ...]) -> None:
    """The CSV just written, as a SAS transport file (version 5)."""
    import pandas as pd
    import pyreadstat

    kinds = {v.name: v.kind for v in variables}
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    for column, kind in kinds.items():
        if kind == "number":
            frame[column] = pd.to_numeric(frame[column].replace("", None), errors="raise").astype(float)
        elif kind == "date":
            frame[column] = pd.to_datetime(frame[column].replace("", None)).dt.date
        else:
            too_long = frame[column].map(lambda s: len(s.encode("utf-8"))).gt(XPT_TEXT_MAX)
            if too_long.any():
                raise ValueError(f"{name}.{column}: text over {XPT_TEXT_MAX} bytes cannot go in a SAS transport file")
    labels = {v.name: v.label for v in variables}
    formats = {v.name: "DATE9." for v in variables if v.kind == "date"}
    pyreadstat.write_xport(
        frame,
        str(xpt_path),
        file_label=f"{name} CGA Desk",
        column_labels=[labels[c] for c in frame.columns],
        table_name=name,
        file_format_version=5,
        variable_format=formats,
    )


def write_adam(records: Iterable[ExRecord], folder: Path) -> tuple[int, int]:
    """adsl.csv, adqs.csv, adsl.xpt, adqs.xpt and define.csv in `folder`; returns (patients, visits)."""
    _check_variables()
    params = parameters()
    adsl = _CsvSink(folder / "adsl.csv", ADSL_VARIABLES)
    adqs = _CsvSink(folder / "adqs.csv", ADQS_VARIABLES)
    patients = visits = 0
    try:
        for record in records:
            adsl.write([adsl_row(record)])
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
    write_xpt(folder / "adsl.csv", folder / "adsl.xpt", "ADSL", ADSL_VARIABLES)
    write_xpt(folder / "adqs.csv", folder / "adqs.xpt", "ADQS", ADQS_VARIABLES)
    return patients, visits
