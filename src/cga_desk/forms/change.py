"""Baseline and change from baseline (docs/clinical-rules.md sections 8 and 11): the one implementation.

Baseline: the most recent visit marked baseline on or before a visit's date (re-baselining); visits
before the first marked baseline have none. With no marked visit, the earliest visit whose required
instruments (Katz, Lawton, Charlson) are all complete is the baseline. Change = visit - baseline for
every score of `registry.CHANGE_KEYS`; it is a decline when it goes the way of the score's decline sign.

The rule is written once, over numpy arrays of visits sorted by patient, visit date and visit id, so
that a whole cohort (a million visits) costs milliseconds. One patient is the same arrays with a single
patient: `compute_changes` is a thin wrapper. numpy is imported at first use (this module is imported
at start-up; `services.clinic` loads numpy on a thread once the window is ready).

Item-level changes are facts (`ItemChange`), never words: `forms.messages` turns them into words
where a person reads them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from . import registry
from .definitions import Option, Points
from .instrument import Instrument

if TYPE_CHECKING:
    import numpy as np

# Score key -> sign of a decline, for every score whose change is judged (the registry decides; an
# appended instrument such as G8 is covered once registered).
DECLINE_SIGN: dict[str, int] = registry.DECLINE_SIGN
# The change columns of the original dataset (docs/clinical-rules.md 12): the core instruments' and the IMWG
# score's. Appended instruments add theirs after them (registry.CHANGE_KEYS). Kept under this name for
# the callers that read only those columns.
CORE_KEYS: tuple[str, ...] = tuple(i.change.key for i in registry.CORE if i.change) + (registry.IMWG_CHANGE.key,)
CHANGE_SCORES: dict[str, int] = {k: DECLINE_SIGN[k] for k in CORE_KEYS}
# A visit can be a baseline only when the instruments a complete visit needs are all scored.
REQUIRED_KEYS: tuple[str, ...] = tuple(registry.BY_CODE[c].total_key for c in registry.REQUIRED)
_KEYS: tuple[str, ...] = tuple(DECLINE_SIGN)
DAYS_PER_MONTH = 365.25 / 12
NO_BASELINE = -1
# Instruments whose item answers are compared with baseline: those whose change is judged.
_COMPARED: tuple[Instrument, ...] = tuple(i for i in registry.INSTRUMENTS if i.change is not None and i.item_columns)


@dataclass(frozen=True)
class VisitPoint:
    """What the change rules need of one visit: its date, mark, scores and item-level answers."""

    visit_date: date
    timepoint: str
    marked_baseline: bool
    scores: Mapping[str, Points | None]  # per key of registry.CHANGE_KEYS
    imwg_category: str | None = None
    answers: Mapping[str, Any] | None = None  # instrument code -> {item: answer}

    @property
    def instruments_complete(self) -> bool:
        return all(self.scores.get(k) is not None for k in REQUIRED_KEYS)


class ItemChange(NamedTuple):
    """One item whose answer differs from baseline, as facts: codes, stored answers, the options they
    stand for (None when unanswered) and whether the move lost or gained points in the instrument's
    direction (an unanswered side is neither). A NamedTuple, not a frozen dataclass: a long history
    makes hundreds of them, and a tuple is built in a fifth of the time."""

    instrument: str
    item: str
    from_answer: Any
    to_answer: Any
    from_option: Option | None
    to_option: Option | None
    is_decline: bool
    is_improvement: bool


@dataclass(frozen=True)
class VisitChange:
    is_baseline: bool
    baseline_index: int | None
    baseline_date: date | None
    days_from_baseline: int | None
    change_from_baseline: dict[str, Points | None] | None
    change_from_previous: dict[str, Points | None] | None
    category_transition: tuple[str, str] | None  # (baseline IMWG category, this visit's) when they differ
    declined: tuple[str, ...]
    given_item_changes: tuple[ItemChange, ...] | None  # None: found from `answers` when first asked for
    answers: tuple[Mapping[str, Any] | None, Mapping[str, Any] | None] | None = field(default=None, repr=False)

    @cached_property
    def item_changes(self) -> tuple[ItemChange, ...]:
        """The items that changed since baseline, found when first asked for: a patient page opens without
        them (only the trends tab's selected visit, a report or the history document reads them)."""
        if self.given_item_changes is not None:
            return self.given_item_changes
        return item_changes(*self.answers) if self.answers else ()

    @property
    def imwg_category_change(self) -> str | None:
        """The history document's code form, "fit -> frail" (docs/clinical-rules.md 11)."""
        return None if self.category_transition is None else transition_code(*self.category_transition)

    @property
    def months_from_baseline(self) -> float | None:
        return None if self.days_from_baseline is None else round(self.days_from_baseline / DAYS_PER_MONTH, 1)


# -- the rule, over arrays sorted by patient, visit date and visit id ------------------------------


def _runs(*keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first row, length) of each run of rows equal on all `keys` (the rows are sorted by them)."""
    import numpy as np

    first = np.zeros(len(keys[0]), dtype=bool)
    first[:1] = True
    for key in keys:
        first[1:] |= key[1:] != key[:-1]
    starts = np.flatnonzero(first)
    return starts, np.diff(np.append(starts, len(first)))


def _by_mark(row: np.ndarray, patient: np.ndarray, day: np.ndarray, marked: np.ndarray) -> np.ndarray:
    """Re-baselining: the latest marked row dated on or before each row's date, i.e. up to the last row
    of the same patient and date; NO_BASELINE before the patient's first marked date."""
    import numpy as np

    starts, sizes = _runs(patient)
    day_starts, day_sizes = _runs(patient, day)
    last_of_day = np.repeat(day_starts + day_sizes - 1, day_sizes)
    latest = np.maximum.accumulate(np.where(marked, row, NO_BASELINE))[last_of_day]
    return np.where(latest >= np.repeat(starts, sizes), latest, NO_BASELINE)


def _by_first_complete(row: np.ndarray, patient: np.ndarray, complete: np.ndarray) -> np.ndarray:
    """No marked visit: the patient's earliest complete row, for itself and every later row."""
    import numpy as np

    starts, sizes = _runs(patient)
    first = np.repeat(np.minimum.reduceat(np.where(complete, row, len(row)), starts), sizes)
    return np.where(first <= row, first, NO_BASELINE)


def baseline_positions(patient: np.ndarray, day: np.ndarray, marked: np.ndarray, complete: np.ndarray) -> np.ndarray:
    """For each visit, the row of its baseline visit, or NO_BASELINE: the marked rule for a patient with
    any marked visit, else the earliest complete visit (`instruments_complete`)."""
    import numpy as np

    row = np.arange(len(patient))
    if len(row) == 0:
        return row
    starts, sizes = _runs(patient)
    any_marked = np.repeat(np.logical_or.reduceat(np.asarray(marked, dtype=bool), starts), sizes)
    return np.where(any_marked, _by_mark(row, patient, day, marked), _by_first_complete(row, patient, complete))


def first_baselines(patient: np.ndarray, baseline: np.ndarray) -> np.ndarray:
    """The protocol's comparator for a cohort (docs/clinical-decisions.md, "Cohort summary"): every visit
    that has a baseline under `baseline_positions` is compared with the patient's first baseline instead
    of the most recent one; visits without a baseline keep none. Rows sorted by patient, date and id."""
    import numpy as np

    if len(baseline) == 0:
        return baseline
    starts, sizes = _runs(patient)
    first = np.repeat(np.minimum.reduceat(np.where(baseline == NO_BASELINE, len(baseline), baseline), starts), sizes)
    return np.where(baseline == NO_BASELINE, NO_BASELINE, first)


def instruments_complete(scores: Mapping[str, np.ndarray]) -> np.ndarray:
    """The required instruments all scored; scores are floats, NaN = missing."""
    import numpy as np

    return ~np.logical_or.reduce([np.isnan(scores[k]) for k in REQUIRED_KEYS])


def at_baseline(values: np.ndarray, baseline: np.ndarray, missing: object) -> np.ndarray:
    """Each row's baseline value (`missing` where there is no baseline)."""
    import numpy as np

    out = values[np.maximum(baseline, 0)].copy()
    out[baseline == NO_BASELINE] = missing
    return out


def _judged(scores: Mapping[str, Any]) -> list[str]:
    """The keys of `scores` whose change is judged, in the registry's order (a caller reads the scores it needs)."""
    return [k for k in DECLINE_SIGN if k in scores]


def changes_from_baseline(scores: Mapping[str, np.ndarray], baseline: np.ndarray) -> dict[str, np.ndarray]:
    """Per change key, visit - baseline; NaN when there is no baseline or either side is missing."""
    import numpy as np

    return {k: scores[k] - at_baseline(scores[k], baseline, np.nan) for k in _judged(scores)}


def changes_from_previous(scores: Mapping[str, np.ndarray], patient: np.ndarray) -> dict[str, np.ndarray]:
    """Per change key, visit - the patient's previous visit; NaN for a patient's first visit."""
    import numpy as np

    first = np.ones(len(patient), dtype=bool)
    first[1:] = patient[1:] != patient[:-1]
    out = {}
    for k in _judged(scores):
        diff = np.full(len(patient), np.nan)
        diff[1:] = scores[k][1:] - scores[k][:-1]
        diff[first] = np.nan
        out[k] = diff
    return out


def days_from_baseline(day: np.ndarray, baseline: np.ndarray) -> np.ndarray:
    """Days from the baseline visit (float, NaN without a baseline); `day` is datetime64[D]."""
    import numpy as np

    days = (day - day[np.maximum(baseline, 0)]).astype("timedelta64[D]").astype(np.float64)
    days[baseline == NO_BASELINE] = np.nan
    return days


def declines(change: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Per score, whether the change goes the way of its decline sign; NaN (not available) is none."""
    return {k: change[k] * DECLINE_SIGN[k] > 0 for k in _judged(change)}


def transition(before: str | None, after: str | None) -> tuple[str, str] | None:
    """A category transition: both categories known and different, else None."""
    return (before, after) if before and after and before != after else None


def transition_code(before: str, after: str) -> str:
    return f"{before} -> {after}"


def category_transitions(category: np.ndarray, names: Sequence[str], baseline: np.ndarray) -> np.ndarray:
    """'<baseline category> -> <category>' where both are known and differ, else None (object array).

    `category` holds codes into `names`, -1 where the visit has no IMWG category.
    """
    import numpy as np

    before = at_baseline(category, baseline, -1)
    size = len(names)
    table = np.array(
        [[transition_code(*t) if (t := transition(a, b)) else None for b in names] + [None] for a in names]
        + [[None] * (size + 1)],
        dtype=object,
    )
    return table[np.where(before < 0, size, before), np.where(category < 0, size, category)]


# -- one patient: the same rule on one patient's arrays ---------------------------------------------


def baseline_indices(visits: Sequence[VisitPoint]) -> list[int | None]:
    """For each visit (sorted by date), the index of its baseline visit, or None."""
    return [None if b == NO_BASELINE else b for b in _one_patient(visits)[0].tolist()]


def _one_patient(visits: Sequence[VisitPoint]) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """(baseline rows, scores, days) of one patient's visits: the cohort's arrays with a single patient.
    Days are ordinals (whole days, like datetime64[D]); building datetime64 from dates costs more."""
    import numpy as np

    keys = [k for k in _KEYS if any(k in v.scores for v in visits)]  # the scores the caller gives
    matrix = np.array([[v.scores.get(k) for k in keys] for v in visits], dtype=np.float64)  # None -> NaN
    scores = {k: matrix[:, j] for j, k in enumerate(keys)}
    day = np.array([v.visit_date.toordinal() for v in visits], dtype=np.int64)
    marked = np.array([v.marked_baseline for v in visits], dtype=bool)
    patient = np.zeros(len(visits), dtype=np.int64)
    return baseline_positions(patient, day, marked, instruments_complete(scores)), scores, day


def compute_changes(visits: Sequence[VisitPoint]) -> list[VisitChange]:
    """The change-from-baseline view of one patient's visits, which must be sorted by date."""
    return compute_changes_of([visits])[0]


def compute_changes_of(patients: Sequence[Sequence[VisitPoint]]) -> list[list[VisitChange]]:
    """compute_changes of each patient's visits (each sorted by date), the rule's arrays built once for
    patients giving the same scores: per-patient numpy calls were most of a million-visit export's cost."""
    out: list[list[VisitChange]] = [[] for _ in patients]
    groups: dict[tuple[str, ...], list[int]] = {}
    for p, visits in enumerate(patients):
        if visits:
            groups.setdefault(tuple(k for k in _KEYS if any(k in v.scores for v in visits)), []).append(p)
    for keys, members in groups.items():
        for p, changes in zip(members, _changes([patients[p] for p in members], list(keys)), strict=True):
            out[p] = changes
    return out


def _changes(patients: list[Sequence[VisitPoint]], keys: list[str]) -> list[list[VisitChange]]:
    """The rule over the visits of several patients (none without visits), as the cohort's arrays."""
    import numpy as np

    flat = [v for visits in patients for v in visits]
    n = len(flat)
    sizes = [len(visits) for visits in patients]
    patient = np.repeat(np.arange(len(patients), dtype=np.int64), sizes)
    matrix = np.array([[v.scores.get(k) for k in keys] for v in flat], dtype=np.float64)  # None -> NaN
    scores = {k: matrix[:, j] for j, k in enumerate(keys)}
    # Days are ordinals (whole days, like datetime64[D]); building datetime64 from dates costs more.
    day = np.array([v.visit_date.toordinal() for v in flat], dtype=np.int64)
    marked = np.array([v.marked_baseline for v in flat], dtype=bool)
    base = baseline_positions(patient, day, marked, instruments_complete(scores))
    cfb = changes_from_baseline(scores, base)
    judged = list(cfb)
    from_baseline = _rows(cfb, n)
    from_previous = _rows(changes_from_previous(scores, patient), n)
    worse = np.column_stack(list(declines(cfb).values())).tolist() if judged else [[]] * n
    days = (day - day[np.maximum(base, 0)]).tolist()
    bases = base.tolist()
    out = []
    start = 0
    for visits in patients:
        changes = []
        for i, v in enumerate(visits):
            g = start + i
            if bases[g] == NO_BASELINE:
                changes.append(
                    VisitChange(False, None, None, None, None, from_previous[g] if i else None, None, (), ())
                )
                continue
            b = bases[g] - start
            then = visits[b]
            changes.append(
                VisitChange(
                    b == i,
                    b,
                    then.visit_date,
                    days[g],
                    from_baseline[g],
                    from_previous[g] if i else None,
                    transition(then.imwg_category, v.imwg_category),
                    tuple([k for k, d in zip(judged, worse[g]) if d]),
                    None if b != i else (),
                    (v.answers, then.answers) if b != i else None,
                )
            )
        out.append(changes)
        start += len(visits)
    return out


def _rows(change: Mapping[str, np.ndarray], n: int) -> list[dict[str, Points | None]]:
    """Per visit, {key: change} with None for NaN (not available) and whole numbers as int (G8 has halves)."""
    import numpy as np

    keys = list(change)
    if not keys:
        return [{} for _ in range(n)]
    matrix = np.column_stack(list(change.values()))
    cells = matrix.astype(object)
    whole = matrix == np.floor(matrix)  # False for NaN
    cells[whole] = matrix[whole].astype(np.int64).astype(object)
    cells[np.isnan(matrix)] = None
    return [dict(zip(keys, row)) for row in cells.tolist()]


def declined(change: Mapping[str, Points | None] | None) -> tuple[str, ...]:
    """The keys of one visit's change that are declines (`declines` for one row of documents)."""
    if change is None:
        return ()
    return tuple(k for k, sign in DECLINE_SIGN.items() if (d := change.get(k)) is not None and d * sign > 0)


# -- item-level changes, as facts --------------------------------------------------------------------


def _options(instrument: Instrument) -> dict[str, dict[Any, Option]]:
    """Per item, stored answer -> option. Stored answers were checked against `Instrument.to_option`
    (type included) when saved or imported, so within one item an answer's value identifies its option."""
    return {item.code: {instrument.to_answer(item, o.code): o for o in item.options} for item in instrument.spec.items}


# Read once: looking options up per comparison was most of the cost of a long history (issue 8).
_ITEMS = tuple(
    (i.code, {c: n for n, c in enumerate(i.spec.item_codes)}, _options(i), i.change.decline_sign if i.change else 0)
    for i in _COMPARED
)


_item_change = ItemChange._make  # tuple.__new__: no Python-level __new__ per item (hundreds per history)


def item_changes(now: Mapping[str, Any] | None, then: Mapping[str, Any] | None) -> tuple[ItemChange, ...]:
    """The items whose answer differs between baseline (`then`) and a visit (`now`), in the registry's
    instrument order and each form's item order. A change is a decline when the options' points move
    the way of the instrument's decline sign (a Katz item becoming dependent, a Charlson condition
    becoming ticked), an improvement the other way; an unanswered side is neither."""
    if not now or not then:
        return ()
    out: list[ItemChange] = []
    for instrument, codes, options, sign in _ITEMS:
        a, b = then.get(instrument), now.get(instrument)
        if a == b or a is None or b is None or not _is_mapping(a) or not _is_mapping(b):
            continue
        # The differing (item, answer) pairs, found at C speed, then only those in form order.
        changed = {code for code, _ in a.items() ^ b.items() if code in codes and a.get(code) != b.get(code)}
        for code in sorted(changed, key=codes.__getitem__):
            before, after, option = a.get(code), b.get(code), options[code]
            was, now_ = option.get(before), option.get(after)
            moved = 0 if was is None or now_ is None else (now_.points - was.points) * sign
            out.append(_item_change((instrument, code, before, after, was, now_, moved > 0, moved < 0)))
    return tuple(out)


def _is_mapping(value: Any) -> bool:
    return type(value) is dict or isinstance(value, Mapping)  # the ABC check only for the rare non-dict
