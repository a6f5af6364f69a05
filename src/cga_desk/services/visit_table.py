"""Visits as numpy columns with their baseline and change from baseline: what the cohort summary and the
analysis dataset are computed from, at clinic scale (a million visits) in seconds and bounded memory.

Rows come from persistence.analysis_queries in batches of driver tuples; each batch is converted to
typed arrays at once (numbers as float64 with NaN for "not available", dates as datetime64[D], text
either kept as objects or coded against a vocabulary), so the Python objects of only one batch live at
a time. Baseline and change follow forms.change (the one rule, on arrays).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..forms import change as change_rule
from ..forms import registry

# How a column is converted: INT int64 (never NULL), NUMBER float64 (NaN = NULL), DATE datetime64[D],
# FLAG bool, TEXT object (str or None), CODE int32 codes into a vocabulary (-1 = NULL): lean for a
# million repeated labels.
INT, NUMBER, DATE, FLAG, TEXT, CODE = "int", "number", "date", "flag", "text", "code"


@dataclass(frozen=True)
class Columns:
    """One read of a table as typed columns of equal length (rows in the order read)."""

    values: dict[str, np.ndarray]
    vocabulary: dict[str, list[Any]]  # of the CODE columns

    def __len__(self) -> int:
        return len(next(iter(self.values.values()))) if self.values else 0

    def __getitem__(self, name: str) -> np.ndarray:
        return self.values[name]

    def sorted_by(self, name: str) -> Columns:
        """The rows in the order of one column (stable; text by code point, as Python sorts it, whatever
        the database's collation)."""
        order = np.argsort(self.values[name], kind="stable")
        return Columns({k: v[order] for k, v in self.values.items()}, self.vocabulary)

    def names(self, name: str) -> np.ndarray:
        """The vocabulary of a CODE column as an object array, None last: indexing it with codes decodes them."""
        return np.array([*self.vocabulary[name], None], dtype=object)

    def decoded(self, name: str) -> np.ndarray:
        """A CODE column as an object array of its values (None for NULL)."""
        return self.names(name)[self.values[name]]


def _convert(column: np.ndarray, kind: str) -> np.ndarray:
    if kind == INT:
        return column.astype(np.int64)
    if kind == NUMBER:
        none = np.equal(column, None)  # type: ignore[call-overload]  # object array: elementwise, as the stubs omit
        return np.where(none, np.nan, column).astype(np.float64)
    if kind == DATE:
        return column.astype("datetime64[D]")
    if kind == FLAG:
        return column.astype(bool)
    return column


def _code(column: np.ndarray, vocabulary: dict[Any, int]) -> np.ndarray:
    """Codes into `vocabulary` (extended with new values); -1 for NULL."""
    local, values = pd.factorize(column)
    mapping = np.array([vocabulary.setdefault(v, len(vocabulary)) for v in values] + [-1], dtype=np.int32)
    return mapping[local]


def read_columns(batches: Iterable[list[tuple[Any, ...]]], kinds: Mapping[str, str]) -> Columns:
    """Driver rows (columns in the order of `kinds`) -> one typed array per column, batch by batch."""
    names = list(kinds)
    parts: dict[str, list[np.ndarray]] = {name: [] for name in names}
    vocabularies: dict[str, dict[Any, int]] = {name: {} for name in names if kinds[name] == CODE}
    for rows in batches:
        block = np.array(rows, dtype=object)
        for i, name in enumerate(names):
            kind = kinds[name]
            parts[name].append(_code(block[:, i], vocabularies[name]) if kind == CODE else _convert(block[:, i], kind))
    values = {name: np.concatenate(p) if p else _empty(kinds[name]) for name, p in parts.items()}
    return Columns(values, {name: list(v) for name, v in vocabularies.items()})


def _empty(kind: str) -> np.ndarray:
    return np.empty(0, dtype=np.int32) if kind == CODE else _convert(np.empty(0, dtype=object), kind)


def positions(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The position in `ids` (unique, any order) of each of `wanted` (all present in `ids`)."""
    order = np.argsort(ids)
    return order[np.searchsorted(ids, wanted, sorter=order)]


@dataclass(frozen=True)
class Changes:
    """Per visit (row): its baseline row (forms.change.NO_BASELINE when none) and the changes."""

    baseline: np.ndarray
    change: dict[str, np.ndarray]  # per registry.CHANGE_KEYS key read, float, NaN = not available
    days: np.ndarray  # days from baseline, NaN without a baseline

    @property
    def is_baseline(self) -> np.ndarray:
        return self.baseline == np.arange(len(self.baseline))

    def declined(self) -> dict[str, np.ndarray]:
        return change_rule.declines(self.change)


def change_column(key: str) -> str:
    """The stored column of a change key: the total of the instrument it belongs to (G8's "g8" is in
    "g8_total"), else a column of its own name ("imwg_score")."""
    totals = {i.change.key: i.total_key for i in registry.INSTRUMENTS if i.change is not None}
    return totals.get(key, key)


def changes(visits: Columns, first_baseline: bool = False) -> Changes:
    """Baseline and change from baseline over each patient's full visit list (sorted by patient, date, id),
    for every score of registry.CHANGE_KEYS whose column was read. `first_baseline`: every visit with a
    baseline is compared with the patient's first one (forms.change.first_baselines; the cohort summary's
    default), else with the most recent marked one (the change rule, as everywhere else)."""
    keys = {k.key: change_column(k.key) for k in registry.CHANGE_KEYS}
    scores = {k: visits[c] for k, c in keys.items() if c in visits.values}
    base = change_rule.baseline_positions(
        visits["patient_id"], visits["visit_date"], visits["is_baseline"], change_rule.instruments_complete(scores)
    )
    if first_baseline:
        base = change_rule.first_baselines(visits["patient_id"], base)
    return Changes(
        base,
        change_rule.changes_from_baseline(scores, base),
        change_rule.days_from_baseline(visits["visit_date"], base),
    )
