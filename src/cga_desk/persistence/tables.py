"""The SQLAlchemy 2 tables of CGA Desk (the schema that migrations/ creates and upgrades)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    inspect,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ..forms import registry


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, datetime: DateTime(timezone=True)}


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # nurse, physician, admin
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)  # argon2id; NULL: none set yet
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)  # in a row, since the last success
    locked_until: Mapped[datetime | None] = mapped_column(nullable=True)


class Schedule(Base):
    __tablename__ = "schedules"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    timepoints: Mapped[list[ScheduleTimepoint]] = relationship(
        back_populates="schedule", order_by="ScheduleTimepoint.position", cascade="all, delete-orphan"
    )


class ScheduleTimepoint(Base):
    __tablename__ = "schedule_timepoints"
    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("schedules.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(80))  # may hold {month} for repeating timepoints
    anchor: Mapped[str] = mapped_column(String(40))  # diagnosis or a milestone kind
    offset_days: Mapped[int] = mapped_column(Integer, default=0)
    window_days: Mapped[int] = mapped_column(Integer, default=14)
    repeat_every_months: Mapped[int | None] = mapped_column(Integer, nullable=True)
    repeat_until_months: Mapped[int | None] = mapped_column(Integer, nullable=True)
    not_before_anchor: Mapped[str | None] = mapped_column(String(40), nullable=True)
    schedule: Mapped[Schedule] = relationship(back_populates="timepoints")


class Patient(Base):
    __tablename__ = "patients"
    id: Mapped[int] = mapped_column(primary_key=True)
    study_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(20), nullable=True)
    index_disease: Mapped[str | None] = mapped_column(String(80), nullable=True)
    diagnosis_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The hospital's medical record number (optional; migration 0010): printed beside the study ID,
    # identifying like the name (dropped from a de-identified export).
    mrn: Mapped[str | None] = mapped_column(String(40), nullable=True)
    schedule_id: Mapped[int | None] = mapped_column(ForeignKey("schedules.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Registered by mistake (a duplicate, a wrong person): hidden from lists, the cohort and exports,
    # kept with its audit trail; an admin can undo it.
    registered_in_error: Mapped[bool] = mapped_column(Boolean, default=False)
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="patient", order_by="Milestone.date", cascade="all, delete-orphan"
    )


class Milestone(Base):
    __tablename__ = "milestones"
    __table_args__ = (UniqueConstraint("patient_id", "kind", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(
        String(40)
    )  # induction_start, car_t_infusion, consolidation_start, maintenance_start, other
    date: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    patient: Mapped[Patient] = relationship(back_populates="milestones")


class Visit(Base):
    __tablename__ = "visits"
    __table_args__ = (
        UniqueConstraint("patient_id", "visit_date", "timepoint", name="uq_visit_identity"),
        Index("ix_visits_patient_date", "patient_id", "visit_date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="RESTRICT"))
    visit_date: Mapped[date] = mapped_column(Date)
    timepoint: Mapped[str] = mapped_column(String(80))
    assessor: Mapped[str | None] = mapped_column(String(120), nullable=True)
    respondent: Mapped[str | None] = mapped_column(String(20), nullable=True)  # patient, proxy, both
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)  # draft, complete, signed
    is_baseline: Mapped[bool] = mapped_column(Boolean, default=False)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    # Bumped by every write to the visit (answers, status, baseline...): a writer states the version it
    # last saw and is refused when it changed (optimistic concurrency; services/visits.py).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    amendment_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    completed_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    signed_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    signed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    instruments: Mapped[list[VisitInstrument]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="VisitInstrument.id"
    )
    score: Mapped[VisitScore | None] = relationship(back_populates="visit", cascade="all, delete-orphan", uselist=False)


def _wording_version() -> str:
    from .. import i18n

    return i18n.wording_version()


class VisitInstrument(Base):
    """The answers of one instrument at one visit, with the form version they were given on."""

    __tablename__ = "visit_instruments"
    __table_args__ = (UniqueConstraint("visit_id", "instrument"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    instrument: Mapped[str] = mapped_column(String(20))  # katz, lawton, charlson, ecog
    form_version: Mapped[str] = mapped_column(String(60))
    # The wording on screen when the answers were given (cga_desk.i18n.wording_version: 'en/source',
    # 'zh_CN/cga-desk-1 (2026-12)', a clinic's own); 'imported' for imported records (migration 0009).
    wording_version: Mapped[str | None] = mapped_column(String(80), nullable=True, default=_wording_version)
    answers: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)  # item -> answer
    total: Mapped[int | None] = mapped_column(Integer, nullable=True)  # a total from paper, or the ECOG grade
    not_assessable_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    visit: Mapped[Visit] = relationship(back_populates="instruments")


@event.listens_for(VisitInstrument, "before_update")
def _answered_in_this_wording(_mapper: Any, _connection: Any, target: VisitInstrument) -> None:
    """New answers are given in the wording on screen now (a draft may be finished in another language)."""
    state = inspect(target)
    if any(state.attrs[name].history.has_changes() for name in ("answers", "total")):
        target.wording_version = _wording_version()


class VisitScore(Base):
    """The computed scores of a visit (authoritative, recomputed on every save) with the scoring version."""

    __tablename__ = "visit_scores"
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True)
    scoring_version: Mapped[str] = mapped_column(String(200))
    age_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    katz_adl: Mapped[int | None] = mapped_column(Integer, nullable=True)
    lawton_iadl: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cci: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cci_age_adjusted: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ecog: Mapped[int | None] = mapped_column(Integer, nullable=True)
    imwg_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    imwg_category: Mapped[str | None] = mapped_column(String(20), nullable=True)
    imwg_points_age: Mapped[int | None] = mapped_column(Integer, nullable=True)
    imwg_points_cci: Mapped[int | None] = mapped_column(Integer, nullable=True)
    imwg_points_adl: Mapped[int | None] = mapped_column(Integer, nullable=True)
    imwg_points_iadl: Mapped[int | None] = mapped_column(Integer, nullable=True)
    simplified_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    simplified_category: Mapped[str | None] = mapped_column(String(20), nullable=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    visit: Mapped[Visit] = relationship(back_populates="score")


# Instruments appended after the original ones (forms.registry) keep their own score columns, named as
# their dataset columns; each is added by that instrument's migration.
_SQL_TYPES = {"integer": Integer, "number": Float, "boolean": Boolean, "text": Text}
for _inst in registry.APPENDED:
    for _col in _inst.extra_columns:
        setattr(VisitScore, _col.name, mapped_column(_col.name, _SQL_TYPES[_col.kind], nullable=True))


class VisitVersion(Base):
    """An earlier version of a visit, kept when a signed visit is amended (readable, never changed)."""

    __tablename__ = "visit_versions"
    __table_args__ = (UniqueConstraint("visit_id", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    superseded_at: Mapped[datetime] = mapped_column(default=utcnow)
    superseded_by: Mapped[str] = mapped_column(String(120))
    reason: Mapped[str] = mapped_column(Text)


class Signature(Base):
    """An electronic signature of one revision of a visit. Never changed or deleted: an amendment
    leaves it with the revision it signed."""

    __tablename__ = "signatures"
    __table_args__ = (UniqueConstraint("visit_id", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="RESTRICT"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    signer: Mapped[str] = mapped_column(String(120))  # the user name
    full_name: Mapped[str] = mapped_column(String(200))
    signed_at: Mapped[datetime] = mapped_column(default=utcnow)
    meaning: Mapped[str] = mapped_column(String(200))
    content_hash: Mapped[str] = mapped_column(String(64))  # SHA-256, hex


class AuditEvent(Base):
    """Append-only trail: who, when, what, old -> new, why. Triggers refuse UPDATE and DELETE; each event
    carries the SHA-256 of its content and of the previous event's hash (domain/audit_chain.py)."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_name: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))  # patient, visit, user, schedule
    entity_id: Mapped[str] = mapped_column(String(80))
    field: Mapped[str | None] = mapped_column(String(120), nullable=True)
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    app_version: Mapped[str] = mapped_column(String(40))
    prev_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    hash: Mapped[str | None] = mapped_column(String(64), nullable=True)


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PatientNote(Base):
    """A dated note on a patient, e.g. a physician's "trend reviewed" sign-off of the frailty trend."""

    __tablename__ = "patient_notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    note_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(40))  # trend_reviewed, note
    text: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PatientSummary(Base):
    """Derived from a patient's record, rebuilt whenever it changes (persistence/summaries.py): what the
    patient list shows, searches and sorts on, so a 50,000-patient register opens without reading visits."""

    __tablename__ = "patient_summaries"
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)  # summaries.SUMMARY_VERSION when derived
    search_key: Mapped[str] = mapped_column(Text)  # casefolded study ID and name
    name_key: Mapped[str] = mapped_column(String(200), index=True)  # casefolded name, for sorting
    last_visit: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    imwg_score: Mapped[int | None] = mapped_column(Integer, nullable=True)  # latest visit with a complete score
    imwg_category: Mapped[str | None] = mapped_column(String(20), nullable=True)
    open_draft: Mapped[bool] = mapped_column(Boolean, default=False)


class PatientDue(Base):
    """The patient's next due timepoint as a function of the day (forms.schedule.next_due_timeline):
    the row with starts <= today < ends holds it; label NULL means nothing is left to schedule."""

    __tablename__ = "patient_due"
    __table_args__ = (Index("ix_patient_due_lookup", "patient_id", "starts", "ends"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    starts: Mapped[date] = mapped_column(Date)
    ends: Mapped[date] = mapped_column(Date)  # exclusive
    label: Mapped[str | None] = mapped_column(String(80), nullable=True)
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str | None] = mapped_column(String(20), nullable=True)  # due, overdue, upcoming, unknown
