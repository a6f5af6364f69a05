"""The analysis dataset of CLINICAL_SPEC section 12: one row per visit, built set-based, with its codebook.

Three queries (patients, visits with their scores, item-level answers) load the whole cohort; the
baseline and the change from baseline are computed per patient in memory by `forms.change` (the
rule the history document uses), over each patient's full visit list; the filters are applied after.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..domain.records import User
from ..forms import charlson, katz, lawton
from ..forms.change import CHANGE_SCORES, VisitChange, VisitPoint, compute_changes, declined
from ..persistence import analysis_queries as queries
from ..persistence.uow import UnitOfWork
from . import audit
from .codebook import CODEBOOK_COLUMNS, ITEM_COLUMNS, SCORE_COLUMNS, codebook_frame

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CohortFilter", "DATASET_COLUMNS", "IDENTIFYING_COLUMNS", "analysis_frame", "codebook_frame",
           "visit_frame", "record_export", "CODEBOOK_COLUMNS"]

DATASET_COLUMNS: tuple[str, ...] = SCORE_COLUMNS + ITEM_COLUMNS
IDENTIFYING_COLUMNS = ("patient_name", "birth_date")
# Working columns of visit_frame (cohort summary, UI): never exported.
WORKING_COLUMNS = ("visit_id", "assessor", "index_disease", "baseline_imwg_category", "declined")
_TEXT_OR_DATE = {"patient_id", "visit_date", "timepoint", "status", "baseline_date", "imwg_category",
                 "simplified_frailty_category", "imwg_category_change"}
INT_COLUMNS = tuple(c for c in DATASET_COLUMNS if c not in _TEXT_OR_DATE)


@dataclass(frozen=True)
class CohortFilter:
    """Which visits to include. Patient-level: index_disease, study_ids; visit-level: the rest (dates
    are visit dates, inclusive). None means "no restriction"."""

    index_disease: str | None = None
    timepoints: tuple[str, ...] | None = None
    date_from: date | None = None
    date_to: date | None = None
    assessor: str | None = None
    study_ids: tuple[str, ...] | None = None

    def keeps(self, visit: Mapping[str, Any]) -> bool:
        """Whether a visit passes the visit-level filters (patient-level ones are applied in SQL)."""
        day = visit["visit_date"]
        return ((self.timepoints is None or visit["timepoint"] in self.timepoints)
                and (self.date_from is None or day >= self.date_from)
                and (self.date_to is None or day <= self.date_to)
                and (self.assessor is None or visit["assessor"] == self.assessor))

    def describe(self) -> str:
        """The filters in words, for report headers: "all visits" when there is none."""
        parts = []
        if self.index_disease is not None:
            parts.append(f"index disease {self.index_disease}")
        if self.study_ids is not None:
            parts.append("patients " + ", ".join(self.study_ids))
        if self.timepoints is not None:
            parts.append("timepoints " + ", ".join(self.timepoints))
        if self.date_from is not None or self.date_to is not None:
            parts.append(f"visits {self.date_from or '…'} to {self.date_to or '…'}")
        if self.assessor is not None:
            parts.append(f"assessor {self.assessor}")
        return "; ".join(parts) or "all visits"


_KATZ_POINTS = {(it.code, o.code): o.points for it in katz.SPEC.items for o in it.options}  # 1 independent, 0 dependent


def _dependency(total: int | None, maximum: int) -> int | None:
    # CLINICAL_SPEC section 1: the dependency count is derived (6 - ADL, 8 - IADL), never stored.
    return None if total is None else maximum - total


def _item_values(instrument: str, answers: Mapping[str, Any]) -> dict[str, int | None]:
    """Item columns of one instrument: Katz 1/0 (the item's points), Lawton the option number, Charlson 1/0."""
    if instrument == "katz":
        return {f"katz_{c}": None if answers.get(c) is None else _KATZ_POINTS[(c, answers[c])]
                for c in katz.SPEC.item_codes}
    if instrument == "lawton":
        return {f"lawton_{c}": None if answers.get(c) is None else int(answers[c]) for c in lawton.SPEC.item_codes}
    return {f"charlson_{c}": None if answers.get(c) is None else int(bool(answers[c]))
            for c in charlson.SPEC.item_codes}


def _items_by_visit(rows: Iterable[Mapping[str, Any]]) -> dict[int, dict[str, int | None]]:
    """Answers given item by item; a total from paper or a not-assessable instrument leaves its items empty."""
    out: dict[int, dict[str, int | None]] = defaultdict(dict)
    for r in rows:
        if r["answers"] is not None and not r["not_assessable_reason"]:
            out[r["visit_id"]].update(_item_values(r["instrument"], r["answers"]))
    return out


def _point(v: Mapping[str, Any]) -> VisitPoint:
    return VisitPoint(v["visit_date"], v["timepoint"], bool(v["is_baseline"]),
                      {k: v[k] for k in CHANGE_SCORES}, v["imwg_category"])


def _record(p: Mapping[str, Any], v: Mapping[str, Any], c: VisitChange, base: VisitPoint | None,
            items: Mapping[str, int | None]) -> dict[str, Any]:
    cfb = c.change_from_baseline or {}
    return {
        "patient_id": p["study_id"], "visit_date": v["visit_date"], "timepoint": v["timepoint"], "status": v["status"],
        "is_baseline": int(c.is_baseline), "baseline_date": c.baseline_date, "days_from_baseline": c.days_from_baseline,
        **{k: v[k] for k in ("age_years", "katz_adl", "lawton_iadl", "cci", "cci_age_adjusted", "ecog", "imwg_score",
                             "imwg_category", "imwg_points_age", "imwg_points_cci", "imwg_points_adl",
                             "imwg_points_iadl")},
        "simplified_frailty_score": v["simplified_score"], "simplified_frailty_category": v["simplified_category"],
        "adl_dependency": _dependency(v["katz_adl"], katz.SPEC.max_total),
        "iadl_dependency": _dependency(v["lawton_iadl"], lawton.SPEC.max_total),
        **{f"change_{k}": cfb.get(k) for k in CHANGE_SCORES},
        "imwg_category_change": c.imwg_category_change, **items,
        "patient_name": p["name"], "birth_date": p["birth_date"],
        "visit_id": v["visit_id"], "assessor": v["assessor"], "index_disease": p["index_disease"],
        "baseline_imwg_category": base.imwg_category if base else None, "declined": declined(c.change_from_baseline),
    }


def _patient_records(p: Mapping[str, Any], visits: list[dict[str, Any]], items: Mapping[int, dict[str, int | None]],
                     filters: CohortFilter) -> list[dict[str, Any]]:
    """One patient's rows: changes over the full visit list first, then the visit-level filters."""
    visits = sorted(visits, key=lambda v: (v["visit_date"], v["visit_id"]))
    points = [_point(v) for v in visits]
    out = []
    for v, c in zip(visits, compute_changes(points)):
        if filters.keeps(v):
            base = points[c.baseline_index] if c.baseline_index is not None else None
            out.append(_record(p, v, c, base, items.get(v["visit_id"], {})))
    return out


def _frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    columns = list(DATASET_COLUMNS + IDENTIFYING_COLUMNS + WORKING_COLUMNS)
    frame = pd.DataFrame.from_records(records, columns=columns) if records else pd.DataFrame(columns=columns)
    frame = frame.astype({c: "Int64" for c in INT_COLUMNS} | {"visit_id": "Int64"})
    return frame.astype({c: object for c in columns if c not in INT_COLUMNS and c != "visit_id"})


def visit_frame(uow: UnitOfWork, filters: CohortFilter | None = None) -> pd.DataFrame:
    """The analysis rows plus identifying and working columns (visit_id, assessor, index_disease,
    baseline_imwg_category, declined): what the cohort summary and the screens build on."""
    f = filters or CohortFilter()
    scope = {"index_disease": f.index_disease, "study_ids": f.study_ids}
    patients = sorted(queries.patient_rows(uow.session, **scope), key=lambda p: p["study_id"])
    visits: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for v in queries.visit_rows(uow.session, **scope):
        visits[v["patient_id"]].append(v)
    items = _items_by_visit(queries.instrument_rows(uow.session, **scope))
    records = [r for p in patients for r in _patient_records(p, visits.get(p["id"], []), items, f)]
    return _frame(records)


def analysis_frame(uow: UnitOfWork, filters: CohortFilter | None = None, deidentified: bool = False) -> pd.DataFrame:
    """The dataset of CLINICAL_SPEC section 12, columns in the spec's order; identifying columns
    (patient_name, birth_date) at the end unless de-identified. Empty (NA) means not available."""
    columns = list(DATASET_COLUMNS) + ([] if deidentified else list(IDENTIFYING_COLUMNS))
    return visit_frame(uow, filters)[columns].reset_index(drop=True)


def record_export(uow: UnitOfWork, by: User, target: str, rows: int, deidentified: bool) -> None:
    """Audit who exported what: an identifiable export is a disclosure of patient data."""
    audit.record(uow, by, "export", "dataset", target, "rows", None, rows,
                 "de-identified" if deidentified else "identifiable (names, birth dates)")
    uow.commit()
