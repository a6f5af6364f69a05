"""HL7 FHIR R4 (R4B): one Bundle of type "collection" per export, streamed entry by entry.

From the registry: a CodeSystem of the program's own (score and category codes that LOINC lacks), a
Questionnaire per instrument (canonical URL and the form's version). From the stored record: a Patient
per patient (the study ID as identifier; name and birth date only when identified), a
QuestionnaireResponse per instrument answered at a visit, Observations for every instrument's total,
the dependency counts, the IMWG and simplified frailty scores with their categories (ECOG with LOINC
89247-1, "ECOG Performance Status score"; the others with the program's CodeSystem, for want of a
LOINC code), and a Provenance per signed visit (who signed, when, what).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..forms import registry
from ..forms.instrument import Instrument
from ..version import __version__
from .model import ExRecord, ExVisit, score_value

BASE = "http://cga-desk.invalid/fhir"  # the program's canonical base (.invalid: a name, not a server)
CODE_SYSTEM = f"{BASE}/CodeSystem/cga-desk"
STUDY_ID_SYSTEM = f"{BASE}/NamingSystem/study-id"
LOINC = "http://loinc.org"
LOINC_CODES = {"ecog": ("89247-1", "ECOG Performance Status score")}  # checked; no LOINC for the others here
_NS = uuid.UUID("7b0c6c52-5d1e-4c55-9d6c-0f3a1c2b9e41")
_SCORES = (
    ("imwg-score", "IMWG frailty score (Palumbo 2015)", "imwg.score", "imwg.category"),
    (
        "simplified-frailty-score",
        "Simplified frailty score (Facon 2020)",
        "simplified_frailty.score",
        "simplified_frailty.category",
    ),
)


def _urn(*parts: object) -> str:
    return f"urn:uuid:{uuid.uuid5(_NS, '/'.join(map(str, parts)))}"


def _id(urn: str) -> str:
    return urn.removeprefix("urn:uuid:")


def code_system() -> dict[str, Any]:
    concepts = []
    for inst in registry.INSTRUMENTS:
        concepts.append({"code": f"{inst.code}-total", "display": f"{inst.short_title} total"})
        if inst.dependency_key:
            concepts.append(
                {"code": inst.dependency_key.replace("_", "-"), "display": f"{inst.short_title} dependency count"}
            )
    for code, display, _, _ in _SCORES:
        concepts.append({"code": code, "display": display})
        concepts.append({"code": code.replace("-score", "-category"), "display": display.replace("score", "category")})
    return {
        "resourceType": "CodeSystem",
        "id": "cga-desk",
        "url": CODE_SYSTEM,
        "version": __version__,
        "name": "CgaDeskScores",
        "title": "CGA Desk scores",
        "status": "active",
        "content": "complete",
        "concept": concepts,
    }


def _answer_system(inst: Instrument) -> str:
    return f"{BASE}/CodeSystem/{inst.code}-answers"


def answer_code_system(inst: Instrument) -> dict[str, Any]:
    seen: dict[str, str] = {}
    for item in inst.spec.items:
        for opt in item.options:
            seen.setdefault(f"{item.code}.{opt.code}", f"{item.label}: {opt.label}"[:1000])
    return {
        "resourceType": "CodeSystem",
        "id": f"{inst.code}-answers",
        "url": _answer_system(inst),
        "version": inst.spec.version,
        "name": f"{inst.code.capitalize()}Answers",
        "status": "active",
        "content": "complete",
        "concept": [{"code": c, "display": d} for c, d in seen.items()],
    }


def questionnaire(inst: Instrument) -> dict[str, Any]:
    return {
        "resourceType": "Questionnaire",
        "id": inst.code,
        "url": f"{BASE}/Questionnaire/{inst.code}",
        "version": inst.spec.version,
        "name": inst.code.capitalize(),
        "title": inst.spec.title,
        "status": "active",
        "description": f"{inst.spec.instructions} Source: {inst.spec.source}"[:5000],
        "item": [
            {
                "linkId": item.code,
                "text": item.label,
                "type": "choice",
                "required": inst.required,
                "answerOption": [
                    {
                        "valueCoding": {
                            "system": _answer_system(inst),
                            "code": f"{item.code}.{o.code}",
                            "display": o.label,
                        }
                    }
                    for o in item.options
                ],
            }
            for item in inst.spec.items
        ],
    }


def _day(v: ExVisit) -> str:
    return v.visit.visit_date.isoformat()


def _instant(at: datetime) -> str:
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).isoformat()


def patient(record: ExRecord) -> dict[str, Any]:
    p = record.patient
    out: dict[str, Any] = {
        "resourceType": "Patient",
        "id": _id(_urn("Patient", p.study_id)),
        "identifier": [{"system": STUDY_ID_SYSTEM, "value": p.study_id}],
    }
    if p.sex:
        out["gender"] = p.sex
    if not record.deidentified:
        if p.name:
            out["name"] = [{"text": p.name}]
        if p.birth_date:
            out["birthDate"] = p.birth_date.isoformat()
    return out


def _answers(inst: Instrument, v: ExVisit) -> list[dict[str, Any]] | None:
    """The response's items, or None when the instrument was not answered item by item and complete."""
    state = v.visit.instruments.get(inst.code)
    if state is None or state.not_assessable_reason or inst.total_of(v.visit.scores) is None:
        return None
    items = []
    for item in inst.spec.items:
        answer = (state.answers or {}).get(item.code)
        if answer is None and state.answers is None and len(inst.spec.items) == 1:
            answer = inst.to_answer(item, str(state.total))  # a single-item grade stored as the total (ECOG)
        option = inst.to_option(item, answer) if answer is not None else None
        if option is None:
            if state.answers is None:
                return None  # a total from paper: no response, the total is an Observation
            continue
        code = {"system": _answer_system(inst), "code": f"{item.code}.{option.code}", "display": option.label}
        items.append({"linkId": item.code, "text": item.label, "answer": [{"valueCoding": code}]})
    return items


def _observation(
    record: ExRecord, v: ExVisit, key: str, coding: dict[str, str], value: Any, text: str = "", derived: str = ""
) -> dict[str, Any]:
    urn = _urn("Observation", record.patient.study_id, v.visit.id, key)
    out: dict[str, Any] = {
        "resourceType": "Observation",
        "id": _id(urn),
        "status": "preliminary" if v.visit.status == "draft" else "final",
        "category": [
            {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey"}]}
        ],
        "code": {"coding": [coding], "text": coding["display"]},
        "subject": {"reference": _urn("Patient", record.patient.study_id)},
        "effectiveDateTime": _day(v),
    }
    if isinstance(value, bool) or value is None:
        out["valueString"] = text
    elif isinstance(value, int):
        out["valueInteger"] = value
    else:
        out["valueQuantity"] = {"value": value}
    if text and "valueString" not in out:
        out["interpretation"] = [{"text": text}]
    if derived:
        out["derivedFrom"] = [{"reference": derived}]
    return out


def visit_resources(record: ExRecord, v: ExVisit) -> Iterator[tuple[str, dict[str, Any]]]:
    subject = {"reference": _urn("Patient", record.patient.study_id)}
    made: list[str] = []
    responses: dict[str, str] = {}
    for inst in registry.INSTRUMENTS:
        items = _answers(inst, v)
        if items is None:
            continue
        urn = _urn("QuestionnaireResponse", record.patient.study_id, v.visit.id, inst.code)
        responses[inst.code] = urn
        made.append(urn)
        yield (
            urn,
            {
                "resourceType": "QuestionnaireResponse",
                "id": _id(urn),
                "questionnaire": f"{BASE}/Questionnaire/{inst.code}|{inst.spec.version}",
                "status": "completed",
                "subject": subject,
                "authored": _day(v),
                "item": items,
            },
        )
    scores = v.visit.scores
    for inst in registry.INSTRUMENTS:
        total = inst.total_of(scores)
        if total is None:
            continue
        loinc = LOINC_CODES.get(inst.code)
        coding = (
            {"system": LOINC, "code": loinc[0], "display": loinc[1]}
            if loinc
            else {"system": CODE_SYSTEM, "code": f"{inst.code}-total", "display": f"{inst.short_title} total"}
        )
        verdict = inst.verdict(scores)
        obs = _observation(record, v, inst.code, coding, total, verdict, responses.get(inst.code, ""))
        made.append(_urn("Observation", record.patient.study_id, v.visit.id, inst.code))
        yield made[-1], obs
        if inst.dependency_key and scores.get(inst.dependency_key) is not None:
            code = inst.dependency_key.replace("_", "-")
            coding = {"system": CODE_SYSTEM, "code": code, "display": f"{inst.short_title} dependency count"}
            made.append(_urn("Observation", record.patient.study_id, v.visit.id, code))
            yield made[-1], _observation(record, v, code, coding, scores[inst.dependency_key])
    for code, display, key, category in _SCORES:
        value = score_value(scores, key)
        if value is None:
            continue
        coding = {"system": CODE_SYSTEM, "code": code, "display": display}
        made.append(_urn("Observation", record.patient.study_id, v.visit.id, code))
        yield made[-1], _observation(record, v, code, coding, value, score_value(scores, category) or "")
    if v.visit.status == "signed" and v.visit.signed_at is not None and made:
        yield _provenance(record, v, made)


def _provenance(record: ExRecord, v: ExVisit, made: list[str]) -> tuple[str, dict[str, Any]]:
    """Who signed (full name, and the user name as identifier), when (the signature's moment, UTC) and
    what the signature means (Provenance.reason); a visit signed before electronic signatures has only
    its signer's user name and moment."""
    urn = _urn("Provenance", record.patient.study_id, v.visit.id)
    s = v.visit.signature
    who: dict[str, Any] = {"display": v.visit.signed_by or "unknown"}
    when = v.visit.signed_at
    extra: dict[str, Any] = {}
    if s is not None:
        who = {"identifier": {"system": f"{BASE}/user", "value": s.signer}, "display": s.full_name}
        when, extra = s.signed_at, {"reason": [{"text": s.meaning}]}
    assert when is not None
    return (
        urn,
        {
            "resourceType": "Provenance",
            "id": _id(urn),
            "target": [{"reference": r} for r in made],
            "recorded": _instant(when),
            **extra,
            "agent": [{"who": who}],
            "signature": [
                {
                    "type": [
                        {
                            "system": "urn:iso-astm:E1762-95:2013",
                            "code": "1.2.840.10065.1.12.1.5",
                            "display": "Verification Signature",
                        }
                    ],
                    "when": _instant(when),
                    "who": who,
                }
            ],
        },
    )


def definitions() -> Iterator[tuple[str, dict[str, Any]]]:
    yield f"{CODE_SYSTEM}", code_system()
    for inst in registry.INSTRUMENTS:
        yield _answer_system(inst), answer_code_system(inst)
        yield f"{BASE}/Questionnaire/{inst.code}", questionnaire(inst)


def resources(records: Iterable[ExRecord]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield from definitions()
    for record in records:
        yield _urn("Patient", record.patient.study_id), patient(record)
        for v in record.visits:
            yield from visit_resources(record, v)


def write_fhir(records: Iterable[ExRecord], path: Path) -> None:
    """One Bundle (collection), written entry by entry: the file never holds more than it must."""
    header = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "type": "collection",
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "entry": [\n')
        for n, (full_url, resource) in enumerate(resources(records)):
            out.write(
                ("" if n == 0 else ",\n") + json.dumps({"fullUrl": full_url, "resource": resource}, ensure_ascii=False)
            )
        out.write("\n]}\n")
