"""The physician's view of the points (issue 18 item 5): the patient page shows the IMWG points of the
baseline and of the selected visit side by side, each with the answers that earned them, and the item
changes in words grouped under the score they moved."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from cga_desk.forms import charlson, katz, lawton, points
from cga_desk.services.clinic import Clinic
from cga_desk.ui.patient_page import PatientPage


def _visit(clinic: Clinic, day: date, timepoint: str, dependent: tuple[str, ...], finances: int) -> int:
    v = clinic.start_visit("PCL-001", day, timepoint, "patient")
    clinic.save_answers(
        v.id, "katz", {c: "dependent" if c in dependent else "independent" for c in katz.SPEC.item_codes}
    )
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes} | {"finances": finances})
    clinic.save_answers(v.id, "charlson", ["diabetes_uncomplicated", "chronic_pulmonary_disease"])
    clinic.complete_visit(v.id)
    return v.id


def test_baseline_and_selected_visit_points_side_by_side_with_their_answers(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    _visit(clinic, date(2026, 3, 10), "Baseline", (), 1)
    later = _visit(clinic, date(2026, 6, 1), "End of induction", ("bathing", "dressing"), 3)
    page = PatientPage(clinic)
    qtbot.addWidget(page)
    page.show_patient(patient)
    text = page.points.toPlainText()  # nothing selected: the latest visit with a score, called so
    assert "Latest visit with a score: End of induction, 2026-06-01" in text and "Selected visit" not in text
    page.table.selectRow(1)
    text = page.points.toPlainText()
    baseline_at, selected_at = text.index("Baseline: Baseline, 2026-03-10"), text.index("Selected visit: End of")
    changes_at = text.index("Answers changed since the baseline")
    base = clinic.visits(patient)[0].scores["imwg"]
    now = clinic.visit(later).scores["imwg"]
    assert base["points"]["adl"] == 0 and now["points"]["adl"] == 1  # the case: ADL 6 -> 4 earns a point
    assert f"IMWG frailty score {base['score']}/5" in text[baseline_at:selected_at]
    assert f"IMWG frailty score {now['score']}/5" in text[selected_at:changes_at]
    # the answers that earned each point, under the visit they belong to
    selected = text[selected_at:changes_at]
    adl_line = next(line for line in selected.splitlines() if line.startswith("Katz ADL · ADL"))
    assert adl_line.endswith("→ +1")
    after_adl = selected[selected.index(adl_line) :].splitlines()[1]
    assert after_adl.strip() == "earned by: Bathing: Dependent; Dressing: Dependent"
    base_lines = [line.strip() for line in text[baseline_at:selected_at].splitlines()]
    cci_at = next(i for i, line in enumerate(base_lines) if line.startswith("Charlson CCI · CCI 2"))
    assert base_lines[cci_at + 1] == (
        "earned by: Chronic pulmonary disease: present; Diabetes without end-organ damage: present"
    )
    assert base_lines[1 + base_lines.index(next(x for x in base_lines if x.startswith("Age 76")))].startswith(
        "Charlson"
    )  # age: its own line, no answers
    assert "Dependent" not in text[baseline_at:selected_at]  # nothing dependent at baseline
    # the changes in words, grouped under the score they moved
    changes = text[changes_at:].splitlines()
    katz_at = next(i for i, line in enumerate(changes) if line.startswith("Katz ADL 6 → 4"))
    assert "its IMWG point +0 → +1" in changes[katz_at]
    assert changes[katz_at + 1].lstrip(" •").startswith("Bathing:")
    assert changes[katz_at + 2].lstrip(" •").startswith("Dressing:")
    lawton_at = next(i for i, line in enumerate(changes) if line.startswith("Lawton IADL 8 → 7"))
    assert "its IMWG point +0 → +0" in changes[lawton_at]
    assert "Incapable of handling money" in changes[lawton_at + 1]
    assert not any(line.startswith("Charlson") for line in changes)  # nothing moved it
    page.table.selectRow(0)  # the baseline itself: its points, no changes
    text = page.points.toPlainText()
    assert "Baseline (this visit): Baseline, 2026-03-10" in text and "Answers changed" not in text


def test_the_answers_counting_against_the_patient() -> None:
    answers = {c: c in ("dementia", "diabetes_uncomplicated") for c in charlson.SPEC.item_codes}
    assert points.counting_items(charlson.INSTRUMENT, answers) == (("dementia", True), ("diabetes_uncomplicated", True))
    lawton_answers = {c: 1 for c in lawton.SPEC.item_codes} | {"telephone": 2, "shopping": 2}
    # telephone option 2 still scores 1 (best): it does not count; shopping 2 scores 0: it does
    assert points.counting_items(lawton.INSTRUMENT, lawton_answers) == (("shopping", 2),)
    assert points.imwg_components({}, {}) == ()
