"""The inputs of the printed reports: frozen dataclasses built from plain domain records (no database)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .. import i18n
from ..domain.errors import ValidationError
from ..domain.records import PatientView, VisitView
from ..forms import registry
from ..forms.change import VisitChange
from ..forms.imwg import age_points
from ..i18n import translate
from .fonts import check_printable
from .wording import InstrumentSection, instrument_section

ISO_DATE = "%Y-%m-%d"
_DAY, _MONTH, _YEAR = ("%d", "%e", "%-d"), ("%m", "%b", "%B", "%-m"), ("%Y",)


def check_date_format(value: str) -> str:
    """A date format must show day, month and four-digit year (strftime codes, e.g. %d/%m/%Y)."""
    if not all(any(code in value for code in group) for group in (_DAY, _MONTH, _YEAR)):
        raise ValidationError("date_format", f"{value!r} must contain a day (%d), a month (%m or %b) and a year (%Y)")
    try:
        date(2026, 3, 10).strftime(value)
    except ValueError as exc:
        raise ValidationError("date_format", f"{value!r} is not a date format: {exc}") from None
    return value


@dataclass(frozen=True)
class ReportSettings:
    clinic_name: str = ""
    logo_path: str | None = None
    date_format: str = ISO_DATE  # ISO 8601 unless the clinic chose another
    demo: bool = False  # a demo database: every page says DEMO DATA
    # "audit chain <hash prefix>": the newest audit event's hash when printed, on every page's footer, so a
    # page on paper anchors the chain (`cga-desk audit verify --anchor`). Empty: not printed.
    audit_anchor: str = ""
    # The PDF's author: the full name of the signed-in user who prints it (services.settings.printed_settings).
    author: str = ""

    def fmt(self, day: date | datetime | None) -> str:
        if day is None:
            return "—"
        if isinstance(day, datetime):
            day = day.date()
        if self.date_format == ISO_DATE and i18n.is_chinese():  # the clinic kept the default: the language's form
            return i18n.format_date(day)
        return day.strftime(self.date_format)

    def texts(self) -> Iterator[tuple[str, str | None]]:
        yield "clinic_name", self.clinic_name


@dataclass(frozen=True)
class SimplifiedScore:
    """Facon 2020: a different score from IMWG, shown beside it when ECOG is recorded."""

    score: int
    category: str
    provenance: tuple[str, ...]


@dataclass(frozen=True)
class Amendment:
    """A signed version replaced by an amendment: who (the account's full name), when, why (the kept
    version's superseded_by, superseded_at and reason)."""

    full_name: str
    on: date
    reason: str


@dataclass(frozen=True)
class VisitSummaryData:
    patient: PatientView
    visit: VisitView
    change: VisitChange
    sections: tuple[InstrumentSection, ...]
    simplified: SimplifiedScore | None
    generated_on: date
    baseline: VisitView | None = None  # the visit this one is compared with (item answers)
    amendments: tuple[Amendment, ...] = ()  # each time the visit was amended after signing, oldest first

    @property
    def imwg(self) -> dict[str, Any] | None:
        return self.visit.scores.get("imwg")

    def texts(self) -> Iterator[tuple[str, str | None]]:
        yield from patient_texts(self.patient)
        yield from visit_texts(self.visit)
        for a in self.amendments:
            yield "amendment reason", a.reason


@dataclass(frozen=True)
class ReviewNote:
    """A physician's "trend reviewed" note as the report closes with it: who, when, what they wrote."""

    note_date: date
    text: str
    author: str  # the user name
    full_name: str  # the account's full name ('' when the account is gone)
    recorded_at: datetime


@dataclass(frozen=True)
class LongitudinalData:
    patient: PatientView
    rows: tuple[tuple[VisitView, VisitChange], ...]  # date order, as the history service gives them
    generated_on: date
    baselines: tuple[VisitView | None, ...] = ()  # per row, the visit it is compared with
    reviews: tuple[ReviewNote, ...] = ()  # the trend-review notes, in date order

    def baseline_of(self, i: int) -> VisitView | None:
        return self.baselines[i] if i < len(self.baselines) else None

    @property
    def scoring_versions(self) -> tuple[str, ...]:
        versions = (v.scores.get("scoring_version") for v, _ in self.rows)
        return tuple(dict.fromkeys(x for x in versions if x))

    def texts(self) -> Iterator[tuple[str, str | None]]:
        yield from patient_texts(self.patient)
        for visit, _ in self.rows:
            yield from visit_texts(visit)
        for r in self.reviews:
            yield "review.text", r.text
            yield "review.author", r.full_name or r.author


@dataclass(frozen=True)
class CategoryRow:
    timepoint: str
    n: int
    fit: int
    intermediate: int
    frail: int
    incomplete: int


@dataclass(frozen=True)
class MeanChangeRow:
    timepoint: str
    score: str  # katz_adl, lawton_iadl, cci, imwg_score
    n: int
    mean: float | None
    median: float | None = None
    q1: float | None = None  # first and third quartiles (linear interpolation)
    q3: float | None = None


@dataclass(frozen=True)
class WorklistRow:
    study_id: str
    reason: str
    reviewed_on: date | None = None  # a physician's latest "trend reviewed" note
    worsened: bool = False  # the IMWG category is worse than at baseline (else: the latest visit declined)


@dataclass(frozen=True)
class OverdueRow:
    study_id: str
    timepoint: str
    due: date
    days_overdue: int


@dataclass(frozen=True)
class UncheckedRow:
    """A patient with no computable due date (no diagnosis date and no milestone the schedule needs)."""

    study_id: str
    last_visit: date | None  # None: never seen


@dataclass(frozen=True)
class CohortReportData:
    title: str
    filters: str  # the filters in words, e.g. "all patients"
    n_patients: int
    n_visits: int
    categories: tuple[CategoryRow, ...]
    mean_changes: tuple[MeanChangeRow, ...]
    worklist: tuple[WorklistRow, ...]
    overdue: tuple[OverdueRow, ...]
    generated_on: date
    notes: tuple[str, ...] = field(default_factory=tuple)
    include_drafts: bool = False  # drafts counted (else left out: `drafts_left_out` of them)
    drafts_left_out: int = 0
    first_baseline: bool = True  # change from the patient's first baseline (else the most recent one)
    rebaselined: int = 0  # patients whose counted visits include some after a second baseline
    n_scheduled: int = 0  # patients of the selection with at least one computable due date
    unchecked: tuple[UncheckedRow, ...] = ()  # the others, never seen first, then the oldest last visit

    def texts(self) -> Iterator[tuple[str, str | None]]:
        yield "title", self.title
        yield "filters", self.filters
        for u in self.unchecked:
            yield "study_id", u.study_id
        for c in self.categories:
            yield "timepoint", c.timepoint
        for w in self.worklist:
            yield "study_id", w.study_id
            yield "reason", w.reason
        for o in self.overdue:
            yield "study_id", o.study_id
            yield "timepoint", o.timepoint


def patient_texts(p: PatientView) -> Iterator[tuple[str, str | None]]:
    yield "study_id", p.study_id
    yield "name", p.name
    yield "mrn", p.mrn
    for m in p.milestones:
        yield "milestone.note", m.note


def visit_texts(v: VisitView) -> Iterator[tuple[str, str | None]]:
    for key in ("timepoint", "assessor", "signed_by", "completed_by", "amendment_reason"):
        yield key, getattr(v, key)
    for state in v.instruments.values():
        yield f"{state.instrument}.not_assessable_reason", state.not_assessable_reason
    if v.signature is not None:
        yield "signature.full_name", v.signature.full_name
        yield "signature.meaning", v.signature.meaning


def check_texts(*sources: Iterable[tuple[str, str | None]]) -> None:
    """Refuse, before anything is drawn, any text the report font would print as empty boxes."""
    for source in sources:
        for name, text in source:
            check_printable(text, name)


def simplified_score(visit: VisitView) -> SimplifiedScore | None:
    s = visit.scores
    sf, age, cci, grade = s.get("simplified_frailty"), s.get("age_years"), s.get("cci"), s.get("ecog")
    if not sf or age is None or cci is None or grade is None:
        return None
    lines = (
        translate("data", "Age {age} → +{points}").format(age=age, points=age_points(age)),
        f"CCI {cci} {'≥ 2' if cci >= 2 else '≤ 1'} → +{int(cci >= 2)}",
        f"ECOG {grade} → +{min(grade, 2)}",
    )
    return SimplifiedScore(int(sf["score"]), str(sf["category"]), lines)


def visit_summary_data(
    patient: PatientView,
    visit: VisitView,
    change: VisitChange,
    generated_on: date | None = None,
    baseline: VisitView | None = None,
) -> VisitSummaryData:
    sections = tuple(instrument_section(code, visit.instruments.get(code), visit.scores) for code in registry.CODES)
    return VisitSummaryData(
        patient, visit, change, sections, simplified_score(visit), generated_on or date.today(), baseline
    )


def longitudinal_data(
    patient: PatientView,
    rows: Sequence[tuple[VisitView, VisitChange]],
    generated_on: date | None = None,
    reviews: Sequence[ReviewNote] = (),
) -> LongitudinalData:
    """`rows` as the history gives them (their order is the one `VisitChange.baseline_index` counts in)."""
    given = list(rows)
    order = sorted(range(len(given)), key=lambda i: (given[i][0].visit_date, given[i][0].id))
    baselines = tuple(
        given[b][0] if (b := given[i][1].baseline_index) is not None and not given[i][1].is_baseline else None
        for i in order
    )
    return LongitudinalData(
        patient,
        tuple(given[i] for i in order),
        generated_on or date.today(),
        baselines,
        tuple(sorted(reviews, key=lambda r: (r.note_date, r.recorded_at))),
    )
