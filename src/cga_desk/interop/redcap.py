"""REDCap: the data dictionary, the events and instrument-event mapping, and the import data of a
longitudinal project, generated from the registry; and reading that project's export back.

The project: an "enrolment" event with the `patient` form and the repeating `milestone` form, then one
repeating event per timepoint (its label as written at the visit) holding the `visit` form, one form
per instrument of the registry and the read-only `scores` form. Item fields are radio buttons whose
codes are the options' codes ("." becomes "_": REDCap codes are letters, digits and underscores);
names are `<instrument>_<item>`, or `<instrument>_<nn>_<item>` cut to 26 characters when longer.
Scores are read-only fields (action tag @READONLY) holding CGA Desk's own results, not REDCap `calc`
fields: the program's scoring is the one implementation (docs/clinical-rules.md), and an imported
project is scored again by it from the answers.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO

from ..domain.errors import ValidationError
from ..domain.records import INDEX_DISEASES, RESPONDENTS, SEXES
from ..forms import registry
from ..forms.definitions import Item
from ..forms.instrument import Instrument
from .model import ExRecord, ExVisit, score_value

DICTIONARY_COLUMNS = (
    "Variable / Field Name",
    "Form Name",
    "Section Header",
    "Field Type",
    "Field Label",
    "Choices, Calculations, OR Slider Labels",
    "Field Note",
    "Text Validation Type OR Show Slider Number",
    "Text Validation Min",
    "Text Validation Max",
    "Identifier?",
    "Branching Logic (Show field only if...)",
    "Required Field?",
    "Custom Alignment",
    "Question Number (surveys only)",
    "Matrix Group Name",
    "Matrix Ranking?",
    "Field Annotation",
)
FIELD_NAME_MAX = 26
ARM = "arm_1"
ENROLMENT_EVENT = f"enrolment_{ARM}"
MILESTONE_KINDS = ("induction_start", "car_t_infusion", "consolidation_start", "maintenance_start", "other")
STATUSES = ("draft", "complete", "signed")
REPEAT_COLUMNS = ("record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance")
FILES = ("data_dictionary.csv", "events.csv", "instrument_event_mapping.csv", "repeating.csv", "data.csv")


@dataclass(frozen=True)
class Field:
    name: str
    form: str
    kind: str  # text | notes | radio | dropdown | yesno
    label: str
    choices: tuple[tuple[str, str], ...] = ()
    validation: str = ""  # date_ymd | datetime_seconds_ymd | integer | number
    identifier: bool = False
    annotation: str = ""

    def row(self) -> list[str]:
        choices = " | ".join(f"{code}, {label}" for code, label in self.choices)
        return [
            self.name,
            self.form,
            "",
            self.kind,
            self.label,
            choices,
            "",
            self.validation,
            "",
            "",
            "y" if self.identifier else "",
            "",
            "",
            "",
            "",
            "",
            "",
            self.annotation,
        ]


def redcap_code(option_code: str) -> str:
    return option_code.replace(".", "_").replace("-", "_")


def item_field_name(inst: Instrument, item: Item) -> str:
    name = f"{inst.code}_{item.code}"
    if len(name) <= FIELD_NAME_MAX:
        return name
    return f"{inst.code}_{inst.spec.item_codes.index(item.code) + 1:02d}_{item.code}"[:FIELD_NAME_MAX]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


_SCORES: tuple[tuple[str, str, str], ...] = (("age_years", "Age in completed years on the visit date", "integer"),)


def score_fields() -> tuple[tuple[str, str, str, str], ...]:
    """(field name, result-document key, label, validation) of the read-only `scores` form."""
    out = [("score_age_years", "age_years", "Age in completed years on the visit date (90+ when de-identified)", "")]
    for inst in registry.INSTRUMENTS:
        out.append((f"score_{inst.total_key}"[:FIELD_NAME_MAX], "", f"{inst.short_title} total", "number"))
        if inst.dependency_key:
            out.append(
                (f"score_{inst.dependency_key}"[:FIELD_NAME_MAX], inst.dependency_key, "Dependency count", "integer")
            )
    out += [
        ("score_cci_age_adjusted", "cci_age_adjusted", "CCI + age points", "integer"),
        ("score_imwg", "imwg.score", "IMWG frailty score", "integer"),
        ("score_imwg_category", "imwg.category", "IMWG category", ""),
        ("score_simplified", "simplified_frailty.score", "Simplified frailty score", "integer"),
        ("score_simplified_category", "simplified_frailty.category", "Simplified frailty category", ""),
    ]
    return tuple(out)


def _instrument_fields(inst: Instrument) -> list[Field]:
    form = inst.code
    out = [
        Field(
            item_field_name(inst, item),
            form,
            "radio",
            item.label,
            tuple((redcap_code(o.code), o.label) for o in item.options),
        )
        for item in inst.spec.items
    ]
    out += [
        Field(
            f"{form}_total_entered",
            form,
            "text",
            "Total entered as a whole (paper record; ECOG: the grade)",
            validation="integer",
        ),
        Field(f"{form}_not_assessable", form, "notes", "Not assessable: the reason (empty = assessable)"),
        Field(
            f"{form}_form_version",
            form,
            "text",
            "Form version (empty = not asked at this visit)",
            annotation="@READONLY",
        ),
    ]
    return out


SIGNATURE_AT_FORMAT = "%Y-%m-%dT%H:%M:%S.%f+00:00"  # ISO 8601 in UTC to the microsecond: the moment as stored


def signature_fields() -> tuple[Field, ...]:
    """The electronic signature of a signed visit (21 CFR 11.50: who, when, what it means) and the SHA-256
    of the content signed, which an import checks against the content it recreates (docs/exchange.md)."""
    return (
        Field("visit_signature_signer", "visit", "text", "Electronic signature: the signer's user name"),
        Field("visit_signature_full_name", "visit", "text", "Electronic signature: the signer's full name"),
        Field("visit_signature_at", "visit", "text", "Electronic signature: when (UTC, ISO 8601 to the microsecond)"),
        Field("visit_signature_meaning", "visit", "text", "Electronic signature: its meaning"),
        Field(
            "visit_signature_revision", "visit", "text", "Electronic signature: revision signed", validation="integer"
        ),
        Field(
            "visit_signature_sha256",
            "visit",
            "text",
            "Electronic signature: SHA-256 of the signed content (empty when de-identified)",
            annotation="@READONLY",
        ),
    )


def fields() -> tuple[Field, ...]:
    """Every field of the project, in form order; names unique, lowercase, at most 26 characters."""
    out = [
        Field("record_id", "patient", "text", "Study ID"),
        Field("patient_name", "patient", "text", "Name", identifier=True),
        Field("birth_date", "patient", "text", "Birth date", validation="date_ymd", identifier=True),
        Field("sex", "patient", "radio", "Sex", tuple((s, s) for s in SEXES)),
        Field("index_disease", "patient", "dropdown", "Index disease", tuple(INDEX_DISEASES.items())),
        Field("diagnosis_date", "patient", "text", "Diagnosis date", validation="date_ymd"),
        Field("milestone_kind", "milestone", "dropdown", "Treatment milestone", tuple((k, k) for k in MILESTONE_KINDS)),
        Field("milestone_date", "milestone", "text", "Milestone date", validation="date_ymd"),
        Field("milestone_note", "milestone", "notes", "Note"),
        Field("visit_date", "visit", "text", "Visit date", validation="date_ymd"),
        Field("visit_timepoint", "visit", "text", "Protocol timepoint (as written at the visit)"),
        Field("visit_baseline", "visit", "yesno", "Marked as baseline"),
        Field("visit_assessor", "visit", "text", "Assessor"),
        Field("visit_respondent", "visit", "radio", "Respondent", tuple((r, r) for r in RESPONDENTS)),
        Field("visit_status", "visit", "dropdown", "Status", tuple((s, s) for s in STATUSES)),
        Field("visit_revision", "visit", "text", "Revision", validation="integer"),
        Field("visit_amendment", "visit", "notes", "Amendment reason"),
        Field("visit_completed_by", "visit", "text", "Completed by"),
        Field("visit_completed_at", "visit", "text", "Completed at (UTC)", validation="datetime_seconds_ymd"),
        Field("visit_signed_by", "visit", "text", "Signed by"),
        Field("visit_signed_at", "visit", "text", "Signed at (UTC)", validation="datetime_seconds_ymd"),
        *signature_fields(),
    ]
    for inst in registry.INSTRUMENTS:
        out += _instrument_fields(inst)
    out += [
        Field(name, "scores", "text", label, validation=validation, annotation="@READONLY")
        for name, _, label, validation in score_fields()
    ]
    out.append(Field("scoring_version", "scores", "text", "Scoring version", annotation="@READONLY"))
    names = [f.name for f in out]
    assert len(set(names)) == len(names), "field names must be unique"
    assert all(len(n) <= FIELD_NAME_MAX and n == n.lower() for n in names), names
    return tuple(out)


def forms() -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.form for f in fields()))


VISIT_FORMS = ("visit", *registry.CODES, "scores")


def data_columns() -> list[str]:
    """The import CSV's columns: the repeat columns, then each form's fields and its `<form>_complete`."""
    out = list(REPEAT_COLUMNS)
    by_form: dict[str, list[str]] = {}
    for f in fields():
        by_form.setdefault(f.form, []).append(f.name)
    for form, names in by_form.items():
        out += [n for n in names if n != "record_id"] + [f"{form}_complete"]
    return out


@dataclass
class Events:
    """Timepoint labels -> unique event names, in order of first appearance."""

    names: dict[str, str] = field(default_factory=dict)

    def of(self, timepoint: str) -> str:
        if timepoint not in self.names:
            base = _slug(timepoint)[:18] or "visit"
            name, n = f"{base}_{ARM}", 1
            taken = {*self.names.values(), ENROLMENT_EVENT}
            while name in taken:
                n += 1
                name = f"{base[:15]}_{n}_{ARM}"
            self.names[timepoint] = name
        return self.names[timepoint]


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):  # as strftime("%Y-%m-%d %H:%M:%S") writes it, at a fifth of the time
        return value.replace(tzinfo=None).isoformat(" ", "seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class _Plan:
    """What writing one instrument's fields needs, worked out once per instrument."""

    empty: dict[str, str]
    items: tuple[tuple[str, str, Item], ...]  # (item code, field name, item)
    codes: dict[tuple[str, type, Any], str]  # (item code, answer type, answer) -> REDCap code


_PLANS: dict[int, _Plan] = {}


def _plan(inst: Instrument) -> _Plan:
    plan = _PLANS.get(id(inst))
    if plan is None:
        items = tuple((item.code, item_field_name(inst, item), item) for item in inst.spec.items)
        codes = {}
        for code, _, item in items:
            for opt in item.options:
                answer = inst.to_answer(item, opt.code)
                codes[(code, type(answer), answer)] = redcap_code(opt.code)
        plan = _PLANS[id(inst)] = _Plan({f.name: "" for f in _instrument_fields(inst)}, items, codes)
    return plan


_SCORE_PLANS: dict[tuple[int, ...], tuple[tuple[str, str, Instrument | None], ...]] = {}


def _score_plan() -> tuple[tuple[str, str, Instrument | None], ...]:
    """(field, result-document key, the instrument whose total it is or None) of the scores form."""
    cache_key = tuple(map(id, registry.INSTRUMENTS))
    plan = _SCORE_PLANS.get(cache_key)
    if plan is None:
        owners = {f"score_{i.total_key}"[:FIELD_NAME_MAX]: i for i in registry.INSTRUMENTS}
        plan = tuple((name, key, None if key else owners.get(name)) for name, key, _, _ in score_fields())
        _SCORE_PLANS[cache_key] = plan
    return plan


class _DataRows:
    """The import CSV's rows as lists in the order of its columns, each field's place worked out once:
    a million visits' rows are built without a dictionary per row or per instrument."""

    def __init__(self, columns: list[str]) -> None:
        at = self.at = {c: i for i, c in enumerate(columns)}
        self.width = len(columns)
        self.instruments = tuple(
            (
                inst,
                _plan(inst),
                tuple((code, at[name], item) for code, name, item in _plan(inst).items),
                tuple(at[f"{inst.code}_{what}"] for what in ("total_entered", "not_assessable", "form_version")),
                at[f"{inst.code}_complete"],
            )
            for inst in registry.INSTRUMENTS
        )
        self.scores = tuple((at[name], key, owner) for name, key, owner in _score_plan())
        self.age_at = next((i for i, key, _ in self.scores if key == "age_years"), None)
        self._memo: dict[tuple[int, int], tuple[Any, list[tuple[int, str]]]] = {}
        self.visit_fields = tuple(
            at[name]
            for name in (
                "record_id",
                "redcap_event_name",
                "redcap_repeat_instance",
                "visit_date",
                "visit_timepoint",
                "visit_baseline",
                "visit_assessor",
                "visit_respondent",
                "visit_status",
                "visit_revision",
                "visit_amendment",
                "visit_completed_by",
                "visit_completed_at",
                "visit_signed_by",
                "visit_signed_at",
                "visit_complete",
            )
        )
        self.signature_fields = tuple(at[f.name] for f in signature_fields())
        self.scoring_version, self.scores_complete = at["scoring_version"], at["scores_complete"]

    MEMO_DOCUMENTS = 10_000  # a de-identified record has its own results document per visit: all misses

    def _remembered(
        self, key: tuple[int, int], document: Any, work: Callable[[tuple[int, int], Any], list[tuple[int, str]]]
    ) -> list[tuple[int, str]]:
        """The cells worked out from a decoded document (answers, results), remembered by its identity:
        services/exchange.py shares each distinct decoded text between the visits that stored it. The
        document is kept with its cells, so its id is not reused while remembered; bounded."""
        got = self._memo.get(key)
        if got is not None and got[0] is document:
            return got[1]
        cells = work(key, document)
        if len(self._memo) >= self.MEMO_DOCUMENTS:
            self._memo.clear()
        self._memo[key] = (document, cells)
        return cells

    def _item_cells(self, key: tuple[int, int], answers: dict[str, Any]) -> list[tuple[int, str]]:
        inst, plan, items, _, _ = self.instruments[key[0]]
        cells = []
        for code, i, item in items:
            answer = answers.get(code)
            if answer is not None:
                found = plan.codes.get((code, type(answer), answer))
                if found is None:  # an answer stored in another spelling: ask the instrument
                    option = inst.to_option(item, answer)
                    found = "" if option is None else redcap_code(option.code)
                cells.append((i, found))
        return cells

    def _score_cells(self, _: tuple[int, int], scores: dict[str, Any]) -> list[tuple[int, str]]:
        """The scores form's cells but the age (the visit's, written as the record says: 90+)."""
        return [
            (i, _fmt(owner.total_of(scores) if owner is not None else score_value(scores, key)))
            for i, key, owner in self.scores
            if key != "age_years"
        ]

    def of(self, values: dict[str, str]) -> list[str]:
        row = [""] * self.width
        for name, value in values.items():
            row[self.at[name]] = value
        return row

    def visit(self, record: ExRecord, v: ExVisit, event: str, instance: int) -> list[Any]:
        visit = v.visit
        row: list[Any] = [""] * self.width
        for i, value in zip(
            self.visit_fields,
            (
                record.patient.study_id,
                event,
                str(instance),
                _fmt(visit.visit_date),
                visit.timepoint,
                _fmt(visit.is_baseline),
                visit.assessor or "",
                visit.respondent or "",
                visit.status,
                _fmt(visit.revision),
                visit.amendment_reason or "",
                visit.completed_by or "",
                _fmt(visit.completed_at),
                visit.signed_by or "",
                _fmt(visit.signed_at),
                {"signed": "2", "complete": "1"}.get(visit.status, "0"),
            ),
            strict=True,
        ):
            row[i] = value
        signature = visit.signature
        if signature is not None:
            for i, value in zip(
                self.signature_fields,
                (
                    signature.signer,
                    signature.full_name,
                    _utc_text(signature.signed_at),
                    signature.meaning,
                    str(signature.revision),
                    signature.content_hash,
                ),
                strict=True,
            ):
                row[i] = value
        scores = visit.scores
        for n, (inst, _, _, (total_at, reason_at, version_at), complete_at) in enumerate(self.instruments):
            state = visit.instruments.get(inst.code)
            if state is None:
                row[complete_at] = "0"
                continue
            if state.answers:
                for i, found in self._remembered((n, id(state.answers)), state.answers, self._item_cells):
                    row[i] = found
            row[total_at] = _fmt(state.total)
            row[reason_at] = state.not_assessable_reason or ""
            row[version_at] = state.form_version
            done = state.not_assessable_reason or inst.total_of(scores) is not None
            row[complete_at] = "2" if done else "0"
        for i, value in self._remembered((-1, id(scores)), scores, self._score_cells):
            row[i] = value
        if self.age_at is not None:
            row[self.age_at] = record.age_text(v)
        row[self.scoring_version] = v.scoring_version
        row[self.scores_complete] = "2"
        return row


def patient_rows(record: ExRecord) -> list[dict[str, str]]:
    p = record.patient
    rows = [
        {
            "record_id": p.study_id,
            "redcap_event_name": ENROLMENT_EVENT,
            "patient_name": p.name or "",
            "birth_date": _fmt(p.birth_date),
            "sex": p.sex or "",
            "index_disease": p.index_disease or "",
            "diagnosis_date": _fmt(p.diagnosis_date),
            "patient_complete": "2",
        }
    ]
    for n, m in enumerate(p.milestones, start=1):
        rows.append(
            {
                "record_id": p.study_id,
                "redcap_event_name": ENROLMENT_EVENT,
                "redcap_repeat_instrument": "milestone",
                "redcap_repeat_instance": str(n),
                "milestone_kind": m.kind,
                "milestone_date": _fmt(m.date),
                "milestone_note": m.note,
                "milestone_complete": "2",
            }
        )
    return rows


def write_redcap(records: Iterable[ExRecord], folder: Path) -> tuple[int, int]:
    """The five files of FILES in `folder`; returns (patients, visits). De-identified records have no
    name or birth date: those fields stay in the dictionary (marked identifiers) and are left empty."""
    columns = ["record_id", *data_columns()[1:]]
    rows = _DataRows(columns)
    events = Events()
    patients = visits = 0
    with open(folder / "data.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(columns)
        for record in records:
            out = [rows.of(r) for r in patient_rows(record)]
            seen: dict[str, int] = {}
            for v in record.visits:
                event = events.of(v.visit.timepoint)
                seen[event] = seen.get(event, 0) + 1
                out.append(rows.visit(record, v, event, seen[event]))
            writer.writerows(out)
            patients += 1
            visits += len(record.visits)
    with open(folder / "data_dictionary.csv", "w", encoding="utf-8", newline="") as stream:
        writer_ = csv.writer(stream)
        writer_.writerow(DICTIONARY_COLUMNS)
        writer_.writerows(f.row() for f in fields())
    with open(folder / "events.csv", "w", encoding="utf-8", newline="") as stream:
        writer_ = csv.writer(stream)
        writer_.writerow(["event_name", "arm_num", "unique_event_name", "custom_event_label"])
        writer_.writerow(["Enrolment", "1", ENROLMENT_EVENT, ""])
        for label, name in events.names.items():
            writer_.writerow([label, "1", name, ""])
    with open(folder / "instrument_event_mapping.csv", "w", encoding="utf-8", newline="") as stream:
        writer_ = csv.writer(stream)
        writer_.writerow(["arm_num", "unique_event_name", "form"])
        writer_.writerow(["1", ENROLMENT_EVENT, "patient"])
        writer_.writerow(["1", ENROLMENT_EVENT, "milestone"])
        for name in events.names.values():
            for form in VISIT_FORMS:
                writer_.writerow(["1", name, form])
    with open(folder / "repeating.csv", "w", encoding="utf-8", newline="") as stream:
        writer_ = csv.writer(stream)
        writer_.writerow(["event_name", "form_name", "custom_form_label"])
        writer_.writerow([ENROLMENT_EVENT, "milestone", ""])
        for name in events.names.values():
            writer_.writerow([name, "", ""])  # the whole event repeats: one instance per visit
    return patients, visits


# -- reading a REDCap export of this project back ---------------------------------------------------
@dataclass
class RedcapVisit:
    line: int
    values: dict[str, str]
    instruments: dict[str, tuple[Any, int | None, str | None, str]]  # code -> (answers, total, reason, version)


@dataclass
class RedcapRecord:
    study_id: str
    patient: dict[str, str] = field(default_factory=dict)
    milestones: list[tuple[str, date, str]] = field(default_factory=list)
    visits: list[RedcapVisit] = field(default_factory=list)


def check_dictionary(stream: TextIO) -> None:
    """Refuse a data dictionary that is not this program's project (a field missing, renamed or of
    another type), naming the first difference."""
    rows = list(csv.reader(stream))
    if not rows or tuple(rows[0][: len(DICTIONARY_COLUMNS)]) != DICTIONARY_COLUMNS:
        raise ValidationError("dictionary", "not a REDCap data dictionary (its header differs)")
    given = {r[0]: r for r in rows[1:] if r}
    for f in fields():
        row = given.get(f.name)
        if row is None:
            raise ValidationError(f"dictionary.{f.name}", "missing from the data dictionary")
        if row[1] != f.form or row[3] != f.kind:
            raise ValidationError(f"dictionary.{f.name}", f"expected a {f.kind} field of form {f.form}")
        if f.choices and row[5] != f.row()[5]:
            raise ValidationError(f"dictionary.{f.name}", "its choices differ from this version's")


def _date(text: str, name: str, line: int) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(name, f"{text!r} is not a date (YYYY-MM-DD)", line) from None


def _option_codes(inst: Instrument, item: Item) -> Mapping[str, str]:
    return {redcap_code(o.code): o.code for o in item.options}


def _instrument(inst: Instrument, row: Mapping[str, str], line: int) -> tuple[Any, int | None, str | None, str] | None:
    version = row.get(f"{inst.code}_form_version", "")
    if not version:
        return None
    answers: dict[str, Any] = {}
    for item in inst.spec.items:
        code = row.get(item_field_name(inst, item), "")
        if code:
            options = _option_codes(inst, item)
            if code not in options:
                raise ValidationError(item_field_name(inst, item), f"{code!r} is not one of its codes", line)
            answers[item.code] = inst.to_answer(item, options[code])
    total_text = row.get(f"{inst.code}_total_entered", "")
    try:
        total = int(total_text) if total_text else None
    except ValueError:
        raise ValidationError(f"{inst.code}_total_entered", f"{total_text!r} is not a whole number", line) from None
    reason = row.get(f"{inst.code}_not_assessable", "") or None
    # No answer given is stored as no answers (None), as the program stores an instrument not yet answered,
    # marked not assessable or entered as a total; the signed content's hash depends on it.
    return (answers or None), total, reason, version


def read_redcap(stream: TextIO) -> Iterator[RedcapRecord]:
    """The records of a REDCap export (raw codes, this project's columns), in the order they appear."""
    reader = csv.DictReader(stream)
    missing = [c for c in ("record_id", "redcap_event_name") if c not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(missing[0], "missing from the data file's header")
    records: dict[str, RedcapRecord] = {}
    for line, row in enumerate(reader, start=2):
        study_id = row["record_id"]
        rec = records.setdefault(study_id, RedcapRecord(study_id))
        if row["redcap_event_name"] == ENROLMENT_EVENT:
            if row.get("redcap_repeat_instrument") == "milestone":
                day = _date(row.get("milestone_date", ""), "milestone_date", line)
                if day is None:
                    raise ValidationError("milestone_date", "missing", line)
                rec.milestones.append((row.get("milestone_kind", ""), day, row.get("milestone_note", "")))
            else:
                rec.patient = dict(row)
            continue
        instruments = {}
        for inst in registry.INSTRUMENTS:
            got = _instrument(inst, row, line)
            if got is not None:
                instruments[inst.code] = got
        rec.visits.append(RedcapVisit(line, dict(row), instruments))
    yield from records.values()


def parse_time(text: str, name: str, line: int) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise ValidationError(name, f"{text!r} is not a date and time (YYYY-MM-DD HH:MM:SS)", line) from None


def _utc_text(at: datetime) -> str:
    return (at.astimezone(UTC) if at.tzinfo else at).strftime(SIGNATURE_AT_FORMAT)


def parse_signature_time(text: str, name: str, line: int) -> datetime:
    """A signature's moment as written by the export (UTC, to the microsecond), timezone-aware."""
    try:
        return datetime.strptime(text, SIGNATURE_AT_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise ValidationError(name, f"{text!r} is not a UTC moment (YYYY-MM-DDTHH:MM:SS.ffffff+00:00)", line) from None


def parse_date(text: str, name: str, line: int) -> date | None:
    return _date(text, name, line)
