"""The window in Simplified Chinese: no English word reaches the screen (every page and dialog walked
offscreen), the wizard is driven by keyboard to a complete visit, 王秀英 is found by the list's search,
and the patient header keeps a right-to-left name apart from the age."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cga_desk import i18n
from cga_desk.domain.records import PatientInput
from cga_desk.services.clinic import Clinic
from cga_desk.ui.language import install_translators, isolate, missing_catalogue
from cga_desk.ui.main_window import MainWindow
from cga_desk.ui.wizard.questions import ASK
from tests.ui.conftest import PASSWORDS, cohort_loaded, sign_in_as

# What may stay in Latin letters on a Chinese screen: the program's name, the instruments' and scores'
# abbreviations, units and keys, and the data of these tests (names, IDs, users). Everything else must
# contain Chinese.
ALLOWED = (
    "CGA Desk",
    "Katz ADL",
    "Lawton IADL",
    "Charlson CCI",
    "IMWG",
    "ECOG",
    "G8",
    "CCI",
    "IADL",
    "ADL",
    "CAR-T",
    "C+1",
    "Facon",
    "Enter",
    "Tab",
    "Esc",
    "Backspace",
    "Shift",
    "Ctrl",
    "PDF",
    "YYYY-MM-DD",
    "Nurse Ada",
    "Dr Bea",
    "Maria Rossi",
    "PCL-001",
    "PCL-002",
    "PCL-003",
    "kg",
    "BMI",
    "n",
)


def untranslated(text: str) -> bool:
    """A text with Latin words left once the allowed ones are taken out, and no Chinese character."""
    if i18n.contains_cjk(text):
        return False
    rest = text
    for word in sorted(ALLOWED, key=len, reverse=True):
        rest = rest.replace(word, " ")
    return re.search(r"[A-Za-z]{2,}", rest) is not None


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a person can read in `root` as shown now."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisible():
            continue
        name = w.objectName() or type(w).__name__
        if w.isWindow() and w.windowTitle():
            out.append((f"{name}.title", w.windowTitle()))
        if isinstance(w, QLabel):
            out.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
            out.append((f"{name}.tooltip", w.toolTip()))
        elif isinstance(w, QLineEdit):
            out.append((f"{name}.placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            out += [(f"{name}[{i}]", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QTabWidget):
            out += [(f"{name}.tab{i}", w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                out.append((f"{name}.header{c}", str(model.headerData(c, Qt.Orientation.Horizontal) or "")))
                for r in range(min(model.rowCount(), 10)):
                    out.append((f"{name}[{r},{c}]", str(model.index(r, c).data() or "")))
    return out


def menu_texts(window: MainWindow) -> list[tuple[str, str]]:
    out = []
    for menu_action in window.menuBar().actions():
        out.append(("menu", menu_action.text()))
        menu = menu_action.menu()
        for action in menu.actions() if menu else []:
            if action.text() and action.objectName() not in ("action.language.en",):
                out.append((action.objectName() or "action", action.text()))
                out.append((f"{action.objectName()}.tooltip", action.toolTip()))
                if action.menu():
                    out += [
                        (a.objectName(), a.text())
                        for a in action.menu().actions()
                        if a.objectName() != "action.language.en"
                    ]
    return out


def assert_translated(found: list[tuple[str, str]]) -> None:
    bad = [(where, text) for where, text in found if text and untranslated(text)]
    assert not bad, "untranslated on a zh_CN screen:\n" + "\n".join(f"  {w}: {t!r}" for w, t in bad)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The window's translators and the catalogue in zh_CN for one test, English again after it."""
    assert not missing_catalogue("zh_CN"), "resources/i18n/cga_desk_zh_CN.qm is missing: run `make translations`"
    translators = install_translators(qapp, "zh_CN")
    assert translators, "Qt could not load the zh_CN catalogues"
    try:
        yield
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
        install_translators(qapp, "en")


def _chinese_patient(clinic: Clinic, study_id: str = "PCL-002", name: str = "王秀英") -> str:
    clinic.register_patient(
        PatientInput(study_id, date(1948, 3, 2), name, "female", "primary_plasma_cell_leukemia", date(2026, 6, 1))
    )
    return study_id


def _window(qtbot: QtBot, clinic: Clinic) -> MainWindow:
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    window.resize(1360, 820)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def _complete_visit(qtbot: QtBot, window: MainWindow) -> None:
    """Every question by keyboard (the first option, or 'not today' for an optional instrument), then Enter."""
    wizard = window.wizard
    wizard.show_question(0)
    for _ in range(200):
        q = wizard.questions[wizard.index]
        if q.step == "review":
            break
        key = "2" if q.step.endswith(ASK) else q.choices[0].key
        qtbot.keyClick(wizard, key)
    qtbot.keyClick(wizard, Qt.Key.Key_Return)


def _signed_visit(clinic: Clinic, study_id: str) -> None:
    """A complete visit, signed electronically by the physician "bea" (the nurse "ada" signed in again)."""
    from cga_desk.forms import katz, lawton

    v = clinic.start_visit(study_id, date(2026, 7, 1), "Baseline", "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", [])
    clinic.complete_visit(v.id)
    clinic.sign_out()
    sign_in_as(clinic, "bea")
    clinic.sign_visits([v.id], PASSWORDS["bea"], "Reviewed and approved")
    clinic.sign_out()
    sign_in_as(clinic, "ada")


def _sign_in_pages(window: MainWindow, clinic: Clinic, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The sign-in page in its three forms: sign in, create the administrator (an empty database) and set
    the administrator's password (a database from before passwords), and the demo offer after it."""
    found = visible_texts(window)
    for state in ("empty", "no_admin"):
        monkeypatch.setattr(clinic, "accounts_state", lambda s=state: s)
        window.signin.refresh()
        found += visible_texts(window)
    window.signin.demo.show()  # the offer that follows the administrator's creation
    found += visible_texts(window)
    monkeypatch.undo()
    window.signin.refresh()
    return found


def _shown(dialog: QWidget) -> list[tuple[str, str]]:
    dialog.show()
    found = visible_texts(dialog)
    dialog.close()
    return found


def test_no_english_reaches_a_chinese_screen(
    qtbot: QtBot, clinic: Clinic, patient: str, chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cga_desk.ui.accounts import AddUserDialog, SecuritySettingsDialog, UsersDialog
    from cga_desk.ui.audit_viewer import AuditViewer
    from cga_desk.ui.patient_dialog import PatientDialog
    from cga_desk.ui.report_actions import ReportSettingsDialog
    from cga_desk.ui.signin import ChangePasswordDialog
    from cga_desk.ui.signoff import SignDialog
    from cga_desk.ui.visit_dialogs import MilestoneDialog, StartVisitDialog

    study_id = _chinese_patient(clinic)
    clinic.add_milestone(study_id, "induction_start", date(2026, 6, 8), "")
    _signed_visit(clinic, study_id)
    clinic.sign_out()
    window = _window(qtbot, clinic)
    found = menu_texts(window) + _sign_in_pages(window, clinic, monkeypatch)  # the sign-in page
    window.sign_in("ada", PASSWORDS["ada"])
    assert clinic.user is not None and clinic.user.name == "ada"
    found += menu_texts(window) + visible_texts(window)  # the patient list, the nurse's menus
    window.show_patient(study_id)
    found += visible_texts(window)  # the patient page, visits tab, with the signature line
    texts = " ".join(t for _, t in found)
    assert "由 Dr Bea（bea）于 " in texts and "电子签名 — 已审阅并批准" in texts
    assert window.patient.signature.text().startswith("基线 2026年7月1日: 由 Dr Bea")  # the visit, in words
    signed = list(window.patient.model.rows)
    found += _shown(SignDialog(clinic, signed, window))  # the signing dialog (as a physician would see it)
    qtbot.keyClick(window.patient.primary, Qt.Key.Key_Return)  # the next due visit, in the wizard
    wizard = window.wizard
    for i in range(len(wizard.questions)):  # every question of every instrument, and the review
        wizard.show_question(i)
        found += visible_texts(window)
    wizard.pending = (1, 0)  # an answer a conflict refused: the banner and the R button
    wizard.show_question(1)
    found += visible_texts(window)
    wizard.pending = None
    _complete_visit(qtbot, window)
    window.patient.tabs.setCurrentIndex(1)  # trends and change from baseline
    qtbot.waitUntil(lambda: window.patient.trends is not None, timeout=5000)
    found += visible_texts(window)
    cohort_loaded(qtbot, window.cohort, window.show_cohort)  # its texts once the summary is on the page
    found += visible_texts(window)
    for dialog in (
        PatientDialog(clinic, None, window),
        PatientDialog(clinic, clinic.open_patient(study_id).patient, window),
        StartVisitDialog(clinic.timepoint_labels(), "Baseline", date(2026, 11, 24), window),
        MilestoneDialog(window),
        ChangePasswordDialog(clinic, window, required=True),
    ):
        found += _shown(dialog)
    window.lock()  # the idle lock, then its "someone else" form
    lock = window.lock_screen
    assert lock is not None
    found += visible_texts(lock) + visible_texts(window)
    lock.other.click()
    found += visible_texts(lock)
    lock.other.click()
    lock.password.setText(PASSWORDS["ada"])
    lock.go.click()
    assert not window.locked
    window.sign_out()
    window.sign_in("admin", PASSWORDS["admin"])  # the administrator's menus and dialogs
    found += menu_texts(window)
    users = UsersDialog(clinic, window)
    users.show()
    data = {f"users.table[{r},{c}]" for r in range(users.table.rowCount()) for c in (0, 1)}  # names: data
    found += [(w, t) for w, t in visible_texts(users) if w not in data]
    users.close()
    viewer = AuditViewer(clinic, window)
    viewer.show()  # the events themselves are the record (codes), shown as recorded: headings and filters only
    found += [(w, t) for w, t in visible_texts(viewer) if not w.startswith("audit.table[")]
    viewer.close()
    for dialog in (
        AddUserDialog(clinic, window),
        SecuritySettingsDialog(clinic, window),
        ReportSettingsDialog(clinic, window),
    ):
        found += _shown(dialog)
    assert len(found) > 400  # the walk saw the pages (a broken walk must not pass quietly)
    assert_translated(found)
    texts = " ".join(t for _, t in found)
    for words in (
        "登录 CGA Desk",
        "创建管理员",
        "已锁定",
        "签署访视",
        "用户管理",
        "安全设置",
        "审计记录",
        "患者列表",
        "健壮",
        "中等健壮",
        "衰弱",
        "洗澡",
        "使用电话的能力",
        "心肌梗死",
        "ECOG 体能状态",
        "王秀英",
    ):
        assert words in texts, words


def test_the_walk_catches_an_english_label(qtbot: QtBot, chinese: None) -> None:
    """The check itself: an English label on a Chinese screen is reported; allowed words are not."""
    root = QWidget()
    qtbot.addWidget(root)
    QLabel("Patient list", root)
    QLabel("IMWG 衰弱评分", root)
    QLabel("Katz ADL 5/6 · PCL-001", root)
    root.show()
    with pytest.raises(AssertionError, match="Patient list"):
        assert_translated(visible_texts(root))


def test_wizard_in_chinese_by_keyboard_to_a_complete_visit(qtbot: QtBot, clinic: Clinic, chinese: None) -> None:
    study_id = _chinese_patient(clinic)
    window = _window(qtbot, clinic)
    window.show_patient(study_id)
    assert "王秀英" in window.patient.title.text() and "岁" in window.patient.title.text()
    qtbot.keyClick(window.patient.primary, Qt.Key.Key_Return)
    wizard = window.wizard
    assert window.stack.currentWidget() is wizard
    assert "量表措辞" in wizard.notice.text() and i18n.wording_version() in wizard.notice.text()
    for ch in "1" + "111111" + "11111111" + "1" * 16 + "0":  # as the English end-to-end test types it
        qtbot.keyClick(wizard, ch)
    while wizard.questions[wizard.index].step.endswith(ASK):
        qtbot.keyClick(wizard, "2")
    assert wizard.questions[wizard.index].step == "review" and "所需内容均已记录" in wizard.review.missing.text()
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.patient
    (visit,) = window.patient.model.rows
    assert visit.status == "complete" and visit.timepoint == "Baseline"  # codes are stored, not words
    assert visit.scores["imwg"]["category"] == "intermediate"  # 78 on 2026-11-24: age +1
    shown = [window.patient.model.index(0, c).data() for c in range(window.patient.model.columnCount())]
    assert "基线" in shown[1] and shown[2] == "已完成" and "中等健壮 (1)" in shown
    assert wording_versions(clinic, visit.id) == {i18n.wording_version("zh_CN")}  # recorded with the visit


def wording_versions(clinic: Clinic, visit_id: int) -> set[str | None]:
    from sqlalchemy import select

    from cga_desk.persistence.tables import VisitInstrument

    with clinic.store.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(select(VisitInstrument).where(VisitInstrument.visit_id == visit_id)).all()
        return {r.wording_version for r in rows}


def test_search_finds_a_chinese_name_by_one_character_the_full_name_and_the_id(
    qtbot: QtBot, clinic: Clinic, patient: str, chinese: None
) -> None:
    _chinese_patient(clinic, "PCL-002", "王秀英")
    _chinese_patient(clinic, "PCL-003", "李秀兰")
    window = _window(qtbot, clinic)
    window.show_list()
    page = window.patients

    def shown() -> list[str]:
        return [page.model.index(r, 1).data() for r in range(page.model.rowCount())]

    for typed, expected in (
        ("王", ["王秀英"]),
        ("王秀英", ["王秀英"]),
        ("pcl-002", ["王秀英"]),
        ("秀", ["王秀英", "李秀兰"]),
    ):
        page.search.clear()
        commit_from_input_method(page.search, typed)
        qtbot.waitUntil(lambda e=expected: sorted(shown()) == sorted(e), timeout=3000)
    assert page.search.text() == "秀"


def commit_from_input_method(widget: QWidget, text: str) -> None:
    """Type as IBus or Fcitx 5 do: a preedit string (the pinyin being composed), then the chosen characters
    committed by a QInputMethodEvent (QTest's key clicks cannot type characters outside Latin-1)."""
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    QApplication.sendEvent(widget, QInputMethodEvent("wang", []))  # being composed: not yet text
    commit = QInputMethodEvent("", [])
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)


def test_a_right_to_left_name_is_isolated_from_the_age_in_the_header(
    qtbot: QtBot, clinic: Clinic, chinese: None
) -> None:
    study_id = _chinese_patient(clinic, "PCL-004", "محمد علي")
    window = _window(qtbot, clinic)
    window.show_patient(study_id)
    title = window.patient.title.text()
    assert isolate("محمد علي") in title  # FSI name PDI: the bidi algorithm keeps it one run
    assert title.index("\u2069") < title.index("岁")


def test_file_language_is_saved_for_the_next_start(qtbot: QtBot, clinic: Clinic) -> None:
    from cga_desk.ui.language import saved_language, window_language

    window = _window(qtbot, clinic)
    assert saved_language() is None and window_language("en") == "en"
    chinese = window.findChild(QAction, "action.language.zh_CN")
    assert chinese is not None and chinese.text() == "简体中文" and not chinese.isChecked()
    chinese.trigger()
    assert saved_language() == "zh_CN" and window_language() == "zh_CN"  # the next start, without --lang
    assert window_language("en") == "en"  # --lang still wins
    assert "next time" in window.statusBar().currentMessage()  # said at once: it applies after a restart
    assert i18n.language() == "en"  # this window stays as it started
