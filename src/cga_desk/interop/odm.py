"""CDISC ODM 1.3.2: the study's metadata from the registry and the schedule, and its clinical data with
audit records and signatures, in one Snapshot file (validated against the ODM 1.3.2 schema in the tests).

MetaDataVersion: a StudyEventDef per timepoint rule of the schedule (a repeating rule is one repeating
event; "Unscheduled" takes every visit whose timepoint is not in the schedule), FormDefs VISIT and one
per instrument, an ItemGroupDef per form, ItemDefs for the visit's details, every item, the entered
total, the not-assessable reason and the scores, and a CodeList per item's options. ClinicalData: per
patient, per visit (StudyEventRepeatKey: the visit number within its event), the forms' items; each
visit carries the AuditRecord of its last audited change and, when signed, its Signature. The file is
written subject by subject.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring
from xml.sax.saxutils import quoteattr

from ..forms import registry
from ..forms.instrument import Instrument
from ..version import __version__
from .model import ExRecord, ExVisit, score_value

NS = "http://www.cdisc.org/ns/odm/v1.3"
STUDY_OID, MDV_OID = "ST.CGADESK", "MDV.CGADESK.1"
LOCATION_OID, SIGNATURE_OID = "LOC.CLINIC", "SD.PHYSICIAN"
UNSCHEDULED = "Unscheduled"


@dataclass(frozen=True)
class EventDef:
    oid: str
    name: str
    pattern: re.Pattern[str]
    repeating: bool


def event_defs(labels: Sequence[str]) -> tuple[EventDef, ...]:
    """StudyEventDefs from the schedule's timepoint labels ("{month}" makes a repeating event)."""
    out: list[EventDef] = []
    for n, label in enumerate(labels, start=1):
        pattern = re.compile("^" + re.escape(label).replace(re.escape("{month}"), r"\d+") + "$")
        out.append(EventDef(f"SE.{n:02d}", label.replace("{month}", "N"), pattern, "{month}" in label))
    out.append(EventDef("SE.UNSCHEDULED", UNSCHEDULED, re.compile(".*"), True))
    return tuple(out)


def _event_of(events: Sequence[EventDef], timepoint: str) -> EventDef:
    return next(e for e in events if e.pattern.match(timepoint))


def _oid(*parts: str) -> str:
    return ".".join(re.sub(r"[^A-Za-z0-9_]+", "_", p).upper() for p in parts)


def _text(parent: Element, tag: str, text: str) -> Element:
    el = SubElement(parent, tag)
    tt = SubElement(el, "TranslatedText", {"xml:lang": "en"})
    tt.text = text
    return el


VISIT_ITEMS = (
    ("VISITDT", "Visit date", "date"),
    ("TIMEPOINT", "Protocol timepoint as written", "text"),
    ("BASELINE", "Marked as baseline (1 = yes)", "integer"),
    ("RESPONDENT", "Respondent", "text"),
    ("STATUS", "Visit status", "text"),
    ("AGE", "Age in completed years (de-identified: 90 = 90 or over)", "integer"),
    ("SCORVER", "Scoring version", "text"),
)


def _score_items() -> list[tuple[str, str, str, str]]:
    """(OID suffix, label, data type, key in the result document) of the visit's scores."""
    out = []
    for inst in registry.INSTRUMENTS:
        out.append((f"{inst.code.upper()}_TOTAL", f"{inst.short_title} total", "float", ""))
        if inst.dependency_key:
            out.append(
                (inst.dependency_key.upper(), f"{inst.short_title} dependency count", "integer", inst.dependency_key)
            )
    out += [
        ("IMWG_SCORE", "IMWG frailty score", "integer", "imwg.score"),
        ("IMWG_CATEGORY", "IMWG category", "text", "imwg.category"),
        ("SF_SCORE", "Simplified frailty score", "integer", "simplified_frailty.score"),
        ("SF_CATEGORY", "Simplified frailty category", "text", "simplified_frailty.category"),
    ]
    return out


def _item_def(mdv: Element, oid: str, name: str, data_type: str, question: str, codelist: str = "") -> None:
    attrs = {"OID": oid, "Name": name[:200], "DataType": data_type}
    if data_type in ("text", "integer", "float"):
        attrs["Length"] = "200" if data_type == "text" else "8"
    if data_type == "float":
        attrs["SignificantDigits"] = "1"
    item = SubElement(mdv, "ItemDef", attrs)
    _text(item, "Question", question)
    if codelist:
        SubElement(item, "CodeListRef", {"CodeListOID": codelist})


def _instrument_items(inst: Instrument) -> list[tuple[str, str, str, str, Any]]:
    """(ItemOID, name, data type, question, item or None) of an instrument's form."""
    out: list[tuple[str, str, str, str, Any]] = [
        (_oid("I", inst.code, item.code), f"{inst.code}_{item.code}", "text", item.label, item)
        for item in inst.spec.items
    ]
    out.append(
        (
            _oid("I", inst.code, "TOTAL_ENTERED"),
            f"{inst.code}_total_entered",
            "integer",
            "Total entered as a whole (paper record; ECOG: the grade)",
            None,
        )
    )
    out.append(
        (
            _oid("I", inst.code, "NOT_ASSESSABLE"),
            f"{inst.code}_not_assessable",
            "text",
            "Not assessable: the reason",
            None,
        )
    )
    out.append((_oid("I", inst.code, "FORM_VERSION"), f"{inst.code}_form_version", "text", "Form version", None))
    return out


def metadata(events: Sequence[EventDef]) -> Element:
    study = Element("Study", {"OID": STUDY_OID})
    gv = SubElement(study, "GlobalVariables")
    SubElement(gv, "StudyName").text = "CGA Desk"
    SubElement(gv, "StudyDescription").text = "Comprehensive geriatric assessment (CGA Desk)"
    SubElement(gv, "ProtocolName").text = "CGA Desk schedule"
    mdv = SubElement(study, "MetaDataVersion", {"OID": MDV_OID, "Name": f"CGA Desk {__version__}"})
    protocol = SubElement(mdv, "Protocol")
    for n, e in enumerate(events, start=1):
        SubElement(protocol, "StudyEventRef", {"StudyEventOID": e.oid, "OrderNumber": str(n), "Mandatory": "No"})
    forms = ["F.VISIT", *(_oid("F", i.code) for i in registry.INSTRUMENTS), "F.SCORES"]
    for e in events:
        se = SubElement(
            mdv,
            "StudyEventDef",
            {
                "OID": e.oid,
                "Name": e.name,
                "Repeating": "Yes",
                "Type": "Unscheduled" if e.name == UNSCHEDULED else "Scheduled",
            },
        )
        for form in forms:
            SubElement(se, "FormRef", {"FormOID": form, "Mandatory": "Yes" if form == "F.VISIT" else "No"})
    names = {
        "F.VISIT": "Visit",
        "F.SCORES": "Scores",
        **{_oid("F", i.code): i.spec.title for i in registry.INSTRUMENTS},
    }
    for form in forms:
        fd = SubElement(mdv, "FormDef", {"OID": form, "Name": names[form], "Repeating": "No"})
        SubElement(fd, "ItemGroupRef", {"ItemGroupOID": "IG" + form[1:], "Mandatory": "Yes"})
    groups: dict[str, list[str]] = {
        "IG.VISIT": [_oid("I", "VISIT", k) for k, _, _ in VISIT_ITEMS],
        **{_oid("IG", i.code): [oid for oid, *_ in _instrument_items(i)] for i in registry.INSTRUMENTS},
        "IG.SCORES": [_oid("I", "SCORE", k) for k, *_ in _score_items()],
    }
    group_names = {"IG" + f[1:]: names[f] for f in forms}
    for oid, items in groups.items():
        ig = SubElement(mdv, "ItemGroupDef", {"OID": oid, "Name": group_names[oid], "Repeating": "No"})
        for item in items:
            SubElement(ig, "ItemRef", {"ItemOID": item, "Mandatory": "No"})
    for key, label, data_type in VISIT_ITEMS:
        _item_def(mdv, _oid("I", "VISIT", key), key, data_type, label)
    codelists: list[tuple[str, Any]] = []
    for inst in registry.INSTRUMENTS:
        for oid, name, data_type, question, item in _instrument_items(inst):
            codelist = _oid("CL", inst.code, item.code) if item is not None else ""
            _item_def(mdv, oid, name, data_type, question, codelist)
            if item is not None:
                codelists.append((codelist, item))
    for key, label, data_type, _ in _score_items():
        _item_def(mdv, _oid("I", "SCORE", key), key, data_type, label)
    for oid, item in codelists:
        cl = SubElement(mdv, "CodeList", {"OID": oid, "Name": item.label[:200], "DataType": "text"})
        for opt in item.options:
            cli = SubElement(cl, "CodeListItem", {"CodedValue": opt.code})
            _text(cli, "Decode", opt.label)
    return study


def admin_data(
    staff: Sequence[str], full_names: Mapping[str, str] | None = None, meanings: Sequence[str] = ()
) -> Element:
    """The staff (a signer's full name as signed, else the user name), the clinic, and a SignatureDef per
    meaning an electronic signature carries, besides SIGNATURE_OID for signatures from before them."""
    admin = Element("AdminData", {"StudyOID": STUDY_OID})
    for name in staff:
        user = SubElement(admin, "User", {"OID": _user_oid(name)})
        SubElement(user, "LoginName").text = name
        SubElement(user, "FullName").text = (full_names or {}).get(name) or name
    location = SubElement(admin, "Location", {"OID": LOCATION_OID, "Name": "Clinic", "LocationType": "Site"})
    SubElement(
        location,
        "MetaDataVersionRef",
        {"StudyOID": STUDY_OID, "MetaDataVersionOID": MDV_OID, "EffectiveDate": "2020-01-01"},
    )
    sd = SubElement(admin, "SignatureDef", {"OID": SIGNATURE_OID, "Methodology": "Electronic"})
    SubElement(sd, "Meaning").text = "Reviewed and signed by the physician"
    SubElement(sd, "LegalReason").text = "The physician's sign-off of a complete visit"
    for meaning in meanings:
        sd = SubElement(admin, "SignatureDef", {"OID": _meaning_oid(meaning), "Methodology": "Electronic"})
        SubElement(sd, "Meaning").text = meaning
        SubElement(sd, "LegalReason").text = "The physician's electronic signature of a complete visit (21 CFR 11.50)"
    return admin


def _meaning_oid(meaning: str) -> str:
    return f"SD.{uuid.uuid5(uuid.NAMESPACE_OID, meaning).hex[:12].upper()}"


def _user_oid(name: str) -> str:
    return f"U.{uuid.uuid5(uuid.NAMESPACE_OID, name).hex[:12].upper()}"


def _stamp(at: datetime) -> str:
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).isoformat(timespec="seconds")


def _item(group: Element, oid: str, value: Any) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    SubElement(group, "ItemData", {"ItemOID": oid, "Value": str(value)})


def _audit(parent: Element, user: str, at: datetime, reason: str | None = None) -> None:
    record = SubElement(parent, "AuditRecord")
    SubElement(record, "UserRef", {"UserOID": _user_oid(user)})
    SubElement(record, "LocationRef", {"LocationOID": LOCATION_OID})
    SubElement(record, "DateTimeStamp").text = _stamp(at)
    if reason:
        SubElement(record, "ReasonForChange").text = reason


def subject(record: ExRecord, events: Sequence[EventDef]) -> Element:
    sd = Element("SubjectData", {"SubjectKey": record.patient.study_id})
    seen: dict[str, int] = {}
    for v in record.visits:
        event = _event_of(events, v.visit.timepoint)
        seen[event.oid] = seen.get(event.oid, 0) + 1
        sed = SubElement(
            sd, "StudyEventData", {"StudyEventOID": event.oid, "StudyEventRepeatKey": str(seen[event.oid])}
        )
        if v.audit:
            last = v.audit[-1]
            _audit(sed, last.user, last.at, last.reason)
        if v.visit.status == "signed" and v.visit.signed_at is not None:
            _signature(sed, v)
        _visit_forms(sed, record, v)
    return sd


def _signature(sed: Element, v: ExVisit) -> None:
    """The visit's electronic signature: its signer, its meaning's SignatureDef and its moment (UTC); a
    signature from before electronic signatures has the visit's signer and moment and SIGNATURE_OID."""
    s = v.visit.signature
    signer, meaning_oid, at = v.visit.signed_by or "unknown", SIGNATURE_OID, v.visit.signed_at
    if s is not None:
        signer, meaning_oid, at = s.signer, _meaning_oid(s.meaning), s.signed_at
    assert at is not None
    sig = SubElement(sed, "Signature")
    SubElement(sig, "UserRef", {"UserOID": _user_oid(signer)})
    SubElement(sig, "LocationRef", {"LocationOID": LOCATION_OID})
    SubElement(sig, "SignatureRef", {"SignatureOID": meaning_oid})
    SubElement(sig, "DateTimeStamp").text = _stamp(at)


def _visit_forms(sed: Element, record: ExRecord, v: ExVisit) -> None:
    visit = v.visit
    form = SubElement(sed, "FormData", {"FormOID": "F.VISIT"})
    group = SubElement(form, "ItemGroupData", {"ItemGroupOID": "IG.VISIT"})
    values = {
        "VISITDT": visit.visit_date.isoformat(),
        "TIMEPOINT": visit.timepoint,
        "BASELINE": int(visit.is_baseline),
        "RESPONDENT": visit.respondent,
        "STATUS": visit.status,
        "AGE": record.age_of(v),
        "SCORVER": v.scoring_version,
    }
    for key, _, _ in VISIT_ITEMS:
        _item(group, _oid("I", "VISIT", key), values[key])
    for inst in registry.INSTRUMENTS:
        state = visit.instruments.get(inst.code)
        if state is None:
            continue
        form = SubElement(sed, "FormData", {"FormOID": _oid("F", inst.code)})
        group = SubElement(form, "ItemGroupData", {"ItemGroupOID": _oid("IG", inst.code)})
        for oid, _, _, _, item in _instrument_items(inst):
            if item is not None:
                answer = (state.answers or {}).get(item.code)
                option = inst.to_option(item, answer) if answer is not None else None
                _item(group, oid, None if option is None else option.code)
        _item(group, _oid("I", inst.code, "TOTAL_ENTERED"), state.total)
        _item(group, _oid("I", inst.code, "NOT_ASSESSABLE"), state.not_assessable_reason)
        _item(group, _oid("I", inst.code, "FORM_VERSION"), state.form_version)
    form = SubElement(sed, "FormData", {"FormOID": "F.SCORES"})
    group = SubElement(form, "ItemGroupData", {"ItemGroupOID": "IG.SCORES"})
    for key, _, _, path in _score_items():
        owner = next((i for i in registry.INSTRUMENTS if key == f"{i.code.upper()}_TOTAL"), None)
        value = owner.total_of(visit.scores) if owner is not None else score_value(visit.scores, path)
        _item(group, _oid("I", "SCORE", key), value)


def _xml(el: Element) -> str:
    return tostring(el, encoding="unicode")


def write_odm(
    records: Iterable[ExRecord],
    path: Path,
    timepoints: Sequence[str] = (),
    staff: Sequence[str] = (),
    full_names: Mapping[str, str] | None = None,
    meanings: Sequence[str] = (),
) -> None:
    """`staff`: every user name the records mention; `full_names` and `meanings`: the electronic
    signatures' signers' full names and meanings (AdminData is written before the subjects)."""
    events = event_defs(timepoints)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(
            f'<ODM xmlns="{NS}" ODMVersion="1.3.2" '
            f'FileType="Snapshot" Granularity="All" FileOID={quoteattr("F." + uuid.uuid4().hex)} '
            f'CreationDateTime="{now}" Originator="CGA Desk" SourceSystem="CGA Desk" '
            f"SourceSystemVersion={quoteattr(__version__)}>\n"
        )
        out.write(_xml(metadata(events)) + "\n")
        out.write(_xml(admin_data(sorted({*staff, *(full_names or {}), "unknown"}), full_names, meanings)) + "\n")
        out.write(f'<ClinicalData StudyOID="{STUDY_OID}" MetaDataVersionOID="{MDV_OID}">\n')
        for record in records:
            out.write(_xml(subject(record, events)) + "\n")
        out.write("</ClinicalData>\n</ODM>\n")
