"""The analysis dataset of docs/clinical-rules.md section 12: one row per visit, built set-based, with its codebook.

Streamed in chunks of patients: the chosen patients are read once (study ID order), then their visits
with scores and their item answers CHUNK_PATIENTS patients at a time (two queries per chunk), so an
export of a million visits holds one chunk in memory, never the dataset. Baseline and change from
baseline come from forms.change (the one rule, also behind the history document), over each patient's full visit list; the visit-level filters are applied after.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..domain.records import User
from ..forms import registry
from ..forms.dataset_columns import IDENTIFYING_COLUMNS as _IDENTIFYING
from ..forms.dataset_columns import RENAMED_FROM_STORED
from ..i18n import translate
from ..interop.model import AGE_CAP, VisitColumns
from ..persistence import analysis_queries as queries
from ..persistence.uow import UnitOfWork
from . import audit
from .codebook import CODEBOOK_COLUMNS, ItemColumn, Layout, codebook_frame, extension_columns, layout
from .dataset_extension import extension_values, first_baselines, marks_columns, visit_numbers
from .exchange import DateShift

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from .visit_table import Columns

__all__ = [
    "CohortFilter",
    "DATASET_COLUMNS",
    "IDENTIFYING_COLUMNS",
    "analysis_chunks",
    "analysis_frame",
    "codebook_frame",
    "dataset_columns",
    "record_export",
    "CODEBOOK_COLUMNS",
]

CHUNK_PATIENTS = 1000  # about 20,000 visits per chunk at 20 visits a patient
COLUMNS_CHUNK_PATIENTS = 500  # visit_columns: its reader runs a chunk ahead of the ADaM writer (3 in memory)
DATASET_COLUMNS: tuple[str, ...] = layout().names  # as the registry stood at import; dataset_columns() reads it anew
IDENTIFYING_COLUMNS = tuple(c.name for c in _IDENTIFYING)
_WHOLE = ("integer", "boolean")  # exported as pandas Int64 (an empty cell stays empty, never 0 or 4.0)
INT_COLUMNS = tuple(c.name for c in layout().columns if c.kind in _WHOLE)
_PATIENT_KINDS = {
    "id": "int",
    "study_id": "text",
    "name": "text",
    "birth_date": "date",
    "sex": "text",
    "index_disease": "text",
    "diagnosis_date": "date",
    "mrn": "text",
}
_VISIT_KINDS = {
    "visit_id": "int",
    "patient_id": "int",
    "visit_date": "date",
    "timepoint": "text",
    "status": "text",
    "is_baseline": "flag",
    "respondent": "text",
    "scoring_version": "text",
}  # then the stored scores (_score_kinds), and "assessor" when a filter needs it


def _stored(name: str) -> str:
    """The visit_scores column a dataset column is read from (most keep their name)."""
    return RENAMED_FROM_STORED.get(name, name)


def _score_kinds(lay: Layout) -> dict[str, str]:
    """The stored scores the dataset shows, as visit_table reads them (text, or float with NaN)."""
    stored = set(queries.SCORE_COLUMNS)
    return {_stored(c.name): "text" if c.kind == "text" else "number" for c in lay.columns if _stored(c.name) in stored}


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

    @property
    def scope(self) -> dict[str, Any]:
        """The patient-level filters, as the analysis queries take them (they are applied in SQL)."""
        return {"index_disease": self.index_disease, "study_ids": self.study_ids}

    def visit_mask(self, timepoint: np.ndarray, visit_date: np.ndarray, assessor: np.ndarray | None) -> np.ndarray:
        """Which visits pass the visit-level filters: timepoint and assessor as object arrays (assessor
        may be None when there is no assessor filter), visit_date as datetime64[D]."""
        import numpy as np

        keep = np.ones(len(visit_date), dtype=bool)
        if self.timepoints is not None:
            keep &= np.logical_or.reduce([timepoint == t for t in self.timepoints], initial=False)
        if self.date_from is not None:
            keep &= visit_date >= np.datetime64(self.date_from, "D")
        if self.date_to is not None:
            keep &= visit_date <= np.datetime64(self.date_to, "D")
        if self.assessor is not None:
            keep &= assessor == self.assessor
        return keep

    def describe(self) -> str:
        """The filters in words, for report headers: "all visits" when there is none."""
        parts = []
        if self.index_disease is not None:
            parts.append(translate("services", "index disease {disease}").format(disease=self.index_disease))
        if self.study_ids is not None:
            parts.append(translate("services", "patients ") + ", ".join(self.study_ids))
        if self.timepoints is not None:
            parts.append(translate("services", "timepoints ") + ", ".join(self.timepoints))
        if self.date_from is not None or self.date_to is not None:
            parts.append(
                translate("services", "visits {start} to {end}").format(
                    start=self.date_from or "…", end=self.date_to or "…"
                )
            )
        if self.assessor is not None:
            parts.append(translate("services", "assessor {assessor}").format(assessor=self.assessor))
        return "; ".join(parts) or translate("services", "all visits")


def _item_values(items: list[ItemColumn], answers: dict[str, Any]) -> list[Any]:
    """One instrument's item columns from its answers: each item as the instrument writes it (Katz its
    points, Lawton the option number, Charlson 1/0, ...: `Instrument.item_value`)."""
    return [i.instrument.item_value(i.item, answers.get(i.item)) for i in items]


class _ItemDecoder:
    """Item columns from the answers' JSON text, each distinct (instrument, text) decoded once: a clinic's
    million answer sets repeat a few thousand distinct ones (six two-option Katz items, and so on). The
    memory of decoded texts is bounded (forgotten past MEMO_TEXTS, between chunks)."""

    MEMO_TEXTS = 200_000

    def __init__(self, items: tuple[ItemColumn, ...]) -> None:
        self._names = [i.column.name for i in items]
        self._of: dict[str, list[ItemColumn]] = {}  # instrument code -> its item columns
        for i in items:
            self._of.setdefault(i.instrument.code, []).append(i)
        self._forget()

    @property
    def instruments(self) -> list[str]:
        return list(self._of)

    def _forget(self) -> None:
        self._codes: dict[tuple[str, str], int] = {}  # (instrument, text) -> code, in order of first sight
        self._instrument: list[str] = []  # per code
        self._rows: list[list[float]] = []  # per code, its items in item-column order (NaN for the others)

    def _decode_new(self) -> None:
        for instrument, text in islice(self._codes, len(self._rows), None):
            answers = json.loads(text)
            values = dict.fromkeys(self._names, float("nan"))
            if answers is not None:
                mine = self._of[instrument]
                values |= {
                    i.column.name: float("nan") if v is None else float(v)
                    for i, v in zip(mine, _item_values(mine, answers))
                }
            self._instrument.append(instrument)
            self._rows.append(list(values.values()))

    def columns(self, batches: Iterable[list[tuple[Any, ...]]], visit_id: np.ndarray) -> dict[str, np.ndarray]:
        """Item columns (float, NaN = not answered item by item) for the visits `visit_id`, from
        analysis_queries.instrument_states via _answered (a total from paper or a not-assessable instrument has none)."""
        import numpy as np

        if len(self._codes) > self.MEMO_TEXTS:
            self._forget()
        vid, code = [], []
        for rows in batches:  # two passes over the plain tuples: cheaper than an array of objects
            vid.append(np.fromiter((r[0] for r in rows), np.int64, len(rows)))
            code.append(
                np.fromiter((self._codes.setdefault(r[1:], len(self._codes)) for r in rows), np.int64, len(rows))
            )
        self._decode_new()
        out = {c: np.full(len(visit_id), np.nan) for c in self._names}
        if vid:
            order = np.argsort(visit_id)
            at = order[np.searchsorted(visit_id, np.concatenate(vid), sorter=order)]
            codes, table = np.concatenate(code), np.array(self._rows, dtype=float)
            instrument = np.array(self._instrument, dtype=object)[codes]
            for name, columns in self._of.items():  # each instrument fills only its own columns
                mine = instrument == name
                for column in columns:
                    out[column.column.name][at[mine]] = table[codes[mine], self._names.index(column.column.name)]
        return out


def _int(values: np.ndarray) -> Any:
    """float (NaN = not available) -> pandas Int64: integers stay integers, an empty cell stays empty (never 0)."""
    import numpy as np
    import pandas as pd

    missing = np.isnan(values)
    return pd.arrays.IntegerArray(np.where(missing, 0, values).astype(np.int64), missing)


def _typed(values: np.ndarray, kind: str) -> Any:
    """A number column as exported: whole kinds as Int64, numbers as float (half points stay 0.5)."""
    return _int(values) if kind in _WHOLE else values


def _in_study_id_order(visits: Columns, patient_ids: np.ndarray) -> tuple[Columns, np.ndarray]:
    """The chunk's visits (read in patient id order) reordered by the patients' study ID order, and each
    visit's position in `patient_ids` (which is in study ID order)."""
    import numpy as np

    from .visit_table import Columns, positions

    position = positions(patient_ids, visits["patient_id"])
    rows = np.argsort(position, kind="stable")  # a patient's visits keep their date, id order
    return Columns({k: v[rows] for k, v in visits.values.items()}, visits.vocabulary), position[rows]


def _chunk_frame(
    lay: Layout,
    people: Columns,
    visits: Columns,
    person: np.ndarray,
    items: dict[str, np.ndarray],
    filters: CohortFilter,
    deidentified: bool,
    marks: dict[str, np.ndarray] | None = None,
) -> pd.DataFrame:
    """The dataset rows of one chunk of patients: changes over every visit, then the visit-level filters.
    `person` is each visit's row in `people`."""
    import numpy as np
    import pandas as pd

    from ..forms.change import at_baseline, category_transitions
    from .visit_table import changes

    ch = changes(visits)
    category, names = pd.factorize(visits["imwg_category"])
    keep = filters.visit_mask(visits["timepoint"], visits["visit_date"], visits.values.get("assessor"))
    v, who = {k: a[keep] for k, a in visits.values.items()}, person[keep]
    kind, stored = {c.name: c.kind for c in lay.columns}, set(queries.SCORE_COLUMNS)
    columns: dict[str, Any] = {
        **{
            c: v[_stored(c)] if kind[c] == "text" else _typed(v[_stored(c)], kind[c])
            for c in kind
            if _stored(c) in stored
        },
        "patient_id": people["study_id"][who],
        "visit_date": v["visit_date"].astype(object),
        "timepoint": v["timepoint"],
        "status": v["status"],
        "is_baseline": _int(ch.is_baseline[keep].astype(float)),
        "baseline_date": at_baseline(visits["visit_date"], ch.baseline, np.datetime64("NaT"))[keep].astype(object),
        "days_from_baseline": _int(ch.days[keep]),
        # docs/clinical-rules.md 1: dependency counts are derived (max - total), never stored
        **{i.dependency_key: _int(i.spec.max_total - v[i.total_key]) for i in registry.CORE if i.dependency_key},
        **{c: _typed(ch.change[k][keep], kind[c]) for c, k in lay.change_keys.items()},
        "imwg_category_change": category_transitions(category, list(names), ch.baseline)[keep],
        **{i.column.name: _typed(items[i.column.name][keep], i.column.kind) for i in lay.items},
        "patient_name": people["name"][who],
        "birth_date": people["birth_date"][who].astype(object),
        "mrn": people["mrn"][who],
    }
    extension = extension_values(visits, people, person, ch, items, marks or {}, deidentified)
    for column in extension_columns():
        values = extension[column.name][keep]
        if column.kind == "date":
            columns[column.name] = values.astype("datetime64[D]").astype(object)
        elif column.kind == "text":
            columns[column.name] = values
        else:
            columns[column.name] = _typed(values.astype(float), column.kind)
    return pd.DataFrame({c: columns[c] for c in dataset_columns(deidentified, lay)})


def dataset_columns(deidentified: bool = False, lay: Layout | None = None) -> list[str]:
    """The dataset's columns in the spec's order, then the registry's appended instruments; identifying
    ones (patient_name, birth_date, mrn) at the end unless de-identified."""
    return list((lay or layout()).names) + ([] if deidentified else list(IDENTIFYING_COLUMNS))


def _chunk_reads(
    uow: UnitOfWork, filters: CohortFilter, chunk_patients: int | None, extra: dict[str, str] | None = None
) -> Iterator[tuple[Columns, int, Columns, np.ndarray, dict[str, np.ndarray], dict[str, np.ndarray]]]:
    """The one reading behind the analysis dataset and the ADaM export: (people, start, visits, person,
    items, marks) per chunk of `chunk_patients` patients in study ID order; `person` is each visit's row in
    the chunk (people[start + person]). One query for the patients, then two per chunk."""
    from .visit_table import read_columns

    size = chunk_patients or CHUNK_PATIENTS
    people = read_columns(
        queries.patient_rows(uow.session, list(_PATIENT_KINDS), **filters.scope), _PATIENT_KINDS
    ).sorted_by("study_id")
    lay = layout()
    decoder = _ItemDecoder(lay.items)
    kinds = _VISIT_KINDS | _score_kinds(lay) | (extra or {})
    for start in range(0, len(people), size):
        ids = people["id"][start : start + size]
        rows = queries.visit_rows(uow.session, list(kinds), patient_ids=ids.tolist())
        visits, person = _in_study_id_order(read_columns(rows, kinds), ids)
        answers, states = _split_states(queries.instrument_states(uow.session, ids.tolist()), decoder.instruments)
        items = decoder.columns(answers, visits["visit_id"])
        yield people, start, visits, person, items, marks_columns(states, visits["visit_id"])


def analysis_chunks(
    uow: UnitOfWork, filters: CohortFilter | None = None, deidentified: bool = False, chunk_patients: int | None = None
) -> Iterator[pd.DataFrame]:
    """The dataset of docs/clinical-rules.md section 12 as consecutive non-empty DataFrames, `chunk_patients`
    (default CHUNK_PATIENTS) patients at a time, in study ID then visit date order; columns as
    dataset_columns(). One query for the patients, then two per chunk (visits with scores, item answers)."""
    f = filters or CohortFilter()
    shift = DateShift()
    lay = layout()
    extra = {"assessor": "text"} if f.assessor is not None else {}
    for people, start, visits, person, items, marks in _chunk_reads(uow, f, chunk_patients, extra):
        chunk = _chunk_frame(lay, people, visits, person + start, items, f, deidentified, marks)
        if len(chunk):
            yield _deidentified(chunk, shift) if deidentified else chunk


def visit_columns(
    uow: UnitOfWork, deidentified: bool = False, shift: DateShift | None = None, chunk_patients: int | None = None
) -> Iterator[VisitColumns]:
    """Every patient's stored record as columns (interop/model.VisitColumns), from the analysis dataset's
    reading: the same scores, items, baselines (forms.change) and visit numbers, not yet formatted, so the
    ADaM export writes a million visits in about the time the dataset takes. De-identified as
    services/exchange.py does it: dates moved back by the patient's secret shift (day counts unchanged),
    ages of 90 and over held as 90 (the writer says "90+")."""
    import numpy as np

    from ..forms.change import NO_BASELINE
    from ..persistence import exchange_reads
    from .visit_table import changes

    shift, size = shift or DateShift(), chunk_patients or COLUMNS_CHUNK_PATIENTS
    for people, start, visits, person, items, marks in _chunk_reads(uow, CohortFilter(), size):
        n = min(len(people) - start, size)
        mine = slice(start, start + n)
        patient_id = people["id"][mine]
        ch = changes(visits)
        first = first_baselines(visits["patient_id"], ch.is_baseline)
        rows = np.arange(len(visits))
        # each patient's first baseline row (len(visits) when none): its date and age for ADSL and ADY
        first_row = np.full(n, len(visits), dtype=np.int64)
        np.minimum.at(first_row, person, np.where(ch.is_baseline, rows, len(visits)))
        dates = np.r_[visits["visit_date"], np.datetime64("NaT")]
        ages = np.r_[visits["age_years"], np.nan]
        patients: dict[str, Any] = {
            "study_id": people["study_id"][mine],
            "sex": people["sex"][mine],
            "index_disease": people["index_disease"][mine],
            "diagnosis_date": people["diagnosis_date"][mine],
            "first_baseline_date": dates[first_row],
            "first_baseline_age": ages[first_row],
            "visits": np.bincount(person, minlength=n),
        }
        at = {int(pid): i for i, pid in enumerate(patient_id.tolist())}
        for pid, kind, day, _ in exchange_reads.milestones(uow.session, patient_id.tolist()):
            column = patients.setdefault(f"milestone:{kind}", np.full(n, np.datetime64("NaT"), dtype="datetime64[D]"))
            column[at[pid]] = np.datetime64(day, "D")  # in date order: the latest stays
        out: dict[str, Any] = {
            "person": person,
            "visit_number": visit_numbers(visits["patient_id"]),
            "first_baseline": first,
            "baseline": ch.baseline,
            **visits.values,
            **items,
            **{k: v for k, v in marks.items() if k.endswith("_form_version")},
        }
        assert NO_BASELINE == -1  # the rows of `first` and `ch.baseline` are taken with -1 meaning none
        if deidentified:
            days = np.array([shift.days(s) for s in patients["study_id"].tolist()], dtype="timedelta64[D]")
            for name, column in patients.items():
                if name.endswith("_date") or name.startswith("milestone:"):
                    patients[name] = column - days
            out["visit_date"] = out["visit_date"] - days[person]
            out["age_years"] = np.minimum(out["age_years"], AGE_CAP)
            patients["first_baseline_age"] = np.minimum(patients["first_baseline_age"], AGE_CAP)
        yield VisitColumns(patients, out, deidentified)


def _split_states(
    batches: Iterable[list[tuple[Any, ...]]], instruments: Iterable[str]
) -> tuple[list[list[tuple[Any, ...]]], tuple[np.ndarray, ...]]:
    """The chunk's instrument rows, once: the answers given item by item (not a total from paper, not an
    instrument marked not assessable) as batches for the item decoder, and the columns (visit_id,
    instrument, form_version, reason) as arrays for the appended columns."""
    import numpy as np

    wanted = frozenset(instruments)
    answers, parts = [], []
    for batch in batches:
        if not batch:
            continue
        answers.append([(v, i, t) for v, i, t, _, r in batch if t is not None and not r and i in wanted])
        vid, inst, _, version, reason = zip(*batch)
        parts.append(
            (
                np.fromiter(vid, np.int64, len(vid)),
                np.array(inst, dtype=object),
                np.array(version, dtype=object),
                np.array(reason, dtype=object),
            )
        )
    if not parts:
        return answers, ()
    return answers, tuple(np.concatenate([p[k] for p in parts]) for k in range(4))


def _deidentified(frame: pd.DataFrame, shift: DateShift) -> pd.DataFrame:
    """Dates moved back by each patient's secret shift, ages of 90 and over written "90+"
    (services/exchange.py, docs/deidentification.md)."""
    import numpy as np
    import pandas as pd

    days = frame["patient_id"].map({p: shift.days(p) for p in frame["patient_id"].unique()})
    back = pd.to_timedelta(days.to_numpy(dtype=np.int64), unit="D")
    for column in ("visit_date", "baseline_date", "diagnosis_date", "first_baseline_date"):
        dates = pd.to_datetime(frame[column])
        frame[column] = pd.Series((dates - back).dt.date, index=frame.index).where(dates.notna(), None)
    age = frame["age_years"]
    frame["age_years"] = np.where(age.isna(), "", np.where(age.fillna(0) >= AGE_CAP, f"{AGE_CAP}+", age.astype(str)))
    return frame


def analysis_frame(
    uow: UnitOfWork, by: User, filters: CohortFilter | None = None, deidentified: bool = False
) -> pd.DataFrame:
    """The whole dataset in one DataFrame (integers as pandas Int64: empty means not available), for a
    user who may export. For a clinic-sized export, stream analysis_chunks instead."""
    import pandas as pd

    from ..domain import access

    access.require(by, access.EXPORT)

    chunks = list(analysis_chunks(uow, filters, deidentified))
    if chunks:
        return pd.concat(chunks, ignore_index=True)
    kind = {c.name: c.kind for c in layout().columns}
    dtypes = {c: "Int64" if kind.get(c) in _WHOLE else float if kind.get(c) == "number" else object for c in kind}
    return pd.DataFrame({c: pd.array([], dtype=dtypes.get(c, object)) for c in dataset_columns(deidentified)})


def record_export(uow: UnitOfWork, by: User, target: str, rows: int, deidentified: bool) -> None:
    """Audit who exported what: an identifiable export is a disclosure of patient data."""
    audit.record(
        uow,
        by,
        "export",
        "dataset",
        target,
        "rows",
        None,
        rows,
        "de-identified" if deidentified else "identifiable (names, birth dates)",
    )
    uow.commit()
