"""The hospital record number (MRN, issue 17): an optional patient field, trimmed and at most 40 characters,
audited when set or changed, exported as the last identifying column and dropped when de-identified."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from cga_desk.domain.errors import ValidationError
from cga_desk.domain.records import PatientInput
from cga_desk.persistence.database import Database
from cga_desk.services import patients
from cga_desk.services.audit import full_trail
from cga_desk.services.dataset import analysis_frame
from tests.integration.report_helpers import LONG_ID, build_long_patient
from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, TODAY

PATIENT = PatientInput("MRN-001", date(1950, 3, 4), "Ada Lovelace", "female", mrn="  H 0012345  ")


def test_the_mrn_is_trimmed_stored_read_back_and_audited(db: Database) -> None:
    with db.unit_of_work() as uow:
        view = patients.register_patient(uow, NURSE_USER, PATIENT, today=TODAY)
    assert view.mrn == "H 0012345"
    with db.unit_of_work(write=False) as uow:
        assert patients.read_patient(uow, "MRN-001").view.mrn == "H 0012345"
    with db.unit_of_work() as uow:
        patients.edit_patient(uow, NURSE_USER, "MRN-001", replace(PATIENT, mrn="H 0099999"), today=TODAY)
    with db.unit_of_work(write=False) as uow:
        assert patients.get_patient(uow, NURSE_USER, "MRN-001").mrn == "H 0099999"
        trail = [e for e in full_trail(uow, ADMIN_USER) if e.field == "mrn"]
    assert [(e.old_value, e.new_value) for e in trail] == [(None, "H 0012345"), ("H 0012345", "H 0099999")]


@pytest.mark.parametrize("mrn", ["   ", None, ""])
def test_a_blank_mrn_is_none(db: Database, mrn: str | None) -> None:
    with db.unit_of_work() as uow:
        assert patients.register_patient(uow, NURSE_USER, replace(PATIENT, mrn=mrn), today=TODAY).mrn is None


def test_an_mrn_over_40_characters_is_refused_naming_the_field(db: Database) -> None:
    with db.unit_of_work() as uow:
        assert patients.register_patient(uow, NURSE_USER, replace(PATIENT, mrn="9" * 40), today=TODAY).mrn == "9" * 40
    with db.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        patients.edit_patient(uow, NURSE_USER, "MRN-001", replace(PATIENT, mrn="9" * 41), today=TODAY)
    assert caught.value.field == "mrn" and "41" in caught.value.message


def test_the_export_has_the_mrn_last_and_the_deidentified_export_drops_it(db: Database) -> None:
    build_long_patient(db, n=3)
    with db.unit_of_work() as uow:
        p = patients.get_patient(uow, NURSE_USER, LONG_ID)
        data = PatientInput(p.study_id, p.birth_date, p.name, p.sex, p.index_disease, p.diagnosis_date, "H-77")
        patients.edit_patient(uow, NURSE_USER, LONG_ID, data, today=TODAY)
    with db.unit_of_work(write=False) as uow:
        full = analysis_frame(uow, DOCTOR)
        deidentified = analysis_frame(uow, DOCTOR, deidentified=True)
    assert list(full.columns)[-3:] == ["patient_name", "birth_date", "mrn"]
    assert list(full["mrn"]) == ["H-77"] * 3
    assert "mrn" not in deidentified.columns and "patient_name" not in deidentified.columns
